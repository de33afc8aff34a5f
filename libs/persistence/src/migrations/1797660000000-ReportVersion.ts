import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: the SOC may correct a report to conference while it is to come. Each report carries a version,
 * raised at every correction, so a correction made from an older read (another SOC member corrected it
 * meanwhile) is refused rather than overwriting theirs, as the conference's details are.
 */
export class ReportVersion1797660000000 implements MigrationInterface {
  name = 'ReportVersion1797660000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE conference_report ADD COLUMN version integer NOT NULL DEFAULT 1');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE conference_report DROP COLUMN version');
  }
}
