import { randomUUID } from 'node:crypto';
import { AttendeePrincipal, Principal } from '@agm/domain';
import type { BallotAckDto } from '@agm/contracts';
import { testDatabaseUrl } from '@agm/config';
import { CastBallot } from '../../apps/api/src/voting/use-cases/cast-ballot.use-case';
import { CloseVote } from '../../apps/api/src/voting/use-cases/close-vote.use-case';
import { OpenVote } from '../../apps/api/src/voting/use-cases/open-vote.use-case';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * Ballots racing the close. On a PostgreSQL server (TEST_DATABASE_URL) 3,000 voters; on the embedded
 * database, whose pool is one connection, 300 (same code path, fewer rows, so the file stays quick).
 */
const VOTERS = testDatabaseUrl() ? 3000 : 300;
const WAVES = 20;

describe(`ballots racing the close (${VOTERS} voters)`, () => {
  let api: TestApi;
  let ctx: TestContext;
  let cast: CastBallot;
  let close: CloseVote;
  let openVote: OpenVote;
  const sql = (text: string, params: unknown[] = []) => api.database.dataSource.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
    cast = api.app.get(CastBallot);
    close = api.app.get(CloseVote);
    openVote = api.app.get(OpenVote);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Members registered remote and present, seeded in bulk; principals as the authenticator would build them. */
  async function seedVoters(conferenceId: string, n: number): Promise<AttendeePrincipal[]> {
    const tag = randomUUID().slice(0, 8);
    const rows: Array<{ member_id: string; registration_id: string }> = await sql(
      `WITH m AS (
         INSERT INTO member (membership_number, name, email, category)
         SELECT 'C' || $2 || '-' || i, 'Voter ' || i, 'c' || $2 || i || '@test.example', 'full' FROM generate_series(1, $1::int) i
         RETURNING id)
       INSERT INTO registration (conference_id, member_id, attendance_mode)
       SELECT $3, id, 'remote' FROM m
       RETURNING member_id, id AS registration_id`,
      [n, tag, conferenceId],
    );
    // Present with a lease, as a phone's confirmation would leave them: present without one, the
    // presence sweeper ends it at its next tick (this seeding once raced it and counted 2,999 of 3,000).
    await ctx.markRemotePresent(rows.map((row) => row.registration_id));
    const sessions = await ctx.sessionsFor(rows.map((row) => row.registration_id));
    return rows.map((row) => ({
      kind: 'attendee',
      sessionId: sessions.get(row.registration_id)!,
      registrationId: row.registration_id,
      memberId: row.member_id,
      conferenceId,
      name: 'Voter',
      attendanceMode: 'remote',
    }));
  }

  async function newVote(voters: number) {
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const principals = await seedVoters(conference.id, voters);
    const chairPrincipal = { kind: 'account', accountId: chair.id, sessionId: randomUUID(), memberId: null, name: 'Chair', isHeadOffice: false, roles: [{ conferenceId: conference.id, role: 'chair' }], officerOf: [] } as Principal;
    const vote = await openVote.execute(chairPrincipal, conference.id, { subject: 'motion', title: 'Storm', topics: ['general'], method: 'electronic', secret: true });
    expect(vote.eligibleCount).toBe(voters);
    return { conferenceId: conference.id, voteId: vote.id, principals, chairPrincipal };
  }

  it('counts every ballot acknowledged before the close and none after it', async () => {
    const { conferenceId, voteId, principals, chairPrincipal } = await newVote(VOTERS);
    const choices = ['for', 'against', 'abstain'] as const;
    const acked: BallotAckDto[] = [];
    const refused: Error[] = [];
    const others: unknown[] = [];
    const perWave = Math.ceil(VOTERS / WAVES);
    let closeResult: Awaited<ReturnType<CloseVote['execute']>> | undefined;
    const inFlight: Promise<void>[] = [];

    // Ballots arrive in waves; the chair closes when half the waves have been sent, so some ballots are
    // in flight when the close takes its lock and others arrive after it.
    for (let wave = 0; wave < WAVES; wave++) {
      for (const [i, principal] of principals.slice(wave * perWave, (wave + 1) * perWave).entries()) {
        inFlight.push(
          cast
            .execute(principal, conferenceId, voteId, { choice: choices[(wave + i) % 3], idempotencyKey: randomUUID() })
            .then((ack) => void acked.push(ack))
            .catch((error: Error) => void (error.name === 'VoteClosed' ? refused.push(error) : others.push(error))),
        );
      }
      if (wave === WAVES / 2) inFlight.push(close.execute(chairPrincipal, conferenceId, voteId).then((r) => void (closeResult = r)));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(inFlight);

    expect(others).toEqual([]);
    expect(acked.length + refused.length).toBe(VOTERS);
    expect(acked.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    const result = closeResult!.result!;
    // Every acknowledged ballot is in the declared result, and nothing else is.
    expect(result.turnout.voted).toBe(acked.length);
    expect(result.totals).toEqual({
      for: acked.filter((a) => a.choice === 'for').length,
      against: acked.filter((a) => a.choice === 'against').length,
      abstain: acked.filter((a) => a.choice === 'abstain').length,
    });
    const stored: Array<{ receipt_hash: string }> = await sql('SELECT receipt_hash FROM ballot WHERE vote_id = $1', [voteId]);
    expect(new Set(stored.map((r) => r.receipt_hash))).toEqual(new Set(acked.map((a) => a.receiptHash)));
    const [{ n }] = await sql('SELECT count(*)::int AS n FROM vote_participation WHERE vote_id = $1', [voteId]);
    expect(n).toBe(acked.length);
  });

  it('takes one ballot from a voter sending from two devices at once, and answers a racing retry as a duplicate', async () => {
    const { conferenceId, voteId, principals } = await newVote(20);
    const twoDevices = await Promise.allSettled(principals.slice(0, 10).flatMap((p) => [cast.execute(p, conferenceId, voteId, { choice: 'for', idempotencyKey: randomUUID() }), cast.execute(p, conferenceId, voteId, { choice: 'against', idempotencyKey: randomUUID() })]));
    expect(twoDevices.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    for (const r of twoDevices) if (r.status === 'rejected') expect((r.reason as Error).name).toBe('Conflict');

    const retries = await Promise.all(
      principals.slice(10).map((p) => {
        const idempotencyKey = randomUUID();
        return Promise.all([cast.execute(p, conferenceId, voteId, { choice: 'for', idempotencyKey }), cast.execute(p, conferenceId, voteId, { choice: 'for', idempotencyKey })]);
      }),
    );
    for (const [a, b] of retries) {
      expect([a.status, b.status].sort()).toEqual(['accepted', 'duplicate']);
      expect(a.receiptCode).toBe(b.receiptCode);
    }
    const [{ ballots, participations }] = await sql(
      `SELECT (SELECT count(*)::int FROM ballot WHERE vote_id = $1) + (SELECT count(*)::int FROM sealed_ballot WHERE vote_id = $1) AS ballots, (SELECT count(*)::int FROM vote_participation WHERE vote_id = $1) AS participations`,
      [voteId],
    );
    expect({ ballots, participations }).toEqual({ ballots: 20, participations: 20 });
  });
});
