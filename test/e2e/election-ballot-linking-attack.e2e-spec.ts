import { randomInt, randomUUID } from 'node:crypto';
import type { AttendeePrincipal } from '@agm/domain';
import { CastElectionBallot } from '../../apps/api/src/elections/ballot/cast-election-ballot.use-case';
import { apiSuite } from '../support/api-suite';
import { enterPaper, openContestedBallot } from '../support/elections';

/**
 * The linking attack of issue 16 (test/e2e/ballot-linking-attack.e2e-spec.ts), run against an election's
 * ballot tables (issue 20): the register (election_eligibility), "has voted" (election_participation),
 * the sealed ballots, the counted ballots and the hall papers. 1,000 remote members rank candidates
 * (each ranking drawn from six, unevenly, as real preferences cluster), arriving in bursts as in a hall, and
 * a reader with SELECT on every table, watching during the ballot and after the close, pairs each
 * member's "has voted" row with a counted ballot by every handle the database offers: the writing
 * transaction (xmin), physical order (ctid), insertion order (xmin then ctid), the order of every key
 * column (id, receipt hash, counted key) against the members' ids, and the sealed key the reader noted
 * beside the member during the ballot. None may guess members' rankings better than "always guess the
 * most common ranking" by more than 3 points. Timestamps and sequences are checked to be absent.
 */
const VOTERS = 1000;
// 1,000 ballots through the use case, each its own transaction, as the motion votes' attack casts them:
// 10 s on an idle PostgreSQL, 50 s on the embedded one, over 60 s on the shared machine when busy.
jest.setTimeout(240_000);
const HALL = 20;
const MARGIN = 0.03;
const CANDIDATES = ['Ann Archer', 'Ben Brook', 'Cat Cole', 'Dev Dale'];
/** The rankings members choose from, as candidate names, with their weights. */
const RANKINGS: Array<[string[], number]> = [
  [['Ann Archer', 'Ben Brook'], 30],
  [['Ben Brook', 'Ann Archer', 'Cat Cole'], 25],
  [['Cat Cole'], 15],
  [['Dev Dale', 'Cat Cole', 'Ben Brook', 'Ann Archer'], 10],
  [['Ann Archer'], 10],
  [['Ben Brook', 'Dev Dale'], 10],
];

interface Row {
  member_id?: string;
  ranking?: string;
  id?: string;
  receipt_hash?: string | null;
  ballot_key_hash?: string | null;
  xid: string;
  block: number;
  slot: number;
}

describe(`linking an election ballot to its voter through the database (${VOTERS} remote ballots)`, () => {
  const suite = apiSuite();

  const pick = (): string[] => {
    let n = randomInt(100);
    for (const [ranking, weight] of RANKINGS) {
      if (n < weight) return ranking;
      n -= weight;
    }
    return RANKINGS[0][0];
  };

  /** What the reader sees: a table's rows of the ballot with the system columns (ctid split into block and slot). */
  const withSystemColumns = (table: string, columns: string, ballotId: string): Promise<Row[]> =>
    suite.sql(
      `SELECT ${columns}, xmin::text AS xid, (ctid::text::point)[0]::int AS block, (ctid::text::point)[1]::int AS slot FROM ${table} WHERE ballot_id = $1`,
      [ballotId],
    );
  const byPhysicalOrder = (a: Row, b: Row) => a.block - b.block || a.slot - b.slot;
  const byInsertionOrder = (a: Row, b: Row) => Number(a.xid) - Number(b.xid) || byPhysicalOrder(a, b);
  const byText = (key: keyof Row) => (a: Row, b: Row) => String(a[key]).localeCompare(String(b[key]));

  function mostCommon(rankings: string[]): string {
    const counts = new Map<string, number>();
    for (const r of rankings) counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  }

  it('pairs "has voted" with counted ballots no better than guessing the most common ranking (plus 3 points), during the ballot and after it', async () => {
    const ballot = await openContestedBallot(suite, { method: 'scottish-stv', seats: 2, candidates: CANDIDATES, remote: VOTERS, hall: HALL });
    const cast = suite.api.app.get(CastElectionBallot);
    const principals: AttendeePrincipal[] = ballot.remote.map((voter) => ({
      kind: 'attendee',
      sessionId: randomUUID(),
      registrationId: voter.registrationId,
      memberId: voter.member.id,
      conferenceId: ballot.conferenceId,
      name: 'Voter',
      attendanceMode: 'remote',
    }));
    // The rankings as the database stores them: candidate numbers in the ballot's (alphabetical) order.
    const stored = (names: string[]) => `{${names.map((n) => [...CANDIDATES].sort().indexOf(n)).join(',')}}`;

    // Bursts of random size (1 to 40 at once), so some ballots are alone in their moment and some share it.
    const truth = new Map<string, string>();
    let accepted = 0;
    for (let next = 0; next < principals.length; ) {
      const burst = principals.slice(next, next + 1 + randomInt(40));
      next += burst.length;
      const acks = await Promise.all(
        burst.map((principal) => {
          const ranking = pick();
          truth.set(principal.memberId, stored(ranking));
          return cast.execute(principal, ballot.conferenceId, ballot.postId, { preferences: ranking.map((n) => ballot.id[n]), idempotencyKey: randomUUID() });
        }),
      );
      accepted += acks.filter((ack) => ack.status === 'accepted').length;
    }
    expect(accepted).toBe(VOTERS);
    // The hall's papers, entered by the tellers: they name no voter.
    for (let i = 0; i < HALL; i++) await enterPaper(suite, ballot, { preferences: pick() }, (i % 2) as 0 | 1);
    const baseline = Math.max(...[...new Set(truth.values())].map((r) => [...truth.values()].filter((t) => t === r).length)) / VOTERS;

    // During the ballot the reader pairs each member with their sealed row (same transaction): it holds
    // no ranking in clear, every seal has the same length and no two are alike. The reader notes the keys.
    const participationDuring = await withSystemColumns('election_participation', 'member_id', ballot.ballotId);
    const sealed: Array<Row & { size: number }> = await suite.sql(
      `SELECT ballot_key_hash, octet_length(sealed) AS size, encode(sealed, 'hex') AS hex, xmin::text AS xid, (ctid::text::point)[0]::int AS block, (ctid::text::point)[1]::int AS slot
         FROM sealed_election_ballot WHERE ballot_id = $1`,
      [ballot.ballotId],
    );
    const sealedByXid = new Map(sealed.map((s) => [s.xid, s]));
    const notedKey = new Map(participationDuring.map((p) => [p.member_id!, sealedByXid.get(p.xid)?.ballot_key_hash]));
    expect([...notedKey.values()].filter(Boolean)).toHaveLength(VOTERS);
    expect(new Set(sealed.map((s) => s.size)).size).toBe(1);
    expect(new Set(sealed.map((s) => (s as unknown as { hex: string }).hex)).size).toBe(VOTERS);
    expect(await withSystemColumns('counted_election_ballot', 'id', ballot.ballotId)).toEqual([]);

    const closed = await suite.api.http().post(`${ballot.postUrl}/ballot/close`).set(ballot.returningOfficer.auth).send({ lotSeed: '2 5 3' }).expect(200);
    expect(closed.body.result.validBallots).toBe(VOTERS + HALL);

    // After the close: every counted ballot readable, with its system columns and keys.
    const participation = await withSystemColumns('election_participation', 'member_id', ballot.ballotId);
    const counted = (await withSystemColumns('counted_election_ballot', "id::text AS id, preferences::text AS ranking, receipt_hash, ballot_key_hash", ballot.ballotId)).filter(
      (row) => row.receipt_hash !== null,
    );
    expect({ participation: participation.length, counted: counted.length }).toEqual({ participation: VOTERS, counted: VOTERS });
    const fallback = mostCommon(counted.map((b) => b.ranking!));
    const score = (guess: (member: Row, rank: number) => string | undefined, members: Row[]) =>
      members.filter((member, rank) => (guess(member, rank) ?? fallback) === truth.get(member.member_id!)).length / VOTERS;
    const pairInOrder = (members: Row[], ballots: Row[]) => score((_m, rank) => ballots[rank]?.ranking, members);

    const byXid = new Map<string, string[]>();
    for (const b of counted) byXid.set(b.xid, [...(byXid.get(b.xid) ?? []), b.ranking!]);
    const byKey = new Map(counted.map((b) => [b.ballot_key_hash, b.ranking!]));
    const byReceipt = new Map(counted.map((b) => [b.receipt_hash, b.ranking!]));
    const membersById = [...participation].sort(byText('member_id'));
    const after: Record<string, number> = {
      xmin: score((m) => (byXid.has(m.xid) ? mostCommon(byXid.get(m.xid)!) : undefined), participation),
      ctid: pairInOrder([...participation].sort(byPhysicalOrder), [...counted].sort(byPhysicalOrder)),
      insertion: pairInOrder([...participation].sort(byInsertionOrder), [...counted].sort(byInsertionOrder)),
      'member id against ballot id': pairInOrder(membersById, [...counted].sort(byText('id'))),
      'member id against receipt hash': pairInOrder(membersById, [...counted].sort(byText('receipt_hash'))),
      'member id against counted key': pairInOrder(membersById, [...counted].sort(byText('ballot_key_hash'))),
      'sealed key noted during the ballot': score((m) => byKey.get(notedKey.get(m.member_id!)) ?? byReceipt.get(notedKey.get(m.member_id!)), participation),
      'registration order against physical order': pairInOrder(
        (await suite.sql(`SELECT e.member_id FROM election_eligibility e JOIN election_participation p USING (ballot_id, member_id) WHERE e.ballot_id = $1 ORDER BY e.ctid`, [ballot.ballotId])) as Row[],
        [...counted].sort(byPhysicalOrder),
      ),
    };
    const beyondChance = Object.entries(after).filter(([, accuracy]) => accuracy > baseline + MARGIN);
    expect({ baseline, after, beyondChance }).toEqual({ baseline, after, beyondChance: [] });
    // The keys the reader noted beside members during the ballot are found nowhere after the close.
    const noted = [...notedKey.values()] as string[];
    expect(await suite.sql(`SELECT count(*)::int AS n FROM counted_election_ballot WHERE ballot_key_hash = ANY($1) OR receipt_hash = ANY($1)`, [noted])).toEqual([{ n: 0 }]);
    expect(await suite.sql(`SELECT count(*)::int AS n FROM sealed_election_ballot WHERE ballot_id = $1`, [ballot.ballotId])).toEqual([{ n: 0 }]);

    // No time and no sequence on any table that could tie a member to a moment or a ballot to an order;
    // the hall papers' times and tellers name no voter, and no hall member has a "has voted" row.
    const timeColumns = await suite.sql(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_name IN ('election_eligibility', 'election_participation', 'sealed_election_ballot', 'counted_election_ballot') AND (data_type LIKE '%time%' OR data_type = 'date')`,
    );
    const sequences = await suite.sql(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_name IN ('election_ballot', 'election_eligibility', 'election_participation', 'sealed_election_ballot', 'counted_election_ballot', 'paper_election_ballot')
          AND (column_default LIKE 'nextval%' OR is_identity = 'YES')`,
    );
    const paperColumns = (await suite.sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'paper_election_ballot' ORDER BY column_name`)).map(
      (c: { column_name: string }) => c.column_name,
    );
    const hallVoted = await suite.sql(
      `SELECT count(*)::int AS n FROM election_participation p JOIN election_eligibility e USING (ballot_id, member_id) WHERE p.ballot_id = $1 AND e.channel = 'hall'`,
      [ballot.ballotId],
    );
    const [{ setting }] = await suite.sql(`SELECT setting FROM pg_settings WHERE name = 'track_commit_timestamp'`);
    expect({ timeColumns, sequences, paperColumns, hallVoted, trackCommitTimestamp: setting }).toEqual({
      timeColumns: [],
      sequences: [],
      paperColumns: ['ballot_id', 'confirmed_at', 'confirmed_by', 'entered_at', 'entered_by', 'id', 'number', 'preferences', 'spoilt_reason'],
      hallVoted: [{ n: 0 }],
      trackCommitTimestamp: 'off',
    });
    // Nothing in the log between the opening and the close speaks of a member's ballot; the tellers'
    // progress events (election.papers) carry how many hall papers are entered and confirmed, nothing else.
    const logged = await suite.sql(`SELECT type, payload FROM conference_event WHERE conference_id = $1 AND type LIKE 'election.%' ORDER BY seq`, [ballot.conferenceId]);
    const progress = logged.filter((e: { type: string }) => e.type === 'election.papers');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.filter((e: { payload: object }) => Object.keys(e.payload).sort().join() !== 'confirmed,entered,postId')).toEqual([]);
    expect(
      logged.map((e: { type: string }) => e.type).filter((t: string) => t !== 'election.papers' && !/^election\.(post|nomination|candidate|nominations|ballot_list)/.test(t)),
    ).toEqual(['election.ballot_opened', 'election.ballot_closed', 'election.result']);
  });
});
