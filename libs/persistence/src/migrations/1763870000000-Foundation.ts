import { MigrationInterface, QueryRunner } from 'typeorm';

/** Conferences, and the per-conference event stream with its gap-free sequence counter. */
export class Foundation1763870000000 implements MigrationInterface {
  name = 'Foundation1763870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE conference (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        venue text NOT NULL,
        time_zone text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        format text NOT NULL CHECK (format IN ('in_person', 'hybrid', 'online')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL,
        CONSTRAINT conference_dates_in_order CHECK (ends_on >= starts_on)
      )`);
    await db.query(`
      CREATE TABLE conference_event_counter (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        last_seq bigint NOT NULL DEFAULT 0
      )`);
    await db.query(`
      CREATE TABLE conference_event (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        payload jsonb NOT NULL,
        audience text NOT NULL,
        actor_id uuid,
        at timestamptz NOT NULL,
        PRIMARY KEY (conference_id, seq)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE conference_event');
    await db.query('DROP TABLE conference_event_counter');
    await db.query('DROP TABLE conference');
  }
}
