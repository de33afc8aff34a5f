import { MigrationInterface, QueryRunner } from 'typeorm';

/** Motions tables. */
export class Motions1763910000000 implements MigrationInterface {
  name = 'Motions1763910000000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
