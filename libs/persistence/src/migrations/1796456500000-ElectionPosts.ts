import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Elections at the AGM, first slice (issue 20, docs/elections.md "Posts and nominations"): the posts a
 * conference elects, the nominations made for them, and the returning officer as a conference role.
 * A post's outcome at the close of nominations is kept on the post: 'uncontested' (elected unopposed,
 * no ballot) or 'ballot'.
 */
export class ElectionPosts1796456500000 implements MigrationInterface {
  name = 'ElectionPosts1796456500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_role_check');
    await db.query(
      `ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_role_check CHECK (role IN ('admin', 'soc', 'chair', 'teller', 'monitor', 'returning_officer'))`,
    );
    await db.query(`
      CREATE TABLE election_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        title text NOT NULL,
        seats integer NOT NULL CHECK (seats >= 1),
        method text NOT NULL CHECK (method IN ('first-past-the-post', 'instant-runoff', 'scottish-stv', 'meek-stv')),
        eligible_categories text[] NOT NULL DEFAULT '{}',
        eligible_body_ids uuid[] NOT NULL DEFAULT '{}',
        nominating_body_ids uuid[] NOT NULL DEFAULT '{}',
        nominations_open_at timestamptz NOT NULL,
        nominations_close_at timestamptz NOT NULL,
        statement_word_limit integer NOT NULL DEFAULT 250 CHECK (statement_word_limit >= 1),
        reserved_seats jsonb NOT NULL DEFAULT '[]',
        closed_at timestamptz,
        outcome text CHECK (outcome IN ('uncontested', 'ballot')),
        result_summary text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conference_id, title),
        CHECK (nominations_open_at < nominations_close_at),
        CHECK (method <> 'instant-runoff' OR seats = 1),
        CHECK ((closed_at IS NULL) = (outcome IS NULL))
      )`);
    await db.query(`
      CREATE TABLE nomination (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES election_post(id) ON DELETE CASCADE,
        candidate_member_id uuid NOT NULL REFERENCES member(id),
        nominating_body_id uuid NOT NULL REFERENCES body(id),
        nominated_by uuid NOT NULL,
        nominated_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'nominated' CHECK (status IN ('nominated', 'accepted', 'withdrawn')),
        statement text,
        declared_groups text[],
        declaration_public boolean,
        accepted_at timestamptz,
        acceptance_recorded_by uuid,
        withdrawn_at timestamptz,
        withdrawal_reason text,
        CHECK (status <> 'accepted' OR (statement IS NOT NULL AND accepted_at IS NOT NULL)),
        CHECK (status <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL)),
        CHECK ((declared_groups IS NULL) = (declaration_public IS NULL))
      )`);
    // One live nomination per candidate per post; a withdrawn one does not block a fresh nomination.
    await db.query(
      `CREATE UNIQUE INDEX nomination_live_candidate ON nomination (post_id, candidate_member_id) WHERE status <> 'withdrawn'`,
    );
    await db.query('CREATE INDEX election_post_conference ON election_post (conference_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE nomination');
    await db.query('DROP TABLE election_post');
    await db.query(`DELETE FROM role_assignment WHERE role = 'returning_officer'`);
    await db.query('ALTER TABLE role_assignment DROP CONSTRAINT role_assignment_role_check');
    await db.query(
      `ALTER TABLE role_assignment ADD CONSTRAINT role_assignment_role_check CHECK (role IN ('admin', 'soc', 'chair', 'teller', 'monitor'))`,
    );
  }
}
