import { apiSuite } from '../support/api-suite';
import { connect, EventStream } from '../support/socket-client';

const MINUTE = 60_000;
const ANSWERS = {
  aroseAfterDeadline: 'The Ministry announced the closures on Monday.',
  cannotBeDealtWithOtherwise: 'The NEC meets after the closures take effect.',
  graveEnoughToRearrangeBusiness: 'Forty jobs go at the end of the month.',
};

/**
 * PATCH /motions/:id beyond the words: a draft's or returned motion's topics (the ruleset's), a draft's
 * kind where the new kind could be submitted now, and a joint motion's other member, checked as at
 * drafting; and a composite, which no one of its bodies may withdraw.
 */
describe('motions: editing topics, kind and the joint partner', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();

  async function setUp(deadlines: { motions: Date; emergency?: Date; acceptsConstitutionalAmendments?: boolean }) {
    const conference = await suite.ctx.newConference();
    await suite.ctx.setMotionDeadlines(conference.id, { amendments: new Date(deadlines.motions.getTime() + 60 * MINUTE), ...deadlines });
    const branch = await suite.ctx.newBody({ kind: 'branch', name: `Cymru Branch ${conference.id.slice(0, 4)}` });
    const secretary = await suite.ctx.newOfficer(branch.id);
    const soc = await suite.ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const base = `/api/conferences/${conference.id}`;
    const draft = async (body: Record<string, unknown>, who = secretary) =>
      (await http().post(`${base}/motions`).set(who.auth).send({ kind: 'motion', bodyId: branch.id, title: 'Office closures', text: 'This AGM opposes the closure of probation offices.', ...body }).expect(201)).body;
    const edit = (id: string, changes: Record<string, unknown>, status: number, who: { auth: Record<string, string> } = secretary) =>
      http().patch(`${base}/motions/${id}`).set(who.auth).send(changes).expect(status);
    const read = async (id: string, who: { auth: Record<string, string> } = secretary) => (await http().get(`${base}/motions/${id}`).set(who.auth).expect(200)).body;
    const submit = (id: string, who: { auth: Record<string, string> } = secretary) => http().post(`${base}/motions/${id}/submit`).set(who.auth).expect(200);
    const returnIt = (id: string) => http().post(`${base}/motions/${id}/review`).set(soc.auth).send({ action: 'return_for_editing', reason: 'Name the offices.' }).expect(200);
    return { conference, branch, secretary, soc, base, draft, edit, read, submit, returnIt };
  }

  it("changes a returned motion's topics to the ruleset's, refusing an unknown one at the field, and tells the body", async () => {
    const { conference, secretary, soc, draft, edit, read, submit, returnIt } = await setUp({ motions: new Date(Date.now() + 60 * MINUTE) });
    const motion = await draft({ topics: ['general'] });
    await submit(motion.id);
    await returnIt(motion.id);
    const socket = suite.track(await connect(suite.api.url, secretary.token));
    const stream = new EventStream(socket, conference.id);
    await stream.join(socket);

    const unknown = await edit(motion.id, { topics: ['pay_and_conditions', 'pensions'] }, 400);
    expect(unknown.body).toMatchObject({ message: 'Unknown topic(s): pensions.', errors: { topics: expect.stringContaining('pay_and_conditions, industrial_action, constitutional, general') } });
    expect((await read(motion.id)).topics).toEqual(['general']);

    const saved = await edit(motion.id, { topics: ['pay_and_conditions', 'industrial_action'] }, 200);
    expect(saved.body).toMatchObject({ status: 'returned_for_editing', topics: ['pay_and_conditions', 'industrial_action'] });
    const [edited] = await stream.waitFor('motion.edited');
    expect(edited.payload).toMatchObject({ motionId: motion.id, status: 'returned_for_editing' });

    // Once submitted again it is the SOC's: no topic changes, and the SOC may read but not edit it.
    await submit(motion.id);
    expect((await edit(motion.id, { topics: [] }, 422)).body.rule).toBe('motion-lifecycle');
    expect((await edit(motion.id, { topics: [] }, 403, soc)).body.message).toMatch(/Only an officer of the submitting body/);
    expect((await read(motion.id)).topics).toEqual(['pay_and_conditions', 'industrial_action']);
  });

  it('takes back a motion the SOC returned after the deadline, and still refuses a draft first submitted then', async () => {
    const { conference, secretary, base, draft, edit, read, submit, returnIt } = await setUp({ motions: new Date(Date.now() + 60 * MINUTE) });
    const onTime = await draft({ title: 'Submitted on time' });
    await submit(onTime.id);
    const neverSubmitted = await draft({ title: 'Never submitted' });
    // The deadline passes; the SOC then returns the motion to be cut, as it usually does.
    await suite.ctx.setMotionDeadlines(conference.id, { motions: new Date(Date.now() - MINUTE), amendments: new Date(Date.now() + 60 * MINUTE) });
    await returnIt(onTime.id);
    await edit(onTime.id, { text: 'This AGM opposes the closure of the Cardiff and Swansea probation offices.' }, 200);
    const resubmitted = await submit(onTime.id);
    expect(resubmitted.body.motion).toMatchObject({ id: onTime.id, status: 'submitted' });
    expect((await read(onTime.id)).text).toMatch(/Cardiff and Swansea/);

    const late = await http().post(`${base}/motions/${neverSubmitted.id}/submit`).set(secretary.auth).expect(422);
    expect(late.body).toMatchObject({ rule: 'deadline', message: expect.stringMatching(/^Motions closed at/) });
    expect((await read(neverSubmitted.id)).status).toBe('draft');
  });

  it("changes a draft's kind where the new kind could be submitted, never a returned motion's, and never another body's", async () => {
    const { secretary, soc, draft, edit, read, submit, returnIt, base } = await setUp({ motions: new Date(Date.now() + 60 * MINUTE), acceptsConstitutionalAmendments: true });
    const motion = await draft({});
    const changed = await edit(motion.id, { kind: 'constitutional_amendment' }, 200);
    expect(changed.body).toMatchObject({ kind: 'constitutional_amendment', status: 'draft' });
    const audit = (await http().get(`${base}/motions/${motion.id}/audit`).set(secretary.auth).expect(200)).body;
    expect(audit.at(-1)).toMatchObject({ action: 'edit', why: 'Kind changed from motion to constitutional_amendment' });
    // Before the motions deadline an emergency motion is refused (SO 7), at the kind.
    const early = await edit(motion.id, { kind: 'emergency_motion', emergency: ANSWERS }, 422);
    expect(early.body).toMatchObject({ rule: 'SO 7', errors: { kind: expect.stringMatching(/submit this as an ordinary motion/) } });
    const unchanged = await read(motion.id);
    expect(unchanged.kind).toBe('constitutional_amendment');
    expect(unchanged.emergency).toBeUndefined();
    expect((await edit(motion.id, { kind: 'composite' }, 400)).body.errors.kind).toMatch(/Kind must be one of motion, constitutional_amendment, emergency_motion/);

    const returned = await draft({ title: 'Returned' });
    await submit(returned.id);
    await returnIt(returned.id);
    const kept = await edit(returned.id, { kind: 'constitutional_amendment' }, 422);
    expect(kept.body).toMatchObject({ rule: 'motion-lifecycle', message: expect.stringMatching(/^Only a draft changes its kind/), errors: { kind: 'keep it a motion' } });
    expect((await read(returned.id)).kind).toBe('motion');

    // Another body's secretary does not see the draft at all; the SOC reads a returned motion but may not edit it.
    const otherSecretary = await suite.ctx.newOfficer((await suite.ctx.newBody({ kind: 'branch' })).id);
    await edit(motion.id, { kind: 'motion' }, 404, otherSecretary);
    await edit(returned.id, { topics: ['general'] }, 403, soc);
    expect((await read(motion.id)).kind).toBe('constitutional_amendment');
  });

  it('refuses a kind change after its deadline or outside a constitutional year, and an emergency motion without its SO 7 answers', async () => {
    const closed = new Date(Date.now() - MINUTE);
    const { secretary, draft, edit, read, submit, conference } = await setUp({ motions: closed, emergency: new Date(Date.now() + 60 * MINUTE) });
    const emergency = await draft({ kind: 'emergency_motion', emergency: ANSWERS });
    const late = await edit(emergency.id, { kind: 'motion' }, 422);
    expect(late.body).toMatchObject({ rule: 'deadline', errors: { kind: expect.stringMatching(/^Motions closed at \d\d:\d\d on .*\(Europe\/London\)\.$/) } });
    expect(late.body.message).toMatch(/emergency motion \(SO 7\)/);

    const motion = await draft({ title: 'Late' });
    const notThisYear = await edit(motion.id, { kind: 'constitutional_amendment' }, 422);
    expect(notThisYear.body).toMatchObject({ rule: 'constitutional-year', errors: { kind: expect.stringMatching(/next constitutional year/) } });
    await suite.sql('UPDATE conference SET accepts_constitutional_amendments = true WHERE id = $1', [conference.id]);
    expect((await edit(motion.id, { kind: 'constitutional_amendment' }, 422)).body).toMatchObject({ rule: 'deadline', errors: { kind: expect.stringMatching(/^Constitutional amendments closed at/) } });

    // After the motions deadline the draft may become an emergency motion, with all three SO 7 answers.
    const unanswered = await edit(motion.id, { kind: 'emergency_motion' }, 400);
    expect(Object.keys(unanswered.body.errors).sort()).toEqual(['aroseAfterDeadline', 'cannotBeDealtWithOtherwise', 'graveEnoughToRearrangeBusiness']);
    const halfAnswered = await edit(motion.id, { kind: 'emergency_motion', emergency: { ...ANSWERS, cannotBeDealtWithOtherwise: ' ' } }, 400);
    expect(halfAnswered.body.errors).toEqual({ cannotBeDealtWithOtherwise: expect.any(String) });
    expect(await read(motion.id)).toMatchObject({ kind: 'motion' });
    const becomes = await edit(motion.id, { kind: 'emergency_motion', emergency: ANSWERS }, 200);
    expect(becomes.body).toMatchObject({ kind: 'emergency_motion', emergency: { answers: ANSWERS } });
    const submitted = await submit(motion.id, secretary);
    expect(submitted.body.motion).toMatchObject({ status: 'submitted', emergency: { stage: 'awaiting_soc' } });
  });

  it("replaces a joint motion's other member, checked as at drafting: not a retired member, not oneself, not for a body's motion", async () => {
    const { branch, secretary, draft, edit, read, submit, returnIt, base } = await setUp({ motions: new Date(Date.now() + 60 * MINUTE) });
    const [first, second] = [await suite.ctx.newMember({ category: 'full' }), await suite.ctx.newMember({ category: 'professional_associate' })];
    const retired = await suite.ctx.newMember({ category: 'retired' });
    const joint = await draft({ bodyId: undefined, jointWithMemberId: first.id, title: 'Jointly' });
    expect(joint).toMatchObject({ submittingBodyId: null, proposerMemberId: secretary.member.id, seconderMemberId: first.id });
    await submit(joint.id);
    await returnIt(joint.id);

    const notJoint = await edit(joint.id, { jointWithMemberId: retired.id, topics: ['general'] }, 400);
    expect(notJoint.body).toMatchObject({ message: expect.stringMatching(/cannot submit jointly: only full or professional associate members may/), errors: { jointWithMemberId: 'not a full or professional associate member (they are a retired member)' } });
    expect((await edit(joint.id, { jointWithMemberId: secretary.member.id }, 400)).body.errors).toEqual({ jointWithMemberId: 'your own membership: name the other member' });
    expect((await edit(joint.id, { jointWithMemberId: '5b0c3c7e-8d0a-4d7e-9a43-1f0d8a3e6b21' }, 400)).body.errors).toEqual({ jointWithMemberId: 'no such member' });
    expect((await edit(joint.id, { jointWithMemberId: 'not-a-uuid' }, 400)).body.errors).toHaveProperty('jointWithMemberId');
    expect(await read(joint.id)).toMatchObject({ seconderMemberId: first.id, topics: [] });

    const saved = await edit(joint.id, { jointWithMemberId: second.id, topics: ['general'] }, 200);
    expect(saved.body).toMatchObject({ status: 'returned_for_editing', proposerMemberId: secretary.member.id, seconderMemberId: second.id, topics: ['general'] });
    // The new partner now acts for it; the one replaced no longer sees it.
    const [secondSignedIn, firstSignedIn] = [await suite.ctx.newOfficial({ memberId: second.id }), await suite.ctx.newOfficial({ memberId: first.id })];
    expect((await read(joint.id, secondSignedIn)).seconderMemberId).toBe(second.id);
    await http().get(`${base}/motions/${joint.id}`).set(firstSignedIn.auth).expect(404);

    // A body's motion names no partner.
    const bodys = await draft({ bodyId: branch.id, title: 'Branch motion' });
    expect((await edit(bodys.id, { jointWithMemberId: second.id }, 400)).body.errors).toEqual({ jointWithMemberId: "omit it for a body's motion" });
  });

  it('lets no one body withdraw a composite it shares: the SOC made it', async () => {
    const { secretary, soc, draft, submit, base, read } = await setUp({ motions: new Date(Date.now() + 60 * MINUTE) });
    const otherBranch = await suite.ctx.newBody({ kind: 'branch' });
    const otherSecretary = await suite.ctx.newOfficer(otherBranch.id);
    const ours = await draft({});
    const theirs = await draft({ bodyId: otherBranch.id }, otherSecretary);
    await submit(ours.id);
    await submit(theirs.id, otherSecretary);
    const composite = (await http().post(`${base}/composites`).set(soc.auth).send({ motionIds: [ours.id, theirs.id], title: 'Composite A', text: 'This AGM opposes closures.' }).expect(201)).body;
    const refused = await http().post(`${base}/motions/${composite.id}/withdraw`).set(secretary.auth).send({ reason: 'Our branch changed its mind' }).expect(403);
    expect(refused.body.message).toMatch(/^A composite is moved for every body merged into it, so one body cannot withdraw it\. Ask the SOC/);
    expect((await read(composite.id)).status).toBe('admitted');
  });
});
