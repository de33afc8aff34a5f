import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The membership register, bodies and their officers, official accounts, conference set-up
 * (deadlines, sections, the versioned ruleset), roles, registrations with access codes, and sessions.
 */
export class Membership1763880000000 implements MigrationInterface {
  name = 'Membership1763880000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE body (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('branch', 'network', 'committee', 'forum', 'joint_members')),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        region text,
        membership_count integer NOT NULL DEFAULT 0 CHECK (membership_count >= 0)
      )`);
    await db.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        membership_number text NOT NULL UNIQUE,
        name text NOT NULL,
        email text NOT NULL,
        category text NOT NULL,
        branch_id uuid REFERENCES body(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX member_branch_idx ON member(branch_id)');
    await db.query(`
      CREATE TABLE body_officer (
        body_id uuid NOT NULL REFERENCES body(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
        office text NOT NULL,
        PRIMARY KEY (body_id, member_id, office)
      )`);
    await db.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        member_id uuid REFERENCES member(id),
        is_head_office boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE UNIQUE INDEX account_email_uq ON account(lower(email))');
    await db.query(`
      ALTER TABLE conference
        ADD COLUMN motions_deadline timestamptz,
        ADD COLUMN amendments_deadline timestamptz,
        ADD COLUMN emergency_deadline timestamptz,
        ADD COLUMN accepts_constitutional_amendments boolean NOT NULL DEFAULT false,
        ADD COLUMN ruleset jsonb,
        ADD COLUMN ruleset_version integer NOT NULL DEFAULT 1,
        ADD COLUMN opened_at timestamptz`);
    await db.query(`
      CREATE TABLE ruleset_version (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        version integer NOT NULL,
        ruleset jsonb NOT NULL,
        changed_by uuid,
        changed_at timestamptz NOT NULL,
        reason text,
        PRIMARY KEY (conference_id, version)
      )`);
    await db.query(`
      CREATE TABLE section (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        name text NOT NULL,
        owning_body_id uuid REFERENCES body(id),
        position integer NOT NULL,
        UNIQUE (conference_id, name)
      )`);
    await db.query(`
      CREATE TABLE role_assignment (
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'soc', 'chair', 'teller', 'monitor')),
        PRIMARY KEY (account_id, conference_id, role)
      )`);
    await db.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id),
        attendance_mode text NOT NULL CHECK (attendance_mode IN ('hall', 'remote')),
        access_code_hash text,
        code_issued_at timestamptz,
        code_revoked_at timestamptz,
        checked_in boolean NOT NULL DEFAULT false,
        remote_confirmed boolean NOT NULL DEFAULT false,
        present boolean NOT NULL DEFAULT false,
        registered_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conference_id, member_id)
      )`);
    await db.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE,
        account_id uuid REFERENCES account(id) ON DELETE CASCADE,
        registration_id uuid REFERENCES registration(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CHECK ((account_id IS NULL) <> (registration_id IS NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['session', 'registration', 'role_assignment', 'section', 'ruleset_version', 'account', 'body_officer', 'member', 'body']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`
      ALTER TABLE conference DROP COLUMN motions_deadline, DROP COLUMN amendments_deadline, DROP COLUMN emergency_deadline,
        DROP COLUMN accepts_constitutional_amendments, DROP COLUMN ruleset, DROP COLUMN ruleset_version, DROP COLUMN opened_at`);
  }
}
