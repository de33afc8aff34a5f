import { randomUUID } from 'node:crypto';
import type { ConferenceEventMessage } from '@agm/contracts';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestContext } from '../support/test-context';
import { connect, emitWithAck, EventStream, TestSocket, waitForEvent } from '../support/socket-client';

const PROJECTOR_ONLY = /A projector link only shows the hall screen/;

describe('read-only projector links', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  const open = async (token: string | undefined) => {
    const socket = await connect(api.url, token);
    sockets.push(socket);
    return socket;
  };
  const sql = (query: string, params: unknown[] = []) => api.database.dataSource.query(query, params);
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

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

  /** A conference with a chair, whose quorum is one member, so a vote can open. */
  const conferenceWithChair = async () => {
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    return { conference, chair };
  };
  /** A remote attendee confirmed present, so the quorum of one is met and a vote may open. */
  const presentVoter = async (conferenceId: string) => {
    const voter = await ctx.newAttendee(conferenceId, { mode: 'remote' });
    await ctx.markRemotePresent([voter.registrationId]);
    return voter;
  };
  const issue = async (conferenceId: string, who: SignedInPerson, body: Record<string, unknown> = {}) =>
    (await api.http().post(`/api/conferences/${conferenceId}/projector-links`).set(who.auth).send(body).expect(201)).body;

  it('lets the chair issue a link whose key is shown once, in the fragment, and stored only as a hash', async () => {
    const { conference, chair } = await conferenceWithChair();
    const link = await issue(conference.id, chair, { label: 'Main hall' });
    expect(link).toMatchObject({ conferenceId: conference.id, label: 'Main hall' });
    expect(link.key).toMatch(/^p\.[A-Za-z0-9_-]{43}$/);
    expect(link.path).toBe(`/projector/${conference.id}#key=${encodeURIComponent(link.key)}`);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const listed = (await api.http().get(`/api/conferences/${conference.id}/projector-links`).set(chair.auth).expect(200)).body;
    expect(listed).toEqual([{ id: link.id, conferenceId: conference.id, label: 'Main hall', createdAt: link.createdAt, expiresAt: link.expiresAt }]);
    const [row] = await sql('SELECT * FROM projector_link WHERE id = $1', [link.id]);
    expect(JSON.stringify(row)).not.toContain(link.key.slice(2));
    expect(row.created_by).toBe(chair.id);

    // Head office may issue too; the default label names the hall projector.
    expect((await issue(conference.id, await ctx.asHeadOffice())).label).toBe('Hall projector');
  });

  it('refuses to issue or list links for anyone but the chair and administrators', async () => {
    const { conference } = await conferenceWithChair();
    const teller = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] });
    const attendee = await ctx.newAttendee(conference.id);
    const otherChair = (await conferenceWithChair()).chair;
    const refused = await api.http().post(`/api/conferences/${conference.id}/projector-links`).set(teller.auth).send({}).expect(403);
    expect(refused.body.message).toMatch(/only the chair and the conference's administrators issue projector links/);
    await api.http().post(`/api/conferences/${conference.id}/projector-links`).set(attendee.auth).send({}).expect(403);
    await api.http().get(`/api/conferences/${conference.id}/projector-links`).set(attendee.auth).expect(403);
    // A chair of another conference does not see this one at all.
    const hidden = await api.http().post(`/api/conferences/${conference.id}/projector-links`).set(otherChair.auth).send({}).expect(404);
    expect(hidden.body.message).toBe('No such conference, or it is not yours to see.');
    await api.http().post(`/api/conferences/${randomUUID()}/projector-links`).set((await ctx.asHeadOffice()).auth).send({}).expect(404);
    const bad = await api.http().post(`/api/conferences/${conference.id}/projector-links`).set((await ctx.asHeadOffice()).auth).send({ label: '', admin: true }).expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['admin', 'label']);
  });

  it("reads its conference's public screen over HTTP and is refused everything else", async () => {
    const { conference, chair } = await conferenceWithChair();
    const other = await ctx.newConference();
    const { key } = await issue(conference.id, chair);
    const base = `/api/conferences/${conference.id}`;
    await presentVoter(conference.id);

    expect((await api.http().get(`${base}/quorum`).set(bearer(key)).expect(200)).body).toMatchObject({ required: 1 });
    const debate = (await api.http().get(`${base}/debate`).set(bearer(key)).expect(200)).body;
    expect(debate.view).toBe('viewer');
    expect(debate.queue).toBeUndefined();
    const vote = (await api.http().post(`${base}/votes`).set(chair.auth).send({ subject: 'custom', title: 'Test vote', topics: [], method: 'electronic', secret: true }).expect(201)).body;
    expect((await api.http().get(`${base}/votes`).set(bearer(key)).expect(200)).body.map((v: { id: string }) => v.id)).toEqual([vote.id]);
    const one = (await api.http().get(`${base}/votes/${vote.id}`).set(bearer(key)).expect(200)).body;
    expect(one.title).toBe('Test vote');
    expect(one.me).toBeUndefined();
    await api.http().get(`/api/conferences/${conference.id}`).set(bearer(key)).expect(200);

    // A chair command, a teller's list, the minutes, a ballot, its own identity: all refused with the reason.
    for (const refused of [
      api.http().post(`${base}/debate/commands`).set(bearer(key)).send({ type: 'openFloor', itemId: randomUUID(), expectedSeq: 0 }),
      api.http().post(`${base}/votes/${vote.id}/close`).set(bearer(key)),
      api.http().post(`${base}/votes/${vote.id}/ballots`).set(bearer(key)).send({ choice: 'for', idempotencyKey: randomUUID() }),
      api.http().get(`${base}/registrations`).set(bearer(key)),
      api.http().get(`${base}/minutes`).set(bearer(key)),
      api.http().post(`${base}/projector-links`).set(bearer(key)).send({}),
      api.http().get('/api/auth/me').set(bearer(key)),
    ]) {
      const answer = await refused;
      expect([answer.status, answer.body.message]).toEqual([403, expect.stringMatching(PROJECTOR_ONLY)]);
    }
    // Another conference's screen does not exist for it (when the endpoint is one it may call at all).
    const elsewhere = await api.http().get(`/api/conferences/${other.id}/quorum`).set(bearer(key)).expect(404);
    expect(elsewhere.body.message).toBe('No such conference, or it is not yours to see.');
    await api.http().get(`/api/conferences/${other.id}/debate`).set(bearer(key)).expect(404);
    // A made-up key of the same shape is not signed in.
    const forged = await api.http().get(`${base}/quorum`).set(bearer(`p.${'A'.repeat(43)}`)).expect(401);
    expect(forged.body.message).toMatch(/projector link was revoked or has expired/);
  });

  it('follows the public events of its one conference on the socket, and may not act there', async () => {
    const { conference, chair } = await conferenceWithChair();
    const other = await ctx.newConference();
    const { key } = await issue(conference.id, chair);
    const voter = await presentVoter(conference.id);
    const hall = await ctx.newAttendee(conference.id, { mode: 'hall' });
    const socket = await open(key);
    const stream = new EventStream(socket, conference.id);
    const seen: ConferenceEventMessage[] = [];
    socket.on('conference.event', (event: ConferenceEventMessage) => seen.push(event));
    await stream.join(socket);
    // Its replay held only public events (the registrations above went to the administrators alone).
    expect(seen.filter((e) => e.type === 'registration.created')).toEqual([]);

    const elsewhere = await emitWithAck(socket, 'conference.join', { conferenceId: other.id });
    expect(elsewhere).toMatchObject({ ok: false, error: { statusCode: 404 } });

    // Public events arrive live: the quorum when someone is checked in, and a vote from opening to result.
    await api.http().post(`/api/conferences/${conference.id}/registrations/${hall.registrationId}/check-in`).set((await ctx.asHeadOffice()).auth).expect(200);
    await stream.waitFor('quorum.changed');
    const vote = (await api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'custom', title: 'Projected', topics: [], method: 'electronic', secret: true }).expect(201)).body;
    await stream.waitFor('vote.opened');
    const counter = waitForEvent<{ voteId: string; ballotsCast: number }>(socket, 'vote.ballots', { where: (m) => m.voteId === vote.id });
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set(voter.auth).send({ choice: 'for', idempotencyKey: randomUUID() }).expect(200);
    expect((await counter).ballotsCast).toBe(1);
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
    const [result] = await stream.waitFor('vote.result');
    expect(result.payload).toMatchObject({ voteId: vote.id });
    expect(seen.every((e) => e.conferenceId === conference.id)).toBe(true);
    expect(seen.filter((e) => ['registration.created', 'presence.changed', 'projector_link.issued'].includes(e.type))).toEqual([]);

    // Acting on the socket is refused, with the reason.
    const command = await emitWithAck<any>(socket, 'debate.command', { conferenceId: conference.id, command: { type: 'openFloor', itemId: randomUUID(), expectedSeq: 0 } });
    expect(command).toMatchObject({ ok: false, error: { statusCode: 403, message: expect.stringMatching(PROJECTOR_ONLY) } });
    const ballot = await emitWithAck<any>(socket, 'vote.cast', { conferenceId: conference.id, voteId: vote.id, choice: 'for', idempotencyKey: randomUUID() });
    expect(ballot).toMatchObject({ ok: false, error: { statusCode: 403 } });
    const presence = await emitWithAck<any>(socket, 'presence.confirm', { conferenceId: conference.id });
    expect(presence.ok).toBe(false);
    // Reading the floor on the socket is allowed, as on HTTP.
    expect(await emitWithAck<any>(socket, 'debate.snapshot', { conferenceId: conference.id })).toMatchObject({ ok: true, data: { view: 'viewer' } });
  });

  it('ends on revocation: its socket is told and disconnected, and the key no longer works anywhere', async () => {
    const { conference, chair } = await conferenceWithChair();
    const kept = await issue(conference.id, chair, { label: 'Overflow room' });
    const link = await issue(conference.id, chair);
    const teller = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] });
    const other = await conferenceWithChair();
    const socket = await open(link.key);
    const keptSocket = await open(kept.key);
    await new EventStream(socket, conference.id).join(socket);

    // Only the chair or an administrator revokes, and only a link of that conference.
    await api.http().delete(`/api/conferences/${conference.id}/projector-links/${link.id}`).set(teller.auth).expect(403);
    await api.http().delete(`/api/conferences/${conference.id}/projector-links/${link.id}`).set(bearer(link.key)).expect(403);
    await api.http().delete(`/api/conferences/${other.conference.id}/projector-links/${link.id}`).set(other.chair.auth).expect(404);
    expect(socket.connected).toBe(true);

    // Listening starts just before the revocation: a waiter's safety timer runs from when it is set up, so
    // one set up before the slow set-up above (argon2 hashing a teller's and a chair's password) ran out
    // under load before the revocation was even sent.
    const ended = waitForEvent<{ reason: string }>(socket, 'session.ended');
    const disconnected = waitForEvent(socket, 'disconnect');
    await api.http().delete(`/api/conferences/${conference.id}/projector-links/${link.id}`).set(chair.auth).expect(204);
    expect((await ended).reason).toMatch(/projector link was revoked/);
    await disconnected;
    const refused = await api.http().get(`/api/conferences/${conference.id}/quorum`).set(bearer(link.key)).expect(401);
    expect(refused.body.message).toMatch(/projector link was revoked or has expired/);
    await expect(connect(api.url, link.key)).rejects.toMatchObject({ statusCode: 401 });
    const again = await api.http().delete(`/api/conferences/${conference.id}/projector-links/${link.id}`).set(chair.auth).expect(404);
    expect(again.body.message).toMatch(/No such projector link/);

    // The other link is untouched.
    expect(keptSocket.connected).toBe(true);
    await api.http().get(`/api/conferences/${conference.id}/quorum`).set(bearer(kept.key)).expect(200);
    const listed = (await api.http().get(`/api/conferences/${conference.id}/projector-links`).set(chair.auth).expect(200)).body;
    expect(listed.map((l: { id: string }) => l.id)).toEqual([kept.id]);
  });

  it('stops working when it expires', async () => {
    const { conference, chair } = await conferenceWithChair();
    const link = await issue(conference.id, chair);
    await sql(`UPDATE projector_link SET created_at = now() - interval '8 days', expires_at = now() - interval '1 second' WHERE id = $1`, [link.id]);
    await api.http().get(`/api/conferences/${conference.id}/quorum`).set(bearer(link.key)).expect(401);
    await expect(connect(api.url, link.key)).rejects.toMatchObject({ statusCode: 401 });
  });
});
