import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { connect, EventStream, pause, TestSocket } from '../support/socket-client';

const MINUTE = 60_000;

describe('motions: submission by bodies and SOC review', () => {
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

  const motionCount = async (conferenceId: string) => (await api.database.dataSource.manager.query('SELECT count(*)::int AS n FROM motion WHERE conference_id = $1', [conferenceId]))[0].n;
  const auditCount = async (motionId: string) => (await api.database.dataSource.manager.query('SELECT count(*)::int AS n FROM motion_audit WHERE motion_id = $1', [motionId]))[0].n;

  /** A conference open for motions, a branch with its secretary, and a SOC member. */
  async function setUp(options: { deadlines?: Parameters<TestContext['setMotionDeadlines']>[1] } = {}) {
    const conference = await ctx.newConference();
    await ctx.setMotionDeadlines(conference.id, options.deadlines ?? { motions: new Date(Date.now() + 60 * MINUTE), amendments: new Date(Date.now() + 120 * MINUTE) });
    const branch = await ctx.newBody({ kind: 'branch', name: `London Branch ${conference.id.slice(0, 4)}` });
    const secretary = await ctx.newOfficer(branch.id);
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const committee = await ctx.newBody({ kind: 'committee', name: 'Health and Safety Committee' });
    const section = await ctx.newSection(conference.id, `HEALTH AND SAFETY ${conference.id.slice(0, 4)}`, committee.id);
    return { conference, branch, secretary, soc, section, committee };
  }

  const draft = (conferenceId: string, who: { auth: Record<string, string> }, body: Record<string, unknown>, status = 201) =>
    api.http().post(`/api/conferences/${conferenceId}/motions`).set(who.auth).send({ kind: 'motion', title: 'Workload stress', text: 'This AGM notes with concern the level of workload stress.', ...body }).expect(status);

  it('keeps a draft private to its body, then timestamps and acknowledges the submission and tells the SOC', async () => {
    const { conference, branch, secretary, soc, section } = await setUp();
    const other = await ctx.newBody({ kind: 'branch' });
    const otherSecretary = await ctx.newOfficer(other.id);
    const socSocket = await connect(api.url, soc.token);
    sockets.push(socSocket);
    const socStream = new EventStream(socSocket, conference.id);
    await socStream.join(socSocket);

    const created = await draft(conference.id, secretary, { bodyId: branch.id, sectionId: section.id, topics: ['pay_and_conditions'], agreedOn: '2025-06-12' });
    expect(created.body).toMatchObject({ status: 'draft', submittingBodyId: branch.id, submitterBodyIds: [branch.id], topics: ['pay_and_conditions'], agreedOn: '2025-06-12', submittedAt: null, overWordLimit: false });
    const id = created.body.id;

    // Private: another body's secretary, the SOC and an attendee see nothing of it.
    await api.http().get(`/api/conferences/${conference.id}/motions/${id}`).set(otherSecretary.auth).expect(404);
    await api.http().get(`/api/conferences/${conference.id}/motions/${id}`).set(soc.auth).expect(404);
    expect((await api.http().get(`/api/conferences/${conference.id}/motions`).set(soc.auth).expect(200)).body).toEqual([]);

    const before = Date.now();
    const submitted = await api.http().post(`/api/conferences/${conference.id}/motions/${id}/submit`).set(secretary.auth).expect(200);
    expect(submitted.body.motion.status).toBe('submitted');
    expect(new Date(submitted.body.motion.submittedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(submitted.body.acknowledgement).toMatch(/was received from London Branch .* at \d\d:\d\d on .*\(Europe\/London\)/);

    const [event] = await socStream.waitFor('motion.submitted');
    expect(event.payload).toMatchObject({ motionId: id, status: 'submitted' });
    expect((await api.http().get(`/api/conferences/${conference.id}/motions`).set(soc.auth).expect(200)).body.map((m: { id: string }) => m.id)).toEqual([id]);
  });

  it("refuses a secretary submitting for another body (403) and writes nothing", async () => {
    const { conference, branch } = await setUp();
    const other = await ctx.newBody({ kind: 'branch' });
    const otherSecretary = await ctx.newOfficer(other.id);
    const refused = await draft(conference.id, otherSecretary, { bodyId: branch.id }, 403);
    expect(refused.body.message).toMatch(/officers submit only for their own body/);
    expect(await motionCount(conference.id)).toBe(0);
  });

  it('refuses a submitted motion being edited, and leaves it as it was', async () => {
    const { conference, branch, secretary } = await setUp();
    const { body } = await draft(conference.id, secretary, { bodyId: branch.id });
    await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
    const audits = await auditCount(body.id);
    const refused = await api.http().patch(`/api/conferences/${conference.id}/motions/${body.id}`).set(secretary.auth).send({ text: 'Something else entirely.' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'motion-lifecycle', message: expect.stringContaining('cannot be edited') });
    const after = await api.http().get(`/api/conferences/${conference.id}/motions/${body.id}`).set(secretary.auth).expect(200);
    expect(after.body).toMatchObject({ text: body.text, status: 'submitted', version: 2 });
    expect(await auditCount(body.id)).toBe(audits);
  });

  it('refuses a motion one minute after the deadline, naming the deadline in the conference time and the emergency route', async () => {
    const deadline = new Date(Date.now() - MINUTE);
    const { conference, branch, secretary } = await setUp({ deadlines: { motions: deadline, amendments: deadline } });
    const { body } = await draft(conference.id, secretary, { bodyId: branch.id });
    const refused = await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/submit`).set(secretary.auth).expect(422);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false }).format(deadline);
    expect(refused.body.rule).toBe('deadline');
    expect(refused.body.message).toContain(`Motions closed at ${local}`);
    expect(refused.body.message).toContain('(Europe/London)');
    expect(refused.body.message).toMatch(/emergency motion \(SO 7\)/);
    const still = await api.http().get(`/api/conferences/${conference.id}/motions/${body.id}`).set(secretary.auth).expect(200);
    expect(still.body).toMatchObject({ status: 'draft', submittedAt: null });
  });

  it('takes constitutional amendments only from the NEC and branches, and only in a constitutional year', async () => {
    const { conference, branch, secretary } = await setUp();
    const network = await ctx.newBody({ kind: 'network', name: 'Women in Napo' });
    const convenor = await ctx.newOfficer(network.id);
    const fromNetwork = await draft(conference.id, convenor, { bodyId: network.id, kind: 'constitutional_amendment' });
    const refused = await api.http().post(`/api/conferences/${conference.id}/motions/${fromNetwork.body.id}/submit`).set(convenor.auth).expect(403);
    expect(refused.body.message).toMatch(/Constitutional amendments may come only from NEC and branches; Women in Napo may submit a motion instead/);

    const fromBranch = await draft(conference.id, secretary, { bodyId: branch.id, kind: 'constitutional_amendment' });
    const notThisYear = await api.http().post(`/api/conferences/${conference.id}/motions/${fromBranch.body.id}/submit`).set(secretary.auth).expect(422);
    expect(notThisYear.body).toMatchObject({ rule: 'constitutional-year' });
    await api.database.dataSource.manager.query('UPDATE conference SET accepts_constitutional_amendments = true WHERE id = $1', [conference.id]);
    await api.http().post(`/api/conferences/${conference.id}/motions/${fromBranch.body.id}/submit`).set(secretary.auth).expect(200);
    const statuses = (await api.http().get(`/api/conferences/${conference.id}/motions`).set(convenor.auth).expect(200)).body.map((m: { status: string }) => m.status);
    expect(statuses).toEqual(['draft']);
  });

  it('flags an over-length motion for the SOC rather than refusing it', async () => {
    const { conference, branch, secretary } = await setUp();
    const text = Array.from({ length: 205 }, (_, i) => `word${i}`).join(' ');
    const { body } = await draft(conference.id, secretary, { bodyId: branch.id, text });
    expect(body).toMatchObject({ wordCount: 205, wordLimit: 200, overWordLimit: true });
    const submitted = await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
    expect(submitted.body.acknowledgement).toMatch(/205 words, over the limit of 200/);
  });

  it('enforces a per-body limit when the ruleset sets one', async () => {
    const { conference, branch, secretary } = await setUp();
    await api.database.dataSource.manager.query(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{submission,maxMotionsPerBody}', '1') WHERE id = $1`, [conference.id]);
    const first = await draft(conference.id, secretary, { bodyId: branch.id });
    const second = await draft(conference.id, secretary, { bodyId: branch.id, title: 'Another' });
    await api.http().post(`/api/conferences/${conference.id}/motions/${first.body.id}/submit`).set(secretary.auth).expect(200);
    const refused = await api.http().post(`/api/conferences/${conference.id}/motions/${second.body.id}/submit`).set(secretary.auth).expect(422);
    expect(refused.body).toMatchObject({ rule: 'per-body-limit' });
    // Withdrawing the first frees the place.
    await api.http().post(`/api/conferences/${conference.id}/motions/${first.body.id}/withdraw`).set(secretary.auth).send({ reason: 'Branch meeting asked' }).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/motions/${second.body.id}/submit`).set(secretary.auth).expect(200);
  });

  it('lets two full members submit jointly, and refuses a joint submission with an associate', async () => {
    const conference = await ctx.newConference();
    const a = await ctx.newMember({ category: 'full' });
    const b = await ctx.newMember({ category: 'professional_associate' });
    const c = await ctx.newMember({ category: 'associate' });
    const signedIn = await ctx.newOfficial({ memberId: a.id, roles: [{ conferenceId: conference.id, role: 'monitor' }] });
    const ok = await draft(conference.id, signedIn, { jointWithMemberId: b.id });
    expect(ok.body).toMatchObject({ submittingBodyId: null, proposerMemberId: a.id, seconderMemberId: b.id });
    await api.http().post(`/api/conferences/${conference.id}/motions/${ok.body.id}/submit`).set(signedIn.auth).expect(200);
    // The other member's category is a wrong answer at the field (400); the signed-in member's own is a refusal (403).
    const refused = await draft(conference.id, signedIn, { jointWithMemberId: c.id }, 400);
    expect(refused.body).toMatchObject({ message: expect.stringMatching(/cannot submit jointly/), errors: { jointWithMemberId: 'not a full or professional associate member (they are an associate member)' } });
    const associate = await ctx.newOfficial({ memberId: c.id, roles: [{ conferenceId: conference.id, role: 'monitor' }] });
    expect((await draft(conference.id, associate, { jointWithMemberId: a.id }, 403)).body.message).toMatch(/Only members of these categories may submit jointly: .*; you are an associate member/);
  });

  it('lets the SOC admit, rule out of order with a reason the body sees, and return for editing; each step audited and pushed', async () => {
    const { conference, branch, secretary, soc } = await setUp();
    const bodySocket = await connect(api.url, secretary.token);
    sockets.push(bodySocket);
    const bodyStream = new EventStream(bodySocket, conference.id);
    await bodyStream.join(bodySocket);
    const attendee = await ctx.newAttendee(conference.id);
    const publicSocket = await connect(api.url, attendee.token);
    sockets.push(publicSocket);
    const publicStream = new EventStream(publicSocket, conference.id);
    await publicStream.join(publicSocket);

    const ids: string[] = [];
    for (const title of ['One', 'Two', 'Three']) {
      const { body } = await draft(conference.id, secretary, { bodyId: branch.id, title });
      await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
      ids.push(body.id);
    }
    const [one, two, three] = ids;
    const review = (id: string, body: Record<string, unknown>, who = soc, status = 200) => api.http().post(`/api/conferences/${conference.id}/motions/${id}/review`).set(who.auth).send(body).expect(status);

    // Only the SOC rules; a reason is required to rule out of order.
    await review(one, { action: 'admit' }, secretary, 403);
    const noReason = await review(two, { action: 'rule_out_of_order' }, soc, 400);
    expect(noReason.body.errors).toHaveProperty('reason');
    expect(await auditCount(two)).toBe(2);

    await review(one, { action: 'admit' });
    await review(two, { action: 'rule_out_of_order', reason: 'Not within the objects of the union' });
    await review(three, { action: 'return_for_editing', reason: 'Cut it to 200 words' });

    const seen = await api.http().get(`/api/conferences/${conference.id}/motions/${two}`).set(secretary.auth).expect(200);
    expect(seen.body).toMatchObject({ status: 'ruled_out_of_order', statusReason: 'Not within the objects of the union' });
    const [ruled] = await bodyStream.waitFor('motion.ruled_out_of_order');
    expect(ruled.payload).toMatchObject({ motionId: two, reason: 'Not within the objects of the union' });
    const [admitted] = await publicStream.waitFor('motion.admitted');
    expect(admitted.payload).toMatchObject({ motionId: one });
    await pause(200);
    expect(publicStream.applied.some((e) => e.type === 'motion.ruled_out_of_order' || e.type === 'motion.submitted')).toBe(false);

    // The attendee sees only the admitted motion.
    expect((await api.http().get(`/api/conferences/${conference.id}/motions`).set(attendee.auth).expect(200)).body.map((m: { id: string }) => m.id)).toEqual([one]);

    // Returned for editing: the body edits and resubmits.
    await api.http().patch(`/api/conferences/${conference.id}/motions/${three}`).set(secretary.auth).send({ text: 'Shorter now.' }).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/motions/${three}/submit`).set(secretary.auth).expect(200);

    const audit = await api.http().get(`/api/conferences/${conference.id}/motions/${two}/audit`).set(soc.auth).expect(200);
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual(['draft', 'submit', 'rule_out_of_order']);
    expect(audit.body[2]).toMatchObject({ who: soc.id, role: 'soc', why: 'Not within the objects of the union', fromStatus: 'submitted', toStatus: 'ruled_out_of_order' });
    expect((await api.http().get(`/api/conferences/${conference.id}/motions/${three}/audit`).set(secretary.auth).expect(200)).body.map((a: { action: string }) => a.action)).toEqual(['draft', 'submit', 'return_for_editing', 'edit', 'submit']);
  });

  it('composites motions: the originals become composited and the composite keeps every body as a submitter', async () => {
    const { conference, branch, secretary, soc, section } = await setUp();
    const other = await ctx.newBody({ kind: 'branch' });
    const otherSecretary = await ctx.newOfficer(other.id);
    const a = await draft(conference.id, secretary, { bodyId: branch.id, sectionId: section.id });
    const b = await draft(conference.id, otherSecretary, { bodyId: other.id, sectionId: section.id });
    await api.http().post(`/api/conferences/${conference.id}/motions/${a.body.id}/submit`).set(secretary.auth).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/motions/${b.body.id}/submit`).set(otherSecretary.auth).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/composites`).set(secretary.auth).send({ motionIds: [a.body.id, b.body.id], title: 'C', text: 'T' }).expect(403);

    const composite = await api.http().post(`/api/conferences/${conference.id}/composites`).set(soc.auth).send({ motionIds: [a.body.id, b.body.id], title: 'Composite A: workload', text: 'This AGM condemns excessive workloads.' }).expect(201);
    expect(composite.body).toMatchObject({ kind: 'composite', status: 'admitted', submitterBodyIds: [branch.id, other.id], sectionId: section.id });
    for (const [id, who] of [[a.body.id, secretary], [b.body.id, otherSecretary]] as const) {
      const original = await api.http().get(`/api/conferences/${conference.id}/motions/${id}`).set(who.auth).expect(200);
      expect(original.body).toMatchObject({ status: 'composited', compositeId: composite.body.id });
    }
    // A composited motion cannot be composited again.
    const again = await api.http().post(`/api/conferences/${conference.id}/composites`).set(soc.auth).send({ motionIds: [a.body.id, composite.body.id], title: 'X', text: 'Y' }).expect(422);
    expect(again.body.rule).toBe('compositing');
  });

  it('takes an emergency motion with the three SO 7 answers; the SOC accepts it and the meeting votes to admit it', async () => {
    const past = new Date(Date.now() - 10 * MINUTE);
    const { conference, branch, secretary, soc } = await setUp({ deadlines: { motions: past, amendments: past, emergency: new Date(Date.now() + 60 * MINUTE) } });
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const missing = await draft(conference.id, secretary, { bodyId: branch.id, kind: 'emergency_motion', emergency: { aroseAfterDeadline: 'Announced yesterday', cannotBeDealtWithOtherwise: ' ', graveEnoughToRearrangeBusiness: 'Jobs at risk' } }, 400);
    expect(Object.keys(missing.body.errors)).toEqual(['cannotBeDealtWithOtherwise']);
    expect(await motionCount(conference.id)).toBe(0);

    const answers = { aroseAfterDeadline: 'Announced yesterday', cannotBeDealtWithOtherwise: 'The NEC meets after the AGM', graveEnoughToRearrangeBusiness: '500 jobs at risk' };
    const { body } = await draft(conference.id, secretary, { bodyId: branch.id, kind: 'emergency_motion', emergency: answers });
    const submitted = await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
    expect(submitted.body.motion.emergency).toEqual({ stage: 'awaiting_soc', answers, socReason: null });

    // The SOC cannot admit it directly: the meeting decides.
    const direct = await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/review`).set(soc.auth).send({ action: 'admit' }).expect(422);
    expect(direct.body.rule).toBe('SO 7');
    const accepted = await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/emergency-decision`).set(soc.auth).send({ accept: true, reason: 'Meets SO 7' }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'submitted', emergency: { stage: 'awaiting_meeting_vote', socReason: 'Meets SO 7' } });
    await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/emergency-admission-vote`).set(soc.auth).send({ carried: true }).expect(403);
    const admitted = await api.http().post(`/api/conferences/${conference.id}/motions/${body.id}/emergency-admission-vote`).set(chair.auth).send({ carried: true }).expect(200);
    expect(admitted.body).toMatchObject({ status: 'admitted', emergency: { stage: 'admitted_by_meeting' } });

    // A rejection needs a reason, and rules the motion out of order with it.
    const second = await draft(conference.id, secretary, { bodyId: branch.id, kind: 'emergency_motion', title: 'Second', emergency: answers });
    await api.http().post(`/api/conferences/${conference.id}/motions/${second.body.id}/submit`).set(secretary.auth).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/motions/${second.body.id}/emergency-decision`).set(soc.auth).send({ accept: false }).expect(400);
    const rejected = await api.http().post(`/api/conferences/${conference.id}/motions/${second.body.id}/emergency-decision`).set(soc.auth).send({ accept: false, reason: 'Known before the deadline' }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'ruled_out_of_order', statusReason: 'Not accepted as an emergency motion: Known before the deadline' });
  });

  it('takes amendments from another body: instructions render the motion as amended; the mover accepts; the SOC rules', async () => {
    const { conference, branch, secretary, soc } = await setUp();
    const other = await ctx.newBody({ kind: 'branch' });
    const otherSecretary = await ctx.newOfficer(other.id);
    const text = 'This AGM agrees to campaign for a reduction in caseloads across England and Wales.';
    const motion = await draft(conference.id, secretary, { bodyId: branch.id, text });
    await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/submit`).set(secretary.auth).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/review`).set(soc.auth).send({ action: 'admit' }).expect(200);

    // Not by the motion's own body.
    const own = await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/amendments`).set(secretary.auth).send({ bodyId: branch.id, replacement: 'Other words' }).expect(422);
    expect(own.body.rule).toBe('amendment-by-another-body');

    const amendment = await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/amendments`).set(otherSecretary.auth)
      .send({ bodyId: other.id, instructions: [{ op: 'insert', after: 'caseloads', text: 'and workloads' }, { op: 'delete', text: 'across England and Wales' }] }).expect(201);
    expect(amendment.body).toMatchObject({ kind: 'amendment', status: 'submitted', parentMotionId: motion.body.id, amendedText: 'This AGM agrees to campaign for a reduction in caseloads and workloads.' });
    expect(amendment.body.amendment.looksLikeDirectNegative).toBe(false);

    const asAmended = await api.http().get(`/api/conferences/${conference.id}/motions/${motion.body.id}/as-amended`).set(soc.auth).expect(200);
    expect(asAmended.body.amendments).toEqual([{ id: amendment.body.id, status: 'submitted', text: 'This AGM agrees to campaign for a reduction in caseloads and workloads.', problem: null }]);

    await api.http().post(`/api/conferences/${conference.id}/amendments/${amendment.body.id}/accept`).set(otherSecretary.auth).expect(403);
    const accepted = await api.http().post(`/api/conferences/${conference.id}/amendments/${amendment.body.id}/accept`).set(secretary.auth).expect(200);
    expect(accepted.body.amendment.acceptedByMover).toBe(true);
    const ruled = await api.http().post(`/api/conferences/${conference.id}/amendments/${amendment.body.id}/ruling`).set(soc.auth).send({ admissible: true }).expect(200);
    expect(ruled.body).toMatchObject({ status: 'admitted', amendment: { ruling: 'admissible' } });

    // An instruction quoting words not in the motion is refused, naming the instruction; nothing written.
    const before = await motionCount(conference.id);
    const wrong = await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/amendments`).set(otherSecretary.auth).send({ bodyId: other.id, instructions: [{ op: 'delete', text: 'Scotland' }] }).expect(400);
    expect(wrong.body.message).toMatch(/Instruction 1 \(delete\): the words "Scotland" are not in the motion/);
    expect(await motionCount(conference.id)).toBe(before);
  });

  it('flags a direct-negative amendment and the SOC rules it inadmissible with a reason', async () => {
    const { conference, branch, secretary, soc } = await setUp();
    const other = await ctx.newBody({ kind: 'branch' });
    const otherSecretary = await ctx.newOfficer(other.id);
    const motion = await draft(conference.id, secretary, { bodyId: branch.id, text: 'This AGM agrees to campaign for the four day week.' });
    await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/submit`).set(secretary.auth).expect(200);
    const negative = await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/amendments`).set(otherSecretary.auth)
      .send({ bodyId: other.id, instructions: [{ op: 'replace', from: 'agrees', to: 'does not agree' }] }).expect(201);
    expect(negative.body.amendment).toMatchObject({ looksLikeDirectNegative: true, advisories: [expect.stringMatching(/direct negative/)] });
    await api.http().post(`/api/conferences/${conference.id}/amendments/${negative.body.id}/ruling`).set(soc.auth).send({ admissible: false }).expect(400);
    const ruled = await api.http().post(`/api/conferences/${conference.id}/amendments/${negative.body.id}/ruling`).set(soc.auth).send({ admissible: false, reason: 'A direct negative: vote against the motion instead' }).expect(200);
    expect(ruled.body).toMatchObject({ status: 'ruled_out_of_order', statusReason: 'A direct negative: vote against the motion instead', amendment: { ruling: 'inadmissible' } });
    const seenByBody = await api.http().get(`/api/conferences/${conference.id}/motions/${negative.body.id}`).set(otherSecretary.auth).expect(200);
    expect(seenByBody.body.statusReason).toBe('A direct negative: vote against the motion instead');
    // The mover cannot accept an inadmissible amendment.
    await api.http().post(`/api/conferences/${conference.id}/amendments/${negative.body.id}/accept`).set(secretary.auth).expect(422);
  });

  it('refuses an amendment to a motion ruled out of order, and one after the amendments deadline', async () => {
    const { conference, branch, secretary, soc } = await setUp();
    const other = await ctx.newBody({ kind: 'branch' });
    const otherSecretary = await ctx.newOfficer(other.id);
    const motion = await draft(conference.id, secretary, { bodyId: branch.id });
    await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/submit`).set(secretary.auth).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/review`).set(soc.auth).send({ action: 'rule_out_of_order', reason: 'Outside the objects' }).expect(200);
    const before = await motionCount(conference.id);
    const refused = await api.http().post(`/api/conferences/${conference.id}/motions/${motion.body.id}/amendments`).set(otherSecretary.auth).send({ bodyId: other.id, replacement: 'This AGM notes the level of workload stress.' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'amendment-target', message: 'This motion cannot be amended: it has been ruled out of order.' });
    expect(await motionCount(conference.id)).toBe(before);

    const live = await draft(conference.id, secretary, { bodyId: branch.id, title: 'Live' });
    await api.http().post(`/api/conferences/${conference.id}/motions/${live.body.id}/submit`).set(secretary.auth).expect(200);
    await api.database.dataSource.manager.query('UPDATE conference SET motions_deadline = $2, amendments_deadline = $2 WHERE id = $1', [conference.id, new Date(Date.now() - MINUTE)]);
    const late = await api.http().post(`/api/conferences/${conference.id}/motions/${live.body.id}/amendments`).set(otherSecretary.auth).send({ bodyId: other.id, replacement: 'This AGM notes the level of workload stress.' }).expect(422);
    expect(late.body.message).toMatch(/^Amendments closed at/);
  });
});
