import { LIVE_LIMITS } from '@agm/domain';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { connect, emitWithAck, EventStream, TestSocket } from '../support/socket-client';

/**
 * The live channel checks each message, not only the handshake, and keeps one person from taking
 * more than their share: docs/REALTIME.md ("Authorization on every message", "Limits").
 */
describe('authorization and limits on the live channel', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  const open = async (token: string) => {
    const socket = await connect(api.url, token);
    sockets.push(socket);
    return socket;
  };
  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
    api.database.dataSource.manager.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await api?.close();
  });

  /** A motion on the order of business, written as the motions feature stores it. */
  const insertMotion = async (
    conferenceId: string,
    createdBy: string,
    proposer: string,
    seconder: string,
  ) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO motion (conference_id, kind, title, text, status, proposer_member_id, seconder_member_id, word_count, over_word_limit, created_by, submitted_at)
       VALUES ($1, 'motion', 'Fair pay', 'Conference calls for fair pay.', 'placed', $2, $3, 5, false, $4, now()) RETURNING id`,
      [conferenceId, proposer, seconder, createdBy],
    );
    return row.id;
  };

  it("refuses a removed chair's next command and stops sending them the chair's events at once", async () => {
    const { id: conferenceId } = await ctx.newConference();
    // Also a teller, so they may still watch the conference: only the chair's audience is taken away.
    const removed = await ctx.newOfficial({
      roles: [
        { conferenceId, role: 'chair' },
        { conferenceId, role: 'teller' },
      ],
    });
    const staying = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const [mover, seconder, hall] = await Promise.all(
      [1, 2, 3].map(() => ctx.newAttendee(conferenceId, { mode: 'hall' })),
    );
    const motionId = await insertMotion(conferenceId, staying.id, mover.member.id, seconder.member.id);
    const headOffice = await ctx.asHeadOffice();
    const checkIn = (registrationId: string) =>
      api
        .http()
        .post(`/api/conferences/${conferenceId}/registrations/${registrationId}/check-in`)
        .set(headOffice.auth)
        .expect(200);
    for (const attendee of [mover, seconder]) await checkIn(attendee.registrationId);
    const removedSocket = await open(removed.token);
    const stayingSocket = await open(staying.token);
    const removedStream = new EventStream(removedSocket, conferenceId);
    const stayingStream = new EventStream(stayingSocket, conferenceId);
    await removedStream.join(removedSocket);
    await stayingStream.join(stayingSocket);
    const version = async () =>
      (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(staying.auth).expect(200)).body
        .version as number;
    const say = (socket: TestSocket, command: Record<string, unknown>) =>
      emitWithAck<any>(socket, 'debate.command', { conferenceId, command });

    // While a chair, they command over the socket and see the chair's queue.
    const taken = await say(removedSocket, { type: 'takeItem', motionId, expectedSeq: await version() });
    expect(taken.ok).toBe(true);
    await removedStream.waitFor('debate.queue');
    await stayingStream.waitFor('debate.queue');

    await api
      .http()
      .delete(`/api/conferences/${conferenceId}/roles/${removed.id}/chair`)
      .set(headOffice.auth)
      .expect(204);

    // Before they send anything: the other chair's command makes a chair event, then a check-in a
    // public one. Each socket gets its events in seq order, so once the public one reached the removed
    // chair, the chair event before it would have too.
    expect(
      await say(stayingSocket, { type: 'callMover', itemId: motionId, expectedSeq: await version() }),
    ).toMatchObject({ ok: true });
    const [chairEvent] = (await stayingStream.waitFor('debate.queue', 2)).slice(1);
    await checkIn(hall.registrationId);
    const quorum = (await removedStream.waitFor('quorum.changed', 3)).at(-1)!;
    expect(quorum.seq).toBeGreaterThan(chairEvent.seq);
    expect(removedStream.applied.map((e) => e.seq)).not.toContain(chairEvent.seq);
    expect(removedStream.applied.filter((e) => e.type === 'debate.queue')).toHaveLength(1);

    // Their next command is refused as HTTP refuses it, and the socket stays open for what they may still see.
    const refused = await say(removedSocket, {
      type: 'startSpeech',
      itemId: motionId,
      expectedSeq: await version(),
    });
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 403 } });
    expect(removedSocket.connected).toBe(true);
  });

  it(`accepts ${LIVE_LIMITS.socketsPerSession} sockets on one sign-in and refuses the next in words`, async () => {
    const { id: conferenceId } = await ctx.newConference();
    const attendee = await ctx.newAttendee(conferenceId);
    const other = await ctx.newAttendee(conferenceId);
    await Promise.all(Array.from({ length: LIVE_LIMITS.socketsPerSession }, () => open(attendee.token)));
    // All at once, as a page opened in many tabs does: each is counted before the next is let in.
    const extra = await Promise.allSettled(Array.from({ length: 5 }, () => open(attendee.token)));
    expect(extra.every((r) => r.status === 'rejected')).toBe(true);
    const refusal = (extra[0] as PromiseRejectedResult).reason;
    expect(refusal.statusCode).toBe(429);
    expect(refusal.message).toMatch(/Close the other tabs or windows/);
    // Someone else is not held back by it.
    const theirs = await open(other.token);
    expect((await emitWithAck(theirs, 'conference.join', { conferenceId })).ok).toBe(true);
  });

  it(`refuses a socket's join past ${LIVE_LIMITS.joinsPerSocketPerMinute} a minute, saying what to do`, async () => {
    const { id: conferenceId } = await ctx.newConference();
    const attendee = await ctx.newAttendee(conferenceId);
    const socket = await open(attendee.token);
    for (let i = 0; i < LIVE_LIMITS.joinsPerSocketPerMinute; i++)
      expect((await emitWithAck(socket, 'conference.join', { conferenceId })).ok).toBe(true);
    const refused = await emitWithAck(socket, 'conference.join', { conferenceId });
    expect(refused).toMatchObject({
      ok: false,
      error: { statusCode: 429, message: expect.stringMatching(/Stay connected.*Try again in \d+ s/) },
    });
    // A new socket of the same person starts its own count.
    const fresh = await open(attendee.token);
    expect((await emitWithAck(fresh, 'conference.join', { conferenceId })).ok).toBe(true);
  });

  it(`refuses a resume once a sign-in was sent ${LIVE_LIMITS.replayedEventsPerSessionPerMinute} missed events in a minute; a fresh join still works`, async () => {
    const { id: conferenceId } = await ctx.newConference();
    const attendee = await ctx.newAttendee(conferenceId);
    // 990 public events in the log: each join from 0 replays all of them (under the 1,000 a replay may be).
    await sql(
      `WITH c AS (UPDATE conference_event_counter SET last_seq = last_seq + 990 WHERE conference_id = $1 RETURNING last_seq)
       INSERT INTO conference_event (conference_id, seq, type, payload, audience, actor_id, at)
       SELECT $1, c.last_seq - 990 + n, 'conference.updated', '{}'::jsonb, 'public', NULL, now() FROM c, generate_series(1, 990) n`,
      [conferenceId],
    );
    const socket = await open(attendee.token);
    const second = await open(attendee.token);
    let replayed = 0;
    for (let i = 0; i < 5; i++) {
      const joined = await emitWithAck<any>(i % 2 ? second : socket, 'conference.join', {
        conferenceId,
        lastSeq: 0,
      });
      expect(joined).toMatchObject({ ok: true, data: { truncated: false } });
      replayed += joined.ok ? joined.data.replayed : 0;
    }
    expect(replayed).toBeGreaterThan(4000);
    // The budget is the sign-in's, whichever of its sockets asks.
    const refused = await emitWithAck(second, 'conference.join', { conferenceId, lastSeq: 0 });
    expect(refused).toMatchObject({
      ok: false,
      error: { statusCode: 429, message: expect.stringMatching(/Join without lastSeq/) },
    });
    expect((await emitWithAck<any>(second, 'conference.join', { conferenceId })).ok).toBe(true);
  });
});
