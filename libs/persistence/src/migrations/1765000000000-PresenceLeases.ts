import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A remote attendee's presence belongs to the person, not to a socket: it is held by a lease that the
 * instances serving their sockets renew, that a disconnect extends by the conference's grace, and that
 * lapses by itself when nobody renews it (an instance killed). `registration.present` stays the one
 * column every reader (quorum, eligibility, the debate) uses; the sweeper turns it off when the lease
 * has lapsed. Remote attendees already present get a lease of the default grace, so a restart does not
 * drop them at once and does not keep them for ever either.
 */
export class PresenceLeases1765000000000 implements MigrationInterface {
  name = 'PresenceLeases1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE presence_lease (
        registration_id uuid PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
        grace_seconds integer NOT NULL CHECK (grace_seconds BETWEEN 5 AND 3600),
        expires_at timestamptz NOT NULL,
        instance_id text NOT NULL
      )`);
    await db.query(`
      INSERT INTO presence_lease (registration_id, grace_seconds, expires_at, instance_id)
      SELECT id, 120, now() + interval '120 seconds', 'migration' FROM registration WHERE attendance_mode = 'remote' AND present`);
    // The sweeper's question, every second on every instance: remote attendees counted as present.
    await db.query(
      `CREATE INDEX registration_remote_present_idx ON registration (id) WHERE attendance_mode = 'remote' AND present`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX registration_remote_present_idx');
    await db.query('DROP TABLE presence_lease');
  }
}
