import { DataSource, EntityManager } from 'typeorm';
import { bodyMembersAmong } from '../body-members';
import type {
  AttendanceMode,
  EligibilityEntry,
  IneligibilityReason,
  Majority,
  TallyResult,
  TieRule,
  VoteChannel,
  VoteChoice,
  VoteMethod,
  VoteSubject,
  VotingAttendee,
} from '@agm/domain';
import { rowsOf } from '../query-result';

export type StoredVoteState = 'open' | 'closed' | 'declared' | 'voided';

export interface VoteRow {
  id: string;
  conferenceId: string;
  subject: VoteSubject;
  subjectRef: string | null;
  proceduralMotion: string | null;
  title: string;
  topics: string[];
  method: VoteMethod;
  majority: Majority;
  tieRule: TieRule;
  ballotsChangeable: boolean;
  secret: boolean;
  state: StoredVoteState;
  openedBy: string | null;
  openedAt: Date;
  closesAt: Date | null;
  closedAt: Date | null;
  declaredAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  eligibleCount: number;
  eligibleWeight: number;
  hallHeadcount: number;
  electronicCount: number;
  result: TallyResult | null;
}

export interface NewVote {
  conferenceId: string;
  subject: VoteSubject;
  subjectRef: string | null;
  proceduralMotion: string | null;
  title: string;
  topics: string[];
  method: VoteMethod;
  majority: Majority;
  tieRule: TieRule;
  ballotsChangeable: boolean;
  secret: boolean;
  openedBy: string | null;
  openedAt: Date;
  closesAt: Date | null;
  eligibleCount: number;
  eligibleWeight: number;
  hallHeadcount: number;
  electronicCount: number;
}

/** What a ballot transaction reads in one round trip: the vote (share-locked), the voter's entry, and what they already cast. */
export interface BallotContext {
  /** The ballot's session is still signed in (not signed out or revoked, perhaps on another instance, not expired). */
  sessionLive: boolean;
  vote: Pick<
    VoteRow,
    'id' | 'conferenceId' | 'state' | 'method' | 'secret' | 'ballotsChangeable' | 'closesAt'
  >;
  entry: EligibilityEntry | undefined;
  participated: boolean;
  /** The counted ballot stored under the key sent now, if any. */
  keyedBallot: { id: string; choice: VoteChoice } | null;
  /** A secret vote's sealed ballot stored under the key sent now, if any (open only with the server's secret). */
  sealedBallot: Buffer | null;
}

export interface NewBallot {
  voteId: string;
  memberId: string;
  choice: VoteChoice;
  weight: number;
  channel: VoteChannel;
  receiptHash: string;
  ballotKeyHash: string;
  /** Recorded on the ballot only for a named (open) vote. */
  namedMemberId: string | null;
  /** A secret vote's ballot while it is open: choice, weight, channel and receipt sealed together (then the clear fields are not stored). */
  sealed: Buffer | null;
}

/** A counted ballot written at the close of a secret vote, from its opened seal: no voter, no link to the sealed row. */
export interface CountedBallot {
  choice: VoteChoice;
  weight: number;
  channel: VoteChannel;
  receiptHash: string;
  ballotKeyHash: string;
}

export interface TellerCountRow {
  for: number;
  against: number;
  abstain: number;
  enteredBy: string;
  enteredAt: Date;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  /** The chair declared on this count without a second teller: why. */
  acceptedUnconfirmedReason: string | null;
  acceptedUnconfirmedBy: string | null;
}

export interface StoredBallotRow {
  receiptHash: string;
  choice: VoteChoice;
  weight: number;
  channel: VoteChannel;
  memberId: string | null;
}

export interface RegisterEntryRow {
  memberId: string;
  membershipNumber: string;
  name: string;
  category: string;
  attendanceMode: AttendanceMode;
  eligible: boolean;
  channel: VoteChannel | null;
  weight: number;
  bodyId: string | null;
  reason: IneligibilityReason | null;
  topic: string | null;
  voted: boolean;
}

export interface CardHolderRow {
  bodyId: string;
  memberId: string;
}

export interface RegisteredBodyMemberRow {
  bodyId: string;
  memberId: string;
  name: string;
  membershipNumber: string;
  present: boolean;
}

/** First key of the advisory locks that order ballots against the close of a vote (second: hash of the vote id). */
const VOTE_LOCK_CLASS = 727275;
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VOTE_COLUMNS = `id, conference_id, subject, subject_ref, procedural_motion, title, topics, method, majority, tie_rule,
  ballots_changeable, secret, state, opened_by, opened_at, closes_at, closed_at, declared_at, voided_at, void_reason,
  eligible_count, eligible_weight, hall_headcount, electronic_count, result`;

/** Votes, their eligibility snapshot, participation, ballots and teller counts. */
export class VoteRepository {
  /** Everyone registered for the conference as they are now: the input of the eligibility snapshot. */
  async attendeesForSnapshot(manager: EntityManager, conferenceId: string): Promise<VotingAttendee[]> {
    const rows: Array<{
      member_id: string;
      category: string;
      attendance_mode: AttendanceMode;
      present: boolean;
    }> = await manager.query(
      `SELECT r.member_id, m.category, r.attendance_mode, r.present
         FROM registration r JOIN member m ON m.id = r.member_id
        WHERE r.conference_id = $1`,
      [conferenceId],
    );
    return rows.map((row) => ({
      memberId: row.member_id,
      category: row.category,
      attendanceMode: row.attendance_mode,
      present: row.present,
      registered: true,
    }));
  }

  /** Membership counts of the given bodies: the weight of each body's card in a card vote. */
  async bodyMemberships(manager: EntityManager, bodyIds: string[]): Promise<Map<string, number>> {
    if (bodyIds.length === 0) return new Map();
    const rows: Array<{ id: string; membership_count: number }> = await manager.query(
      'SELECT id, membership_count FROM body WHERE id = ANY($1::uuid[])',
      [bodyIds],
    );
    return new Map(rows.map((row) => [row.id, row.membership_count]));
  }

  /** Of the (body, member) pairs given, those where the member belongs to the body, as `bodyId:memberId` keys. */
  bodyMembersAmong(
    manager: EntityManager,
    pairs: Array<{ bodyId: string; memberId: string }>,
  ): Promise<Set<string>> {
    return bodyMembersAmong(manager, pairs);
  }

  /** A card vote's card holders as the chair named them when it opened (kept for a re-run and the next card vote). */
  async saveCardHolders(manager: EntityManager, voteId: string, holders: CardHolderRow[]): Promise<void> {
    await manager.query('UPDATE vote SET card_holders = $2::jsonb WHERE id = $1', [
      voteId,
      JSON.stringify(holders.map(({ bodyId, memberId }) => ({ bodyId, memberId }))),
    ]);
  }

  /** The card holders a vote was opened with; an empty list for a vote that is not a card vote. */
  async cardHolders(manager: EntityManager, voteId: string): Promise<CardHolderRow[]> {
    const rows: Array<{ card_holders: CardHolderRow[] | null }> = await manager.query(
      'SELECT card_holders FROM vote WHERE id = $1',
      [voteId],
    );
    return rows[0]?.card_holders ?? [];
  }

  /**
   * The members registered for the conference who belong to a body (a branch's members, any body's
   * officers), with their name, membership number and presence: whom the chair may name as a card holder.
   */
  async registeredBodyMembers(
    manager: EntityManager,
    conferenceId: string,
  ): Promise<RegisteredBodyMemberRow[]> {
    const rows: Array<{
      body_id: string;
      member_id: string;
      name: string;
      membership_number: string;
      present: boolean;
    }> = await manager.query(
      `SELECT DISTINCT b.body_id, m.id AS member_id, m.name, m.membership_number, r.present
         FROM registration r
         JOIN member m ON m.id = r.member_id
         JOIN (SELECT branch_id AS body_id, id AS member_id FROM member WHERE branch_id IS NOT NULL
               UNION SELECT body_id, member_id FROM body_officer) b ON b.member_id = m.id
        WHERE r.conference_id = $1
        ORDER BY b.body_id, m.name, m.membership_number`,
      [conferenceId],
    );
    return rows.map((row) => ({
      bodyId: row.body_id,
      memberId: row.member_id,
      name: row.name,
      membershipNumber: row.membership_number,
      present: row.present,
    }));
  }

  /** Bodies by id, for the card holders' list: name, code, kind and the membership that weighs the card. */
  async bodies(
    manager: EntityManager,
    bodyIds: string[],
  ): Promise<Array<{ id: string; code: string; name: string; kind: string; membershipCount: number }>> {
    if (bodyIds.length === 0) return [];
    const rows: Array<{ id: string; code: string; name: string; kind: string; membership_count: number }> =
      await manager.query(
        'SELECT id, code, name, kind, membership_count FROM body WHERE id = ANY($1::uuid[]) ORDER BY kind, name, code',
        [bodyIds],
      );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
      membershipCount: Number(row.membership_count),
    }));
  }

  /** Registered members by id (name, membership number, presence), for card holders outside their body's list. */
  async registeredMembers(
    manager: EntityManager,
    conferenceId: string,
    memberIds: string[],
  ): Promise<Array<Omit<RegisteredBodyMemberRow, 'bodyId'>>> {
    if (memberIds.length === 0) return [];
    const rows: Array<{ member_id: string; name: string; membership_number: string; present: boolean }> =
      await manager.query(
        `SELECT m.id AS member_id, m.name, m.membership_number, r.present
         FROM registration r JOIN member m ON m.id = r.member_id
        WHERE r.conference_id = $1 AND m.id = ANY($2::uuid[])`,
        [conferenceId, memberIds],
      );
    return rows.map((row) => ({
      memberId: row.member_id,
      name: row.name,
      membershipNumber: row.membership_number,
      present: row.present,
    }));
  }

  async insertVote(manager: EntityManager, vote: NewVote): Promise<VoteRow> {
    const rows = await manager.query(
      `INSERT INTO vote (conference_id, subject, subject_ref, procedural_motion, title, topics, method, majority, tie_rule, ballots_changeable, secret,
                         state, opened_by, opened_at, closes_at, eligible_count, eligible_weight, hall_headcount, electronic_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', $12, $13, $14, $15, $16, $17, $18)
       RETURNING ${VOTE_COLUMNS}`,
      [
        vote.conferenceId,
        vote.subject,
        vote.subjectRef,
        vote.proceduralMotion,
        vote.title,
        vote.topics,
        vote.method,
        vote.majority,
        vote.tieRule,
        vote.ballotsChangeable,
        vote.secret,
        vote.openedBy,
        vote.openedAt,
        vote.closesAt,
        vote.eligibleCount,
        vote.eligibleWeight,
        vote.hallHeadcount,
        vote.electronicCount,
      ],
    );
    return toVote(rows[0]);
  }

  /** The whole snapshot in one statement (thousands of attendees at once). */
  async insertEligibility(
    manager: EntityManager,
    voteId: string,
    entries: EligibilityEntry[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO vote_eligibility (vote_id, member_id, category, attendance_mode, eligible, channel, weight, body_id, reason, topic)
       SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::int[], $8::uuid[], $9::text[], $10::text[])`,
      [
        voteId,
        entries.map((e) => e.memberId),
        entries.map((e) => e.category),
        entries.map((e) => e.attendanceMode),
        entries.map((e) => e.eligible),
        entries.map((e) => (e.eligible ? e.channel : null)),
        entries.map((e) => (e.eligible ? e.weight : 0)),
        entries.map((e) => (e.eligible ? (e.bodyId ?? null) : null)),
        entries.map((e) => (e.eligible ? null : e.reason)),
        entries.map((e) => (e.eligible ? null : (e.topic ?? null))),
      ],
    );
  }

  /** lock 'update' is the close: it waits for every ballot transaction holding the vote FOR SHARE. */
  async find(
    manager: EntityManager,
    conferenceId: string,
    voteId: string,
    lock?: 'update',
  ): Promise<VoteRow | null> {
    const rows = await manager.query(
      `SELECT ${VOTE_COLUMNS} FROM vote WHERE conference_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [conferenceId, voteId],
    );
    return rows.length ? toVote(rows[0]) : null;
  }

  async list(manager: EntityManager, conferenceId: string): Promise<VoteRow[]> {
    const rows = await manager.query(
      `SELECT ${VOTE_COLUMNS} FROM vote WHERE conference_id = $1 ORDER BY opened_at, id`,
      [conferenceId],
    );
    return rows.map(toVote);
  }

  /**
   * Ballots against the close: every ballot transaction holds this vote's lock shared, the close and
   * the void hold it exclusive. Taken in its own statement before the read, so the read's snapshot is
   * taken after the lock: a ballot that waited for the close sees the vote closed. A heavyweight
   * (advisory) lock rather than the row's FOR SHARE, because the lock manager queues new shared
   * holders behind a waiting exclusive one; row share locks let a stream of ballots starve the close
   * (measured: with FOR SHARE the chair's close waited for the whole 3,000-ballot storm).
   */
  /**
   * A batch of ballots in one transaction, holding the vote's ballot lock shared (as lockForBallot).
   * BEGIN and the lock go in one round trip: one simple-protocol message of two statements. The lock
   * is taken before any statement of `work` starts, so each of them sees the close if it committed
   * first. In a storm every round trip waits behind the busy event loop, so each one saved counts.
   */
  async inBallotTransaction<T>(
    dataSource: DataSource,
    voteId: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    // Inlined into the statement below, so it must be exactly a uuid (callers have validated it already).
    if (!UUID_TEXT.test(voteId)) throw new Error(`Not a vote id: ${JSON.stringify(voteId)}`);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      try {
        await runner.query(
          `BEGIN; SELECT pg_advisory_xact_lock_shared(${VOTE_LOCK_CLASS}, hashtext('${voteId}'))`,
        );
        const result = await work(runner.manager);
        await runner.query('COMMIT');
        return result;
      } catch (error) {
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  async lockForBallot(manager: EntityManager, voteId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [VOTE_LOCK_CLASS, voteId]);
  }

  /** Open votes with an announced close time, in every conference: what VoteAutoClose watches. */
  async openVotesWithCloseTime(
    manager: EntityManager,
  ): Promise<Array<{ id: string; conferenceId: string; closesAt: Date }>> {
    const rows: Array<{ id: string; conference_id: string; closes_at: Date }> = await manager.query(
      `SELECT id, conference_id, closes_at FROM vote WHERE state = 'open' AND closes_at IS NOT NULL`,
    );
    return rows.map((row) => ({
      id: row.id,
      conferenceId: row.conference_id,
      closesAt: new Date(row.closes_at),
    }));
  }

  async lockAgainstBallots(manager: EntityManager, voteId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VOTE_LOCK_CLASS, voteId]);
  }

  /** The ballot transaction's one read, after lockForBallot. */
  /** `countedKeyHash`: the key under which a secret vote's counted ballot is found after the close (see BallotSeal). */
  async ballotContext(
    manager: EntityManager,
    conferenceId: string,
    voteId: string,
    memberId: string,
    ballotKeyHash: string,
    countedKeyHash: string,
    sessionId: string,
  ): Promise<BallotContext | null> {
    const rows = await manager.query(
      `SELECT v.id, v.conference_id, v.state, v.method, v.secret, v.ballots_changeable, v.closes_at,
              EXISTS (SELECT 1 FROM session WHERE id = $6 AND revoked_at IS NULL AND expires_at > now()) AS session_live,
              e.member_id AS e_member_id, e.category, e.attendance_mode, e.eligible, e.channel, e.weight, e.body_id, e.reason, e.topic,
              EXISTS (SELECT 1 FROM vote_participation p WHERE p.vote_id = v.id AND p.member_id = $3) AS participated,
              b.id AS ballot_id, b.choice AS ballot_choice, s.sealed
         FROM vote v
         LEFT JOIN vote_eligibility e ON e.vote_id = v.id AND e.member_id = $3
         LEFT JOIN ballot b ON b.vote_id = v.id AND b.ballot_key_hash IN ($4, $5)
         LEFT JOIN sealed_ballot s ON s.vote_id = v.id AND s.ballot_key_hash = $4
        WHERE v.id = $2 AND v.conference_id = $1`,
      [conferenceId, voteId, memberId, ballotKeyHash, countedKeyHash, sessionId],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      sessionLive: row.session_live,
      vote: {
        id: row.id,
        conferenceId: row.conference_id,
        state: row.state,
        method: row.method,
        secret: row.secret,
        ballotsChangeable: row.ballots_changeable,
        closesAt: row.closes_at ? new Date(row.closes_at) : null,
      },
      entry: row.e_member_id ? toEntry({ ...row, member_id: row.e_member_id }) : undefined,
      participated: row.participated,
      keyedBallot: row.ballot_id ? { id: row.ballot_id, choice: row.ballot_choice } : null,
      sealedBallot: row.sealed ?? null,
    };
  }

  /** The batch form of ballotContext: the vote, and for each member their entry, whether they voted, and ballots under the given keys. */
  async batchContext(
    manager: EntityManager,
    conferenceId: string,
    voteId: string,
    memberIds: string[],
    keyHashes: string[],
    sessionIds: string[],
  ): Promise<{
    vote: BallotContext['vote'];
    /** The given sessions still signed in: a ballot through a socket whose session ended elsewhere is refused. */
    liveSessions: Set<string>;
    entries: Map<string, EligibilityEntry>;
    participated: Set<string>;
    keyed: Set<string>;
  } | null> {
    // One statement, one round trip: in a storm every round trip waits behind the busy event loop.
    const [row] = await manager.query(
      `SELECT
         (SELECT row_to_json(v) FROM (SELECT id, conference_id, state, method, secret, ballots_changeable, closes_at FROM vote WHERE id = $2 AND conference_id = $1) v) AS vote,
         (SELECT coalesce(json_agg(x), '[]'::json) FROM (
            SELECT e.*, EXISTS (SELECT 1 FROM vote_participation p WHERE p.vote_id = e.vote_id AND p.member_id = e.member_id) AS participated
              FROM vote_eligibility e WHERE e.vote_id = $2 AND e.member_id = ANY($3::uuid[])) x) AS entries,
         (SELECT coalesce(array_agg(ballot_key_hash), '{}') FROM (
            SELECT ballot_key_hash FROM ballot WHERE vote_id = $2 AND ballot_key_hash = ANY($4::text[])
            UNION ALL SELECT ballot_key_hash FROM sealed_ballot WHERE vote_id = $2 AND ballot_key_hash = ANY($4::text[])) k) AS keyed,
         (SELECT coalesce(array_agg(id::text), '{}') FROM session
           WHERE id = ANY($5::uuid[]) AND revoked_at IS NULL AND expires_at > now()) AS live_sessions`,
      [conferenceId, voteId, memberIds, keyHashes, sessionIds],
    );
    const vote = row.vote;
    if (!vote) return null;
    const entries: any[] = row.entries;
    return {
      vote: {
        id: vote.id,
        conferenceId: vote.conference_id,
        state: vote.state,
        method: vote.method,
        secret: vote.secret,
        ballotsChangeable: vote.ballots_changeable,
        closesAt: vote.closes_at ? new Date(vote.closes_at) : null,
      },
      entries: new Map(entries.map((e) => [e.member_id, toEntry(e)])),
      participated: new Set(entries.filter((e) => e.participated).map((e) => e.member_id)),
      keyed: new Set<string>(row.keyed),
      liveSessions: new Set<string>(row.live_sessions),
    };
  }

  /** Many first ballots in one statement; returns the members whose participation row was written (the others had voted meanwhile). */
  async insertBallots(manager: EntityManager, voteId: string, ballots: NewBallot[]): Promise<Set<string>> {
    if (ballots.length === 0) return new Set();
    if (ballots[0].sealed) return this.insertSealedBallots(manager, voteId, ballots);
    const rows: Array<{ member_id: string }> = await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::uuid[])
           AS t(member_id, choice, weight, channel, receipt_hash, ballot_key_hash, named_member_id)
       ), participation AS (
         INSERT INTO vote_participation (vote_id, member_id) SELECT $1::uuid, member_id FROM input ON CONFLICT DO NOTHING RETURNING member_id
       ), ballots AS (
         INSERT INTO ballot (vote_id, choice, weight, channel, receipt_hash, ballot_key_hash, member_id)
         SELECT $1::uuid, i.choice, i.weight, i.channel, i.receipt_hash, i.ballot_key_hash, i.named_member_id FROM input i JOIN participation p USING (member_id)
         RETURNING 1
       )
       SELECT member_id FROM participation`,
      [
        voteId,
        ballots.map((b) => b.memberId),
        ballots.map((b) => b.choice),
        ballots.map((b) => b.weight),
        ballots.map((b) => b.channel),
        ballots.map((b) => b.receiptHash),
        ballots.map((b) => b.ballotKeyHash),
        ballots.map((b) => b.namedMemberId),
      ],
    );
    return new Set(rows.map((r) => r.member_id));
  }

  /** insertBallots for a secret vote while it is open: participation and the sealed ballot, nothing in clear. */
  private async insertSealedBallots(
    manager: EntityManager,
    voteId: string,
    ballots: NewBallot[],
  ): Promise<Set<string>> {
    const rows: Array<{ member_id: string }> = await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::bytea[]) AS t(member_id, ballot_key_hash, sealed)
       ), participation AS (
         INSERT INTO vote_participation (vote_id, member_id) SELECT $1::uuid, member_id FROM input ON CONFLICT DO NOTHING RETURNING member_id
       ), ballots AS (
         INSERT INTO sealed_ballot (vote_id, ballot_key_hash, sealed)
         SELECT $1::uuid, i.ballot_key_hash, i.sealed FROM input i JOIN participation p USING (member_id)
         RETURNING 1
       )
       SELECT member_id FROM participation`,
      [
        voteId,
        ballots.map((b) => b.memberId),
        ballots.map((b) => b.ballotKeyHash),
        ballots.map((b) => b.sealed),
      ],
    );
    return new Set(rows.map((r) => r.member_id));
  }

  /**
   * Writes "has voted" and the ballot together, in one statement. Returns false when the member
   * already has a participation row (a race between two of their devices): the primary key decided.
   */
  async insertBallot(manager: EntityManager, ballot: NewBallot): Promise<boolean> {
    if (ballot.sealed) return (await this.insertSealedBallots(manager, ballot.voteId, [ballot])).size === 1;
    const rows = await manager.query(
      `WITH participation AS (
         INSERT INTO vote_participation (vote_id, member_id) VALUES ($1::uuid, $2::uuid) ON CONFLICT DO NOTHING RETURNING vote_id
       )
       INSERT INTO ballot (vote_id, choice, weight, channel, receipt_hash, ballot_key_hash, member_id)
       SELECT vote_id, $3::text, $4::int, $5::text, $6::text, $7::text, $8::uuid FROM participation
       RETURNING 1 AS stored`,
      [
        ballot.voteId,
        ballot.memberId,
        ballot.choice,
        ballot.weight,
        ballot.channel,
        ballot.receiptHash,
        ballot.ballotKeyHash,
        ballot.namedMemberId,
      ],
    );
    return rowsOf(rows).length === 1;
  }

  /** A changed ballot (ruleset.ballotsChangeable): the last one counts, found by its key, never by member. */
  async replaceBallot(
    manager: EntityManager,
    ballotId: string,
    choice: VoteChoice,
    receiptHash: string,
  ): Promise<void> {
    await manager.query('UPDATE ballot SET choice = $2, receipt_hash = $3 WHERE id = $1', [
      ballotId,
      choice,
      receiptHash,
    ]);
  }

  /** A changed ballot of a secret vote still open: the seal is replaced, found by its key. */
  async replaceSealedBallot(
    manager: EntityManager,
    voteId: string,
    ballotKeyHash: string,
    sealed: Buffer,
  ): Promise<void> {
    await manager.query('UPDATE sealed_ballot SET sealed = $3 WHERE vote_id = $1 AND ballot_key_hash = $2', [
      voteId,
      ballotKeyHash,
      sealed,
    ]);
  }

  /**
   * A closed secret vote's sealed ballots, read but left in place: the close counts them in its own
   * transaction and writes them as counted ballots just after it commits (SealedBallots). Their keys
   * and SHA-256 digests (hex) only: the instance that sealed a ballot knows it by them.
   */
  async sealedBallotDigests(manager: EntityManager, voteId: string): Promise<Array<{ ballotKeyHash: string; digest: string }>> {
    // One row of text rather than 10,000 rows: parsing the rows one by one took most of the close's time.
    // Key hashes and digests are hex, so a space separates them safely.
    const [{ list }]: Array<{ list: string }> = await manager.query(
      `SELECT coalesce(string_agg(ballot_key_hash || ' ' || encode(sha256(sealed), 'hex'), ' '), '') AS list FROM sealed_ballot WHERE vote_id = $1`,
      [voteId],
    );
    const words = list === '' ? [] : list.split(' ');
    const digests: Array<{ ballotKeyHash: string; digest: string }> = [];
    for (let i = 0; i < words.length; i += 2) digests.push({ ballotKeyHash: words[i], digest: words[i + 1] });
    return digests;
  }

  /** The sealed ballots under these keys, whole, to be opened by decryption. */
  async sealedBallotsByKey(manager: EntityManager, voteId: string, ballotKeyHashes: string[]): Promise<Array<{ ballotKeyHash: string; sealed: Buffer }>> {
    if (ballotKeyHashes.length === 0) return [];
    const rows: Array<{ ballot_key_hash: string; sealed: Buffer }> = await manager.query(
      'SELECT ballot_key_hash, sealed FROM sealed_ballot WHERE vote_id = $1 AND ballot_key_hash = ANY($2::text[])',
      [voteId, ballotKeyHashes],
    );
    return rows.map((row) => ({ ballotKeyHash: row.ballot_key_hash, sealed: row.sealed }));
  }

  async hasSealedBallots(manager: EntityManager, voteId: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM sealed_ballot WHERE vote_id = $1 LIMIT 1', [voteId]);
    return rows.length > 0;
  }

  /** Votes no longer open whose sealed ballots are still to be written as counted ballots (an instance stopped in between). */
  async closedVotesWithSealedBallots(manager: EntityManager): Promise<Array<{ id: string; conferenceId: string }>> {
    const rows: Array<{ id: string; conference_id: string }> = await manager.query(
      `SELECT v.id, v.conference_id FROM vote v
        WHERE v.secret AND v.state <> 'open' AND EXISTS (SELECT 1 FROM sealed_ballot s WHERE s.vote_id = v.id)`,
    );
    return rows.map((row) => ({ id: row.id, conferenceId: row.conference_id }));
  }

  /** At the close (under the exclusive ballot lock): the vote's sealed ballots, removed as they are read. */
  async takeSealedBallots(
    manager: EntityManager,
    voteId: string,
  ): Promise<Array<{ ballotKeyHash: string; sealed: Buffer }>> {
    const rows: Array<{ ballot_key_hash: string; sealed: Buffer }> = rowsOf(
      await manager.query('DELETE FROM sealed_ballot WHERE vote_id = $1 RETURNING ballot_key_hash, sealed', [
        voteId,
      ]),
    );
    return rows.map((row) => ({ ballotKeyHash: row.ballot_key_hash, sealed: row.sealed }));
  }

  /** The opened ballots of a secret vote, in one statement, in the order given (the caller shuffles them). */
  async insertCountedBallots(
    manager: EntityManager,
    voteId: string,
    ballots: CountedBallot[],
  ): Promise<void> {
    if (ballots.length === 0) return;
    await manager.query(
      `INSERT INTO ballot (vote_id, choice, weight, channel, receipt_hash, ballot_key_hash)
       SELECT $1::uuid, choice, weight, channel, receipt_hash, ballot_key_hash
         FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS t(choice, weight, channel, receipt_hash, ballot_key_hash)`,
      [
        voteId,
        ballots.map((b) => b.choice),
        ballots.map((b) => b.weight),
        ballots.map((b) => b.channel),
        ballots.map((b) => b.receiptHash),
        ballots.map((b) => b.ballotKeyHash),
      ],
    );
  }

  async countParticipation(manager: EntityManager, voteId: string): Promise<number> {
    const rows = await manager.query('SELECT count(*)::int AS n FROM vote_participation WHERE vote_id = $1', [
      voteId,
    ]);
    return rows[0].n;
  }

  /** The live counter: how many have voted (never how), against the eligible register. */
  async ballotsCastFigure(
    manager: EntityManager,
    voteId: string,
  ): Promise<{ state: StoredVoteState; ballotsCast: number; eligible: number } | null> {
    const rows = await manager.query(
      `SELECT v.state, v.eligible_count, (SELECT count(*)::int FROM vote_participation p WHERE p.vote_id = v.id) AS n FROM vote v WHERE v.id = $1`,
      [voteId],
    );
    return rows.length
      ? { state: rows[0].state, ballotsCast: rows[0].n, eligible: rows[0].eligible_count }
      : null;
  }

  async hasParticipated(manager: EntityManager, voteId: string, memberId: string): Promise<boolean> {
    const rows = await manager.query(
      'SELECT 1 FROM vote_participation WHERE vote_id = $1 AND member_id = $2',
      [voteId, memberId],
    );
    return rows.length > 0;
  }

  async eligibilityOf(
    manager: EntityManager,
    voteId: string,
    memberId: string,
  ): Promise<EligibilityEntry | undefined> {
    const rows = await manager.query('SELECT * FROM vote_eligibility WHERE vote_id = $1 AND member_id = $2', [
      voteId,
      memberId,
    ]);
    return rows.length ? toEntry(rows[0]) : undefined;
  }

  /** Ballots in receipt-hash order: the order of casting cannot be read from it. */
  async ballots(manager: EntityManager, voteId: string): Promise<StoredBallotRow[]> {
    const rows: Array<{
      receipt_hash: string;
      choice: VoteChoice;
      weight: number;
      channel: VoteChannel;
      member_id: string | null;
    }> = await manager.query(
      'SELECT receipt_hash, choice, weight, channel, member_id FROM ballot WHERE vote_id = $1 ORDER BY receipt_hash',
      [voteId],
    );
    return rows.map((row) => ({
      receiptHash: row.receipt_hash,
      choice: row.choice,
      weight: row.weight,
      channel: row.channel,
      memberId: row.member_id,
    }));
  }

  async register(manager: EntityManager, voteId: string): Promise<RegisterEntryRow[]> {
    const rows = await manager.query(
      `SELECT e.*, m.membership_number, m.name,
              EXISTS (SELECT 1 FROM vote_participation p WHERE p.vote_id = e.vote_id AND p.member_id = e.member_id) AS voted
         FROM vote_eligibility e JOIN member m ON m.id = e.member_id
        WHERE e.vote_id = $1 ORDER BY m.membership_number`,
      [voteId],
    );
    return rows.map((row: any) => ({
      memberId: row.member_id,
      membershipNumber: row.membership_number,
      name: row.name,
      category: row.category,
      attendanceMode: row.attendance_mode,
      eligible: row.eligible,
      channel: row.channel,
      weight: row.weight,
      bodyId: row.body_id,
      reason: row.reason,
      topic: row.topic,
      voted: row.voted,
    }));
  }

  async tellerCount(manager: EntityManager, voteId: string): Promise<TellerCountRow | null> {
    const rows = await manager.query('SELECT * FROM vote_teller_count WHERE vote_id = $1', [voteId]);
    if (!rows.length) return null;
    const row = rows[0];
    return {
      for: row.count_for,
      against: row.count_against,
      abstain: row.count_abstain,
      enteredBy: row.entered_by,
      enteredAt: new Date(row.entered_at),
      confirmedBy: row.confirmed_by,
      confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
      acceptedUnconfirmedReason: row.accepted_unconfirmed_reason ?? null,
      acceptedUnconfirmedBy: row.accepted_unconfirmed_by ?? null,
    };
  }

  /** A new count replaces the previous one and clears its confirmation: the tellers counted again. */
  async saveTellerCount(
    manager: EntityManager,
    voteId: string,
    count: { for: number; against: number; abstain: number },
    enteredBy: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO vote_teller_count (vote_id, count_for, count_against, count_abstain, entered_by, entered_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (vote_id) DO UPDATE SET count_for = EXCLUDED.count_for, count_against = EXCLUDED.count_against,
         count_abstain = EXCLUDED.count_abstain, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at,
         confirmed_by = NULL, confirmed_at = NULL,
         accepted_unconfirmed_reason = NULL, accepted_unconfirmed_by = NULL, accepted_unconfirmed_at = NULL`,
      [voteId, count.for, count.against, count.abstain, enteredBy, now],
    );
  }

  async confirmTellerCount(
    manager: EntityManager,
    voteId: string,
    confirmedBy: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      'UPDATE vote_teller_count SET confirmed_by = $2, confirmed_at = $3 WHERE vote_id = $1',
      [voteId, confirmedBy, now],
    );
  }

  /** The chair's override: this count is declared without a second teller's confirmation, for `reason`. */
  async acceptUnconfirmedTellerCount(
    manager: EntityManager,
    voteId: string,
    reason: string,
    acceptedBy: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      'UPDATE vote_teller_count SET accepted_unconfirmed_reason = $2, accepted_unconfirmed_by = $3, accepted_unconfirmed_at = $4 WHERE vote_id = $1',
      [voteId, reason, acceptedBy, now],
    );
  }

  async markClosed(manager: EntityManager, voteId: string, now: Date): Promise<void> {
    await manager.query(`UPDATE vote SET state = 'closed', closed_at = $2 WHERE id = $1`, [voteId, now]);
  }

  async markDeclared(manager: EntityManager, voteId: string, result: TallyResult, now: Date): Promise<void> {
    await manager.query(`UPDATE vote SET state = 'declared', declared_at = $2, result = $3 WHERE id = $1`, [
      voteId,
      now,
      JSON.stringify(result),
    ]);
  }

  /** The declared result with the chair's casting vote applied; the counts stay as declared. */
  async recordCastingVote(manager: EntityManager, voteId: string, result: TallyResult): Promise<void> {
    await manager.query(`UPDATE vote SET result = $2 WHERE id = $1 AND state = 'declared'`, [
      voteId,
      JSON.stringify(result),
    ]);
  }

  async markVoided(manager: EntityManager, voteId: string, reason: string, now: Date): Promise<void> {
    await manager.query(`UPDATE vote SET state = 'voided', voided_at = $2, void_reason = $3 WHERE id = $1`, [
      voteId,
      now,
      reason,
    ]);
  }
}

function toEntry(row: any): EligibilityEntry {
  const base = { memberId: row.member_id, category: row.category, attendanceMode: row.attendance_mode };
  if (row.eligible) {
    return {
      ...base,
      eligible: true,
      channel: row.channel,
      weight: row.weight,
      ...(row.body_id ? { bodyId: row.body_id } : {}),
    };
  }
  return { ...base, eligible: false, reason: row.reason, ...(row.topic ? { topic: row.topic } : {}) };
}

function toVote(row: any): VoteRow {
  const date = (value: unknown) => (value ? new Date(value as string) : null);
  return {
    id: row.id,
    conferenceId: row.conference_id,
    subject: row.subject,
    subjectRef: row.subject_ref,
    proceduralMotion: row.procedural_motion,
    title: row.title,
    topics: row.topics,
    method: row.method,
    majority: row.majority,
    tieRule: row.tie_rule,
    ballotsChangeable: row.ballots_changeable,
    secret: row.secret,
    state: row.state,
    openedBy: row.opened_by,
    openedAt: new Date(row.opened_at),
    closesAt: date(row.closes_at),
    closedAt: date(row.closed_at),
    declaredAt: date(row.declared_at),
    voidedAt: date(row.voided_at),
    voidReason: row.void_reason,
    eligibleCount: row.eligible_count,
    eligibleWeight: row.eligible_weight,
    hallHeadcount: row.hall_headcount,
    electronicCount: row.electronic_count,
    result: row.result,
  };
}
