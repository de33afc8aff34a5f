import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { io } from 'socket.io-client';
import { connect, emitWithAck, EventStream, pause, TestSocket, waitForEvent } from '../support/socket-client';

describe('the real-time channel', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  const open = async (token: string | undefined, protocolVersion?: number) => {
    const socket = await connect(api.url, token, 5000, protocolVersion);
    sockets.push(socket);
    return socket;
  };

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

  const checkIn = async (conferenceId: string, registrationId: string, into = true) => {
    const admin = await ctx.asHeadOffice();
    await api
      .http()
      .post(
        `/api/conferences/${conferenceId}/registrations/${registrationId}/${into ? 'check-in' : 'check-out'}`,
      )
      .set(admin.auth)
      .expect(200);
  };

  it('refuses a handshake with no token, and one with a made-up token', async () => {
    await expect(connect(api.url, undefined)).rejects.toMatchObject({ statusCode: 401 });
    await expect(connect(api.url, 'not-a-real-token')).rejects.toMatchObject({ statusCode: 401 });
  });

  it("pushes a conference's events only to that conference's clients", async () => {
    const a = await ctx.newConference();
    const b = await ctx.newConference();
    const inA = await ctx.newAttendee(a.id, { mode: 'hall' });
    const watcherA = await ctx.newAttendee(a.id);
    const watcherB = await ctx.newAttendee(b.id);
    const socketA = await open(watcherA.token);
    const socketB = await open(watcherB.token);
    const streamA = new EventStream(socketA, a.id);
    const streamB = new EventStream(socketB, b.id);
    const everythingB: unknown[] = [];
    socketB.on('conference.event', (event) => everythingB.push(event));
    await streamA.join(socketA);
    await streamB.join(socketB);
    const before = everythingB.length;

    await checkIn(a.id, inA.registrationId);
    const [quorum] = await streamA.waitFor('quorum.changed');
    expect(quorum.payload).toMatchObject({ presentHall: 1 });
    await pause(300);
    expect(everythingB.length).toBe(before);
  });

  it('refuses to join a conference the client has no part in, as not found', async () => {
    const mine = await ctx.newConference();
    const other = await ctx.newConference();
    const attendee = await ctx.newAttendee(mine.id);
    const socket = await open(attendee.token);
    const answer = await emitWithAck(socket, 'conference.join', { conferenceId: other.id });
    expect(answer).toEqual({
      ok: false,
      error: { statusCode: 404, message: expect.stringContaining('No such conference') },
    });
  });

  it('answers a malformed message with the error shape, naming each field', async () => {
    const conference = await ctx.newConference();
    const attendee = await ctx.newAttendee(conference.id);
    const socket = await open(attendee.token);
    const answer = await emitWithAck(socket, 'conference.join', {
      conferenceId: 'abc',
      lastSeq: -1,
      colour: 'red',
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.statusCode).toBe(400);
      expect(Object.keys(answer.error.errors ?? {}).sort()).toEqual(['colour', 'conferenceId', 'lastSeq']);
    }
    const notAnObject = await emitWithAck(socket, 'conference.join', 'hello');
    expect(notAnObject).toMatchObject({ ok: false, error: { statusCode: 400 } });
    expect(socket.connected).toBe(true);
  });

  it('resumes after a disconnect with every missed event exactly once and in order', async () => {
    const conference = await ctx.newConference();
    const hall = await Promise.all([1, 2, 3].map(() => ctx.newAttendee(conference.id, { mode: 'hall' })));
    const watcher = await ctx.newAttendee(conference.id);
    const first = await open(watcher.token);
    const stream = new EventStream(first, conference.id);
    await stream.join(first);
    await checkIn(conference.id, hall[0].registrationId);
    await stream.waitFor('quorum.changed', 1);
    first.close();

    // While the client is away: three more changes.
    await checkIn(conference.id, hall[1].registrationId);
    await checkIn(conference.id, hall[2].registrationId);
    await checkIn(conference.id, hall[0].registrationId, false);

    const second = await open(watcher.token);
    stream.attach(second);
    const joined = await stream.join(second);
    expect(joined.replayed).toBe(3);
    const quorumEvents = await stream.waitFor('quorum.changed', 4);
    expect(quorumEvents.map((e) => e.payload.presentHall)).toEqual([1, 2, 3, 2]);
    const seqs = stream.applied.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    // An attendee never receives the administrators' events (presence of named people).
    expect(stream.applied.some((e) => e.type === 'presence.changed')).toBe(false);
  });

  it('sends a protocol 2 client its missed events in one message, in order, before the join answers', async () => {
    const conference = await ctx.newConference();
    const hall = await Promise.all([1, 2, 3].map(() => ctx.newAttendee(conference.id, { mode: 'hall' })));
    const watcher = await ctx.newAttendee(conference.id);
    const first = await open(watcher.token, 2);
    const stream = new EventStream(first, conference.id);
    await stream.join(first);
    await checkIn(conference.id, hall[0].registrationId);
    await stream.waitFor('quorum.changed', 1);
    first.close();

    await checkIn(conference.id, hall[1].registrationId);
    await checkIn(conference.id, hall[2].registrationId);
    await checkIn(conference.id, hall[0].registrationId, false);

    const second = await open(watcher.token, 2);
    const received: string[] = [];
    const batches: Array<Array<{ seq: number; type: string }>> = [];
    second.on('conference.events', (events: Array<{ seq: number; type: string }>) => {
      batches.push(events);
      received.push('batch');
    });
    second.on('conference.event', () => received.push('single'));
    stream.attach(second);
    const joined = await stream.join(second);
    received.push('answer');
    expect(joined.replayed).toBe(3);
    // One message for the whole replay, before the answer; nothing of it one by one.
    expect(received).toEqual(['batch', 'answer']);
    expect(batches[0].map((e) => e.type)).toEqual(['quorum.changed', 'quorum.changed', 'quorum.changed']);
    const seqs = batches[0].map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    // Live events go on one by one after it, and the stream saw everything once.
    await checkIn(conference.id, hall[1].registrationId, false);
    const quorumEvents = await stream.waitFor('quorum.changed', 5);
    expect(quorumEvents.map((e) => e.payload.presentHall)).toEqual([1, 2, 3, 2, 1]);
    expect(stream.outOfOrder).toEqual([]);
  });

  it('gives administrators the events for their audience too', async () => {
    const conference = await ctx.newConference();
    const hall = await ctx.newAttendee(conference.id, { mode: 'hall' });
    const admin = await ctx.asHeadOffice();
    const socket = await open(admin.token);
    const stream = new EventStream(socket, conference.id);
    await stream.join(socket);
    await checkIn(conference.id, hall.registrationId);
    const [presence] = await stream.waitFor('presence.changed');
    expect(presence.payload).toEqual({
      registrationId: hall.registrationId,
      name: hall.member.name,
      present: true,
    });
  });

  it('counts a remote attendee present from confirming until the grace after their last socket closed', async () => {
    const conference = await ctx.newConference();
    await api.database.dataSource.query(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{presence}', '{"remoteGraceSeconds": 5}') WHERE id = $1`,
      [conference.id],
    );
    const remote = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const admin = await ctx.asHeadOffice();
    const adminSocket = await open(admin.token);
    const adminStream = new EventStream(adminSocket, conference.id);
    await adminStream.join(adminSocket);

    const socket = await open(remote.token);
    const confirmed = await emitWithAck(socket, 'presence.confirm', { conferenceId: conference.id });
    expect(confirmed).toEqual({ ok: true, data: { present: true } });
    const [up] = await adminStream.waitFor('quorum.changed', 1);
    expect(up.payload).toMatchObject({ presentRemote: 1 });

    socket.close();
    // Not at the close: when the 5 s grace has run out (remote-presence.e2e-spec has the rest).
    const events = await adminStream.waitFor('quorum.changed', 2, 20_000);
    expect(events[1].payload).toMatchObject({ presentRemote: 0 });
  });

  it('refuses a hall attendee confirming remote presence, citing the rule', async () => {
    const conference = await ctx.newConference();
    const hall = await ctx.newAttendee(conference.id, { mode: 'hall' });
    const socket = await open(hall.token);
    const answer = await emitWithAck(socket, 'presence.confirm', { conferenceId: conference.id });
    expect(answer).toMatchObject({ ok: false, error: { statusCode: 422, rule: 'attendance-mode' } });
  });

  it('disconnects a live socket when its access code is revoked', async () => {
    const conference = await ctx.newConference();
    const attendee = await ctx.newAttendee(conference.id);
    const socket = await open(attendee.token);
    const ended = waitForEvent<{ reason: string }>(socket, 'session.ended');
    const disconnected = waitForEvent(socket, 'disconnect');
    const admin = await ctx.asHeadOffice();
    await api
      .http()
      .delete(`/api/conferences/${conference.id}/registrations/${attendee.registrationId}/access-code`)
      .set(admin.auth)
      .expect(200);
    expect((await ended).reason).toContain('Sign in again');
    await disconnected;
    await expect(connect(api.url, attendee.token)).rejects.toMatchObject({ statusCode: 401 });
  });
});

describe('the real-time channel behind an origin allow-list', () => {
  let api: TestApi;
  let ctx: TestContext;
  beforeAll(async () => {
    api = await startTestApi({ CORS_ORIGINS: 'https://agm.napo.example' });
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  const connectFrom = (origin: string, token: string) =>
    new Promise<TestSocket>((resolve, reject) => {
      const socket = io(api.url, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin },
      });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });

  it('accepts a browser from an allowed origin and refuses one from elsewhere', async () => {
    const conference = await ctx.newConference();
    const attendee = await ctx.newAttendee(conference.id);
    const allowed = await connectFrom('https://agm.napo.example', attendee.token);
    expect(allowed.connected).toBe(true);
    allowed.close();
    await expect(connectFrom('https://evil.example', attendee.token)).rejects.toThrow();
  });

  it('drops a client that sends a message over the size limit, and keeps others', async () => {
    const conference = await ctx.newConference();
    const attendee = await ctx.newAttendee(conference.id);
    const big = await connect(api.url, attendee.token);
    const other = await connect(api.url, attendee.token);
    const dropped = waitForEvent(big, 'disconnect');
    big.emit('conference.join', { conferenceId: conference.id, padding: 'x'.repeat(100 * 1024) });
    await dropped;
    const answer = await emitWithAck(other, 'conference.join', { conferenceId: conference.id });
    expect(answer.ok).toBe(true);
    other.close();
  });
});
