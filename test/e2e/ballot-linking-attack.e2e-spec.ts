import { randomInt, randomUUID } from 'node:crypto';
import { AttendeePrincipal, Principal } from '@agm/domain';
import type { BallotAckDto } from '@agm/contracts';
import { CastBallot } from '../../apps/api/src/voting/use-cases/cast-ballot.use-case';
import { CloseVote } from '../../apps/api/src/voting/use-cases/close-vote.use-case';
import { OpenVote } from '../../apps/api/src/voting/use-cases/open-vote.use-case';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * The linking attack of issue 16, as a reader of the database with SELECT on every table would run it:
 * 1,000 members vote a secret ballot with random choices, arriving in bursts as in a hall (so many
 * ballots share a transaction and many are alone in one), and the reader pairs each member's
 * participation row with a counted ballot by every handle the database offers: the writing
 * transaction (xmin), physical row order (ctid), insertion order (xmin then ctid), and any timestamp.
 * Each attack guesses each member's choice; none may beat "always guess the most common choice" by
 * more than 3 points. It runs on whichever database the suite runs on (PGlite, or TEST_DATABASE_URL).
 */
const VOTERS = 1000;
const CHOICES = ['for', 'against', 'abstain'] as const;
type Choice = (typeof CHOICES)[number];
const MARGIN = 0.03;

interface Row {
  member_id?: string;
  choice?: Choice;
  xid: string;
  block: number;
  slot: number;
}

describe(`linking a secret ballot to its voter through the database (${VOTERS} ballots)`, () => {
  let api: TestApi;
  let ctx: TestContext;
  const sql = (text: string, params: unknown[] = []) => api.database.dataSource.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  async function seedVoters(conferenceId: string, n: number): Promise<AttendeePrincipal[]> {
    const tag = randomUUID().slice(0, 8);
    const rows: Array<{ member_id: string; registration_id: string }> = await sql(
      `WITH m AS (
         INSERT INTO member (membership_number, name, email, category)
         SELECT 'L' || $2 || '-' || i, 'Voter ' || i, 'l' || $2 || i || '@test.example', 'full' FROM generate_series(1, $1::int) i
         RETURNING id)
       INSERT INTO registration (conference_id, member_id, attendance_mode)
       SELECT $3, id, 'remote' FROM m
       RETURNING member_id, id AS registration_id`,
      [n, tag, conferenceId],
    );
    // Present with a lease, as a phone's confirmation would leave them (present without one, the sweeper ends it).
    await ctx.markRemotePresent(rows.map((row) => row.registration_id));
    const sessions = await ctx.sessionsFor(rows.map((row) => row.registration_id));
    return rows.map((row) => ({ kind: 'attendee', sessionId: sessions.get(row.registration_id)!, registrationId: row.registration_id, memberId: row.member_id, conferenceId, name: 'Voter', attendanceMode: 'remote' }));
  }

  /** What the reader sees: each table's rows of the vote with the system columns (ctid split into block and slot). */
  const withSystemColumns = (table: string, columns: string, voteId: string): Promise<Row[]> =>
    sql(
      `SELECT ${columns}, xmin::text AS xid, (ctid::text::point)[0]::int AS block, (ctid::text::point)[1]::int AS slot FROM ${table} WHERE vote_id = $1`,
      [voteId],
    );

  const byPhysicalOrder = (a: Row, b: Row) => a.block - b.block || a.slot - b.slot;
  const byInsertionOrder = (a: Row, b: Row) => Number(a.xid) - Number(b.xid) || byPhysicalOrder(a, b);

  function mostCommon(choices: Choice[]): Choice {
    const counts = new Map<Choice, number>();
    for (const choice of choices) counts.set(choice, (counts.get(choice) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'for';
  }

  it('pairs participation with ballots no better than guessing the most common choice (plus 3 points), during the vote and after it', async () => {
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const chairPrincipal = { kind: 'account', accountId: chair.id, sessionId: randomUUID(), memberId: null, name: 'Chair', isHeadOffice: false, roles: [{ conferenceId: conference.id, role: 'chair' }], officerOf: [] } as Principal;
    const principals = await seedVoters(conference.id, VOTERS);
    const vote = await api.app.get(OpenVote).execute(chairPrincipal, conference.id, { subject: 'motion', title: 'Linking attack', topics: ['general'], method: 'electronic', secret: true });
    const cast = api.app.get(CastBallot);

    // Bursts of random size (1 to 40 at once), so some ballots are alone in their transaction and some share one.
    const truth = new Map<string, Choice>();
    const acks: BallotAckDto[] = [];
    for (let next = 0; next < principals.length; ) {
      const burst = principals.slice(next, next + 1 + randomInt(40));
      next += burst.length;
      acks.push(
        ...(await Promise.all(
          burst.map((principal) => {
            const choice = CHOICES[randomInt(3)];
            truth.set(principal.memberId, choice);
            return cast.execute(principal, conference.id, vote.id, { choice, idempotencyKey: randomUUID() });
          }),
        )),
      );
    }
    expect(acks.filter((ack) => ack.status === 'accepted')).toHaveLength(VOTERS);
    const baseline = Math.max(...CHOICES.map((c) => [...truth.values()].filter((t) => t === c).length)) / VOTERS;

    // During the vote: no choice is readable anywhere (no counted ballot yet), and every sealed ballot
    // has the same size, so a ciphertext's length cannot tell 'for' from 'against'.
    const duringVote = await withSystemColumns('ballot', 'choice', vote.id);
    const [{ sealed }] = await sql(`SELECT to_regclass('sealed_ballot') IS NOT NULL AS sealed`);
    const sealedSizes: Array<{ size: number }> = sealed ? await sql('SELECT DISTINCT octet_length(sealed) AS size FROM sealed_ballot WHERE vote_id = $1', [vote.id]) : [];
    const during = attack(await withSystemColumns('vote_participation', 'member_id', vote.id), duringVote);

    await api.app.get(CloseVote).execute(chairPrincipal, conference.id, vote.id);

    // After the close: every counted ballot readable, with its system columns.
    const participation = await withSystemColumns('vote_participation', 'member_id', vote.id);
    const ballots = await withSystemColumns('ballot', 'choice', vote.id);
    const after = attack(participation, ballots);

    // Any timestamp: neither table has a time column, and commit times are not kept (track_commit_timestamp off).
    const timeColumns = await sql(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name IN ('ballot', 'vote_participation', 'sealed_ballot') AND (data_type LIKE '%time%' OR data_type = 'date')`,
    );
    const [{ setting }] = await sql(`SELECT setting FROM pg_settings WHERE name = 'track_commit_timestamp'`);

    const report = { baseline, limit: baseline + MARGIN, during, after };
    const beyondChance = [...Object.entries(during).map(([how, a]) => `during the vote, by ${how}: ${a}`), ...Object.entries(after).map(([how, a]) => `after the close, by ${how}: ${a}`)].filter(
      (line) => Number(line.split(': ')[1]) > baseline + MARGIN,
    );
    expect({ report, beyondChance }).toEqual({ report, beyondChance: [] });
    expect({ participation: participation.length, ballots: ballots.length, countedWhileOpen: duringVote.length, sealedSizes: sealedSizes.length }).toEqual({
      participation: VOTERS,
      ballots: VOTERS,
      countedWhileOpen: 0,
      sealedSizes: 1,
    });
    expect({ timeColumns, trackCommitTimestamp: setting }).toEqual({ timeColumns: [], trackCommitTimestamp: 'off' });

    /** Each attack's accuracy: the share of members whose choice it guessed right. */
    function attack(participationRows: Row[], ballotRows: Row[]): Record<string, number> {
      const fallback = mostCommon(ballotRows.map((b) => b.choice!));
      const score = (guess: (member: Row, rank: number) => Choice | undefined, ordered: Row[]) =>
        ordered.filter((member, rank) => (guess(member, rank) ?? fallback) === truth.get(member.member_id!)).length / VOTERS;

      // By transaction: the most common choice among the ballots written by the member's transaction.
      const byXid = new Map<string, Choice[]>();
      for (const ballot of ballotRows) byXid.set(ballot.xid, [...(byXid.get(ballot.xid) ?? []), ballot.choice!]);
      const xmin = score((member) => (byXid.has(member.xid) ? mostCommon(byXid.get(member.xid)!) : undefined), participationRows);

      // By physical order, and by insertion order: the n-th participation row goes with the n-th ballot.
      const physicalBallots = [...ballotRows].sort(byPhysicalOrder);
      const ctid = score((_member, rank) => physicalBallots[rank]?.choice, [...participationRows].sort(byPhysicalOrder));
      const insertedBallots = [...ballotRows].sort(byInsertionOrder);
      const insertion = score((_member, rank) => insertedBallots[rank]?.choice, [...participationRows].sort(byInsertionOrder));
      return { xmin, ctid, insertion };
    }
  });
});
