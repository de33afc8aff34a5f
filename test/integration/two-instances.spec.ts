import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { testDatabaseUrl, testRedisUrl } from '@agm/config';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { connect, EventStream, TestSocket, waitForEvent } from '../support/socket-client';

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
    await api.http().post(`/api/conferences/${conferenceId}/registrations/${registrationId}/${into ? 'check-in' : 'check-out'}`).set(admin.auth).expect(200);
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
    await a.http().delete(`/api/conferences/${conference.id}/registrations/${attendee.registrationId}/access-code`).set(admin.auth).expect(200);
    await ended;
    await disconnected;
    expect(onB.connected).toBe(false);
  });
});
