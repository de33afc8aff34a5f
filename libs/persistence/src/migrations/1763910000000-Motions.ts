import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'motion', 'constitutional_amendment', 'emergency_motion', 'composite', 'amendment'`;
const STATUSES = `'draft', 'submitted', 'admitted', 'ruled_out_of_order', 'returned_for_editing', 'composited', 'withdrawn',
  'placed', 'debated', 'carried', 'carried_as_amended', 'lost', 'remitted', 'referred_back', 'fell', 'not_reached'`;
const EMERGENCY_STAGES = `'awaiting_soc', 'rejected_by_soc', 'awaiting_meeting_vote', 'admitted_by_meeting', 'refused_by_meeting'`;

/**
 * Motions, amendments, emergency motions and composites; their submitting bodies, the audit of every
 * step, the agenda's publication and the priority ballot. The debate engine reads `motion` by these
 * column names (see docs/motions.md).
 */
export class Motions1763910000000 implements MigrationInterface {
  name = 'Motions1763910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE motion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        parent_motion_id uuid REFERENCES motion(id),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        text text NOT NULL CHECK (length(text) <= 20000),
        amended_text text,
        status text NOT NULL CHECK (status IN (${STATUSES})),
        status_reason text,
        section_id uuid REFERENCES section(id),
        submitting_body_id uuid REFERENCES body(id),
        proposer_member_id uuid REFERENCES member(id),
        seconder_member_id uuid REFERENCES member(id),
        topics text[] NOT NULL DEFAULT '{}',
        agreed_on date,
        agenda_number integer,
        agenda_position integer,
        agenda_label text,
        word_count integer NOT NULL CHECK (word_count >= 0),
        over_word_limit boolean NOT NULL,
        composite_id uuid REFERENCES motion(id),
        amendment_text jsonb,
        accepted_by_mover_at timestamptz,
        amendment_ruling text CHECK (amendment_ruling IN ('admissible', 'inadmissible')),
        amendment_ruling_reason text,
        emergency_stage text CHECK (emergency_stage IN (${EMERGENCY_STAGES})),
        emergency_answers jsonb,
        emergency_soc_reason text,
        created_by uuid NOT NULL,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        -- An amendment amends exactly one motion, and only an amendment has a parent.
        CONSTRAINT motion_amendment_has_parent CHECK ((kind = 'amendment') = (parent_motion_id IS NOT NULL)),
        CONSTRAINT motion_amendment_text CHECK ((kind = 'amendment') = (amendment_text IS NOT NULL)),
        -- Only emergency motions carry SO 7 answers and an admission stage.
        CONSTRAINT motion_emergency_answers CHECK ((kind = 'emergency_motion') = (emergency_answers IS NOT NULL)),
        CONSTRAINT motion_emergency_stage CHECK (kind = 'emergency_motion' OR emergency_stage IS NULL),
        -- Anything past the draft stage was submitted at a known instant.
        CONSTRAINT motion_submitted_at CHECK (status = 'draft' OR submitted_at IS NOT NULL),
        CONSTRAINT motion_composited_into CHECK ((status = 'composited') = (composite_id IS NOT NULL)),
        -- A motion is submitted for a body, or jointly by two members (proposer and seconder).
        CONSTRAINT motion_submitter CHECK (kind = 'composite' OR submitting_body_id IS NOT NULL
          OR (proposer_member_id IS NOT NULL AND seconder_member_id IS NOT NULL AND proposer_member_id <> seconder_member_id))
      )`);
    await db.query('CREATE INDEX motion_conference_idx ON motion(conference_id, status)');
    await db.query('CREATE INDEX motion_parent_idx ON motion(parent_motion_id)');
    await db.query('CREATE INDEX motion_body_idx ON motion(submitting_body_id)');
    // Published numbers are unique in a conference: "Motion 3" and "Emergency motion 1" name one item each.
    await db.query('CREATE UNIQUE INDEX motion_agenda_label_uq ON motion(conference_id, agenda_label) WHERE agenda_label IS NOT NULL');
    await db.query(`
      CREATE TABLE motion_submitter (
        motion_id uuid NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
        body_id uuid NOT NULL REFERENCES body(id),
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (motion_id, body_id)
      )`);
    await db.query(`
      CREATE TABLE motion_audit (
        id bigserial PRIMARY KEY,
        motion_id uuid NOT NULL REFERENCES motion(id) ON DELETE CASCADE,
        action text NOT NULL,
        who uuid NOT NULL,
        role text NOT NULL,
        at timestamptz NOT NULL,
        why text,
        from_status text,
        to_status text NOT NULL
      )`);
    await db.query('CREATE INDEX motion_audit_motion_idx ON motion_audit(motion_id, id)');
    await db.query(`
      CREATE TABLE motion_agenda (
        conference_id uuid PRIMARY KEY REFERENCES conference(id) ON DELETE CASCADE,
        published_at timestamptz NOT NULL,
        published_by uuid NOT NULL,
        section_order text[] NOT NULL
      )`);
    // [Napo] each member picks 1 to 9 motions; one ballot per member per conference.
    await db.query(`
      CREATE TABLE priority_ballot (
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id),
        picks uuid[] NOT NULL CHECK (cardinality(picks) >= 1),
        cast_at timestamptz NOT NULL,
        PRIMARY KEY (conference_id, member_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['priority_ballot', 'motion_agenda', 'motion_audit', 'motion_submitter', 'motion']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
