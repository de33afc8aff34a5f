import { apiSuite } from '../support/api-suite';

const MINUTE = 60_000;
const NOT_OURS = (body: string) => `not a member or officer of ${body}: pick one of its members`;

/**
 * An edited motion is checked as strictly as a new one: PATCH /motions/:id refuses what POST /motions
 * refuses, by the same rule and at the same field, and a refused edit changes nothing. The proposer and
 * seconder are the body's own members or officers (as GET /membership/bodies/:id/members lists them) and
 * two people; a joint motion names neither; the section is the conference's; SO 7 answers only for an
 * emergency motion; the word count flag follows the text. An amendment's movers are the amending body's.
 */
describe('motions: an edit checked as a new motion is', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();

  async function setUp() {
    const conference = await suite.ctx.newConference();
    await suite.ctx.setMotionDeadlines(conference.id, { motions: new Date(Date.now() + 60 * MINUTE), amendments: new Date(Date.now() + 120 * MINUTE) });
    const branch = await suite.ctx.newBody({ kind: 'branch', name: `Cymru Branch ${conference.id.slice(0, 4)}` });
    const otherBranch = await suite.ctx.newBody({ kind: 'branch', name: `Kent Branch ${conference.id.slice(0, 4)}` });
    const secretary = await suite.ctx.newOfficer(branch.id);
    // Ada and Bo belong to the branch; Cai to another branch; Dee to none.
    const [ada, bo, cai, dee] = [await suite.ctx.newMember(), await suite.ctx.newMember(), await suite.ctx.newMember(), await suite.ctx.newMember()];
    await suite.sql('UPDATE member SET branch_id = $1 WHERE id = ANY($2::uuid[])', [branch.id, [ada.id, bo.id]]);
    await suite.sql('UPDATE member SET branch_id = $1 WHERE id = $2', [otherBranch.id, cai.id]);
    const soc = await suite.ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const base = `/api/conferences/${conference.id}`;
    const create = (body: Record<string, unknown>, status: number, who = secretary) =>
      http().post(`${base}/motions`).set(who.auth).send({ kind: 'motion', bodyId: branch.id, title: 'Office closures', text: 'This AGM opposes the closure of probation offices.', ...body }).expect(status);
    const edit = (id: string, changes: Record<string, unknown>, status: number, who: { auth: Record<string, string> } = secretary) =>
      http().patch(`${base}/motions/${id}`).set(who.auth).send(changes).expect(status);
    const read = async (id: string) => (await http().get(`${base}/motions/${id}`).set(secretary.auth).expect(200)).body;
    return { conference, branch, otherBranch, secretary, soc, base, ada, bo, cai, dee, create, edit, read };
  }

  it("refuses a proposer or seconder who is not the body's, and one member as both, on creation and edit alike, changing nothing", async () => {
    const { branch, ada, bo, cai, dee, create, edit, read, secretary } = await setUp();
    // Creation: each outsider named at their field; the same member twice at the seconder.
    const outsiders = await create({ proposerMemberId: cai.id, seconderMemberId: dee.id }, 400);
    expect(outsiders.body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/own members or officers; pick them from its members/), errors: { proposerMemberId: NOT_OURS(branch.name), seconderMemberId: NOT_OURS(branch.name) } });
    expect((await create({ proposerMemberId: ada.id, seconderMemberId: ada.id }, 400)).body).toMatchObject({ message: 'The proposer and the seconder must be two different members.', errors: { seconderMemberId: 'the same member as the proposer: name someone else' } });

    // The body's officer is one of its own people too, as the picker lists them.
    const motion = (await create({ proposerMemberId: ada.id, seconderMemberId: secretary.member.id }, 201)).body;
    const before = await read(motion.id);

    // The edit: the same refusals at the same fields, with the rest of the edit not applied.
    const edited = await edit(motion.id, { title: 'Changed title', proposerMemberId: cai.id }, 400);
    expect(edited.body).toMatchObject({ statusCode: 400, message: outsiders.body.message, errors: { proposerMemberId: NOT_OURS(branch.name) } });
    expect(Object.keys(edited.body.errors)).toEqual(['proposerMemberId']);
    expect((await edit(motion.id, { seconderMemberId: dee.id }, 400)).body.errors).toEqual({ seconderMemberId: NOT_OURS(branch.name) });
    // An unknown member is not the body's either (400, not the database's foreign key as a 500).
    expect((await edit(motion.id, { seconderMemberId: '5b0c3c7e-8d0a-4d7e-9a43-1f0d8a3e6b21' }, 400)).body.errors).toEqual({ seconderMemberId: NOT_OURS(branch.name) });
    // Naming only the seconder, as the stored proposer: refused at the seconder; only the proposer, as the stored seconder: at the proposer.
    expect((await edit(motion.id, { seconderMemberId: ada.id }, 400)).body.errors).toEqual({ seconderMemberId: 'the same member as the proposer: name someone else' });
    expect((await edit(motion.id, { proposerMemberId: secretary.member.id }, 400)).body.errors).toEqual({ proposerMemberId: 'the same member as the seconder: name someone else' });
    expect(await read(motion.id)).toEqual(before);

    const saved = await edit(motion.id, { proposerMemberId: bo.id, seconderMemberId: ada.id }, 200);
    expect(saved.body).toMatchObject({ status: 'draft', proposerMemberId: bo.id, seconderMemberId: ada.id });
  });

  it('checks a returned motion as a draft, and leaves alone an edit naming neither', async () => {
    const { branch, ada, bo, cai, create, edit, read, base, secretary, soc } = await setUp();
    const motion = (await create({ proposerMemberId: ada.id, seconderMemberId: bo.id }, 201)).body;
    await http().post(`${base}/motions/${motion.id}/submit`).set(secretary.auth).expect(200);
    await http().post(`${base}/motions/${motion.id}/review`).set(soc.auth).send({ action: 'return_for_editing', reason: 'Name the offices.' }).expect(200);
    expect((await edit(motion.id, { seconderMemberId: cai.id }, 400)).body.errors).toEqual({ seconderMemberId: NOT_OURS(branch.name) });
    expect((await read(motion.id)).seconderMemberId).toBe(bo.id);
    // Bo has since moved to another branch: an edit of the words alone still goes through; naming Bo again does not.
    await suite.sql('UPDATE member SET branch_id = NULL WHERE id = $1', [bo.id]);
    expect((await edit(motion.id, { text: 'This AGM opposes the closure of the Cardiff probation office.' }, 200)).body).toMatchObject({ status: 'returned_for_editing', seconderMemberId: bo.id });
    expect((await edit(motion.id, { seconderMemberId: bo.id }, 400)).body.errors).toEqual({ seconderMemberId: NOT_OURS(branch.name) });
  });

  it("refuses a proposer or seconder named for a joint motion, on creation and edit: its two members are both", async () => {
    const { ada, bo, create, edit, read, secretary } = await setUp();
    const partner = await suite.ctx.newMember({ category: 'full' });
    const refused = await create({ bodyId: undefined, jointWithMemberId: partner.id, proposerMemberId: ada.id }, 400);
    expect(refused.body).toMatchObject({ message: expect.stringMatching(/^A joint motion is proposed and seconded by its two members/), errors: { proposerMemberId: expect.stringMatching(/^omit it for a joint motion/) } });
    const joint = (await create({ bodyId: undefined, jointWithMemberId: partner.id }, 201)).body;
    const edited = await edit(joint.id, { seconderMemberId: bo.id, title: 'Jointly changed' }, 400);
    expect(edited.body.errors).toEqual({ seconderMemberId: expect.stringMatching(/name the other member with jointWithMemberId\)$/) });
    expect(await read(joint.id)).toMatchObject({ title: 'Office closures', proposerMemberId: secretary.member.id, seconderMemberId: partner.id });
  });

  it("refuses another conference's section, SO 7 answers for a motion, an impossible date and a blank title or text at their fields, and recounts the words", async () => {
    const { create, edit, read } = await setUp();
    const elsewhere = await suite.ctx.newConference();
    const foreign = await suite.ctx.newSection(elsewhere.id, 'Elsewhere');
    const created = await create({ sectionId: foreign.id }, 400);
    const motion = (await create({}, 201)).body;
    const before = await read(motion.id);
    const section = await edit(motion.id, { sectionId: foreign.id }, 400);
    expect(section.body).toEqual({ ...created.body, errors: { sectionId: 'pick a section of this conference' } });
    expect((await edit(motion.id, { emergency: { aroseAfterDeadline: 'a', cannotBeDealtWithOtherwise: 'b', graveEnoughToRearrangeBusiness: 'c' } }, 400)).body.errors).toEqual({ emergency: 'omit it for this kind' });
    expect((await edit(motion.id, { agreedOn: '2025-02-31' }, 400)).body.errors).toHaveProperty('agreedOn');
    expect(await read(motion.id)).toEqual(before);

    // A title or text of spaces alone is no title or text, on creation and edit alike.
    expect((await create({ title: '   ' }, 400)).body.errors).toEqual({ title: 'Title must not be blank: write the words' });
    const blank = await edit(motion.id, { title: ' \t ', text: '  ' }, 400);
    expect(blank.body.errors).toEqual({ title: 'Title must not be blank: write the words', text: 'Text must not be blank: write the words' });
    expect(await read(motion.id)).toEqual(before);

    // The word limit flags, never refuses, and the flag follows the text both ways.
    const long = await edit(motion.id, { text: Array.from({ length: 201 }, () => 'word').join(' ') }, 200);
    expect(long.body).toMatchObject({ wordCount: 201, overWordLimit: true });
    expect((await edit(motion.id, { text: 'This AGM opposes closures.' }, 200)).body).toMatchObject({ wordCount: 4, overWordLimit: false });
  });

  it("refuses an amendment's proposer or seconder who is not the amending body's; an amendment is not edited", async () => {
    const { otherBranch, ada, bo, cai, create, edit, base, secretary, soc } = await setUp();
    const motion = (await create({ proposerMemberId: ada.id, seconderMemberId: bo.id }, 201)).body;
    await http().post(`${base}/motions/${motion.id}/submit`).set(secretary.auth).expect(200);
    await http().post(`${base}/motions/${motion.id}/review`).set(soc.auth).send({ action: 'admit' }).expect(200);
    const kent = await suite.ctx.newOfficer(otherBranch.id);
    const amend = (movers: Record<string, string>, status: number) =>
      http().post(`${base}/motions/${motion.id}/amendments`).set(kent.auth).send({ bodyId: otherBranch.id, replacement: 'This AGM opposes every closure.', ...movers }).expect(status);
    // Ada is Cymru's, not Kent's: refused at the field, and no amendment made.
    expect((await amend({ proposerMemberId: cai.id, seconderMemberId: ada.id }, 400)).body.errors).toEqual({ seconderMemberId: NOT_OURS(otherBranch.name) });
    expect((await amend({ proposerMemberId: cai.id, seconderMemberId: cai.id }, 400)).body.errors).toEqual({ seconderMemberId: 'the same member as the proposer: name someone else' });
    const amendments = async () => (await http().get(`${base}/motions`).set(soc.auth).expect(200)).body.filter((m: { kind: string }) => m.kind === 'amendment');
    expect(await amendments()).toEqual([]);
    const amendment = (await amend({ proposerMemberId: cai.id, seconderMemberId: kent.member.id }, 201)).body;
    expect(amendment).toMatchObject({ proposerMemberId: cai.id, seconderMemberId: kent.member.id });
    // Submitted as it is made and never returned, an amendment has no edit to check.
    expect((await edit(amendment.id, { proposerMemberId: cai.id }, 422, kent)).body.rule).toBe('motion-lifecycle');
  });
});
