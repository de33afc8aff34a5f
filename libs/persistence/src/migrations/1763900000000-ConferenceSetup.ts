import { MigrationInterface, QueryRunner } from 'typeorm';

/** ConferenceSetup tables. */
export class ConferenceSetup1763900000000 implements MigrationInterface {
  name = 'ConferenceSetup1763900000000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
