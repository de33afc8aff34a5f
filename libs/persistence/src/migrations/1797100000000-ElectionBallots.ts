import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Election ballots (issue 20 item 2, docs/elections.md "The ballot"), in the same shape as secret motion
 * votes (1763920000000-Voting, 1764300000000-SealedBallots): an eligibility snapshot fixed at the opening
 * (which channel each member votes through), "has voted" rows that say who and never how, sealed
 * ballots while the ballot is open (AES-256-GCM under a key derived from TOKEN_SECRET, every sealed value
 * the same length), and counted ballots with a random id, no voter and no timestamp, written at the close
 * in one transaction in random order. Hall papers are entered by a teller and confirmed by a second one;
 * they name no voter, so they need no seal. No sequence is used by any of these tables.
 */
export class ElectionBallots1797100000000 implements MigrationInterface {
  name = 'ElectionBallots1797100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE election_ballot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conference_id uuid NOT NULL REFERENCES conference(id) ON DELETE CASCADE,
        post_id uuid NOT NULL UNIQUE REFERENCES election_post(id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('open', 'closed')),
        candidates jsonb NOT NULL,
        opened_by uuid,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        closed_by uuid,
        eligible_count integer NOT NULL CHECK (eligible_count >= 0),
        hall_headcount integer NOT NULL CHECK (hall_headcount >= 0),
        electronic_count integer NOT NULL CHECK (electronic_count >= 0),
        lot_seed text,
        count jsonb,
        CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
        CHECK ((state = 'closed') = (count IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE election_eligibility (
        ballot_id uuid NOT NULL REFERENCES election_ballot(id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES member(id),
        category text NOT NULL,
        attendance_mode text NOT NULL CHECK (attendance_mode IN ('hall', 'remote')),
        eligible boolean NOT NULL,
        channel text CHECK (channel IN ('hall', 'electronic')),
        reason text,
        PRIMARY KEY (ballot_id, member_id),
        CHECK (eligible = (channel IS NOT NULL)),
        CHECK (eligible = (reason IS NULL))
      )`);
    // "Has voted" on a phone: who, never how; once, and only a member on the snapshot voting electronically.
    await db.query(`
      CREATE TABLE election_participation (
        ballot_id uuid NOT NULL,
        member_id uuid NOT NULL,
        PRIMARY KEY (ballot_id, member_id),
        FOREIGN KEY (ballot_id, member_id) REFERENCES election_eligibility(ballot_id, member_id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE sealed_election_ballot (
        ballot_id uuid NOT NULL REFERENCES election_ballot(id) ON DELETE CASCADE,
        ballot_key_hash text NOT NULL,
        sealed bytea NOT NULL,
        PRIMARY KEY (ballot_id, ballot_key_hash)
      )`);
    // How, never who: a random id, no member and no timestamp column at all. Paper ballots have no receipt.
    await db.query(`
      CREATE TABLE counted_election_ballot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ballot_id uuid NOT NULL REFERENCES election_ballot(id) ON DELETE CASCADE,
        preferences smallint[] NOT NULL,
        channel text NOT NULL CHECK (channel IN ('electronic', 'paper')),
        receipt_hash text,
        ballot_key_hash text,
        CHECK ((channel = 'electronic') = (receipt_hash IS NOT NULL AND ballot_key_hash IS NOT NULL)),
        UNIQUE (ballot_id, receipt_hash),
        UNIQUE (ballot_id, ballot_key_hash)
      )`);
    await db.query(`
      CREATE TABLE paper_election_ballot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ballot_id uuid NOT NULL REFERENCES election_ballot(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        preferences smallint[] NOT NULL,
        entered_by uuid NOT NULL,
        entered_at timestamptz NOT NULL,
        confirmed_by uuid,
        confirmed_at timestamptz,
        UNIQUE (ballot_id, number),
        CHECK (confirmed_by IS NULL OR confirmed_by <> entered_by),
        CHECK ((confirmed_by IS NULL) = (confirmed_at IS NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['paper_election_ballot', 'counted_election_ballot', 'sealed_election_ballot', 'election_participation', 'election_eligibility', 'election_ballot']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
