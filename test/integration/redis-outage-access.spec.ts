import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '@agm/config';
import type { BallotAckDto, ConferenceEventMessage } from '@agm/contracts';
import { SWEEP_WHILE_DOWN_MS } from '../../apps/api/src/realtime/conference.gateway';
import { connect, emitWithAck, EventStream, TestSocket, waitForEvent } from '../support/socket-client';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { ThrowawayRedis, until } from '../support/throwaway-servers';

/**
 * Issue 15, item 4: "Revocations and role changes reach every instance even if Redis was down when
 * they happened." Two instances on one PostgreSQL; this test's own Redis, killed before the change.
 * A sign-out through B must stop ballots through A's socket at once (the ballot's transaction checks
 * the session) and end that socket within a sweep; a role removed through B must take A's socket out
 * of that role's audience within a sweep.
 */
const runIf = testDatabaseUrl() ? describe : describe.skip;

runIf('access changes while Redis is down', () => {
  let redis: ThrowawayRedis;
  let database: TestDatabase;
  let a: TestApi;
  let b: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    redis = await ThrowawayRedis.start();
    database = await createTestDatabase();
    const shared = { REDIS_URL: redis.url, TOKEN_SECRET: randomBytes(32).toString('hex') };
    a = await startTestApi(shared, { database });
    b = await startTestApi(shared, { database });
    ctx = new TestContext(a);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await a?.close();
    await b?.close();
    await redis?.kill();
    await database?.drop();
  });
  afterEach(async () => {
    // Each test kills Redis itself; the next one starts with it back.
    await redis.start();
    await until('both instances to see Redis again', async () => {
      const states = await Promise.all([a, b].map(async (api) => (await api.http().get('/health')).body.details?.redis?.status));
      return states.every((state) => state === 'up');
    });
  });

  const open = async (api: TestApi, token: string) => {
    const socket = await connect(api.url, token, 5000, 2);
    sockets.push(socket);
    return socket;
  };

  it('refuses a ballot through instance A once the voter signed out through B, and ends the socket', async () => {
    const conference = await ctx.newConference();
    await a.database.dataSource.query(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1'::jsonb) WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const voter = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const onA = await open(a, voter.token);
    await new EventStream(onA, conference.id).join(onA);
    expect(await emitWithAck(onA, 'presence.confirm', { conferenceId: conference.id })).toEqual({ ok: true, data: { present: true } });
    const vote = (
      await a.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'custom', title: 'While Redis is down', topics: [], method: 'electronic', secret: true }).expect(201)
    ).body as { id: string };

    await redis.kill();
    await b.http().post('/api/auth/sign-out').set(voter.auth).expect(204);
    const ended = waitForEvent<{ reason: string }>(onA, 'session.ended', { timeout: SWEEP_WHILE_DOWN_MS * 3 });

    const answer = await emitWithAck<BallotAckDto>(onA, 'vote.cast', { conferenceId: conference.id, voteId: vote.id, choice: 'for', idempotencyKey: `after-sign-out-${randomBytes(8).toString('hex')}` });
    expect(answer).toMatchObject({ ok: false, error: { statusCode: 401 } });
    const [{ n }] = await a.database.dataSource.query('SELECT count(*)::int AS n FROM vote_participation WHERE vote_id = $1', [vote.id]);
    expect(n).toBe(0);
    // The socket itself is ended by a sweep, without a message of its own.
    expect((await ended).reason).toMatch(/sign in again/i);
  }, 60_000);

  it("takes a socket on A out of an audience whose role was removed through B, with no message from it", async () => {
    const conference = await ctx.newConference();
    // Administrator and teller: once no longer an administrator they still see the conference's public events.
    const official = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'admin' }, { conferenceId: conference.id, role: 'teller' }] });
    const hall = await ctx.newAttendee(conference.id, { mode: 'hall' });
    const onA = await open(a, official.token);
    const stream = new EventStream(onA, conference.id);
    await stream.join(onA);
    const headOffice = await ctx.asHeadOffice();

    await redis.kill();
    await b.http().delete(`/api/conferences/${conference.id}/roles/${official.id}/admin`).set(headOffice.auth).expect(204);
    // Long enough for a sweep on A (every SWEEP_WHILE_DOWN_MS while Redis is away), with no message from the socket.
    await new Promise((resolve) => setTimeout(resolve, SWEEP_WHILE_DOWN_MS * 2 + 1000));

    // An administrators' event (a check-in names the person) must not reach the socket any more; the
    // public one of the same commit still does, so the test knows the commit was delivered.
    await b.http().post(`/api/conferences/${conference.id}/registrations/${hall.registrationId}/check-in`).set(headOffice.auth).expect(200);
    await stream.waitFor('quorum.changed', 1, 10_000);
    const adminEvents = stream.applied.filter((event: ConferenceEventMessage) => event.type === 'presence.changed');
    expect(adminEvents).toEqual([]);
  }, 60_000);
});
