import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { testDatabaseUrl, testRedisUrl } from '@agm/config';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import type { BallotAckDto, BallotsCastMessage } from '@agm/contracts';
import { BALLOTS_CAST_INTERVAL_MS } from '../../apps/api/src/voting/ballots-cast.notifier';
import { connect, emitWithAck, EventStream, TestSocket, waitForEvent } from '../support/socket-client';

/**
 * Two api instances on one PostgreSQL and one Redis, as docker/compose.yml runs them. Needs a real
 * PostgreSQL (TEST_DATABASE_URL or DATABASE_URL; CI sets it) and Redis (TEST_REDIS_URL, default the
 * machine's 127.0.0.1:6379): the embedded database belongs to one process.
 */
const redisUrl = testRedisUrl();
const runIf = testDatabaseUrl() ? describe : describe.skip;

runIf('two instances behind one conference', () => {
  let database: TestDatabase;
  let a: TestApi;
  let b: TestApi;
  let ctxA: TestContext;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect(); // fails the suite clearly when Redis is not there
    await redis.quit();
    database = await createTestDatabase();
    // Instances that share a database must share the token secret and the Redis.
    const shared = { REDIS_URL: redisUrl, TOKEN_SECRET: randomBytes(32).toString('hex') };
    a = await startTestApi(shared, { database });
    b = await startTestApi(shared, { database });
    ctxA = new TestContext(a);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await a?.close();
    await b?.close();
    await database?.drop();
  });

  const open = async (api: TestApi, token: string) => {
    const socket = await connect(api.url, token);
    sockets.push(socket);
    return socket;
  };
  const checkIn = async (api: TestApi, conferenceId: string, registrationId: string, into = true) => {
    const admin = await ctxA.asHeadOffice();
    await api
      .http()
      .post(
        `/api/conferences/${conferenceId}/registrations/${registrationId}/${into ? 'check-in' : 'check-out'}`,
      )
      .set(admin.auth)
      .expect(200);
  };

  it('delivers an event caused through instance A to a client of instance B', async () => {
    const conference = await ctxA.newConference();
    const hall = await ctxA.newAttendee(conference.id, { mode: 'hall' });
    const watcher = await ctxA.newAttendee(conference.id);
    const onB = await open(b, watcher.token); // a token issued by A works on B
    const stream = new EventStream(onB, conference.id);
    await stream.join(onB);
    await checkIn(a, conference.id, hall.registrationId);
    const [event] = await stream.waitFor('quorum.changed');
    expect(event.payload).toMatchObject({ presentHall: 1 });
  });

  it('resumes a client moved from A to B with nothing lost and nothing twice', async () => {
    const conference = await ctxA.newConference();
    const hall = await Promise.all([1, 2, 3].map(() => ctxA.newAttendee(conference.id, { mode: 'hall' })));
    const watcher = await ctxA.newAttendee(conference.id);
    const onA = await open(a, watcher.token);
    const stream = new EventStream(onA, conference.id);
    await stream.join(onA);
    await checkIn(a, conference.id, hall[0].registrationId);
    await stream.waitFor('quorum.changed', 1);
    onA.close(); // instance A goes away for this client

    await checkIn(b, conference.id, hall[1].registrationId);
    await checkIn(a, conference.id, hall[2].registrationId);

    const onB = await open(b, watcher.token);
    stream.attach(onB);
    const joined = await stream.join(onB);
    expect(joined.replayed).toBe(2);
    await checkIn(b, conference.id, hall[0].registrationId, false);
    const events = await stream.waitFor('quorum.changed', 4);
    expect(events.map((e) => e.payload.presentHall)).toEqual([1, 2, 3, 2]);
    const seqs = stream.applied.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('disconnects a socket on B when its session is revoked through A', async () => {
    const conference = await ctxA.newConference();
    const attendee = await ctxA.newAttendee(conference.id);
    const onB = await open(b, attendee.token);
    const ended = waitForEvent(onB, 'session.ended');
    const disconnected = waitForEvent(onB, 'disconnect');
    const admin = await ctxA.asHeadOffice();
    await a
      .http()
      .delete(`/api/conferences/${conference.id}/registrations/${attendee.registrationId}/access-code`)
      .set(admin.auth)
      .expect(200);
    await ended;
    await disconnected;
    expect(onB.connected).toBe(false);
  });

  it('shows a client on B the ballots-cast count of ballots stored through A and B, at most once per interval', async () => {
    const conference = await ctxA.newConference();
    await a.database.dataSource.query(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1'::jsonb) WHERE id = $1`,
      [conference.id],
    );
    const chair = await ctxA.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const remoteVoter = async (api: TestApi) => {
      const attendee = await ctxA.newAttendee(conference.id, { mode: 'remote' });
      const socket = await open(api, attendee.token);
      await new EventStream(socket, conference.id).join(socket);
      expect(await emitWithAck(socket, 'presence.confirm', { conferenceId: conference.id })).toEqual({
        ok: true,
        data: { present: true },
      });
      return socket;
    };
    const voters = [await remoteVoter(a), await remoteVoter(b), await remoteVoter(a)]; // ballots stored by both
    const watcherOnB = await remoteVoter(b);
    const seenOnB: Array<{ at: number; message: BallotsCastMessage }> = [];
    watcherOnB.on('vote.ballots', (message: BallotsCastMessage) => seenOnB.push({ at: Date.now(), message }));

    const vote = (
      await a
        .http()
        .post(`/api/conferences/${conference.id}/votes`)
        .set(chair.auth)
        .send({
          subject: 'custom',
          title: 'Across instances',
          topics: [],
          method: 'electronic',
          secret: true,
        })
        .expect(201)
    ).body as { id: string };
    const cast = async (socket: TestSocket) =>
      expect(
        await emitWithAck<BallotAckDto>(socket, 'vote.cast', {
          conferenceId: conference.id,
          voteId: vote.id,
          choice: 'for',
          idempotencyKey: `across-${randomBytes(8).toString('hex')}`,
        }),
      ).toMatchObject({
        ok: true,
        data: { status: 'accepted' },
      });
    // First a ballot through B, which B counts itself; then two through A, which only A counts: B's client hears them from A.
    await cast(voters[1]);
    await waitForEvent<BallotsCastMessage>(watcherOnB, 'vote.ballots', {
      where: (m) => m.ballotsCast === 1,
      timeout: 5000,
    });
    await cast(voters[0]);
    await cast(voters[2]);
    const last = await waitForEvent<BallotsCastMessage>(watcherOnB, 'vote.ballots', {
      where: (m) => m.ballotsCast === 3,
      timeout: 5000,
    });
    expect(last).toMatchObject({ conferenceId: conference.id, voteId: vote.id, ballotsCast: 3, eligible: 4 });
    // However many instances store ballots, a client hears the count at most once per interval.
    const gaps = seenOnB.slice(1).map((seen, i) => seen.at - seenOnB[i].at);
    expect(gaps.every((gap) => gap >= BALLOTS_CAST_INTERVAL_MS - 50)).toBe(true);
  });
});
