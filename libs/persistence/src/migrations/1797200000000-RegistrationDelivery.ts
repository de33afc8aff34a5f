import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Codes that reach people: how each registration's current access code was delivered (emailed, the email
 * failed, a letter is due or was printed, or it was shown once on head office's screen), and bulk
 * registration jobs whose progress any instance can report (the job runs on the instance that took it).
 */
export class RegistrationDelivery1797200000000 implements MigrationInterface {
  name = 'RegistrationDelivery1797200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE registration
        ADD COLUMN code_delivery text CHECK (code_delivery IN ('shown', 'emailed', 'email_failed', 'letter_due', 'letter_printed')),
        ADD COLUMN code_delivered_at timestamptz`);
    await db.query(`
      CREATE TABLE registration_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
        requested_by uuid,
        attendance_mode text NOT NULL CHECK (attendance_mode IN ('hall', 'remote')),
        selection text NOT NULL,
        state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'finished', 'failed')),
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        registered integer NOT NULL DEFAULT 0,
        already_registered integer NOT NULL DEFAULT 0,
        emailed integer NOT NULL DEFAULT 0,
        email_failed integer NOT NULL DEFAULT 0,
        letters_due integer NOT NULL DEFAULT 0,
        failure text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await db.query('CREATE INDEX registration_job_conference_idx ON registration_job (conference_id, started_at DESC)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE registration_job');
    await db.query('ALTER TABLE registration DROP COLUMN code_delivery, DROP COLUMN code_delivered_at');
  }
}
