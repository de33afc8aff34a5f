import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * Issue 19: a steward (a role head office assigns) puts a hall member without a device in the speakers'
 * queue, as the chair can, by name, membership number or voting-card number; the card number is recorded
 * at hall check-in or on the register. The steward can do nothing else of the chair's.
 */
describe('a steward adds a hall member without a device to the queue, by card number', () => {
  let api: TestApi;
  let ctx: TestContext;
  const http = () => api.http();

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('finds members by the card recorded at check-in or on the register, and keeps the steward to the queue', async () => {
    const conference = await ctx.newConference();
    const conferenceId = conference.id;
    const base = `/api/conferences/${conferenceId}`;
    const headOffice = await ctx.asHeadOffice();
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const teller = await ctx.newOfficial({ roles: [{ conferenceId, role: 'teller' }] });
    const stewardAccount = await ctx.newOfficial();
    // Head office assigns the steward role like any other.
    await http().post(`${base}/roles`).set(headOffice.auth).send({ accountId: stewardAccount.id, role: 'steward' }).expect(201);
    const steward = stewardAccount;
    const [mover, seconder, dot, eve] = await Promise.all([1, 2, 3, 4].map(() => ctx.newAttendee(conferenceId, { mode: 'hall' })));
    for (const a of [mover, seconder]) await http().post(`${base}/registrations/${a.registrationId}/check-in`).set(teller.auth).expect(200);
    // Dot's card is read at the door; Eve's is on the register.
    await http().post(`${base}/registrations/${dot.registrationId}/check-in`).set(teller.auth).send({ cardNumber: '147' }).expect(200);
    await http().post(`${base}/registrations/${eve.registrationId}/check-in`).set(teller.auth).expect(200);
    await http().put(`${base}/registrations/${eve.registrationId}/card-number`).set(headOffice.auth).send({ cardNumber: 'B-22' }).expect(200);
    // One member's card: a number already recorded for someone else is refused, naming them.
    const taken = await http().put(`${base}/registrations/${eve.registrationId}/card-number`).set(teller.auth).send({ cardNumber: '147' }).expect(409);
    expect(taken.body.message).toBe(`Card 147 is already recorded for ${dot.member.name}; check the number on the card.`);
    expect((await http().put(`${base}/registrations/${eve.registrationId}/card-number`).set(steward.auth).send({ cardNumber: '9' }).expect(403)).body.message).toMatch(
      /administrators and tellers/,
    );
    const bad = await http().put(`${base}/registrations/${eve.registrationId}/card-number`).set(teller.auth).send({ cardNumber: 'no spaces' }).expect(400);
    expect(bad.body.errors).toHaveProperty('cardNumber');

    const [{ id: motionId }] = await api.database.dataSource.manager.query(
      `INSERT INTO motion (conference_id, kind, title, text, status, proposer_member_id, seconder_member_id, word_count, over_word_limit, created_by, submitted_at)
       VALUES ($1, 'motion', 'Safe caseloads', 'Conference calls for safe caseloads.', 'placed', $2, $3, 5, false, $4, now()) RETURNING id`,
      [conferenceId, mover.memberId, seconder.memberId, chair.id],
    );
    const version = async () => (await http().get(`${base}/debate`).set(chair.auth).expect(200)).body.version as number;
    const says = async (who: { auth: Record<string, string> }, body: Record<string, unknown>, status = 200) =>
      (await http().post(`${base}/debate/commands`).set(who.auth).send({ itemId: motionId, expectedSeq: await version(), ...body }).expect(status)).body;
    await says(chair, { type: 'takeItem', motionId, itemId: undefined });
    for (const type of ['callMover', 'startSpeech', 'endSpeech', 'formallySeconded', 'openFloor']) await says(chair, { type });

    // The steward adds Dot by card number, the chair Eve by hers: the queue shows them by name.
    const { events } = await says(steward, { type: 'addToQueue', member: '147', stance: 'against' });
    expect(events[0]).toMatchObject({ type: 'speak_requested', memberId: dot.memberId, addedByChair: true, addedBy: 'steward' });
    await says(chair, { type: 'addToQueue', member: 'b-22', stance: 'for' });
    const queue = (await http().get(`${base}/debate`).set(chair.auth).expect(200)).body.queue.queue;
    expect(queue.map((q: { name: string }) => q.name)).toEqual([dot.member.name, eve.member.name]);
    // The standing orders apply to the steward's additions as to anyone's: one request each.
    expect((await says(steward, { type: 'addToQueue', member: '147', stance: 'for' }, 409)).message).toMatch(/already in the queue/);
    expect((await says(steward, { type: 'addToQueue', member: '999', stance: 'for' }, 404)).message).toMatch(
      /membership number, card number or name "999"/,
    );
    // Nothing else of the chair's: calling a speaker is refused.
    expect((await says(steward, { type: 'callSpeaker', memberId: dot.memberId }, 403)).message).toMatch(/only the chair runs the debate/);

    const minutes = (await http().get(`${base}/minutes`).set(chair.auth).expect(200)).text;
    expect(minutes).toContain(`A steward put ${dot.member.name} (in the hall, without a device) in the queue to speak against.`);
    expect(minutes).toContain(`The chair put ${eve.member.name} (in the hall, without a device) in the queue to speak for.`);
  });
});
