import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 18 item 5: the conference's livestream (for remote attendees to watch the hall) and the audio and
 * video room a called remote speaker joins to be heard (an external service: Jitsi, Zoom, Teams). Both are
 * addresses the union already has; the system only hands them out. https only, checked here too.
 */
export class RemoteLinks1797500000000 implements MigrationInterface {
  name = 'RemoteLinks1797500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE conference
        ADD COLUMN livestream_url text,
        ADD COLUMN speaker_room_url text,
        ADD CONSTRAINT conference_livestream_url_https CHECK (livestream_url IS NULL OR livestream_url LIKE 'https://%'),
        ADD CONSTRAINT conference_speaker_room_url_https CHECK (speaker_room_url IS NULL OR speaker_room_url LIKE 'https://%')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE conference
        DROP CONSTRAINT conference_livestream_url_https,
        DROP CONSTRAINT conference_speaker_room_url_https,
        DROP COLUMN livestream_url,
        DROP COLUMN speaker_room_url`);
  }
}
