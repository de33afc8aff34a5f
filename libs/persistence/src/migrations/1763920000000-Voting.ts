import { MigrationInterface, QueryRunner } from 'typeorm';

/** Voting tables. */
export class Voting1763920000000 implements MigrationInterface {
  name = 'Voting1763920000000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
