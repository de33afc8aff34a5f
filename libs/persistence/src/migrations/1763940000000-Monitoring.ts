import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monitoring tables. */
export class Monitoring1763940000000 implements MigrationInterface {
  name = 'Monitoring1763940000000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
