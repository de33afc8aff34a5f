import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';

/**
 * Issue 19, found from outside: after "put the question" with a vote that failed to open (not quorate)
 * the chair was stuck, and could record a result with no vote at all; a hall member without a phone could
 * not be put in the queue. Each rule here is driven through the api as the chair's console drives it,
 * and every refusal is a 4xx in words.
 */
describe('the chair recovers a put question, and queues a hall member without a device', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
    api.database.dataSource.manager.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  const checkIn = async (conferenceId: string, attendee: TestAttendee) => {
    const admin = await ctx.asHeadOffice();
    await api
      .http()
      .post(`/api/conferences/${conferenceId}/registrations/${attendee.registrationId}/check-in`)
      .set(admin.auth)
      .expect(200);
  };

  interface Setup {
    conferenceId: string;
    chair: SignedInPerson;
    mover: TestAttendee;
    seconder: TestAttendee;
    dot: TestAttendee;
    eve: TestAttendee;
    late: TestAttendee;
    remote: TestAttendee;
    motionId: string;
    amendmentId: string;
    chairSays: (body: Record<string, unknown>, status?: number) => Promise<any>;
    snapshot: () => Promise<any>;
    minutes: () => Promise<string>;
  }

  /** Four members in the hall, a quorum of five: the vote cannot open until a fifth checks in (`late`). */
  async function setUp(): Promise<Setup> {
    const conference = await ctx.newConference();
    const conferenceId = conference.id;
    await sql(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', to_jsonb(5)) WHERE id = $1`,
      [conferenceId],
    );
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const [mover, seconder, dot, eve, late] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => ctx.newAttendee(conferenceId, { mode: 'hall' })),
    );
    const remote = await ctx.newAttendee(conferenceId, { mode: 'remote' });
    for (const a of [mover, seconder, dot, eve]) await checkIn(conferenceId, a);
    const insert = async (
      title: string,
      proposer: string,
      seconder2: string,
      parentId: string | null,
    ): Promise<string> =>
      (
        await sql<{ id: string }>(
          `INSERT INTO motion (conference_id, kind, parent_motion_id, title, text, status, proposer_member_id, seconder_member_id,
                               word_count, over_word_limit, amendment_text, created_by, submitted_at)
           VALUES ($1, $2, $3, $4, 'Conference calls on the NEC to act.', 'placed', $5, $6, 7, false, $7, $8, now()) RETURNING id`,
          [
            conferenceId,
            parentId ? 'amendment' : 'motion',
            parentId,
            title,
            proposer,
            seconder2,
            parentId
              ? JSON.stringify({ instructions: [{ op: 'insert', after: 'NEC', text: 'at once' }] })
              : null,
            chair.id,
          ],
        )
      )[0].id;
    const motionId = await insert('Safe caseloads', mover.memberId!, seconder.memberId!, null);
    const amendmentId = await insert('Amendment: at once', dot.memberId!, eve.memberId!, motionId);
    const snapshot = async () =>
      (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200)).body;
    const chairSays = async (body: Record<string, unknown>, status = 200) =>
      (
        await api
          .http()
          .post(`/api/conferences/${conferenceId}/debate/commands`)
          .set(chair.auth)
          .send({ itemId: motionId, expectedSeq: (await snapshot()).version, ...body })
          .expect(status)
      ).body;
    const minutes = async () =>
      (await api.http().get(`/api/conferences/${conferenceId}/minutes`).set(chair.auth).expect(200)).text;
    return {
      conferenceId,
      chair,
      mover,
      seconder,
      dot,
      eve,
      late,
      remote,
      motionId,
      amendmentId,
      chairSays,
      snapshot,
      minutes,
    };
  }

  /** Take the motion, move and second it, open the floor. */
  async function debating(s: Setup) {
    await s.chairSays({ type: 'takeItem', motionId: s.motionId, itemId: undefined });
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
  }

  const openQuestionVote = async (
    s: Setup,
    status: number,
    vote: Record<string, unknown> = { method: 'electronic' },
  ) =>
    (
      await api
        .http()
        .post(`/api/conferences/${s.conferenceId}/debate/question-vote`)
        .set(s.chair.auth)
        .send({ itemId: s.motionId, vote })
        .expect(status)
    ).body;

  it('opens the vote on a put question once the meeting is quorate, and records the result only from its figures', async () => {
    const s = await setUp();
    await debating(s);
    const put = await s.chairSays({ type: 'putTheQuestion', vote: { method: 'electronic' } });
    expect(put.voteId).toBeUndefined();
    expect(put.voteError).toMatchObject({
      statusCode: 422,
      rule: 'quorum',
      message: expect.stringMatching(/not quorate/),
    });

    // No figures, no result: "carried" with no vote is refused, in words.
    const noFigures = await s.chairSays({ type: 'recordOutcome', outcome: 'carried' }, 422);
    expect(noFigures).toMatchObject({
      rule: 'vote-result',
      message: expect.stringMatching(/No vote has been held on this question/),
    });
    // Putting it again is still refused; opening the vote is the way on, and it is refused while not quorate.
    expect((await s.chairSays({ type: 'putTheQuestion' }, 422)).rule).toBe('question-put');
    expect(await openQuestionVote(s, 422)).toMatchObject({
      rule: 'quorum',
      message: expect.stringMatching(/not quorate/),
    });

    // The cause is fixed: a fifth member checks in. "Open the vote" again opens it on the same question.
    await checkIn(s.conferenceId, s.late);
    const { voteId } = await openQuestionVote(s, 201);
    const votes = await sql<{ subject: string; subject_ref: string; title: string }>(
      'SELECT subject, subject_ref, title FROM vote WHERE id = $1',
      [voteId],
    );
    expect(votes[0]).toEqual({ subject: 'motion', subject_ref: s.motionId, title: 'Safe caseloads' });
    expect((await s.snapshot()).questionVote).toMatchObject({ voteId, state: 'open' });
    // One live vote per question: a second "Open the vote" is a conflict; the question cannot be withdrawn under it.
    expect((await openQuestionVote(s, 409)).message).toMatch(/already open/);
    expect((await s.chairSays({ type: 'withdrawQuestion', reason: 'Changed course' }, 422)).message).toMatch(
      /vote on this question is open/,
    );
    expect((await s.chairSays({ type: 'recordOutcome', outcome: 'carried' }, 422)).message).toMatch(
      /still open/,
    );

    await api
      .http()
      .post(`/api/conferences/${s.conferenceId}/votes/${voteId}/ballots`)
      .set(s.dot.auth)
      .send({ choice: 'for', idempotencyKey: randomUUID() })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await api
      .http()
      .post(`/api/conferences/${s.conferenceId}/votes/${voteId}/close`)
      .set(s.chair.auth)
      .expect(200);
    expect(
      (await s.chairSays({ type: 'recordOutcome', outcome: 'carried', showOfHands: true }, 422)).message,
    ).toMatch(/declared result rather than a show of hands/);
    await s.chairSays({ type: 'recordOutcome', outcome: 'carried' });
    expect((await s.snapshot()).floor.lastConcluded).toMatchObject({
      itemId: s.motionId,
      outcome: 'carried',
    });
  });

  it('withdraws a put question with a reason, minuted, and lets it be put again', async () => {
    const s = await setUp();
    await debating(s);
    await s.chairSays({ type: 'putTheQuestion', vote: { method: 'electronic' } });
    const blank = await s.chairSays({ type: 'withdrawQuestion', reason: '   ' }, 400);
    expect(blank.errors).toMatchObject({ reason: expect.stringMatching(/minutes/) });
    const { events } = await s.chairSays({ type: 'withdrawQuestion', reason: 'The meeting is not quorate' });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'question_withdrawn',
        subject: 'substantive',
        reason: 'The meeting is not quorate',
      }),
    ]);
    expect((await s.snapshot()).floor.item.questionPut).toBeFalsy();
    expect(await s.minutes()).toContain(
      'The chair withdrew the question put on the motion, no vote having been held: The meeting is not quorate.',
    );
    // No question put, none to withdraw; nor a vote to open on it.
    expect((await s.chairSays({ type: 'withdrawQuestion', reason: 'again' }, 422)).message).toMatch(
      /No question has been put/,
    );
    expect((await openQuestionVote(s, 422)).rule).toBe('question-put');
    // Put again, without a vote: the chair declares it on a show of hands, and the minutes say so.
    await s.chairSays({ type: 'putTheQuestion' });
    await s.chairSays({ type: 'recordOutcome', outcome: 'lost', showOfHands: true });
    expect(await s.minutes()).toMatch(/Outcome: lost, on the chair’s declaration of a show of hands/);
  });

  it('refuses "amendment carried" with no vote, the dead end found from outside', async () => {
    const s = await setUp();
    await debating(s);
    await s.chairSays({ type: 'moveToAmendment', amendmentId: s.amendmentId });
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
    const put = await s.chairSays({ type: 'putTheQuestion', vote: { method: 'electronic' } });
    expect(put.voteError?.rule).toBe('quorum');
    expect((await s.chairSays({ type: 'amendmentOutcome', outcome: 'carried' }, 422)).rule).toBe(
      'vote-result',
    );
    // The vote opens on the amendment, not the motion.
    await checkIn(s.conferenceId, s.late);
    const { voteId } = await (
      await api
        .http()
        .post(`/api/conferences/${s.conferenceId}/debate/question-vote`)
        .set(s.chair.auth)
        .send({ itemId: s.motionId, vote: { method: 'electronic' } })
        .expect(201)
    ).body;
    const [vote] = await sql('SELECT subject, subject_ref FROM vote WHERE id = $1', [voteId]);
    expect(vote).toEqual({ subject: 'amendment', subject_ref: s.amendmentId });
  });

  it('puts a hall member without a device in the queue by membership number or name, under the standing orders', async () => {
    const s = await setUp();
    await debating(s);
    // By membership number: queued as a hall request, shown by name, and called like anyone.
    const { events } = await s.chairSays({
      type: 'addToQueue',
      member: ` ${s.eve.member.membershipNumber} `,
      stance: 'against',
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'speak_requested',
        memberId: s.eve.memberId,
        attendanceMode: 'hall',
        addedByChair: true,
      }),
    ]);
    expect((await s.snapshot()).queue.queue).toEqual([
      expect.objectContaining({ memberId: s.eve.memberId, name: s.eve.member.name, attendanceMode: 'hall' }),
    ]);
    expect(
      (await s.chairSays({ type: 'addToQueue', member: s.eve.member.membershipNumber, stance: 'for' }, 409))
        .message,
    ).toMatch(/already in the queue/);
    await s.chairSays({ type: 'callSpeaker', memberId: s.eve.memberId });
    await s.chairSays({ type: 'startSpeech' });
    await s.chairSays({ type: 'endSpeech' });
    // Spoken once: the one-speech rule applies to them as to anyone, and the refusal names them.
    const again = await s.chairSays(
      { type: 'addToQueue', member: s.eve.member.name.toUpperCase(), stance: 'for' },
      422,
    );
    expect(again).toMatchObject({
      rule: 'one-speech-per-motion',
      message: expect.stringContaining(`${s.eve.member.name} has already spoken`),
    });
    expect(again.message).not.toContain(s.eve.memberId);
    // The mover, a remote member (their own screen), someone not checked in, and nobody of that name.
    expect(
      (await s.chairSays({ type: 'addToQueue', member: s.mover.member.membershipNumber, stance: 'for' }, 422))
        .rule,
    ).toBe('right-of-reply');
    expect(
      (
        await s.chairSays(
          { type: 'addToQueue', member: s.remote.member.membershipNumber, stance: 'for' },
          422,
        )
      ).rule,
    ).toBe('presence');
    expect(
      (await s.chairSays({ type: 'addToQueue', member: s.late.member.membershipNumber, stance: 'for' }, 422))
        .message,
    ).toContain(`${s.late.member.name} is not registered or not present`);
    expect(
      (await s.chairSays({ type: 'addToQueue', member: 'Nobody Atall', stance: 'for' }, 404)).message,
    ).toMatch(/No member registered for this conference/);
    expect((await s.chairSays({ type: 'addToQueue', member: '', stance: 'for' }, 400)).errors).toHaveProperty(
      'member',
    );
    // Only the chair: an attendee cannot queue someone else.
    await api
      .http()
      .post(`/api/conferences/${s.conferenceId}/debate/commands`)
      .set(s.dot.auth)
      .send({
        type: 'addToQueue',
        itemId: s.motionId,
        expectedSeq: (await s.snapshot()).version,
        member: s.seconder.member.membershipNumber,
        stance: 'for',
      })
      .expect(403);
    expect(await s.minutes()).toContain(
      `The chair put ${s.eve.member.name} (in the hall, without a device) in the queue to speak against.`,
    );
  });

  it('asks for the membership number when two registered members share the name', async () => {
    const s = await setUp();
    await debating(s);
    await sql('UPDATE member SET name = $1 WHERE id = ANY($2::uuid[])', [
      'Sam Jones',
      [s.dot.memberId, s.eve.memberId],
    ]);
    const twice = await s.chairSays({ type: 'addToQueue', member: 'sam jones', stance: 'for' }, 409);
    expect(twice.message).toMatch(/2 registered members are called "sam jones"/);
    expect(twice.message).toContain(s.dot.member.membershipNumber);
  });
});
