import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * Issue 19: reference back of a section of a report. The SOC puts the NEC's annual report on the order of
 * business with its sections; the chair takes it; a delegate moves to refer back section 3; it is voted
 * like a procedural motion; carried, section 3 is referred back, recorded on the order of business and in
 * the minutes, and the rest of the report is received.
 */
describe('reference back of a section of a report', () => {
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
    const conference = await ctx.newConference();
    const conferenceId = conference.id;
    const base = `/api/conferences/${conferenceId}`;
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', to_jsonb(1)) WHERE id = $1`, [conferenceId]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const soc = await ctx.newOfficial({ roles: [{ conferenceId, role: 'soc' }] });
    const admin = await ctx.asHeadOffice();
    const [dot, eve] = await Promise.all([1, 2].map(() => ctx.newAttendee(conferenceId, { mode: 'hall' })));
    for (const a of [dot, eve])
      await api.http().post(`${base}/registrations/${a.registrationId}/check-in`).set(admin.auth).expect(200);
    const snapshot = async () => (await api.http().get(`${base}/debate`).set(chair.auth).expect(200)).body;
    const chairSays = async (body: Record<string, unknown>, status = 200) =>
      (
        await api
          .http()
          .post(`${base}/debate/commands`)
          .set(chair.auth)
          .send({ expectedSeq: (await snapshot()).version, ...body })
          .expect(status)
      ).body;
    return { conferenceId, base, chair, soc, dot, eve, chairSays, snapshot };
  }

  it('refers back the section carried, shows it on the order of business and in the minutes, and receives the rest', async () => {
    const s = await setUp();
    // Only the SOC (or administrators) put a report on the order of business; the chair may not.
    const report = { title: 'NEC Annual Report', sections: [{ key: '3', title: 'Finance' }, { key: '4', title: 'Campaigns' }] };
    await api.http().post(`${s.base}/reports`).set(s.chair.auth).send(report).expect(403);
    const twice = await api
      .http()
      .post(`${s.base}/reports`)
      .set(s.soc.auth)
      .send({ title: 'X', sections: [{ key: '1', title: 'A' }, { key: '1', title: 'B' }] })
      .expect(400);
    expect(twice.body.errors).toEqual({ 'sections.1.key': 'used twice' });
    const created = (await api.http().post(`${s.base}/reports`).set(s.soc.auth).send(report).expect(201)).body;
    expect(created).toMatchObject({ title: 'NEC Annual Report', status: 'to_come', statusText: 'To come.' });
    const reportId = created.id as string;

    await s.chairSays({ type: 'takeReport', reportId });
    expect((await s.snapshot()).floor.report).toMatchObject({ title: 'NEC Annual Report', pending: null });
    // A section the report does not have is refused at the field; the mover is named by membership number.
    const wrong = await s.chairSays({ type: 'moveReferenceBack', reportId, sectionKey: '9', member: s.dot.member.membershipNumber }, 400);
    expect(wrong.errors).toEqual({ sectionKey: 'not a section of the report' });
    await s.chairSays({ type: 'moveReferenceBack', reportId, sectionKey: '3', member: s.dot.member.membershipNumber });
    // Receiving the report over a reference back waiting for its vote is refused, in words.
    expect((await s.chairSays({ type: 'receiveReport', reportId }, 422)).message).toMatch(/section 3 \(Finance\) is waiting for its vote/);

    // Put with an electronic vote: a procedural motion to refer back, its result from the figures.
    const put = await s.chairSays({ type: 'putReferenceBack', reportId, vote: { method: 'electronic' } });
    expect(put.voteId).toBeDefined();
    const [vote] = await sql<{ subject: string; procedural_motion: string; title: string }>(
      'SELECT subject, procedural_motion, title FROM vote WHERE id = $1',
      [put.voteId],
    );
    expect(vote).toEqual({
      subject: 'procedural_motion',
      procedural_motion: 'refer_back',
      title: 'To refer back section 3 (Finance) of the report',
    });
    expect((await s.snapshot()).questionVote).toMatchObject({ voteId: put.voteId, state: 'open' });
    expect((await s.chairSays({ type: 'referenceBackOutcome', reportId, result: 'carried' }, 422)).message).toMatch(/still open/);
    await api
      .http()
      .post(`${s.base}/votes/${put.voteId}/ballots`)
      .set(s.eve.auth)
      .send({ choice: 'for', idempotencyKey: randomUUID() })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await api.http().post(`${s.base}/votes/${put.voteId}/close`).set(s.chair.auth).expect(200);
    expect((await s.chairSays({ type: 'referenceBackOutcome', reportId, result: 'lost' }, 422)).rule).toBe('vote-result');
    await s.chairSays({ type: 'referenceBackOutcome', reportId, result: 'carried' });

    // A second reference back, on section 4, voted at once on a show of hands and lost.
    await s.chairSays({ type: 'moveReferenceBack', reportId, sectionKey: '4', member: s.eve.member.name });
    await s.chairSays({ type: 'referenceBackOutcome', reportId, result: 'lost', showOfHands: true });
    // No motion while the report is being taken.
    const reports = (await api.http().get(`${s.base}/reports`).set(s.dot.auth).expect(200)).body;
    expect(reports[0]).toMatchObject({ status: 'being_taken', statusText: 'Being taken; referred back so far: section 3 (Finance).' });

    const { events } = await s.chairSays({ type: 'receiveReport', reportId });
    expect(events[0]).toMatchObject({ type: 'report_received', sectionsReferredBack: [{ key: '3', title: 'Finance' }] });
    const after = (await api.http().get(`${s.base}/reports`).set(s.dot.auth).expect(200)).body;
    expect(after[0]).toMatchObject({
      status: 'received',
      statusText: 'Received, except section 3 (Finance), referred back.',
      referredBack: [{ key: '3', title: 'Finance' }],
    });
    expect((await s.snapshot()).floor.report).toBeNull();
    // Taken once.
    expect((await s.chairSays({ type: 'takeReport', reportId }, 422)).message).toMatch(/already been received/);

    const minutes = (await api.http().get(`${s.base}/minutes`).set(s.chair.auth).expect(200)).text;
    expect(minutes).toContain('Report taken: NEC Annual Report.');
    expect(minutes).toContain(`${s.dot.member.name} (in the hall) moved to refer back section 3 (Finance) of the report`);
    expect(minutes).toContain('The reference back of section 3 (Finance) was carried: that section is referred back.');
    expect(minutes).toContain('The reference back of section 4 (Campaigns) was lost, on the chair’s declaration of a show of hands');
    expect(minutes).toContain('Outcome: the report NEC Annual Report was received, except section 3 (Finance), referred back.');
  });
});
