import { randomBytes } from 'node:crypto';
import { testDatabaseUrl } from '@agm/config';
import { SWEEP_PAUSE_AFTER_OUTAGE_MS } from '../../apps/api/src/realtime/remote-presence';
import { connect, emitWithAck, EventStream, TestSocket } from '../support/socket-client';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { ThrowawayPostgres, until } from '../support/throwaway-servers';

/**
 * Issue 15, item 1: presence belongs to the person. A remote attendee whose phone stays connected
 * through a PostgreSQL outage longer than the grace must still be present when the database returns:
 * their lease lapsed only because nobody could write it. This test's own PostgreSQL cluster, crashed
 * with `pg_ctl -m immediate` and started again.
 */
const runIf = testDatabaseUrl() ? describe : describe.skip;
const GRACE_SECONDS = 5; // the shortest grace a ruleset may set

runIf('remote presence through a database outage', () => {
  let postgres: ThrowawayPostgres;
  let api: TestApi;
  let ctx: TestContext;
  let socket: TestSocket | undefined;

  beforeAll(async () => {
    postgres = await ThrowawayPostgres.start();
    const url = await postgres.createDatabase();
    api = await startTestApi({ TOKEN_SECRET: randomBytes(32).toString('hex') }, { database: { url, drop: async () => undefined } });
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    socket?.close();
    await api?.close();
    await postgres?.remove();
  });

  it(`keeps a connected attendee present through an outage longer than the ${GRACE_SECONDS} s grace`, async () => {
    const conference = await ctx.newConference();
    await api.database.dataSource.query(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{presence}', $2::jsonb) WHERE id = $1`,
      [conference.id, JSON.stringify({ remoteGraceSeconds: GRACE_SECONDS })],
    );
    const attendee = await ctx.newAttendee(conference.id, { mode: 'remote' });
    socket = await connect(api.url, attendee.token, 5000, 2);
    const stream = new EventStream(socket, conference.id);
    await stream.join(socket);
    expect(await emitWithAck(socket, 'presence.confirm', { conferenceId: conference.id })).toEqual({ ok: true, data: { present: true } });

    await postgres.crash();
    await new Promise((resolve) => setTimeout(resolve, GRACE_SECONDS * 2000 + 1000));
    await postgres.start();

    // The database answers again; then long enough for the pause after an outage and a sweep after it.
    await until('the database to answer presence.status', async () => {
      const answer = await emitWithAck<{ present: boolean }>(socket!, 'presence.status', { conferenceId: conference.id });
      return answer.ok;
    }, 60_000);
    await new Promise((resolve) => setTimeout(resolve, SWEEP_PAUSE_AFTER_OUTAGE_MS + GRACE_SECONDS * 1000 + 2000));

    expect(await emitWithAck(socket, 'presence.status', { conferenceId: conference.id })).toEqual({ ok: true, data: { present: true } });
    expect(stream.applied.filter((event) => event.type === 'presence.lapsed')).toEqual([]);
    expect(socket.connected).toBe(true);
  }, 120_000);
});
