import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { testDatabaseUrl, testRedisUrl } from '@agm/config';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext, TestMember } from '../support/test-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { connect, emitWithAck } from '../support/socket-client';

/**
 * Issue 22: every kind of write to one conference at once, through two instances on one PostgreSQL,
 * as head office corrects the conference during the AGM. No request may fail for a lock cycle
 * (no answer ≥ 500), and PostgreSQL itself must count no deadlock in the test database: the retry in
 * `Transactions` is a safety net, the lock order (docs/DECISIONS.md, "Lock order") is the fix.
 * Each worker runs a fixed number of rounds, so the load, not a clock, bounds the test.
 * Needs a PostgreSQL server: the embedded database is one connection, where nothing can interleave.
 */
const runIf = testDatabaseUrl() ? describe : describe.skip;
const ROUNDS = 8;
/** Two always present (mover and seconder), three checked in and out, two of them also asking to speak. */
const HALL = 5;
/** Each connects, confirms and leaves. */
const REMOTE = 3;

interface Outcome {
  what: string;
  status: number;
  body?: unknown;
}

runIf('concurrent writes to one conference (issue 22)', () => {
  let database: TestDatabase;
  let a: TestApi | undefined;
  let b: TestApi | undefined;
  let ctx: TestContext;
  let admin: Client;
  let databaseName: string;

  beforeAll(async () => {
    const redis = new Redis(testRedisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    await redis.quit();
    database = await createTestDatabase();
    databaseName = new URL(database.url!).pathname.slice(1);
    const shared = { REDIS_URL: testRedisUrl(), TOKEN_SECRET: randomBytes(32).toString('hex') };
    a = await startTestApi(shared, { database });
    b = await startTestApi(shared, { database });
    ctx = new TestContext(a);
    // Statistics are read from the server's own database, so the app's pools can be closed first.
    admin = new Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await admin?.end();
    await database?.drop();
  });

  async function deadlocks(): Promise<number> {
    await admin.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await admin.query('SELECT deadlocks FROM pg_stat_database WHERE datname = $1', [
      databaseName,
    ]);
    return Number(rows[0].deadlocks);
  }

  /** The conference and its people, seeded before the storm (registering and signing in hash codes: slow on purpose). */
  async function seedConference() {
    const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
      a!.database.dataSource.query(text, params);
    const conference = await ctx.newConference({ startsOn: '2027-10-01', endsOn: '2027-10-02' });
    const conferenceId = conference.id;
    const base = `/api/conferences/${conferenceId}`;
    await sql(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`,
      [conferenceId],
    );
    await ctx.setMotionDeadlines(conferenceId, {
      motions: new Date('2027-09-01T12:00:00Z'),
      amendments: new Date('2027-09-08T12:00:00Z'),
    });
    const headOffice = await ctx.asHeadOffice();
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const branch = await ctx.newBody({ kind: 'branch' });
    const secretary = await ctx.newOfficer(branch.id);
    const sections = [
      await ctx.newSection(conferenceId, 'NEGOTIATING'),
      await ctx.newSection(conferenceId, 'HEALTH AND SAFETY'),
    ];
    const hall: TestAttendee[] = [];
    for (let i = 0; i < HALL; i++) hall.push(await ctx.newAttendee(conferenceId, { mode: 'hall' }));
    const remote: TestAttendee[] = [];
    for (let i = 0; i < REMOTE; i++) remote.push(await ctx.newAttendee(conferenceId, { mode: 'remote' }));
    const newcomers: TestMember[] = [];
    for (let i = 0; i < ROUNDS; i++) newcomers.push(await ctx.newMember());
    const [{ id: motionId }] = await sql<{ id: string }>(
      `INSERT INTO motion (conference_id, kind, title, text, status, proposer_member_id, seconder_member_id, word_count, over_word_limit, created_by, submitted_at)
       VALUES ($1, 'motion', 'Fair pay', 'Conference calls for fair pay.', 'placed', $2, $3, 5, false, $4, now()) RETURNING id`,
      [conferenceId, hall[0].memberId, hall[1].memberId, chair.id],
    );

    return {
      conferenceId,
      base,
      headOffice,
      chair,
      branch,
      secretary,
      sections,
      hall,
      remote,
      newcomers,
      motionId,
    };
  }

  let seeded: Awaited<ReturnType<typeof seedConference>>;
  beforeAll(async () => {
    seeded = await seedConference();
  });

  it('answers no request with a 5xx and PostgreSQL counts no deadlock', async () => {
    const {
      conferenceId,
      base,
      headOffice,
      chair,
      branch,
      secretary,
      sections,
      hall,
      remote,
      newcomers,
      motionId,
    } = seeded;
    const outcomes: Outcome[] = [];
    let turn = 0;
    /** Alternates the two instances, as a load balancer would. */
    const http = () => (turn++ % 2 === 0 ? a : b)!.http();
    const record = async (what: string, request: PromiseLike<{ status: number; body: unknown }>) => {
      const response = await request;
      outcomes.push({
        what,
        status: response.status,
        ...(response.status >= 500 ? { body: response.body } : {}),
      });
      return response;
    };
    const as = (who: SignedInPerson) => who.auth;
    const debateVersion = async () =>
      ((await http().get(`${base}/debate`).set(as(chair))).body.version as number) ?? 0;
    /**
     * A chair command at the version just read; when members' requests moved the debate on meanwhile
     * (409), the console reads it again and resends, as the chair would: the members' loops end, so
     * the command gets through and the test does not depend on who wins each race.
     */
    const chairSays = async (body: Record<string, unknown>) => {
      for (;;) {
        const expectedSeq = await debateVersion();
        const response = await record(
          `debate ${String(body.type)}`,
          http()
            .post(`${base}/debate/commands`)
            .set(as(chair))
            .send({ expectedSeq, ...body }),
        );
        if (response.status !== 409) return response;
      }
    };

    // The mover and seconder are in the hall and the item is under debate before the storm, so chair
    // and attendee commands have something to act on.
    for (const attendee of hall.slice(0, 3))
      await record(
        'check-in',
        http().post(`${base}/registrations/${attendee.registrationId}/check-in`).set(as(headOffice)),
      );
    for (const body of [
      { type: 'takeItem', motionId },
      { type: 'callMover', itemId: motionId },
      { type: 'startSpeech', itemId: motionId },
    ]) {
      const response = await chairSays(body);
      expect([response.status, response.body]).toEqual([200, expect.anything()]);
    }

    const before = await deadlocks();
    const rounds = (work: (round: number) => Promise<unknown>) =>
      (async () => {
        for (let round = 0; round < ROUNDS; round++) await work(round);
      })();

    await Promise.all([
      // Head office corrects the conference's details, its ruleset and deadlines, and its sections.
      rounds((round) =>
        record(
          'conference PATCH',
          http()
            .patch(`/api/conferences/${conferenceId}`)
            .set(as(headOffice))
            .send({ venue: `Hall ${round}` }),
        ),
      ),
      rounds(async (round) => {
        const current = await http().get(`${base}/ruleset`).set(as(headOffice));
        const ruleset = {
          ...current.body.ruleset,
          tieRule: round % 2 === 0 ? 'chair_casting_vote' : current.body.ruleset.tieRule,
        };
        await record(
          'ruleset PUT',
          http()
            .put(`${base}/ruleset`)
            .set(as(headOffice))
            .send({ ruleset, reason: `correction ${round}` }),
        );
      }),
      rounds((round) =>
        record(
          'deadlines PUT',
          http()
            .put(`${base}/deadlines`)
            .set(as(headOffice))
            .send({
              motions: { date: '2027-09-01', time: round % 2 ? '12:00' : '13:00' },
              amendments: { date: '2027-09-08', time: '12:00' },
              emergency: null,
              acceptsConstitutionalAmendments: false,
            }),
        ),
      ),
      rounds(async (round) => {
        await record(
          'section PATCH',
          http()
            .patch(`${base}/sections/${sections[round % 2].id}`)
            .set(as(headOffice))
            .send({ name: `SECTION ${round}` }),
        );
        const order = round % 2 ? sections.map((s) => s.id) : sections.map((s) => s.id).reverse();
        await record(
          'sections order PUT',
          http().put(`${base}/sections/order`).set(as(headOffice)).send({ sectionIds: order }),
        );
      }),
      // The registration desk: new registrations, check-ins and check-outs.
      rounds((round) =>
        record(
          'registration POST',
          http()
            .post(`${base}/registrations`)
            .set(as(headOffice))
            .send({ membershipNumber: newcomers[round].membershipNumber, attendanceMode: 'hall' }),
        ),
      ),
      ...hall.slice(2).map((attendee, i) =>
        rounds((round) =>
          record(
            'check-in/out',
            http()
              .post(
                `${base}/registrations/${attendee.registrationId}/${(round + i) % 2 ? 'check-out' : 'check-in'}`,
              )
              .set(as(headOffice)),
          ),
        ),
      ),
      // Remote members connect, confirm and leave (presence ends when the last socket closes).
      ...remote.map((attendee, i) =>
        rounds(async () => {
          const socket = await connect((i % 2 ? b : a)!.url, attendee.token);
          // No answer within the socket's wait counts as a failure too (599), not as an error that stops the storm.
          const ack = await emitWithAck<{ present: boolean }>(
            socket,
            'presence.confirm',
            { conferenceId },
            20_000,
          ).catch((error: Error) => ({
            ok: false as const,
            error: { statusCode: 599, message: error.message },
          }));
          outcomes.push({
            what: 'presence.confirm',
            status: ack.ok ? 200 : ack.error.statusCode,
            ...(ack.ok ? {} : { body: ack.error }),
          });
          socket.close();
        }),
      ),
      // The chair runs the debate while members ask to speak and withdraw.
      rounds((round) => chairSays({ type: round % 2 ? 'resumeSpeech' : 'pauseSpeech', itemId: motionId })),
      ...hall.slice(3, 5).map((attendee) =>
        rounds((round) =>
          record(
            'debate member',
            http()
              .post(`${base}/debate/commands`)
              .set(as(attendee))
              .send(
                round % 2
                  ? { type: 'withdrawRequest', itemId: motionId }
                  : { type: 'requestToSpeak', itemId: motionId, stance: 'for' },
              ),
          ),
        ),
      ),
      // A branch drafts motions.
      rounds((round) =>
        record(
          'motion POST',
          http()
            .post(`${base}/motions`)
            .set(as(secretary))
            .send({
              kind: 'motion',
              bodyId: branch.id,
              sectionId: sections[round % 2].id,
              title: `Motion ${round}`,
              text: 'This AGM resolves.',
            }),
        ),
      ),
      // Votes opened, cast in and closed (or voided).
      rounds(async (round) => {
        const opened = await record(
          'vote open',
          http()
            .post(`${base}/votes`)
            .set(as(chair))
            .send({
              subject: 'motion',
              title: `Vote ${round}`,
              topics: ['general'],
              method: 'electronic',
              secret: round % 2 === 0,
            }),
        );
        const voteId = (opened.body as { id?: string }).id;
        if (!voteId) return;
        await Promise.all(
          [...hall, ...remote].map((voter, i) =>
            record(
              'ballot',
              http()
                .post(`${base}/votes/${voteId}/ballots`)
                .set(as(voter))
                .send({ choice: i % 2 ? 'for' : 'against', idempotencyKey: randomUUID() }),
            ),
          ),
        );
        await record(
          round % 3 === 2 ? 'vote void' : 'vote close',
          http()
            .post(`${base}/votes/${voteId}/${round % 3 === 2 ? 'void' : 'close'}`)
            .set(as(chair))
            .send(round % 3 === 2 ? { reason: 'Re-run' } : {}),
        );
      }),
    ]);
    // The AGM opens (once) after the storm has run against it.
    await record('conference open', http().post(`${base}/open`).set(as(headOffice)));

    // Each backend flushes its statistics as it exits, before it leaves pg_stat_activity: close both
    // instances and wait for their connections to go, then PostgreSQL's count is complete.
    await a!.close();
    await b!.close();
    a = b = undefined;
    for (;;) {
      const { rows } = await admin.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [databaseName],
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const deadlocked = (await deadlocks()) - before;

    const failed = outcomes
      .filter((o) => o.status >= 500)
      .map((o) => `${o.what}: ${o.status} ${JSON.stringify(o.body)}`);
    const byKind = Object.entries(
      outcomes.reduce<Record<string, Record<number, number>>>((acc, o) => {
        (acc[o.what] ??= {})[o.status] = (acc[o.what][o.status] ?? 0) + 1;
        return acc;
      }, {}),
    );
    // Every kind of write really ran, and most succeeded: a mix that only met refusals would prove nothing.
    for (const kind of [
      'conference PATCH',
      'ruleset PUT',
      'deadlines PUT',
      'section PATCH',
      'registration POST',
      'check-in/out',
      'presence.confirm',
      'debate pauseSpeech',
      'motion POST',
      'vote open',
      'ballot',
      'vote close',
    ]) {
      expect([kind, outcomes.some((o) => o.what === kind && o.status < 300)]).toEqual([kind, true]);
    }
    expect({ failed, deadlocked, byKind }).toEqual({ failed: [], deadlocked: 0, byKind });
  });
});
