import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { testDatabaseUrl } from '@agm/config';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { connect, EventStream, TestSocket } from '../support/socket-client';
import { ApiProcess, ThrowawayPostgres, ThrowawayRedis, until } from '../support/throwaway-servers';

/**
 * The server's delivery promise (docs/REALTIME.md): every client receives every event of its
 * audiences exactly once and in seq order, live or replayed, from any instance — while an instance is
 * killed, PostgreSQL crashes and restarts, or Redis is killed and comes back. Two instances, events
 * committed through both while watchers on both follow; at the end each watcher's seqs must equal
 * the log filtered to its audiences. The clients follow the reference client (EventStream), which
 * keeps anything at or below its last seq in `outOfOrder` instead of applying it.
 *
 * Needs a real PostgreSQL (TEST_DATABASE_URL) for the shared database; Redis and the crashed
 * PostgreSQL are this test's own servers on free ports.
 */
const runIf = testDatabaseUrl() ? describe : describe.skip;
const WATCHERS_PER_INSTANCE = 6;
const HALL = 6;
const OPERATIONS = 40;
const DISRUPT_AFTER = 14;
/** Two instances, a dozen sockets and an outage on a busy shared machine: minutes, not the default minute. */
const SCENARIO_MS = 300_000;
const trace = (message: string) => process.env.TRACE_DELIVERY && console.log(`${new Date().toISOString()} ${message}`);

interface Watcher {
  audiences: string[];
  token: string;
  protocolVersion: number | undefined;
  stream: EventStream;
  socket: TestSocket;
}

runIf('ordered, gap-free delivery through outages', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  /**
   * Seeds a conference through `seed`, puts watchers (attendees: public + their own; admins:
   * public + admin) on each url, then checks hall attendees in and out through every url in turn,
   * calling `disrupt` once part-way. A watcher whose socket drops comes back through `rejoinUrl()`
   * with its last seq. Returns when every watcher has the log's events for its audiences.
   */
  async function deliverThrough(options: { seed: TestApi; urls: string[]; databaseUrl: string; disrupt: () => Promise<void>; rejoinUrl: () => string }) {
    trace('seeding');
    const ctx = new TestContext(options.seed);
    const conference = await ctx.newConference();
    const admin = await ctx.asHeadOffice();
    const hall = await Promise.all(Array.from({ length: HALL }, () => ctx.newAttendee(conference.id, { mode: 'hall' })));

    const watchers: Watcher[] = [];
    const join = async (watcher: Watcher, url: string) => {
      // A join refused while the database is away is asked again (the client's own retry).
      await until(`watcher to join on ${url}`, async () => {
        watcher.socket?.close();
        watcher.socket = await connect(url, watcher.token, 5000, watcher.protocolVersion);
        watcher.stream.attach(watcher.socket);
        watcher.socket.once('disconnect', (reason) => {
          if (reason !== 'io client disconnect') void join(watcher, options.rejoinUrl());
        });
        await watcher.stream.join(watcher.socket);
        return true;
      }, 60_000);
    };
    for (const url of options.urls) {
      for (let i = 0; i < WATCHERS_PER_INSTANCE; i++) {
        const person =
          i % 3 === 2
            ? { ...(await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'admin' }] })), audiences: ['public', 'admin'] }
            : await ctx.newAttendee(conference.id).then((a) => ({ ...a, audiences: ['public', `member:${a.memberId}`] }));
        // Half the clients speak protocol 2 (a join's replay in one message), half protocol 1 (one by one).
        const protocolVersion = i % 2 === 0 ? 2 : undefined;
        const watcher = { audiences: person.audiences, token: person.token, protocolVersion, stream: undefined as unknown as EventStream, socket: undefined as unknown as TestSocket };
        const socket = await connect(url, person.token, 5000, protocolVersion);
        watcher.socket = socket;
        watcher.stream = new EventStream(socket, conference.id);
        socket.once('disconnect', (reason) => {
          if (reason !== 'io client disconnect') void join(watcher, options.rejoinUrl());
        });
        await watcher.stream.join(socket);
        watchers.push(watcher);
      }
    }
    cleanups.push(async () => watchers.forEach((w) => w.socket.close()));
    trace('watchers joined');

    // Writers on every instance at once, so commits through different instances interleave.
    const checkedIn = new Set<number>();
    let next = 0;
    const writer = async (urlIndex: number) => {
      while (next < OPERATIONS) {
        const op = next++;
        // The other writer goes on meanwhile: its requests meet the outage and are tried again.
        if (op === DISRUPT_AFTER) {
          trace('disrupting');
          await options.disrupt();
          trace('disrupted');
        }
        const attendee = op % HALL;
        const into = !checkedIn.has(attendee);
        if (into) checkedIn.add(attendee);
        else checkedIn.delete(attendee);
        // A request refused while something is down is tried again, through whichever instance answers.
        let attempt = 0;
        await until(`operation ${op} to be answered`, async () => {
          const url = attempt++ === 0 ? options.urls[urlIndex] : options.rejoinUrl();
          const response = await request(url)
            .post(`/api/conferences/${conference.id}/registrations/${hall[attendee].registrationId}/${into ? 'check-in' : 'check-out'}`)
            .set(admin.auth)
            .timeout(10_000);
          return response.status < 500;
        }, 60_000);
      }
    };
    await Promise.all(options.urls.map((_, i) => writer(i)));

    trace('written');
    const log = new Client({ connectionString: options.databaseUrl });
    await log.connect();
    try {
      for (const watcher of watchers) {
        const rows: Array<{ seq: string }> = (
          await log.query('SELECT seq FROM conference_event WHERE conference_id = $1 AND audience = ANY($2) ORDER BY seq', [conference.id, watcher.audiences])
        ).rows;
        const expected = rows.map((row) => Number(row.seq));
        await until('every watcher to have its events', () => watcher.stream.lastSeq >= expected[expected.length - 1], 60_000).catch(() => undefined);
        expect({ audiences: watcher.audiences, seqs: watcher.stream.applied.map((e) => e.seq), outOfOrder: watcher.stream.outOfOrder.map((e) => e.seq) }).toEqual({
          audiences: watcher.audiences,
          seqs: expected,
          outOfOrder: [],
        });
        expect(watcher.stream.snapshotAt).toBeUndefined(); // each resume was a replay, not a snapshot
      }
      // The check-ins happened: dozens of events, on both instances' watchers.
      expect(watchers[0].stream.applied.length).toBeGreaterThan(OPERATIONS / 2);
    } finally {
      await log.end();
    }
  }

  it('loses and doubles nothing when one of two instances is killed mid-stream', async () => {
    const redis = await ThrowawayRedis.start();
    cleanups.push(() => redis.kill());
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const shared = { REDIS_URL: redis.url, TOKEN_SECRET: randomBytes(32).toString('hex') };
    const survivor = await startTestApi(shared, { database });
    cleanups.push(() => survivor.close());
    const doomed = await ApiProcess.start({ ...shared, DATABASE_URL: database.url! });
    cleanups.push(() => doomed.kill());

    await deliverThrough({ seed: survivor, urls: [doomed.url, survivor.url], databaseUrl: database.url!, disrupt: () => doomed.kill(), rejoinUrl: () => survivor.url });
  }, SCENARIO_MS);

  it('loses and doubles nothing when PostgreSQL crashes and restarts', async () => {
    const postgres = await ThrowawayPostgres.start();
    cleanups.push(() => postgres.remove());
    const url = await postgres.createDatabase();
    const redis = await ThrowawayRedis.start();
    cleanups.push(() => redis.kill());
    const database: TestDatabase = { url, drop: async () => undefined };
    const shared = { REDIS_URL: redis.url, TOKEN_SECRET: randomBytes(32).toString('hex') };
    const a = await startTestApi(shared, { database });
    cleanups.push(() => a.close());
    const b = await startTestApi(shared, { database });
    cleanups.push(() => b.close());

    await deliverThrough({
      seed: a,
      urls: [a.url, b.url],
      databaseUrl: url,
      disrupt: async () => {
        await postgres.crash();
        await new Promise((r) => setTimeout(r, 1500));
        await postgres.start();
      },
      rejoinUrl: () => b.url,
    });
    // Both instances lived through it and say the database is back.
    for (const api of [a, b]) await until('/health to say up', async () => (await api.http().get('/health')).body.details.database.status === 'up');
  }, SCENARIO_MS);

  it('loses and doubles nothing when Redis is killed and comes back', async () => {
    const redis = await ThrowawayRedis.start();
    cleanups.push(() => redis.kill());
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const shared = { REDIS_URL: redis.url, TOKEN_SECRET: randomBytes(32).toString('hex') };
    const a = await startTestApi(shared, { database });
    cleanups.push(() => a.close());
    const b = await startTestApi(shared, { database });
    cleanups.push(() => b.close());

    let degradedSeen = false;
    await deliverThrough({
      seed: a,
      urls: [a.url, b.url],
      databaseUrl: database.url!,
      disrupt: async () => {
        await redis.kill();
        // Both instances stay up and say they are degraded, not down.
        for (const api of [a, b]) {
          await until('/health to say degraded', async () => {
            const health = await api.http().get('/health');
            return health.status === 200 && health.body.status === 'degraded' && health.body.details.redis.status === 'down';
          });
        }
        degradedSeen = true;
        // Some operations run while Redis is away; it comes back a moment later.
        setTimeout(() => void redis.start(), 1500);
      },
      rejoinUrl: () => b.url,
    });
    expect(degradedSeen).toBe(true);
    for (const api of [a, b]) await until('/health to say ok', async () => (await api.http().get('/health')).body.status === 'ok');
  }, SCENARIO_MS);

  it('starts an instance while Redis is down, and serves', async () => {
    const redis = await ThrowawayRedis.start();
    await redis.kill();
    cleanups.push(() => redis.kill());
    const api = await startTestApi({ REDIS_URL: redis.url });
    cleanups.push(() => api.close());
    const health = await api.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'degraded', details: { database: { status: 'up' }, redis: { status: 'down' } } });
    await api.http().get('/health/live').expect(200, { status: 'ok' });
    await redis.start();
    await until('/health to say ok', async () => (await api.http().get('/health')).body.status === 'ok');
  });
});
