import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: reports to conference (the NEC's annual report, say) as business on the order of business,
 * with their sections, so that a delegate can move to refer back a named section. What happens to a
 * report on the floor (taken, references back, received) is in the proceedings log, like a motion's debate.
 */
export class ConferenceReports1797620000000 implements MigrationInterface {
  name = 'ConferenceReports1797620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE conference_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        sections jsonb NOT NULL,
        position integer NOT NULL,
        created_by uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conference_id, title)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE conference_report');
  }
}
