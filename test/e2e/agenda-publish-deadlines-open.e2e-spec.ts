import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * Issue 19 item 3 (docs/DECISIONS.md, "SOC: topics and publishing"): publishing the order of business while
 * the motions or amendments deadline is still open is warned, not refused. The api publishes; the SOC's
 * screen warns from the conference's deadlines (GET /deadlines: still open, with the time in the
 * conference's zone); a motion submitted after publishing is not on the order of business until the SOC
 * places it by hand, with a reason.
 */
describe('publishing the order of business with deadlines still open', () => {
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

  it('publishes (warned, not refused), and a motion submitted afterwards is placed by hand with a reason', async () => {
    const conference = await ctx.newConference();
    const base = `/api/conferences/${conference.id}`;
    const motionsClose = new Date(Date.now() + 10 * 86400000);
    await ctx.setMotionDeadlines(conference.id, { motions: motionsClose, amendments: new Date(Date.now() + 20 * 86400000) });
    const branch = await ctx.newBody({ kind: 'branch', name: `Branch ${Date.now() % 100000}` });
    const section = await ctx.newSection(conference.id, 'PAY');
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const secretary = await ctx.newOfficer(branch.id);
    const admitted = async (title: string) => {
      const { body } = await http()
        .post(`${base}/motions`)
        .set(secretary.auth)
        .send({ kind: 'motion', bodyId: branch.id, sectionId: section.id, title, text: 'This AGM calls for fair pay for all probation staff.' })
        .expect(201);
      await http().post(`${base}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
      await http().post(`${base}/motions/${body.id}/review`).set(soc.auth).send({ action: 'admit' }).expect(200);
      return body.id as string;
    };
    const first = await admitted('Pay restoration');

    // What the SOC's confirmation warns with: both deadlines still open, in the conference's zone.
    const deadlines = (await http().get(`${base}/deadlines`).set(soc.auth).expect(200)).body;
    expect(Date.parse(deadlines.motions.at)).toBeGreaterThan(Date.now());
    expect(Date.parse(deadlines.amendments.at)).toBeGreaterThan(Date.now());
    expect(deadlines.motions.text).toMatch(/\(Europe\/London\)$/);

    // Warned, not refused: the api publishes with the deadlines open.
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    const published = (await http().get(`${base}/agenda`).set(soc.auth).expect(200)).body;
    expect(published.entries.map((e: { motionId: string }) => e.motionId)).toEqual([first]);

    // The deadline still open, a branch submits another motion: admitted, but not on the published order...
    const late = await admitted('Office closures');
    const after = (await http().get(`${base}/agenda`).set(soc.auth).expect(200)).body;
    expect(after.entries.map((e: { motionId: string }) => e.motionId)).toEqual([first]);
    // ...until the SOC places it by hand, with a reason (refused without one).
    const order = after.entries.map((e: { motionId: string }) => e.motionId);
    const noReason = await http().post(`${base}/agenda/place`).set(soc.auth).send({ motionId: late, expectedOrder: order });
    expect(noReason.status).toBeGreaterThanOrEqual(400);
    expect(noReason.status).toBeLessThan(500);
    expect(noReason.body.message).toMatch(/reason/i);
    const placed = await http()
      .post(`${base}/agenda/place`)
      .set(soc.auth)
      .send({ motionId: late, reason: 'Submitted before the motions deadline, after publication', expectedOrder: order })
      .expect(200);
    expect(placed.body.entries.map((e: { motionId: string }) => e.motionId)).toEqual([first, late]);
  });
});
