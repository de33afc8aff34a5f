import { randomBytes, randomUUID } from 'node:crypto';
import { testDatabaseUrl } from '@agm/config';
import type { ConferenceEventMessage } from '@agm/contracts';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { connect, emitWithAck, EventStream, pause, TestSocket } from '../support/socket-client';
import { ApiProcess } from '../support/throwaway-servers';

/**
 * A remote attendee's presence belongs to the person, not to a socket (docs/REALTIME.md "Presence"):
 * it outlives a dropped connection, a reload and a dead instance by the ruleset's grace, and no longer.
 */
describe("a remote attendee's presence", () => {
  let api: TestApi;
  let ctx: TestContext;
  const tokenSecret = randomBytes(32).toString('hex');
  const sockets: TestSocket[] = [];
  const open = async (token: string, url = api.url) => {
    const socket = await connect(url, token);
    sockets.push(socket);
    return socket;
  };
  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
    api.database.dataSource.manager.query(text, params);

  beforeAll(async () => {
    api = await startTestApi({ TOKEN_SECRET: tokenSecret });
    ctx = new TestContext(api);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await api?.close();
  });

  /** A conference whose quorum one attendee meets, with the grace given; head office watches its admin events. */
  const setUp = async (graceSeconds = 120) => {
    const conference = await ctx.newConference();
    await sql(
      `UPDATE conference SET ruleset = jsonb_set(jsonb_set(ruleset, '{quorum,minimumCount}', '1'), '{presence}', jsonb_build_object('remoteGraceSeconds', $2::int)) WHERE id = $1`,
      [conference.id, graceSeconds],
    );
    const attendee = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const headOffice = await ctx.asHeadOffice();
    const office = await open(headOffice.token);
    const admin = new EventStream(office, conference.id);
    await admin.join(office);
    return { conferenceId: conference.id, attendee, admin };
  };
  const confirm = async (socket: TestSocket, conferenceId: string) => {
    expect(await emitWithAck(socket, 'presence.confirm', { conferenceId })).toEqual({
      ok: true,
      data: { present: true },
    });
  };
  const status = async (socket: TestSocket, conferenceId: string) =>
    emitWithAck<{ present: boolean }>(socket, 'presence.status', { conferenceId });
  const presenceChanges = (stream: EventStream): ConferenceEventMessage[] =>
    stream.applied.filter((e) => e.type === 'presence.changed');
  /** Closes a socket and waits until the server has handled it: the session's socket count is free again. */
  const closeAndSettle = async (socket: TestSocket) => {
    const gone = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.close();
    await gone;
  };

  it('keeps a remote attendee present through a 5 s disconnect during an open vote, and accepts their ballot', async () => {
    const { conferenceId, attendee, admin } = await setUp();
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    let phone = await open(attendee.token);
    await new EventStream(phone, conferenceId).join(phone);
    await confirm(phone, conferenceId);
    const openVote = async (title: string) =>
      (
        await api
          .http()
          .post(`/api/conferences/${conferenceId}/votes`)
          .set(chair.auth)
          .send({ subject: 'custom', title, topics: [], method: 'electronic', secret: true })
          .expect(201)
      ).body as { id: string; eligibleCount: number };
    const cast = (socket: TestSocket, voteId: string) =>
      emitWithAck<any>(socket, 'vote.cast', {
        conferenceId,
        voteId,
        choice: 'for',
        idempotencyKey: randomUUID(),
      });
    const accounts = await openVote('Accept the accounts');
    expect(accounts.eligibleCount).toBe(1);

    await closeAndSettle(phone); // the phone is out of signal for 5 s...
    await pause(2500);
    // ...and meanwhile the chair puts the next question: they still count, so they may vote on it.
    const budget = await openVote('Adopt the budget');
    expect(budget.eligibleCount).toBe(1);
    await pause(2500);
    phone = await open(attendee.token);
    expect(await cast(phone, accounts.id)).toMatchObject({ ok: true, data: { status: 'accepted' } });
    expect(await cast(phone, budget.id)).toMatchObject({ ok: true, data: { status: 'accepted' } });

    // Nobody saw them leave: after a later admin event, there is still only the one change (present).
    const hall = await ctx.newAttendee(conferenceId, { mode: 'hall' });
    await api
      .http()
      .post(`/api/conferences/${conferenceId}/registrations/${hall.registrationId}/check-in`)
      .set((await ctx.asHeadOffice()).auth)
      .expect(200);
    await admin.waitFor('presence.changed', 2);
    expect(presenceChanges(admin).map((e) => e.payload)).toEqual([
      { registrationId: attendee.registrationId, name: attendee.member.name, present: true },
      { registrationId: hall.registrationId, name: hall.member.name, present: true },
    ]);
    expect(await status(phone, conferenceId)).toEqual({ ok: true, data: { present: true } });
  });

  it('keeps them present through a reload and a second tab of the same session', async () => {
    const { conferenceId, attendee } = await setUp();
    const first = await open(attendee.token);
    await confirm(first, conferenceId);
    await closeAndSettle(first); // the reload: the old page's socket closes before the new one opens
    const reloaded = await open(attendee.token);
    const secondTab = await open(attendee.token);
    expect(await status(reloaded, conferenceId)).toEqual({ ok: true, data: { present: true } });
    await closeAndSettle(reloaded);
    expect(await status(secondTab, conferenceId)).toEqual({ ok: true, data: { present: true } });
    const [row] = await sql('SELECT present FROM registration WHERE id = $1', [attendee.registrationId]);
    expect(row.present).toBe(true);
  });

  it('ends their presence once the grace has run out, tells the phone why, and one confirmation brings it back', async () => {
    const { conferenceId, attendee, admin } = await setUp(5);
    const phone = await open(attendee.token);
    const mine = new EventStream(phone, conferenceId);
    await mine.join(phone);
    await confirm(phone, conferenceId);
    await closeAndSettle(phone);

    const [, ended] = await admin.waitFor('presence.changed', 2, 20_000);
    expect(ended.payload).toEqual({
      registrationId: attendee.registrationId,
      name: attendee.member.name,
      present: false,
    });
    const quorum = admin.applied.filter((e) => e.type === 'quorum.changed').at(-1)!;
    expect(quorum.payload).toMatchObject({ presentRemote: 0 });

    // Back online: the phone resumes from where it was and reads why.
    const back = await open(attendee.token);
    mine.attach(back);
    await mine.join(back);
    const [lapsed] = await mine.waitFor('presence.lapsed');
    expect(lapsed.payload).toMatchObject({
      present: false,
      reason: expect.stringMatching(/Confirm your attendance again/),
    });
    expect(await status(back, conferenceId)).toEqual({ ok: true, data: { present: false } });
    await confirm(back, conferenceId);
  });

  (testDatabaseUrl() ? it : it.skip)(
    "lets a killed instance's remote attendees lapse within the grace, counted by the surviving instance",
    async () => {
      const { conferenceId, attendee, admin } = await setUp(5);
      const doomed = await ApiProcess.start({ DATABASE_URL: api.database.url!, TOKEN_SECRET: tokenSecret });
      try {
        const phone = await open(attendee.token, doomed.url);
        await confirm(phone, conferenceId);
        await admin.waitFor('presence.changed');
        await doomed.kill(); // kill -9: no disconnect is ever handled, no lease extended
        const [, ended] = await admin.waitFor('presence.changed', 2, 20_000);
        expect(ended.payload).toMatchObject({ registrationId: attendee.registrationId, present: false });
        const [lease] = await sql(
          'SELECT count(*)::int AS n FROM presence_lease WHERE registration_id = $1',
          [attendee.registrationId],
        );
        expect(lease.n).toBe(0);
      } finally {
        await doomed.kill();
      }
    },
  );

  it('refuses a grace outside 5 s to an hour, naming the rule', async () => {
    const { conferenceId } = await setUp();
    const headOffice = await ctx.asHeadOffice();
    const current = (
      await api.http().get(`/api/conferences/${conferenceId}/ruleset`).set(headOffice.auth).expect(200)
    ).body;
    const refused = await api
      .http()
      .put(`/api/conferences/${conferenceId}/ruleset`)
      .set(headOffice.auth)
      .send({ ruleset: { ...current.ruleset, presence: { remoteGraceSeconds: 2 } } })
      .expect(400);
    expect(refused.body.errors).toEqual({
      'ruleset.presence.remoteGraceSeconds': 'must be a whole number of seconds from 5 to 3600',
    });
  });
});
