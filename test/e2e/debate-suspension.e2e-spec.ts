import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';

/**
 * Issue 19 item 4: suspending standing orders suspends the named order for the named business (the speech
 * time limits, the guillotine) and ends by itself when that business ends. Driven through the api as the
 * chair's console drives it.
 */
describe('suspension of standing orders', () => {
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

  async function setUp() {
    const { id: conferenceId } = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', to_jsonb(1)) WHERE id = $1`, [
      conferenceId,
    ]);
    const chair: SignedInPerson = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const people: TestAttendee[] = [];
    for (let i = 0; i < 5; i++) people.push(await ctx.newAttendee(conferenceId, { mode: 'hall' }));
    const admin = await ctx.asHeadOffice();
    for (const person of people)
      await api
        .http()
        .post(`/api/conferences/${conferenceId}/registrations/${person.registrationId}/check-in`)
        .set(admin.auth)
        .expect(200);
    const [mover, seconder, ann, ben, cat] = people;
    const motion = async (label: string, title: string, number: number) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO motion (conference_id, kind, title, text, status, proposer_member_id, seconder_member_id,
                               word_count, over_word_limit, created_by, submitted_at, agenda_number, agenda_label)
           VALUES ($1, 'motion', $2, 'Conference calls on the NEC to act.', 'placed', $3, $4, 7, false, $5, now(), $6, $7) RETURNING id`,
          [conferenceId, title, mover.memberId, seconder.memberId, chair.id, number, label],
        )
      )[0].id;
    const first = await motion('Motion 1', 'Safe caseloads', 1);
    const second = await motion('Motion 2', 'Pay restoration', 2);
    const third = await motion('Motion 3', 'Office closures', 3);
    const snapshot = async () =>
      (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200)).body;
    const say = async (who: { auth: Record<string, string> }, body: Record<string, unknown>, status = 200) =>
      (
        await api
          .http()
          .post(`/api/conferences/${conferenceId}/debate/commands`)
          .set(who.auth)
          .send({ expectedSeq: (await snapshot()).version, ...body })
          .expect(status)
      ).body;
    /** Take the item, move and second it, open the floor. */
    const debating = async (itemId: string) => {
      await say(chair, { type: 'takeItem', motionId: itemId });
      for (const type of ['callMover', 'startSpeech', 'endSpeech', 'callSeconder', 'startSpeech', 'endSpeech', 'openFloor'])
        await say(chair, { type, itemId });
    };
    /** A member asks to speak, is called, and starts: the limit the speech was given. */
    const speechLimit = async (itemId: string, member: TestAttendee) => {
      await say(member, { type: 'requestToSpeak', itemId, stance: 'for' });
      await say(chair, { type: 'callSpeaker', itemId, memberId: member.memberId });
      await say(chair, { type: 'startSpeech', itemId });
      const limit = (await snapshot()).floor.item.speech.limitSeconds;
      await say(chair, { type: 'endSpeech', itemId });
      return limit;
    };
    const minutes = async () =>
      (await api.http().get(`/api/conferences/${conferenceId}/minutes`).set(chair.auth).expect(200)).text;
    return { conferenceId, chair, ann, ben, cat, first, second, third, snapshot, say, debating, speechLimit, minutes };
  }

  it('gives the agreed time to each speech on the named business, keeps it from the guillotine, and ends when that business ends', async () => {
    const s = await setUp();
    await s.debating(s.first);
    expect(await s.speechLimit(s.first, s.ann)).toBe(180);

    // A suspension that names nothing is refused in words, at the field.
    const vague = await s.say(
      s.chair,
      { type: 'moveProcedural', itemId: s.first, kind: 'suspend_standing_orders', memberId: s.ben.memberId },
      400,
    );
    expect(vague.errors).toEqual({ 'suspension.orders': 'name at least one standing order' });

    await s.say(s.chair, {
      type: 'moveProcedural',
      itemId: s.first,
      kind: 'suspend_standing_orders',
      memberId: s.ben.memberId,
      suspension: { orders: ['speech_time_limits', 'guillotine'], speechLimitSeconds: 600, laterItemIds: [s.second] },
    });
    await s.say(s.chair, { type: 'proceduralOutcome', itemId: s.first, result: 'carried', showOfHands: true });
    expect((await s.snapshot()).floor.suspensions).toEqual([
      {
        proceduralId: expect.any(String),
        orders: ['speech_time_limits', 'guillotine'],
        itemIds: [s.first, s.second],
        speechLimitSeconds: 600,
        description:
          'Standing orders suspended for Motion 1 and Motion 2: the speech time limits (each speech may take up to 10 minutes); the guillotine (this business will not be recorded as not reached).',
      },
    ]);

    // The next speech on this business has the agreed ten minutes.
    expect(await s.speechLimit(s.first, s.cat)).toBe(600);

    // The guillotine cannot take Motion 2 while the suspension holds; Motion 3 it can.
    await s.say(s.chair, { type: 'recordOutcome', itemId: s.first, outcome: 'withdrawn', reason: 'withdrawn by the mover' });
    const guillotined = await s.say(s.chair, { type: 'guillotine', itemIds: [s.second] }, 422);
    expect(guillotined).toMatchObject({
      rule: 'suspension-of-standing-orders',
      message: expect.stringContaining('Standing orders are suspended for Motion 2'),
    });
    await s.say(s.chair, { type: 'guillotine', itemIds: [s.third] });

    // Motion 2 is the business too: its speeches have the agreed time, until it ends.
    await s.debating(s.second);
    expect(await s.speechLimit(s.second, s.ann)).toBe(600);
    await s.say(s.chair, { type: 'recordOutcome', itemId: s.second, outcome: 'withdrawn', reason: 'withdrawn by the mover' });
    // Its business over, the suspension has ended by itself: nothing left in force.
    expect((await s.snapshot()).floor.suspensions).toEqual([]);

    expect(await s.minutes()).toContain(
      'The terms: standing orders to be suspended for Motion 1: Safe caseloads and Motion 2: Pay restoration',
    );
  });

  it('refuses later business that is not a motion of this conference, naming the field', async () => {
    const s = await setUp();
    await s.debating(s.first);
    const refused = await s.say(
      s.chair,
      {
        type: 'moveProcedural',
        itemId: s.first,
        kind: 'suspend_standing_orders',
        memberId: s.ben.memberId,
        suspension: { orders: ['guillotine'], laterItemIds: ['6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5'] },
      },
      404,
    );
    expect(refused.errors).toEqual({ 'suspension.laterItemIds': 'not a motion of this conference' });
    const badOrder = await s.say(
      s.chair,
      {
        type: 'moveProcedural',
        itemId: s.first,
        kind: 'suspend_standing_orders',
        memberId: s.ben.memberId,
        suspension: { orders: ['standing_orders'] },
      },
      400,
    );
    expect(JSON.stringify(badOrder.errors)).toContain('speech_time_limits, guillotine');
  });
});
