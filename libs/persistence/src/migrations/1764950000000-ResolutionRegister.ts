import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resolution register (docs/resolutions.md): each year's resolutions, numbered within the year, with
 * the motion and conference they came from where the system ran that AGM (none for a past booklet's),
 * an owner, a target date and a status with its reason; progress reports; links where a later resolution
 * supersedes or rescinds an earlier one; the operational plans whose objectives cite them; and the audit
 * of every change. Full-text search reads `search`, kept by PostgreSQL from the title and the text.
 */
export class ResolutionRegister1764950000000 implements MigrationInterface {
  name = 'ResolutionRegister1764950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE resolution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL CHECK (year BETWEEN 1900 AND 2999),
        number integer NOT NULL CHECK (number >= 1),
        title text NOT NULL,
        text text NOT NULL,
        section_heading text NOT NULL DEFAULT '',
        conference_id uuid REFERENCES conference(id) ON DELETE SET NULL,
        motion_id uuid REFERENCES motion(id) ON DELETE SET NULL,
        moved_by text[] NOT NULL DEFAULT '{}',
        mover_body_ids uuid[] NOT NULL DEFAULT '{}',
        outcome text,
        vote jsonb,
        topics text[] NOT NULL DEFAULT '{}',
        owner_body_id uuid REFERENCES body(id) ON DELETE SET NULL,
        owner_account_id uuid REFERENCES account(id) ON DELETE SET NULL,
        target_date date,
        status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'completed', 'superseded', 'rescinded', 'not_pursued')),
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')) STORED,
        UNIQUE (year, number),
        UNIQUE (motion_id),
        CHECK (status NOT IN ('superseded', 'rescinded', 'not_pursued') OR status_reason IS NOT NULL)
      )`);
    await db.query('CREATE INDEX resolution_search ON resolution USING gin (search)');
    await db.query('CREATE INDEX resolution_conference ON resolution (conference_id)');
    await db.query(`
      CREATE TABLE resolution_link (
        later_id uuid NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
        earlier_id uuid NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('supersedes', 'rescinds')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (later_id, earlier_id),
        CHECK (later_id <> earlier_id)
      )`);
    // One resolution is superseded or rescinded once.
    await db.query('CREATE UNIQUE INDEX resolution_link_earlier ON resolution_link (earlier_id)');
    await db.query(`
      CREATE TABLE resolution_progress (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resolution_id uuid NOT NULL REFERENCES resolution(id) ON DELETE CASCADE,
        reported_on date NOT NULL,
        text text NOT NULL,
        author_account_id uuid REFERENCES account(id) ON DELETE SET NULL,
        author_name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX resolution_progress_by ON resolution_progress (resolution_id, reported_on)');
    await db.query(`
      CREATE TABLE operational_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL UNIQUE CHECK (year BETWEEN 1900 AND 2999),
        agm_year integer NOT NULL CHECK (agm_year BETWEEN 1900 AND 2999),
        title text NOT NULL,
        introduction text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE plan_section (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES operational_plan(id) ON DELETE CASCADE,
        position integer NOT NULL,
        title text NOT NULL,
        description text
      )`);
    await db.query(`
      CREATE TABLE plan_objective (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        section_id uuid NOT NULL REFERENCES plan_section(id) ON DELETE CASCADE,
        position integer NOT NULL,
        area text,
        text text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE plan_citation (
        objective_id uuid NOT NULL REFERENCES plan_objective(id) ON DELETE CASCADE,
        resolution_id uuid NOT NULL REFERENCES resolution(id) ON DELETE RESTRICT,
        PRIMARY KEY (objective_id, resolution_id)
      )`);
    await db.query('CREATE INDEX plan_citation_resolution ON plan_citation (resolution_id)');
    await db.query(`
      CREATE TABLE register_audit (
        id bigserial PRIMARY KEY,
        resolution_id uuid REFERENCES resolution(id) ON DELETE CASCADE,
        plan_id uuid REFERENCES operational_plan(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_account_id uuid REFERENCES account(id) ON DELETE SET NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query('CREATE INDEX register_audit_resolution ON register_audit (resolution_id, at)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE register_audit');
    await db.query('DROP TABLE plan_citation');
    await db.query('DROP TABLE plan_objective');
    await db.query('DROP TABLE plan_section');
    await db.query('DROP TABLE operational_plan');
    await db.query('DROP TABLE resolution_progress');
    await db.query('DROP TABLE resolution_link');
    await db.query('DROP TABLE resolution');
  }
}
