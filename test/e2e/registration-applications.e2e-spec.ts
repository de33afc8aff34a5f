import { APPLICATION_ANSWER, ApplyToAttend } from '../../apps/api/src/registration/use-cases/applications.use-case';
import { accessCodeIn, SmtpCapture } from '../support/smtp-capture';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * Members apply to attend where the conference allows it (issue 18): one answer whatever is found, head
 * office approves (registered, code emailed through a real SMTP server this test runs) or declines with a
 * reason (emailed).
 */
describe('members applying to attend', () => {
  let api: TestApi;
  let ctx: TestContext;
  const smtp = new SmtpCapture();

  beforeAll(async () => {
    await smtp.start();
    api = await startTestApi(smtp.env());
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
    await smtp.stop();
  });

  const apply = (body: Record<string, string>) => api.http().post('/api/auth/apply-to-attend').send(body);
  const settled = () => Promise.all([...api.app.get(ApplyToAttend).pending]);
  const openApplications = async (conferenceId: string) => {
    const admin = await ctx.asHeadOffice();
    await api.http().put(`/api/conferences/${conferenceId}/applications/open`).set(admin.auth).send({ open: true }).expect(200);
    return admin;
  };

  it('is off by default: the form is closed and an application is refused, saying so', async () => {
    const conference = await ctx.newConference();
    expect((await api.http().get(`/api/conferences/${conference.id}/application-form`).expect(200)).body).toEqual({ open: false });
    const member = await ctx.newMember();
    const refused = await apply({ conferenceId: conference.id, membershipNumber: member.membershipNumber, email: member.email, attendanceMode: 'hall' }).expect(403);
    expect(refused.body.message).toMatch(/does not take applications from members/);
    // Only head office opens it.
    const attendee = await ctx.newAttendee(conference.id);
    await api.http().put(`/api/conferences/${conference.id}/applications/open`).set({ Authorization: `Bearer ${attendee.token}` }).send({ open: true }).expect(403);
  });

  it('answers the same whatever is found; only a member of the register at that address, not yet registered, reaches head office', async () => {
    const conference = await ctx.newConference();
    const admin = await openApplications(conference.id);
    expect((await api.http().get(`/api/conferences/${conference.id}/application-form`).expect(200)).body).toEqual({ open: true });
    const applicant = await ctx.newMember();
    const registered = await ctx.newAttendee(conference.id);
    const answers = [];
    for (const body of [
      { membershipNumber: 'NOSUCH', email: 'nobody@members.example' },
      { membershipNumber: applicant.membershipNumber, email: 'wrong@members.example' },
      { membershipNumber: registered.member.membershipNumber, email: registered.member.email },
      { membershipNumber: applicant.membershipNumber.toLowerCase(), email: applicant.email.toUpperCase() },
      { membershipNumber: applicant.membershipNumber, email: applicant.email }, // twice: one application
    ]) {
      answers.push((await apply({ conferenceId: conference.id, attendanceMode: 'remote', ...body }).expect(202)).body);
      await settled();
    }
    for (const answer of answers) expect(answer).toEqual({ message: APPLICATION_ANSWER });
    const list = (await api.http().get(`/api/conferences/${conference.id}/applications`).set(admin.auth).expect(200)).body;
    expect(list.open).toBe(true);
    expect(list.applications).toEqual([
      expect.objectContaining({ name: applicant.name, membershipNumber: applicant.membershipNumber, categoryText: 'Full', attendanceMode: 'remote' }),
    ]);
  });

  it('approval registers the member and emails their access code, which signs them in; a decline emails the reason', async () => {
    const conference = await ctx.newConference({ name: 'Napo AGM applications' });
    const admin = await openApplications(conference.id);
    const [yes, no] = [await ctx.newMember(), await ctx.newMember()];
    for (const m of [yes, no]) await apply({ conferenceId: conference.id, membershipNumber: m.membershipNumber, email: m.email, attendanceMode: m === yes ? 'hall' : 'remote' }).expect(202);
    await settled();
    const { applications } = (await api.http().get(`/api/conferences/${conference.id}/applications`).set(admin.auth).expect(200)).body;
    const idOf = (name: string) => applications.find((a: { name: string }) => a.name === name).id;

    const approved = await api.http().post(`/api/conferences/${conference.id}/applications/${idOf(yes.name)}/approve`).set(admin.auth).expect(200);
    expect(approved.body.message).toBe(`${yes.name} is registered; their access code is emailed to them.`);
    const mail = await smtp.waitForMessageTo(yes.email);
    expect(mail.subject).toBe('Your access code for Napo AGM applications');
    const signedIn = await api.http().post('/api/auth/attendee').send({ conferenceId: conference.id, membershipNumber: yes.membershipNumber, accessCode: accessCodeIn(mail.text) }).expect(200);
    expect(signedIn.body).toBeDefined();
    const registrations = (await api.http().get(`/api/conferences/${conference.id}/registrations`).set(admin.auth).expect(200)).body;
    expect(registrations).toEqual([expect.objectContaining({ name: yes.name, attendanceMode: 'hall' })]);
    // Decided once: approving again is refused in words.
    const again = await api.http().post(`/api/conferences/${conference.id}/applications/${idOf(yes.name)}/approve`).set(admin.auth).expect(404);
    expect(again.body.message).not.toMatch(UUID);

    const noReason = await api.http().post(`/api/conferences/${conference.id}/applications/${idOf(no.name)}/decline`).set(admin.auth).send({ reason: '  ' }).expect(400);
    expect(noReason.body.errors.reason).toMatch(/^Reason is required|is required/);
    const declined = await api.http().post(`/api/conferences/${conference.id}/applications/${idOf(no.name)}/decline`).set(admin.auth).send({ reason: 'Membership lapsed in March' }).expect(200);
    expect(declined.body.message).toBe(`${no.name}'s application is declined; they are emailed the reason.`);
    const letter = await smtp.waitForMessageTo(no.email);
    expect(letter.text).toContain('Reason: Membership lapsed in March');
    expect((await api.http().get(`/api/conferences/${conference.id}/applications`).set(admin.auth).expect(200)).body.applications).toEqual([]);
  });

  it('is throttled for a number whether or not it exists, and says what is wrong with a malformed request', async () => {
    const conference = await ctx.newConference();
    await openApplications(conference.id);
    const body = { conferenceId: conference.id, membershipNumber: 'GHOST2', email: 'x@members.example', attendanceMode: 'hall' };
    for (let i = 0; i < 3; i++) await apply(body).expect(202);
    expect((await apply(body).expect(429)).body.message).toMatch(/Too many applications/);
    await settled();
    const refused = await apply({ conferenceId: conference.id, membershipNumber: 'N1', email: 'not an email', attendanceMode: 'sofa' }).expect(400);
    expect(refused.body.errors).toEqual({
      email: 'Email address must be an email address, e.g. ada@example.org',
      attendanceMode: 'Choose to attend in the hall or remotely',
    });
  });
});
