import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voting tables. The once-only rules live here as constraints: one participation per voter per vote
 * (primary key), only members on the eligibility snapshot may participate (foreign key), one ballot per
 * ballot key. For a secret vote the ballot row carries no member id and no timestamp (a check says so).
 */
export class Voting1763920000000 implements MigrationInterface {
  name = 'Voting1763920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE vote (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        subject text NOT NULL CHECK (subject IN ('motion', 'amendment', 'procedural_motion', 'emergency_admission', 'challenge_to_chair', 'custom', 'test')),
        subject_ref text,
        procedural_motion text,
        title text NOT NULL,
        topics text[] NOT NULL DEFAULT '{}',
        method text NOT NULL CHECK (method IN ('show_of_cards', 'electronic', 'hybrid', 'card_vote')),
        majority text NOT NULL CHECK (majority IN ('simple', 'two_thirds')),
        tie_rule text NOT NULL CHECK (tie_rule IN ('chair_casting_vote', 'motion_falls')),
        ballots_changeable boolean NOT NULL,
        secret boolean NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'closed', 'declared', 'voided')),
        opened_by uuid,
        opened_at timestamptz NOT NULL,
        closes_at timestamptz,
        closed_at timestamptz,
        declared_at timestamptz,
        voided_at timestamptz,
        void_reason text,
        eligible_count integer NOT NULL CHECK (eligible_count >= 0),
        eligible_weight integer NOT NULL CHECK (eligible_weight >= 0),
        hall_headcount integer NOT NULL CHECK (hall_headcount >= 0),
        electronic_count integer NOT NULL CHECK (electronic_count >= 0),
        result jsonb,
        CHECK (state <> 'voided' OR (void_reason IS NOT NULL AND voided_at IS NOT NULL)),
        CHECK (state NOT IN ('closed', 'declared') OR closed_at IS NOT NULL),
        CHECK (state <> 'declared' OR result IS NOT NULL)
      )`);
    await db.query('CREATE INDEX vote_conference_idx ON vote(conference_id, opened_at)');
    await db.query(`
      CREATE TABLE vote_eligibility (
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id),
        category text NOT NULL,
        attendance_mode text NOT NULL CHECK (attendance_mode IN ('hall', 'remote')),
        eligible boolean NOT NULL,
        channel text CHECK (channel IN ('hall', 'electronic', 'card')),
        weight integer NOT NULL DEFAULT 0,
        body_id uuid,
        reason text,
        topic text,
        PRIMARY KEY (vote_id, member_id),
        CHECK (eligible = (channel IS NOT NULL)),
        CHECK (eligible = (reason IS NULL)),
        CHECK ((eligible AND weight >= 1) OR (NOT eligible AND weight = 0))
      )`);
    // "Has voted": who, never how. Only an eligible member on the snapshot can have a row, once.
    await db.query(`
      CREATE TABLE vote_participation (
        vote_id uuid NOT NULL,
        member_id uuid NOT NULL,
        PRIMARY KEY (vote_id, member_id),
        FOREIGN KEY (vote_id, member_id) REFERENCES vote_eligibility(vote_id, member_id) ON DELETE CASCADE
      )`);
    // How, never who (secret votes): a random id, and no timestamp column at all.
    await db.query(`
      CREATE TABLE ballot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vote_id uuid NOT NULL REFERENCES vote(id) ON DELETE CASCADE,
        choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
        weight integer NOT NULL CHECK (weight >= 1),
        channel text NOT NULL CHECK (channel IN ('electronic', 'card')),
        receipt_hash text NOT NULL,
        ballot_key_hash text NOT NULL,
        member_id uuid,
        UNIQUE (vote_id, receipt_hash),
        UNIQUE (vote_id, ballot_key_hash)
      )`);
    // A named (open) vote may record the voter on the ballot; then once per member there too.
    await db.query('CREATE UNIQUE INDEX ballot_named_voter_uq ON ballot(vote_id, member_id) WHERE member_id IS NOT NULL');
    await db.query(`
      CREATE TABLE vote_teller_count (
        vote_id uuid PRIMARY KEY REFERENCES vote(id) ON DELETE CASCADE,
        count_for integer NOT NULL CHECK (count_for >= 0),
        count_against integer NOT NULL CHECK (count_against >= 0),
        count_abstain integer NOT NULL CHECK (count_abstain >= 0),
        entered_by uuid NOT NULL,
        entered_at timestamptz NOT NULL,
        confirmed_by uuid,
        confirmed_at timestamptz,
        CHECK (confirmed_by IS NULL OR confirmed_by <> entered_by)
      )`);
    // A secret vote's ballots must not name the voter: enforced by the database, not only the code.
    await db.query(`
      CREATE FUNCTION ballot_secrecy_check() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.member_id IS NOT NULL AND (SELECT secret FROM vote WHERE id = NEW.vote_id) THEN
          RAISE EXCEPTION 'a ballot of a secret vote may not name its voter';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER ballot_secrecy BEFORE INSERT OR UPDATE ON ballot
        FOR EACH ROW WHEN (NEW.member_id IS NOT NULL) EXECUTE FUNCTION ballot_secrecy_check()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER ballot_secrecy ON ballot');
    await db.query('DROP FUNCTION ballot_secrecy_check()');
    for (const table of ['vote_teller_count', 'ballot', 'vote_participation', 'vote_eligibility', 'vote']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
