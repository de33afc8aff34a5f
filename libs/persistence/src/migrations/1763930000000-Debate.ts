import { MigrationInterface, QueryRunner } from 'typeorm';

/** Debate tables. */
export class Debate1763930000000 implements MigrationInterface {
  name = 'Debate1763930000000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
