import { apiSuite } from '../support/api-suite';

/**
 * The other member of a joint motion is found by GET /membership/joint-partner with their membership
 * number and surname together: only a member who may submit jointly asks, and learns nothing the two
 * did not already give (no category, email or branch; a wrong surname is the same "not found").
 */
describe('membership: finding the other member of a joint motion', () => {
  const suite = apiSuite();

  const named = async (name: string, category = 'full') => {
    const member = await suite.ctx.newMember({ category });
    await suite.sql('UPDATE member SET name = $2 WHERE id = $1', [member.id, name]);
    return { ...member, name };
  };
  const find = (conferenceId: string, who: { auth: Record<string, string> } | null, query: Record<string, string>, status: number) => {
    const request = suite.api.http().get('/api/membership/joint-partner').query({ conferenceId, ...query });
    return (who ? request.set(who.auth) : request).expect(status);
  };

  it('answers a member who may submit jointly with the id, name and number of the member they name', async () => {
    const conference = await suite.ctx.newConference();
    const officer = await suite.ctx.newOfficer((await suite.ctx.newBody({ kind: 'branch' })).id);
    const partner = await named('Ada Okafor', 'professional_associate');
    const answer = await find(conference.id, officer, { membershipNumber: partner.membershipNumber, surname: ' okafor ' }, 200);
    expect(answer.body).toEqual({ id: partner.id, membershipNumber: partner.membershipNumber, name: 'Ada Okafor' });

    // A member attending the conference may submit jointly too (no body needed).
    const attendee = await suite.ctx.newAttendee(conference.id);
    await find(conference.id, attendee, { membershipNumber: partner.membershipNumber, surname: 'Okafor' }, 200);
    // And the id it gives is the one the api takes for a joint draft.
    const draft = await suite.api
      .http()
      .post(`/api/conferences/${conference.id}/motions`)
      .set(officer.auth)
      .send({ kind: 'motion', jointWithMemberId: answer.body.id, title: 'Joint', text: 'This AGM resolves jointly.' })
      .expect(201);
    expect(draft.body).toMatchObject({ submittingBodyId: null, proposerMemberId: officer.member.id, seconderMemberId: partner.id });
  });

  it('tells a wrong surname and an unknown number apart from nothing, and never names the member', async () => {
    const conference = await suite.ctx.newConference();
    const officer = await suite.ctx.newOfficer((await suite.ctx.newBody({ kind: 'branch' })).id);
    const partner = await named('Bo Lindqvist');
    const wrongSurname = await find(conference.id, officer, { membershipNumber: partner.membershipNumber, surname: 'Lind' }, 404);
    const unknown = await find(conference.id, officer, { membershipNumber: 'NOPE-0000', surname: 'Lindqvist' }, 404);
    expect(wrongSurname.body.message).toBe(unknown.body.message);
    expect(wrongSurname.body.errors).toEqual({
      membershipNumber: 'no member with this number and surname',
      surname: 'no member with this number and surname',
    });
    expect(JSON.stringify(wrongSurname.body)).not.toMatch(/Lindqvist|Bo /);
  });

  it('refuses a partner outside the joint categories, yourself, and a missing surname (400, at the field)', async () => {
    const conference = await suite.ctx.newConference();
    const officer = await suite.ctx.newOfficer((await suite.ctx.newBody({ kind: 'branch' })).id);
    const retired = await named('Dilys Rees', 'retired');
    const refused = await find(conference.id, officer, { membershipNumber: retired.membershipNumber, surname: 'Rees' }, 400);
    expect(refused.body).toMatchObject({
      message: expect.stringMatching(/cannot submit jointly: only full or professional associate members may/),
      errors: { membershipNumber: expect.stringMatching(/not a full or professional associate member/) },
    });
    const self = officer.member;
    const own = await find(conference.id, officer, { membershipNumber: self.membershipNumber, surname: self.name.split(' ').at(-1) as string }, 400);
    expect(own.body.errors).toEqual({ membershipNumber: "your own number: give the other member's" });
    const missing = await find(conference.id, officer, { membershipNumber: retired.membershipNumber }, 400);
    expect(JSON.stringify(missing.body)).toMatch(/surname/);
  });

  it('refuses an official with no membership and a member outside the joint categories (403), a stranger (401), another conference (404)', async () => {
    const conference = await suite.ctx.newConference();
    const partner = await named('Cai Jones');
    const query = { membershipNumber: partner.membershipNumber, surname: 'Jones' };
    const soc = await suite.ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    expect((await find(conference.id, soc, query, 403)).body.message).toMatch(/made by a member/);
    const retiredOfficer = await suite.ctx.newOfficer((await suite.ctx.newBody({ kind: 'branch' })).id, { category: 'retired' });
    expect((await find(conference.id, retiredOfficer, query, 403)).body.message).toMatch(/you are a retired member/);
    await find(conference.id, null, query, 401);
    const elsewhere = await suite.ctx.newAttendee((await suite.ctx.newConference()).id);
    await find(conference.id, elsewhere, query, 404);
    await find('5b0c3c7e-8d0a-4d7e-9a43-1f0d8a3e6b21', (await suite.ctx.newOfficer((await suite.ctx.newBody()).id)), query, 404);
  });
});
