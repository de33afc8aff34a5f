import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * The proposer and seconder of a body's motion are picked from GET /membership/bodies/:id/members: the
 * body's own officers see its members (names and membership numbers only); nobody else sees any.
 */
describe('membership: the members an officer may name as proposer or seconder', () => {
  let api: TestApi;
  let ctx: TestContext;

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  const inBranch = async (branchId: string, category = 'full') => {
    const member = await ctx.newMember({ category });
    await api.database.dataSource.manager.query('UPDATE member SET branch_id = $2 WHERE id = $1', [member.id, branchId]);
    return member;
  };
  const list = (bodyId: string, who: { auth: Record<string, string> }, status: number) =>
    api.http().get(`/api/membership/bodies/${bodyId}/members`).set(who.auth).expect(status);

  it("lets a branch secretary list the branch's members and officers, names and numbers only", async () => {
    const branch = await ctx.newBody({ kind: 'branch' });
    const secretary = await ctx.newOfficer(branch.id);
    const [a, b] = [await inBranch(branch.id), await inBranch(branch.id, 'retired')];
    const elsewhere = await inBranch((await ctx.newBody({ kind: 'branch' })).id);

    const answer = await list(branch.id, secretary, 200);
    const expected = [a, b, secretary.member]
      .map((m) => ({ id: m.id, membershipNumber: m.membershipNumber, name: m.name }))
      .sort((x, y) => x.name.localeCompare(y.name));
    expect(answer.body).toEqual(expected);
    // Nothing else about a member leaves the register (email, category, branch).
    for (const row of answer.body) expect(Object.keys(row).sort()).toEqual(['id', 'membershipNumber', 'name']);
    expect(answer.body.map((m: { id: string }) => m.id)).not.toContain(elsewhere.id);
  });

  it("lists a network's officers, the only members the register ties to a network", async () => {
    const network = await ctx.newBody({ kind: 'network' });
    const convenor = await ctx.newOfficer(network.id, { office: 'convenor' });
    const treasurer = await ctx.newOfficer(network.id, { office: 'treasurer' });
    const answer = await list(network.id, convenor, 200);
    expect(answer.body.map((m: { id: string }) => m.id).sort()).toEqual([convenor.member.id, treasurer.member.id].sort());
  });

  it("refuses another body's officer, the SOC, head office and an attendee (403), and a stranger (401)", async () => {
    const branch = await ctx.newBody({ kind: 'branch' });
    await ctx.newOfficer(branch.id);
    await inBranch(branch.id);
    const otherSecretary = await ctx.newOfficer((await ctx.newBody({ kind: 'branch' })).id);
    const conference = await ctx.newConference();
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const attendee = await ctx.newAttendee(conference.id);

    const refused = await list(branch.id, otherSecretary, 403);
    expect(refused.body).toMatchObject({ statusCode: 403, message: expect.stringMatching(/officers submit only for their own body/) });
    expect(JSON.stringify(refused.body)).not.toMatch(/membershipNumber|Member T/);
    await list(branch.id, soc, 403);
    // Head office reads the whole register elsewhere (GET /membership/members); this list is the officers'.
    await list(branch.id, await ctx.asHeadOffice(), 403);
    await list(branch.id, attendee, 403);
    await api.http().get(`/api/membership/bodies/${branch.id}/members`).expect(401);
  });

  it('answers an unknown body as it answers another body (403), and a malformed id 404', async () => {
    const secretary = await ctx.newOfficer((await ctx.newBody({ kind: 'branch' })).id);
    await list('5b0c3c7e-8d0a-4d7e-9a43-1f0d8a3e6b21', secretary, 403);
    await list('not-a-uuid', secretary, 404);
  });
});
