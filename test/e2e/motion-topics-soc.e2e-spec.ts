import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { connect, EventStream, TestSocket } from '../support/socket-client';

const MINUTE = 60_000;

/**
 * Issue 19 item 3: the SOC sets and corrects a motion's topics (on which retired and associate members'
 * votes rest), with a reason; the change is audited and shown to the submitting body, and refused in
 * words where it cannot be made.
 */
describe('the SOC corrects a motion’s topics', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];

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

  it('sets the topics with a reason, audited and announced to the body; refuses bad input, others and a debated motion', async () => {
    const conference = await ctx.newConference();
    await ctx.setMotionDeadlines(conference.id, { motions: new Date(Date.now() + 60 * MINUTE), amendments: new Date(Date.now() + 120 * MINUTE) });
    const branch = await ctx.newBody({ kind: 'branch' });
    const secretary = await ctx.newOfficer(branch.id);
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const base = `/api/conferences/${conference.id}/motions`;
    const { body: motion } = await api
      .http()
      .post(base)
      .set(secretary.auth)
      .send({ kind: 'motion', bodyId: branch.id, title: 'Strike ballot on pay', text: 'This AGM calls on the NEC to ballot for industrial action over pay.', topics: ['general'] })
      .expect(201);
    await api.http().post(`${base}/${motion.id}/submit`).set(secretary.auth).expect(200);
    const bodySocket = await connect(api.url, secretary.token);
    sockets.push(bodySocket);
    const bodyStream = new EventStream(bodySocket, conference.id);
    await bodyStream.join(bodySocket);
    const correct = (body: Record<string, unknown>, status: number, who = soc) =>
      api.http().post(`${base}/${motion.id}/topics`).set(who.auth).send(body).expect(status);

    // Only the SOC; the secretary may not.
    await correct({ topics: ['pay_and_conditions'], reason: 'Pay' }, 403, secretary);
    // Every bad part named at its field.
    expect((await correct({ topics: ['pay_and_conditions'], reason: ' ' }, 400)).body.errors).toHaveProperty('reason');
    expect((await correct({ topics: ['pensions'], reason: 'Pensions' }, 400)).body.errors).toEqual({
      topics: expect.stringContaining('pensions is not among'),
    });
    expect((await correct({ topics: ['general'], reason: 'No change' }, 400)).body.errors.topics).toMatch(/already has/);

    const corrected = await correct({ topics: ['industrial_action', 'pay_and_conditions'], reason: 'It calls for a ballot over pay' }, 200);
    expect(corrected.body.topics).toEqual(['pay_and_conditions', 'industrial_action']);
    const audit = await api.http().get(`${base}/${motion.id}/audit`).set(secretary.auth).expect(200);
    expect(audit.body.at(-1)).toMatchObject({
      action: 'topics_corrected',
      who: soc.id,
      role: 'soc',
      why: 'Topics changed from general to pay and conditions, industrial action: It calls for a ballot over pay',
    });
    const [told] = await bodyStream.waitFor('motion.topics_corrected');
    expect(told.payload).toMatchObject({ motionId: motion.id, from: ['general'], to: ['pay_and_conditions', 'industrial_action'], topicsReason: 'It calls for a ballot over pay' });
    expect((await api.http().get(`${base}/${motion.id}`).set(secretary.auth).expect(200)).body.topics).toEqual(['pay_and_conditions', 'industrial_action']);

    // Once debated, the topics are fixed (a vote's eligibility was taken from them).
    await api.database.dataSource.manager.query(`UPDATE motion SET status = 'debated' WHERE id = $1`, [motion.id]);
    expect((await correct({ topics: ['general'], reason: 'Too late' }, 422)).body).toMatchObject({ rule: 'motion-topics', message: expect.stringMatching(/debated keeps its topics/) });
  });
});
