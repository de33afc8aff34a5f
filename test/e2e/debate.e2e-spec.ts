import { randomUUID } from 'node:crypto';
import { foldDebate, type DebateEvent } from '@agm/domain';
import type { ConferenceEventMessage } from '@agm/contracts';
import { DEBATE_LOG_TYPES } from '@agm/persistence/debate';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';
import { connect, emitWithAck, EventStream, pause, TestSocket } from '../support/socket-client';

/**
 * A whole debate under standing orders, driven like the AGM runs it: a chair at the console (REST and
 * socket), one attendee in the hall and one remote, each with their own client. Then the refusals, each
 * citing its standing order, and the state rebuilt from the log.
 */
describe('debate under standing orders', () => {
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
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await api?.close();
  });

  const checkIn = async (conferenceId: string, attendee: TestAttendee, into = true) => {
    const admin = await ctx.asHeadOffice();
    await api
      .http()
      .post(
        `/api/conferences/${conferenceId}/registrations/${attendee.registrationId}/${into ? 'check-in' : 'check-out'}`,
      )
      .set(admin.auth)
      .expect(200);
  };

  /** A motion on the order of business, written as the motions feature stores it. */
  const insertMotion = async (
    conferenceId: string,
    createdBy: string,
    m: {
      title: string;
      text: string;
      proposer: string | null;
      seconder: string | null;
      parentId?: string;
      amendmentText?: unknown;
    },
  ) => {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO motion (conference_id, kind, parent_motion_id, title, text, status, proposer_member_id, seconder_member_id,
                           word_count, over_word_limit, amendment_text, created_by, submitted_at)
       VALUES ($1, $2, $3, $4, $5, 'placed', $6, $7, 12, false, $8, $9, now()) RETURNING id`,
      [
        conferenceId,
        m.parentId ? 'amendment' : 'motion',
        m.parentId ?? null,
        m.title,
        m.text,
        m.proposer,
        m.seconder,
        m.amendmentText ? JSON.stringify(m.amendmentText) : null,
        createdBy,
      ],
    );
    return row.id;
  };

  interface Setup {
    conferenceId: string;
    chair: SignedInPerson;
    chair2: SignedInPerson;
    mover: TestAttendee;
    seconder: TestAttendee;
    hall: TestAttendee;
    remote: TestAttendee;
    amender: TestAttendee;
    closer: TestAttendee;
    leaver: TestAttendee;
    extra: TestAttendee;
    motionId: string;
    amendmentId: string;
    motion2Id: string;
    command: (
      who: { auth: Record<string, string> },
      body: Record<string, unknown>,
      status?: number,
    ) => Promise<any>;
    chairSays: (body: Record<string, unknown>) => Promise<any>;
    version: () => Promise<number>;
  }

  async function setUp(options: { quorum?: number } = {}): Promise<Setup> {
    const conference = await ctx.newConference();
    const conferenceId = conference.id;
    if (options.quorum !== undefined) {
      await sql(
        `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', to_jsonb($2::int)) WHERE id = $1`,
        [conferenceId, options.quorum],
      );
    }
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const chair2 = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const [mover, seconder, hall, amender, closer, leaver] = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(() => ctx.newAttendee(conferenceId, { mode: 'hall' })),
    );
    const remote = await ctx.newAttendee(conferenceId, { mode: 'remote' });
    const extra = await ctx.newAttendee(conferenceId, { mode: 'remote' });
    for (const a of [mover, seconder, hall, amender, closer, leaver]) await checkIn(conferenceId, a);
    const motionId = await insertMotion(conferenceId, chair.id, {
      title: 'Fair pay for probation staff',
      text: 'Conference calls on the NEC to campaign for fair pay <now>.',
      proposer: mover.memberId,
      seconder: seconder.memberId,
    });
    const amendmentId = await insertMotion(conferenceId, chair.id, {
      title: 'Amendment 1: every branch',
      text: 'Insert "and every branch" after "NEC".',
      proposer: amender.memberId,
      seconder: closer.memberId,
      parentId: motionId,
      amendmentText: { instructions: [{ op: 'insert', after: 'NEC', text: 'and every branch' }] },
    });
    const motion2Id = await insertMotion(conferenceId, chair.id, {
      title: 'Second motion',
      text: 'Conference notes.',
      proposer: hall.memberId,
      seconder: remote.memberId,
    });
    const command = async (
      who: { auth: Record<string, string> },
      body: Record<string, unknown>,
      status = 200,
    ) =>
      (
        await api
          .http()
          .post(`/api/conferences/${conferenceId}/debate/commands`)
          .set(who.auth)
          .send(body)
          .expect(status)
      ).body;
    const version = async () =>
      (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200)).body
        .version as number;
    const chairSays = async (body: Record<string, unknown>) =>
      command(chair, { itemId: motionId, expectedSeq: await version(), ...body });
    return {
      conferenceId,
      chair,
      chair2,
      mover,
      seconder,
      hall,
      remote,
      amender,
      closer,
      leaver,
      extra,
      motionId,
      amendmentId,
      motion2Id,
      command,
      chairSays,
      version,
    };
  }

  const debateEvents = async (conferenceId: string) =>
    (
      await sql<{ payload: DebateEvent }>(
        'SELECT payload FROM conference_event WHERE conference_id = $1 AND type = ANY($2) ORDER BY seq',
        [conferenceId, DEBATE_LOG_TYPES],
      )
    ).map((r) => r.payload);
  const engineTypesOf = (stream: EventStream) =>
    stream.applied.filter((e) => DEBATE_LOG_TYPES.includes(e.type));
  const lastOf = (stream: EventStream, type: string) => stream.applied.filter((e) => e.type === type).at(-1);

  it('runs a whole debate from the hall and a remote client, and rebuilds the same state from the log', async () => {
    const s = await setUp({ quorum: 3 });
    const { conferenceId, chair, hall, remote } = s;
    const chairSocket = await open(chair.token);
    const chairStream = new EventStream(chairSocket, conferenceId);
    await chairStream.join(chairSocket);
    const remoteSocket = await open(remote.token);
    expect(await emitWithAck(remoteSocket, 'presence.confirm', { conferenceId })).toEqual({
      ok: true,
      data: { present: true },
    });
    const remoteStream = new EventStream(remoteSocket, conferenceId);
    await remoteStream.join(remoteSocket);
    const hallSocket = await open(hall.token);
    const hallStream = new EventStream(hallSocket, conferenceId);
    await hallStream.join(hallSocket);

    // The chair takes the item: the motion's text goes to everyone, markup and all, as text.
    await s.command(chair, { type: 'takeItem', motionId: s.motionId, expectedSeq: 0 });
    await remoteStream.waitFor('debate.floor');
    const taken = lastOf(remoteStream, 'debate.floor')!.payload as any;
    expect(taken.item).toMatchObject({
      itemId: s.motionId,
      title: 'Fair pay for probation staff',
      text: 'Conference calls on the NEC to campaign for fair pay <now>.',
      moverMemberId: s.mover.memberId,
    });

    // Mover: 5 minutes, warned a minute before the end, timed by the server.
    await s.chairSays({ type: 'callMover' });
    await s.chairSays({ type: 'startSpeech' });
    await remoteStream.waitFor('debate.floor', 3);
    const speech = (lastOf(remoteStream, 'debate.floor')!.payload as any).item.speech;
    expect(speech).toMatchObject({
      memberId: s.mover.memberId,
      role: 'mover',
      limitSeconds: 300,
      paused: false,
    });
    expect(Date.parse(speech.endsAt) - Date.parse(speech.startedAt)).toBe(300_000);
    expect(Date.parse(speech.endsAt) - Date.parse(speech.warningAt)).toBe(60_000);
    await s.chairSays({ type: 'pauseSpeech' });
    await s.chairSays({ type: 'resumeSpeech' });
    await s.chairSays({ type: 'endSpeech' });
    await s.chairSays({ type: 'callSeconder' });
    await s.chairSays({ type: 'startSpeech' });
    await s.chairSays({ type: 'endSpeech' });

    // The chair opens the floor over the socket, with the same ack shape as every message.
    const opened = await emitWithAck<any>(chairSocket, 'debate.command', {
      conferenceId,
      command: { type: 'openFloor', itemId: s.motionId, expectedSeq: await s.version() },
    });
    expect(opened).toMatchObject({ ok: true, data: { events: [{ type: 'floor_opened' }] } });

    // The remote member asks to speak against over the socket; the hall member for, over REST.
    const asked = await emitWithAck<any>(remoteSocket, 'debate.command', {
      conferenceId,
      command: { type: 'requestToSpeak', itemId: s.motionId, stance: 'against', firstAgmEver: true },
    });
    expect(asked).toMatchObject({
      ok: true,
      data: { events: [{ type: 'speak_requested', memberId: remote.memberId, attendanceMode: 'remote' }] },
    });
    await s.command(hall, { type: 'requestToSpeak', itemId: s.motionId, stance: 'for' });
    const [myPlace] = await remoteStream.waitFor('debate.queue_position');
    expect(myPlace.payload).toEqual({
      itemId: s.motionId,
      requests: [{ requestId: expect.any(String), kind: 'speak', stance: 'against', position: 1, ahead: 0 }],
    });
    const hallPlace = (await hallStream.waitFor('debate.queue_position'))[0].payload as any;
    expect(hallPlace.requests).toEqual([expect.objectContaining({ stance: 'for', position: 2 })]);

    // The chair sees the whole queue and the suggestion: against, after the mover and seconder spoke for.
    let snapshot = (
      await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200)
    ).body;
    expect(snapshot.view).toBe('chair');
    expect(snapshot.queue.queue.map((q: any) => [q.memberId, q.stance, q.attendanceMode])).toEqual([
      [remote.memberId, 'against', 'remote'],
      [hall.memberId, 'for', 'hall'],
    ]);
    expect(snapshot.queue.suggestion).toMatchObject({ memberId: remote.memberId, role: 'against' });
    // An attendee sees the floor and their own requests, never the queue.
    const mine = (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(hall.auth).expect(200))
      .body;
    expect(mine.view).toBe('member');
    expect(mine.queue).toBeUndefined();
    expect(mine.myRequests.requests).toEqual([
      expect.objectContaining({ stance: 'for', position: 2, ahead: 1 }),
    ]);

    // SO 14: the hall member raises a point of order; it goes ahead of the queue and is heard and ruled on.
    await s.command(hall, { type: 'raisePointOfOrder', itemId: s.motionId });
    snapshot = (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200))
      .body;
    expect(snapshot.queue.queue[0]).toMatchObject({
      memberId: hall.memberId,
      kind: 'point_of_order',
      position: 1,
    });
    expect(snapshot.queue.suggestion).toMatchObject({
      memberId: hall.memberId,
      role: 'point_of_order',
      reason: expect.stringContaining('SO 14'),
    });
    // Two chair steps (issue 19): the call starts the point's own one-minute time, and the ruling ends it.
    const heard = await s.chairSays({ type: 'callSpeaker', memberId: hall.memberId, startNow: true });
    expect(heard.events.map((e: any) => [e.type, e.role])).toEqual([
      ['speaker_called', 'point_of_order'],
      ['speech_started', 'point_of_order'],
    ]);
    expect(heard.events[1].limitSeconds).toBe(60);
    snapshot = (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200))
      .body;
    expect(snapshot.floor.item.speech).toMatchObject({ role: 'point_of_order', limitSeconds: 60 });
    const ruled = await s.chairSays({ type: 'ruleOnPointOfOrder', ruling: 'The speaker is <b>in order</b>.' });
    expect(ruled.events.map((e: any) => e.type)).toEqual(['speech_ended', 'point_ruled']);
    snapshot = (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200))
      .body;
    expect(snapshot.floor.item.speech).toBeNull();

    // The chair follows the suggestion: the remote member, against.
    await s.chairSays({ type: 'callSpeaker', memberId: remote.memberId });
    await s.chairSays({ type: 'startSpeech' });
    await s.chairSays({ type: 'endSpeech' });
    // ...then the hall member speaks for: the point of order did not count as a speech (SO 14).
    await s.chairSays({ type: 'callSpeaker', memberId: hall.memberId });
    await s.chairSays({ type: 'startSpeech' });
    await s.chairSays({ type: 'endSpeech' });
    const called = (await debateEvents(conferenceId)).filter(
      (e) => e.type === 'speaker_called' && e.role === 'against',
    );
    expect(called).toEqual([
      expect.objectContaining({
        memberId: remote.memberId,
        followedSuggestion: true,
        attendanceMode: 'remote',
      }),
    ]);

    // The amendment: moved, formally seconded, put and carried; the text shown everywhere becomes the motion as amended.
    await s.chairSays({ type: 'moveToAmendment', amendmentId: s.amendmentId });
    await s.chairSays({ type: 'callMover' });
    await s.chairSays({ type: 'startSpeech' });
    await s.chairSays({ type: 'endSpeech' });
    await s.chairSays({ type: 'formallySeconded' });
    // Putting the question hands over to voting: the vote opens on the amendment, for everyone to see.
    const onAmendment = await s.chairSays({ type: 'putTheQuestion', vote: { method: 'hybrid' } });
    expect(onAmendment.voteError).toBeUndefined();
    expect(onAmendment.voteId).toEqual(expect.any(String));
    const [opened1] = await remoteStream.waitFor('vote.opened');
    expect(opened1.payload).toMatchObject({
      voteId: onAmendment.voteId,
      subject: 'amendment',
      subjectRef: s.amendmentId,
      method: 'hybrid',
      title: expect.stringContaining('Amendment 1'),
    });
    // The hall's cards, counted by one teller and confirmed by a second: the result is declared at the
    // close, and recorded from its figures.
    const [teller, teller2] = await Promise.all(
      [1, 2].map(() => ctx.newOfficial({ roles: [{ conferenceId, role: 'teller' }] })),
    );
    await api
      .http()
      .post(`/api/conferences/${conferenceId}/votes/${onAmendment.voteId}/teller-count`)
      .set(teller.auth)
      .send({ for: 4, against: 1, abstain: 0 })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await api
      .http()
      .post(`/api/conferences/${conferenceId}/votes/${onAmendment.voteId}/teller-count/confirm`)
      .set(teller2.auth)
      .send({ for: 4, against: 1, abstain: 0 })
      .expect(200);
    await api
      .http()
      .post(`/api/conferences/${conferenceId}/votes/${onAmendment.voteId}/close`)
      .set(chair.auth)
      .expect(200);
    // Recording the outcome is the chair's command.
    await s.chairSays({ type: 'amendmentOutcome', outcome: 'carried' });
    const amended = (lastOf(remoteStream, 'debate.floor') ??
      (await remoteStream.waitFor('debate.floor')).at(-1))!;
    await pause(100);
    const floorNow = (lastOf(remoteStream, 'debate.floor') ?? amended).payload as any;
    expect(floorNow.item).toMatchObject({
      asAmended: true,
      carriedAmendmentIds: [s.amendmentId],
      amendment: null,
    });
    expect(floorNow.item.text).toMatch(/NEC\s*and every branch\s*to campaign/);

    // Closure from a member who has not spoken, then the mover's right of reply, then the vote.
    await s.chairSays({ type: 'moveProcedural', kind: 'question_be_now_put', memberId: s.closer.memberId });
    await s.chairSays({ type: 'putTheQuestion' });
    // Put without a vote: the chair declares it on a show of hands, and says so.
    await s.chairSays({ type: 'proceduralOutcome', result: 'carried', showOfHands: true });
    await s.chairSays({ type: 'callRightOfReply' });
    await s.chairSays({ type: 'startSpeech' });
    await s.chairSays({ type: 'endSpeech' });
    const put = await s.chairSays({ type: 'putTheQuestion', vote: { method: 'electronic', secret: true } });
    expect(put.events).toEqual([
      expect.objectContaining({
        type: 'question_put',
        subject: 'substantive',
        asAmended: true,
        carriedAmendmentIds: [s.amendmentId],
        majority: 'simple',
      }),
    ]);
    expect(put.voteError).toBeUndefined();
    const opened2 = (await remoteStream.waitFor('vote.opened', 2))[1];
    expect(opened2.payload).toMatchObject({
      voteId: put.voteId,
      subject: 'motion',
      subjectRef: s.motionId,
      secret: true,
      title: 'Fair pay for probation staff (as amended)',
    });
    // The result is recorded from the vote's figures: vote, close, then record.
    await api
      .http()
      .post(`/api/conferences/${conferenceId}/votes/${put.voteId}/ballots`)
      .set(remote.auth)
      .send({ choice: 'for', idempotencyKey: randomUUID() })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await api
      .http()
      .post(`/api/conferences/${conferenceId}/votes/${put.voteId}/close`)
      .set(chair.auth)
      .expect(200);
    await s.chairSays({ type: 'recordOutcome', outcome: 'carried_as_amended' });

    snapshot = (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200))
      .body;
    expect(snapshot.floor.item).toBeNull();
    expect(snapshot.floor.lastConcluded).toMatchObject({ itemId: s.motionId, outcome: 'carried_as_amended' });

    // Rebuild: the log folds to the snapshot's version and outcome, and the chair's live stream folds to the same state.
    const logged = await debateEvents(conferenceId);
    const rebuilt = foldDebate(logged);
    expect(rebuilt.version).toBe(snapshot.version);
    expect(rebuilt.items[s.motionId]).toMatchObject({
      status: 'concluded',
      outcome: 'carried_as_amended',
      asAmended: true,
    });
    expect(rebuilt.speeches.map((x) => [x.memberId, x.role])).toEqual([
      [s.mover.memberId, 'mover'],
      [s.seconder.memberId, 'seconder'],
      [hall.memberId, 'point_of_order'],
      [remote.memberId, 'against'],
      [hall.memberId, 'for'],
      [s.amender.memberId, 'mover'],
      [s.closer.memberId, 'procedural'],
      [s.mover.memberId, 'right_of_reply'],
    ]);
    await chairStream.waitFor('debate.item_concluded');
    const live = foldDebate(engineTypesOf(chairStream).map((e) => e.payload as unknown as DebateEvent));
    expect(live).toEqual(rebuilt);

    // Attendees never received the chair's queue or anyone's requests.
    for (const stream of [remoteStream, hallStream]) {
      expect(stream.applied.some((e) => e.type === 'debate.queue' || DEBATE_LOG_TYPES.includes(e.type))).toBe(
        false,
      );
      const positions = stream.applied.filter((e) => e.type === 'debate.queue_position');
      expect(positions.length).toBeGreaterThan(0);
    }

    // The minutes: every entry with its actor and time, all text escaped.
    const minutes = await api
      .http()
      .get(`/api/conferences/${conferenceId}/minutes`)
      .set(chair.auth)
      .expect(200);
    expect(minutes.headers['content-type']).toMatch(/text\/html/);
    expect(minutes.text).toContain('The speaker is &lt;b&gt;in order&lt;/b&gt;.');
    expect(minutes.text).not.toContain('<b>in order</b>');
    expect(minutes.text).toContain('Fair pay for probation staff');
    // One entry per debate event, and the votes' entries (opened, closed, result) beside them.
    expect(minutes.text.match(/<li [^>]*data-type="(?!vote_)/g)?.length).toBe(logged.length);
    expect(minutes.text).toContain('data-type="vote_result"');
    expect(minutes.text).toContain('Outcome: carried as amended');
    const pdf = await api
      .http()
      .get(`/api/conferences/${conferenceId}/minutes?format=pdf`)
      .set(hall.auth)
      .responseType('blob')
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await api.http().get(`/api/conferences/${conferenceId}/minutes?format=docx`).set(chair.auth).expect(400);
    // Attendees read the minutes without the requests to speak (the live queue is the chair's).
    const theirs = await api
      .http()
      .get(`/api/conferences/${conferenceId}/minutes`)
      .set(hall.auth)
      .expect(200);
    expect(theirs.text).not.toContain('data-type="speak_requested"');
    expect(minutes.text).toContain('data-type="speak_requested"');
  });

  it('refuses what the standing orders forbid, citing the rule, and writes nothing', async () => {
    const s = await setUp();
    const { conferenceId, chair, hall, remote } = s;
    const remoteSocket = await open(remote.token);
    await emitWithAck(remoteSocket, 'presence.confirm', { conferenceId });
    const extraSocket = await open(s.extra.token);
    await emitWithAck(extraSocket, 'presence.confirm', { conferenceId });
    // The debate's own entries: other features (monitoring's live figures) append to the log after a
    // speech on their own schedule, and are not what a refused command could have written.
    const logCount = async () =>
      Number(
        (
          await sql(
            `SELECT count(*) AS n FROM conference_event WHERE conference_id = $1 AND type LIKE 'debate.%'`,
            [conferenceId],
          )
        )[0].n,
      );
    const refused = async (
      who: { auth: Record<string, string> },
      body: Record<string, unknown>,
      status: number,
      rule?: string,
    ) => {
      const before = await logCount();
      const error = await s.command(who, body, status);
      if (rule) expect(error.rule).toBe(rule);
      expect(await logCount()).toBe(before);
      return error;
    };

    // Non-chair sending chair commands: 403, for attendees and for an official without the chair role.
    await refused(hall, { type: 'takeItem', motionId: s.motionId, expectedSeq: 0 }, 403);
    const teller = await ctx.newOfficial({ roles: [{ conferenceId, role: 'teller' }] });
    await refused(teller, { type: 'takeItem', motionId: s.motionId, expectedSeq: 0 }, 403);
    // A command for an item that is not open.
    await refused(chair, { type: 'callMover', itemId: s.motionId, expectedSeq: 0 }, 422, 'order-of-business');
    await refused(
      hall,
      { type: 'requestToSpeak', itemId: s.motionId, stance: 'for' },
      422,
      'order-of-business',
    );
    // Bad bodies: unknown type, unknown field, a member named in an attendee command.
    const badType = await refused(chair, { type: 'dance', expectedSeq: 0 }, 400);
    expect(Object.keys(badType.errors)).toEqual(['type']);
    const smuggled = await refused(
      hall,
      { type: 'requestToSpeak', itemId: s.motionId, stance: 'for', memberId: remote.memberId },
      400,
    );
    expect(Object.keys(smuggled.errors)).toEqual(['memberId']);

    await s.command(chair, { type: 'takeItem', motionId: s.motionId, expectedSeq: 0 });
    // An item cannot be taken while another is open.
    await refused(
      chair,
      { type: 'takeItem', motionId: s.motion2Id, expectedSeq: await s.version() },
      422,
      'order-of-business',
    );
    for (const type of [
      'callMover',
      'startSpeech',
      'endSpeech',
      'callSeconder',
      'startSpeech',
      'endSpeech',
      'openFloor',
    ])
      await s.chairSays({ type });

    // Stale expectedSeq: two chairs act on the same version at once; one wins, the other gets 409.
    const seen = await s.version();
    await s.command(remote, { type: 'requestToSpeak', itemId: s.motionId, stance: 'against' });
    await s.command(hall, { type: 'requestToSpeak', itemId: s.motionId, stance: 'for' });
    const v = await s.version();
    const [first, second] = await Promise.all([
      api
        .http()
        .post(`/api/conferences/${conferenceId}/debate/commands`)
        .set(chair.auth)
        .send({ type: 'callSpeaker', itemId: s.motionId, memberId: remote.memberId, expectedSeq: v }),
      api
        .http()
        .post(`/api/conferences/${conferenceId}/debate/commands`)
        .set(s.chair2.auth)
        .send({ type: 'callSpeaker', itemId: s.motionId, memberId: hall.memberId, expectedSeq: v }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.message).toMatch(/another chair/);
    // The log is consistent: exactly one call, the version moved by one, the fold agrees with the snapshot.
    const calls = (await debateEvents(conferenceId)).filter(
      (e) => e.type === 'speaker_called' && e.role !== 'mover' && e.role !== 'seconder',
    );
    expect(calls).toHaveLength(1);
    expect(await s.version()).toBe(v + 1);
    expect(foldDebate(await debateEvents(conferenceId)).version).toBe(v + 1);
    // A command on a version seen before the queue moved is stale too.
    await refused(chair, { type: 'startSpeech', itemId: s.motionId, expectedSeq: seen }, 409);

    // The question be now put: never during a speech, never from the mover.
    await s.chairSays({ type: 'startSpeech' });
    await refused(
      chair,
      {
        type: 'moveProcedural',
        itemId: s.motionId,
        kind: 'question_be_now_put',
        memberId: s.closer.memberId,
        expectedSeq: await s.version(),
      },
      422,
      'question-be-now-put',
    );
    // SO 14: no point of order during a speech.
    await refused(s.extra, { type: 'raisePointOfOrder', itemId: s.motionId }, 422, 'SO 14');
    await s.chairSays({ type: 'endSpeech' });
    await refused(
      chair,
      {
        type: 'moveProcedural',
        itemId: s.motionId,
        kind: 'question_be_now_put',
        memberId: s.mover.memberId,
        expectedSeq: await s.version(),
      },
      422,
      'question-be-now-put',
    );

    // Either chair may have won the race above: the one called has spoken, the other is still waiting.
    const called = calls[0] as Extract<DebateEvent, { type: 'speaker_called' }>;
    const speaker = called.memberId === remote.memberId ? remote : hall;
    const waiting = speaker === remote ? hall : remote;
    // Asking twice while waiting is refused.
    const spoken = await s.command(
      waiting,
      { type: 'requestToSpeak', itemId: s.motionId, stance: waiting === hall ? 'for' : 'against' },
      409,
    );
    expect(spoken.message).toMatch(/already asked/);
    // A second speech by a member who has spoken.
    await refused(
      speaker,
      { type: 'requestToSpeak', itemId: s.motionId, stance: 'to' },
      422,
      'one-speech-per-motion',
    );

    // Calling a speaker who is no longer present.
    await s.command(s.leaver, { type: 'requestToSpeak', itemId: s.motionId, stance: 'against' });
    await checkIn(conferenceId, s.leaver, false);
    await refused(
      chair,
      {
        type: 'callSpeaker',
        itemId: s.motionId,
        memberId: s.leaver.memberId,
        expectedSeq: await s.version(),
      },
      422,
      'presence',
    );
    // ...and a member not present cannot ask to speak.
    await refused(s.leaver, { type: 'raisePointOfOrder', itemId: s.motionId }, 422, 'presence');

    // The question put with a vote that cannot open (no quorum here): the question stays put, the refusal is returned.
    const v2 = await s.version();
    const noQuorum = await s.command(chair, {
      type: 'putTheQuestion',
      itemId: s.motionId,
      expectedSeq: v2,
      vote: { method: 'electronic' },
    });
    expect(noQuorum.events).toEqual([
      expect.objectContaining({ type: 'question_put', subject: 'substantive' }),
    ]);
    expect(noQuorum.voteId).toBeUndefined();
    expect(noQuorum.voteError).toMatchObject({ statusCode: 422, message: expect.stringMatching(/quorate/i) });
    expect(await s.version()).toBe(v2 + 1);
    expect(
      Number(
        (
          await sql(
            `SELECT count(*) AS n FROM conference_event WHERE conference_id = $1 AND type = 'vote.opened'`,
            [conferenceId],
          )
        )[0].n,
      ),
    ).toBe(0);
    // Bad vote options are refused before anything is decided.
    await refused(
      chair,
      {
        type: 'putTheQuestion',
        itemId: s.motionId,
        expectedSeq: await s.version(),
        vote: { method: 'by_acclamation' },
      },
      400,
    );
    // A close time with no offset from UTC would be read in the server's zone: refused as on POST /votes.
    const noOffset = await refused(
      chair,
      {
        type: 'putTheQuestion',
        itemId: s.motionId,
        expectedSeq: await s.version(),
        vote: { method: 'electronic', closesAt: '2031-08-06T14:30' },
      },
      400,
    );
    expect(noOffset.errors).toEqual({ 'vote.closesAt': expect.stringContaining('with its offset from UTC') });
    // A close time already past: refused before anything is decided, not left as a question put without its vote.
    const past = await refused(
      chair,
      {
        type: 'putTheQuestion',
        itemId: s.motionId,
        expectedSeq: await s.version(),
        vote: { method: 'electronic', closesAt: new Date(Date.now() - 60_000).toISOString() },
      },
      400,
    );
    expect(past).toMatchObject({
      message: expect.stringContaining('already past'),
      errors: { 'vote.closesAt': 'must be in the future' },
    });

    // Socket refusals carry the rule in the ack.
    const ack = await emitWithAck<any>(remoteSocket, 'debate.command', {
      conferenceId,
      command: { type: 'callMover', itemId: s.motionId, expectedSeq: 0 },
    });
    expect(ack).toEqual({ ok: false, error: { statusCode: 403, message: expect.stringContaining('chair') } });
    const again = await emitWithAck<any>(remoteSocket, 'debate.command', {
      conferenceId,
      command: { type: 'requestToSpeak', itemId: s.motion2Id, stance: 'for' },
    });
    expect(again).toMatchObject({ ok: false, error: { statusCode: 422, rule: 'order-of-business' } });
  });

  it("keeps one conference's debate from another conference's clients", async () => {
    const s = await setUp();
    const other = await ctx.newConference();
    const outsider = await ctx.newAttendee(other.id, { mode: 'remote' });
    const socket = await open(outsider.token);
    const seen: ConferenceEventMessage[] = [];
    socket.on('conference.event', (e: ConferenceEventMessage) => seen.push(e));
    const stream = new EventStream(socket, other.id);
    await stream.join(socket);
    await s.command(s.chair, { type: 'takeItem', motionId: s.motionId, expectedSeq: 0 });
    await pause(300);
    expect(seen.filter((e) => e.conferenceId === s.conferenceId)).toEqual([]);
    // ...and an outsider cannot read or act on it.
    await api.http().get(`/api/conferences/${s.conferenceId}/debate`).set(outsider.auth).expect(404);
    await s.command(outsider, { type: 'requestToSpeak', itemId: s.motionId, stance: 'for' }, 404);
  });
});
