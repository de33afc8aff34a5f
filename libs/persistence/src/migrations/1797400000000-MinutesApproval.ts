import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19 item 7: minutes of record. The minutes are a draft until the next meeting (or the NEC) approves
 * them; the approval is kept once per conference with the meeting, its date, how it approved them, any
 * corrections, who recorded it and when, and the last log entry the approved minutes hold.
 */
export class MinutesApproval1797400000000 implements MigrationInterface {
  name = 'MinutesApproval1797400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE minutes_approval (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        approved_by text NOT NULL CHECK (approved_by IN ('next_meeting', 'nec')),
        meeting text NOT NULL,
        meeting_on date NOT NULL,
        how text NOT NULL,
        corrections text,
        through_seq bigint NOT NULL,
        recorded_by uuid NOT NULL REFERENCES account(id),
        recorded_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE minutes_approval');
  }
}
