import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 item 1: members apply to attend where the conference allows it (off by default), and head office
 * approves (which registers them) or declines with a reason. One pending application per member and
 * conference; decided ones are kept, with who decided and why.
 */
export class SelfApplication1797650000000 implements MigrationInterface {
  name = 'SelfApplication1797650000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE conference ADD COLUMN self_application boolean NOT NULL DEFAULT false');
    await db.query(`
      CREATE TABLE registration_application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        attendance_mode text NOT NULL CHECK (attendance_mode IN ('hall', 'remote')),
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'declined')),
        decline_reason text,
        applied_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid
      )`);
    await db.query(
      "CREATE UNIQUE INDEX registration_application_one_pending ON registration_application (conference_id, member_id) WHERE state = 'pending'",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE registration_application');
    await db.query('ALTER TABLE conference DROP COLUMN self_application');
  }
}
