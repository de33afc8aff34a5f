import { EntityManager } from 'typeorm';
import type { BallotCandidate, ElectionBallotState, ElectionCount, EligibilityEntry, PaperReading, SpoiltReason } from '@agm/domain';

export interface ElectionBallotRow {
  id: string;
  conferenceId: string;
  postId: string;
  state: ElectionBallotState;
  candidates: BallotCandidate[];
  openedAt: Date;
  closedAt: Date | null;
  eligibleCount: number;
  hallHeadcount: number;
  electronicCount: number;
  lotSeed: string | null;
  count: ElectionCount | null;
  /** Why the returning officer voided it; null unless voided. */
  voidReason: string | null;
}

export type NewElectionBallot = Pick<
  ElectionBallotRow,
  'conferenceId' | 'postId' | 'candidates' | 'openedAt' | 'eligibleCount' | 'hallHeadcount' | 'electronicCount'
> & { openedBy: string };

export interface ElectionVoterRow {
  category: string;
  attendanceMode: 'hall' | 'remote';
  eligible: boolean;
  channel: 'hall' | 'electronic' | null;
  reason: string | null;
}

export interface PaperBallotRow {
  id: string;
  number: number;
  /** What the paper says: the candidates marked, or spoilt with its reason. */
  reading: PaperReading;
  enteredBy: string;
  enteredAt: Date;
  confirmedBy: string | null;
}

export interface CountedElectionBallotRow {
  preferences: number[];
  channel: 'electronic' | 'paper';
  receiptHash: string | null;
}

const BALLOT_COLUMNS = `id, conference_id, post_id, state, candidates, opened_at, closed_at, eligible_count, hall_headcount,
  electronic_count, lot_seed, count, void_reason`;

interface BallotDbRow {
  id: string;
  conference_id: string;
  post_id: string;
  state: ElectionBallotState;
  candidates: BallotCandidate[];
  opened_at: Date;
  closed_at: Date | null;
  eligible_count: number;
  hall_headcount: number;
  electronic_count: number;
  lot_seed: string | null;
  count: ElectionCount | null;
  void_reason: string | null;
}

function toBallot(row: BallotDbRow): ElectionBallotRow {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    postId: row.post_id,
    state: row.state,
    candidates: row.candidates,
    openedAt: new Date(row.opened_at),
    closedAt: row.closed_at ? new Date(row.closed_at) : null,
    eligibleCount: row.eligible_count,
    hallHeadcount: row.hall_headcount,
    electronicCount: row.electronic_count,
    lotSeed: row.lot_seed,
    count: row.count,
    voidReason: row.void_reason,
  };
}

/** A smallint[] literal for a ragged list of rankings passed through unnest(text[]). */
const arrayLiteral = (numbers: readonly number[]): string => `{${numbers.join(',')}}`;
/** DELETE … RETURNING answers [rows, count] through the pg driver; a SELECT answers rows. */
const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
    ? (result[0] as T[])
    : (result as T[]);

/** Election ballots: the eligibility snapshot, "has voted", sealed and counted ballots, and the hall's papers. */
export class ElectionBallotRepository {
  /**
   * The post's ballot (the one not voided: there is at most one). `lock`: 'share' for a ballot being cast
   * (many at once), 'update' for the close and the void, which so wait for every ballot in flight, and
   * every ballot after them sees the ballot closed (or, voided, no ballot at all).
   */
  async findByPost(
    manager: EntityManager,
    postId: string,
    lock?: 'share' | 'update',
  ): Promise<ElectionBallotRow | null> {
    const rows: BallotDbRow[] = await manager.query(
      `SELECT ${BALLOT_COLUMNS} FROM election_ballot WHERE post_id = $1 AND state <> 'voided'${lock === 'share' ? ' FOR SHARE' : lock === 'update' ? ' FOR UPDATE' : ''}`,
      [postId],
    );
    return rows.length ? toBallot(rows[0]) : null;
  }

  /** The post of the conference's ballot counted last (closed, not voided), if any: the result the hall last saw. */
  async lastCountedPost(manager: EntityManager, conferenceId: string): Promise<string | null> {
    const rows: Array<{ post_id: string }> = await manager.query(
      `SELECT post_id FROM election_ballot WHERE conference_id = $1 AND state = 'closed' ORDER BY closed_at DESC, id LIMIT 1`,
      [conferenceId],
    );
    return rows[0]?.post_id ?? null;
  }

  /** The post's most recently voided ballot, if any: what a phone shows until a new ballot opens. */
  async lastVoided(manager: EntityManager, postId: string): Promise<ElectionBallotRow | null> {
    const rows: BallotDbRow[] = await manager.query(
      `SELECT ${BALLOT_COLUMNS} FROM election_ballot WHERE post_id = $1 AND state = 'voided' ORDER BY voided_at DESC LIMIT 1`,
      [postId],
    );
    return rows.length ? toBallot(rows[0]) : null;
  }

  /**
   * Voids the ballot (locked for update by the caller). Sealed ballots are deleted unopened: they will
   * never be counted, and they are the only rows that sit beside their voter's "has voted" row (as for a
   * voided motion vote). Counted ballots and hall papers stay, as the record of what was voided.
   */
  async voidBallot(manager: EntityManager, ballotId: string, voidedBy: string, voidedAt: Date, reason: string): Promise<void> {
    await manager.query('DELETE FROM sealed_election_ballot WHERE ballot_id = $1', [ballotId]);
    await manager.query(`UPDATE election_ballot SET state = 'voided', voided_by = $2, voided_at = $3, void_reason = $4 WHERE id = $1`, [ballotId, voidedBy, voidedAt, reason]);
  }

  async insertBallot(manager: EntityManager, ballot: NewElectionBallot): Promise<ElectionBallotRow> {
    const rows: BallotDbRow[] = await manager.query(
      `INSERT INTO election_ballot (conference_id, post_id, state, candidates, opened_by, opened_at, eligible_count, hall_headcount, electronic_count)
       VALUES ($1, $2, 'open', $3::jsonb, $4, $5, $6, $7, $8) RETURNING ${BALLOT_COLUMNS}`,
      [
        ballot.conferenceId,
        ballot.postId,
        JSON.stringify(ballot.candidates),
        ballot.openedBy,
        ballot.openedAt,
        ballot.eligibleCount,
        ballot.hallHeadcount,
        ballot.electronicCount,
      ],
    );
    return toBallot(rows[0]);
  }

  async insertEligibility(manager: EntityManager, ballotId: string, entries: readonly EligibilityEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO election_eligibility (ballot_id, member_id, category, attendance_mode, eligible, channel, reason)
       SELECT $1::uuid, member_id, category, attendance_mode, eligible, channel, reason
         FROM unnest($2::uuid[], $7::text[], $3::text[], $4::boolean[], $5::text[], $6::text[]) AS t(member_id, category, attendance_mode, eligible, channel, reason)`,
      [
        ballotId,
        entries.map((e) => e.memberId),
        entries.map((e) => e.attendanceMode),
        entries.map((e) => e.eligible),
        entries.map((e) => (e.eligible ? (e.channel === 'hall' ? 'hall' : 'electronic') : null)),
        entries.map((e) => (e.eligible ? null : e.reason)),
        entries.map((e) => e.category),
      ],
    );
  }

  async voter(manager: EntityManager, ballotId: string, memberId: string): Promise<ElectionVoterRow | null> {
    const rows: Array<{ category: string; attendance_mode: 'hall' | 'remote'; eligible: boolean; channel: 'hall' | 'electronic' | null; reason: string | null }> =
      await manager.query('SELECT category, attendance_mode, eligible, channel, reason FROM election_eligibility WHERE ballot_id = $1 AND member_id = $2', [
        ballotId,
        memberId,
      ]);
    const row = rows[0];
    return row ? { category: row.category, attendanceMode: row.attendance_mode, eligible: row.eligible, channel: row.channel, reason: row.reason } : null;
  }

  async hasVoted(manager: EntityManager, ballotId: string, memberId: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM election_participation WHERE ballot_id = $1 AND member_id = $2', [ballotId, memberId]);
    return rows.length > 0;
  }

  /** A sealed ballot under this key (while open), or a counted one under its counted key (after the close). */
  async findByKey(
    manager: EntityManager,
    ballotId: string,
    ballotKeyHash: string,
    countedKeyHash: string,
  ): Promise<{ sealed: Buffer | null; counted: number[] | null }> {
    const sealed: Array<{ sealed: Buffer }> = await manager.query(
      'SELECT sealed FROM sealed_election_ballot WHERE ballot_id = $1 AND ballot_key_hash = $2',
      [ballotId, ballotKeyHash],
    );
    const counted: Array<{ preferences: number[] }> = await manager.query(
      'SELECT preferences FROM counted_election_ballot WHERE ballot_id = $1 AND ballot_key_hash = $2',
      [ballotId, countedKeyHash],
    );
    return { sealed: sealed[0]?.sealed ?? null, counted: counted[0] ? counted[0].preferences.map(Number) : null };
  }

  /**
   * "Has voted" and the sealed ballot, in the caller's transaction. False when the member has voted
   * meanwhile (another device): the participation's primary key decides, nothing is written.
   */
  async insertSealed(manager: EntityManager, ballotId: string, memberId: string, ballotKeyHash: string, sealed: Buffer): Promise<boolean> {
    const inserted = rowsOf<{ member_id: string }>(
      await manager.query(
        `INSERT INTO election_participation (ballot_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING member_id`,
        [ballotId, memberId],
      ),
    );
    if (inserted.length === 0) return false;
    await manager.query('INSERT INTO sealed_election_ballot (ballot_id, ballot_key_hash, sealed) VALUES ($1, $2, $3)', [
      ballotId,
      ballotKeyHash,
      sealed,
    ]);
    return true;
  }

  async countVoted(manager: EntityManager, ballotId: string): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query('SELECT count(*)::int AS n FROM election_participation WHERE ballot_id = $1', [ballotId]);
    return rows[0].n;
  }

  /** At the close (the ballot row locked for update): the sealed ballots, removed as they are read. */
  async takeSealed(manager: EntityManager, ballotId: string): Promise<Array<{ ballotKeyHash: string; sealed: Buffer }>> {
    const rows = rowsOf<{ ballot_key_hash: string; sealed: Buffer }>(
      await manager.query('DELETE FROM sealed_election_ballot WHERE ballot_id = $1 RETURNING ballot_key_hash, sealed', [ballotId]),
    );
    return rows.map((row) => ({ ballotKeyHash: row.ballot_key_hash, sealed: row.sealed }));
  }

  /** Counted ballots in one statement, in the order given (the caller has shuffled them). */
  async insertCounted(
    manager: EntityManager,
    ballotId: string,
    ballots: ReadonlyArray<{ preferences: readonly number[]; channel: 'electronic' | 'paper'; receiptHash: string | null; ballotKeyHash: string | null }>,
  ): Promise<void> {
    if (ballots.length === 0) return;
    await manager.query(
      `INSERT INTO counted_election_ballot (ballot_id, preferences, channel, receipt_hash, ballot_key_hash)
       SELECT $1::uuid, preferences::smallint[], channel, receipt_hash, ballot_key_hash
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t(preferences, channel, receipt_hash, ballot_key_hash)`,
      [
        ballotId,
        ballots.map((b) => arrayLiteral(b.preferences)),
        ballots.map((b) => b.channel),
        ballots.map((b) => b.receiptHash),
        ballots.map((b) => b.ballotKeyHash),
      ],
    );
  }

  /** Every counted ballot, in a canonical order (by receipt hash, papers last by ranking): never the order cast. */
  async counted(manager: EntityManager, ballotId: string): Promise<CountedElectionBallotRow[]> {
    const rows: Array<{ preferences: number[]; channel: 'electronic' | 'paper'; receipt_hash: string | null }> = await manager.query(
      `SELECT preferences, channel, receipt_hash FROM counted_election_ballot WHERE ballot_id = $1
        ORDER BY receipt_hash NULLS LAST, preferences`,
      [ballotId],
    );
    return rows.map((row) => ({ preferences: row.preferences.map(Number), channel: row.channel, receiptHash: row.receipt_hash }));
  }

  async recordCount(manager: EntityManager, ballotId: string, closedBy: string, closedAt: Date, lotSeed: string | null, count: ElectionCount): Promise<void> {
    await manager.query(
      `UPDATE election_ballot SET state = 'closed', closed_by = $2, closed_at = $3, lot_seed = $4, count = $5::jsonb WHERE id = $1`,
      [ballotId, closedBy, closedAt, lotSeed, JSON.stringify(count)],
    );
  }

  async paperBallots(manager: EntityManager, ballotId: string): Promise<PaperBallotRow[]> {
    const rows: Array<{
      id: string;
      number: number;
      preferences: number[];
      spoilt_reason: SpoiltReason | null;
      entered_by: string;
      entered_at: Date;
      confirmed_by: string | null;
    }> = await manager.query(
      'SELECT id, number, preferences, spoilt_reason, entered_by, entered_at, confirmed_by FROM paper_election_ballot WHERE ballot_id = $1 ORDER BY number',
      [ballotId],
    );
    return rows.map((row) => ({
      id: row.id,
      number: row.number,
      reading: row.spoilt_reason === null ? { spoilt: null, numbers: row.preferences.map(Number) } : { spoilt: row.spoilt_reason, numbers: [] },
      enteredBy: row.entered_by,
      enteredAt: new Date(row.entered_at),
      confirmedBy: row.confirmed_by,
    }));
  }

  /** The next paper's number is one more than the highest entered (the ballot row is locked by the caller). */
  async insertPaper(manager: EntityManager, ballotId: string, reading: PaperReading, enteredBy: string, now: Date): Promise<{ id: string; number: number }> {
    const rows: Array<{ id: string; number: number }> = await manager.query(
      `INSERT INTO paper_election_ballot (ballot_id, number, preferences, spoilt_reason, entered_by, entered_at)
       SELECT $1, coalesce(max(number), 0) + 1, $2::smallint[], $5, $3, $4 FROM paper_election_ballot WHERE ballot_id = $1
       RETURNING id, number`,
      [ballotId, arrayLiteral(reading.numbers), enteredBy, now, reading.spoilt],
    );
    return rows[0];
  }

  async confirmPaper(manager: EntityManager, paperId: string, confirmedBy: string, now: Date): Promise<void> {
    await manager.query('UPDATE paper_election_ballot SET confirmed_by = $2, confirmed_at = $3 WHERE id = $1', [paperId, confirmedBy, now]);
  }

  async deletePaper(manager: EntityManager, paperId: string): Promise<void> {
    await manager.query('DELETE FROM paper_election_ballot WHERE id = $1', [paperId]);
  }
}
