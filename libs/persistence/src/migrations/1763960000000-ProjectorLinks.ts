import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read-only projector links: a bearer secret for the hall's projector PC, so it needs no official's
 * credentials. As with sessions, only the secret's HMAC-SHA256 under the token secret is stored; a link
 * is for one conference, ends at `expires_at` or when revoked, and records who issued and revoked it.
 */
export class ProjectorLinks1763960000000 implements MigrationInterface {
  name = 'ProjectorLinks1763960000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projector_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        label text NOT NULL,
        created_by uuid REFERENCES account(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES account(id) ON DELETE SET NULL,
        CHECK (expires_at > created_at),
        CHECK (revoked_by IS NULL OR revoked_at IS NOT NULL)
      )`);
    await db.query('CREATE INDEX projector_link_conference ON projector_link (conference_id, created_at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE projector_link');
  }
}
