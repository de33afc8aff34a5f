import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegistrationJobResponseDto } from '@agm/contracts';
import { RegisterInBulk } from '../../apps/api/src/registration/use-cases/register-in-bulk.use-case';
import { LOST_CODE_ANSWER, RequestNewCode } from '../../apps/api/src/registration/use-cases/request-new-code.use-case';
import { accessCodeIn, SmtpCapture } from '../support/smtp-capture';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/** Codes that reach people: by email through a real SMTP server this test runs, by letter, and on request. */
describe('access codes by email and letter', () => {
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

  const signIn = (conferenceId: string, membershipNumber: string, accessCode: string) =>
    api.http().post('/api/auth/attendee').send({ conferenceId, membershipNumber, accessCode });

  /** Waits for the job through the api, as the registration screen does: each poll after the previous answer. */
  async function finished(conferenceId: string, jobId: string): Promise<RegistrationJobResponseDto> {
    const admin = await ctx.asHeadOffice();
    for (;;) {
      const job = (await api.http().get(`/api/conferences/${conferenceId}/registration-jobs/${jobId}`).set(admin.auth).expect(200)).body as RegistrationJobResponseDto;
      if (job.state !== 'running') return job;
      await Promise.race([...api.app.get(RegisterInBulk).running]);
    }
  }

  it('emails the access code of a member registered one at a time, and the emailed code signs them in', async () => {
    const conference = await ctx.newConference({ name: 'Napo AGM 2026', venue: 'Eastbourne' });
    const member = await ctx.newMember();
    const admin = await ctx.asHeadOffice();
    const made = await api.http().post(`/api/conferences/${conference.id}/registrations`).set(admin.auth).send({ membershipNumber: member.membershipNumber, attendanceMode: 'remote' }).expect(201);
    expect(made.body).toMatchObject({ delivery: 'emailed', deliveryText: 'Emailed', registration: { hasEmail: true, codeDelivery: 'emailed' } });
    const mail = await smtp.waitForMessageTo(member.email);
    expect(mail.subject).toBe('Your access code for Napo AGM 2026');
    expect(mail.text).toContain(`Membership number: ${member.membershipNumber}`);
    expect(mail.text).toContain('Eastbourne, 2 to 3 October 2025');
    expect(accessCodeIn(mail.text)).toBe(made.body.accessCode);
    await signIn(conference.id, member.membershipNumber, accessCodeIn(mail.text)).expect(200);
  });

  it('emails a reissued code; the old code stops working', async () => {
    const conference = await ctx.newConference();
    const attendee = await ctx.newAttendee(conference.id);
    const admin = await ctx.asHeadOffice();
    const before = smtp.to(attendee.member.email).length;
    const reissued = await api.http().post(`/api/conferences/${conference.id}/registrations/${attendee.registrationId}/access-code`).set(admin.auth).expect(201);
    const mail = await smtp.waitForMessageTo(attendee.member.email, before);
    expect(mail.text).toContain('Any code you were given before no longer works');
    expect(accessCodeIn(mail.text)).toBe(reissued.body.accessCode);
    await signIn(conference.id, attendee.member.membershipNumber, attendee.accessCode).expect(401);
    await signIn(conference.id, attendee.member.membershipNumber, reissued.body.accessCode).expect(200);
  });

  it('registers a category in bulk with progress, emails each code, and prints letters for those without email', async () => {
    const conference = await ctx.newConference({ name: 'Napo AGM Łódź–Ŵales' });
    const branch = await ctx.newBody({ kind: 'branch' });
    const withEmail = [];
    for (let i = 0; i < 30; i++) withEmail.push(await ctx.newMember({ category: 'full', branchId: branch.id }));
    const noEmail = await ctx.newMember({ category: 'full', branchId: branch.id, email: '' });
    const otherBranch = await ctx.newMember({ category: 'full' });
    const already = await ctx.newMember({ category: 'full', branchId: branch.id });
    const admin = await ctx.asHeadOffice();
    await api.http().post(`/api/conferences/${conference.id}/registrations`).set(admin.auth).send({ membershipNumber: already.membershipNumber, attendanceMode: 'hall' }).expect(201);
    const sentBefore = smtp.messages.length;

    const started = await api.http().post(`/api/conferences/${conference.id}/registrations/bulk`).set(admin.auth).send({ attendanceMode: 'remote', categories: ['full'], bodyIds: [branch.id] }).expect(202);
    expect(started.body).toMatchObject({ total: 32, state: 'running', selection: expect.stringContaining('categories: full') });
    const job = await finished(conference.id, started.body.id);
    expect(job).toMatchObject({ state: 'finished', total: 32, processed: 32, registered: 31, alreadyRegistered: 1, emailed: 30, emailFailed: 0, lettersDue: 1 });
    expect(job.stateText).toBe('Finished: 32 of 32 done');
    await smtp.waitForCount(sentBefore + 30);
    const mail = smtp.to(withEmail[7].email)[0];
    await signIn(conference.id, withEmail[7].membershipNumber, accessCodeIn(mail.text)).expect(200);
    expect(smtp.to(otherBranch.email)).toHaveLength(0);

    const list = (await api.http().get(`/api/conferences/${conference.id}/registrations`).set(admin.auth).expect(200)).body as Array<{ membershipNumber: string; codeDeliveryText: string; attendanceMode: string }>;
    expect(list.find((r) => r.membershipNumber === noEmail.membershipNumber)).toMatchObject({ codeDeliveryText: 'Letter to print', attendanceMode: 'remote' });
    expect(list.find((r) => r.membershipNumber === already.membershipNumber)).toMatchObject({ attendanceMode: 'hall' });

    const letters = await api.http().post(`/api/conferences/${conference.id}/registrations/letters`).set(admin.auth).send({}).buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(letters.headers['content-type']).toBe('application/pdf');
    expect(letters.headers['x-letter-count']).toBe('1');
    const text = pdfToText(letters.body as Buffer);
    expect(text).toContain(noEmail.name);
    expect(text).toContain('Napo AGM Łódź–Ŵales');
    const code = /Access code: ([A-Z0-9-]+)/.exec(text)?.[1] as string;
    await signIn(conference.id, noEmail.membershipNumber, code).expect(200);
    const after = (await api.http().get(`/api/conferences/${conference.id}/registrations`).set(admin.auth).expect(200)).body as Array<{ membershipNumber: string; codeDeliveryText: string }>;
    expect(after.find((r) => r.membershipNumber === noEmail.membershipNumber)?.codeDeliveryText).toBe('Letter printed');
  });

  it('refuses a CSV of membership numbers line by line, registering nobody, and takes a good one', async () => {
    const conference = await ctx.newConference();
    const admin = await ctx.asHeadOffice();
    const a = await ctx.newMember();
    const b = await ctx.newMember({ category: 'student' });
    const refused = await api
      .http()
      .post(`/api/conferences/${conference.id}/registrations/bulk`)
      .set(admin.auth)
      .send({ attendanceMode: 'hall', membershipNumbersCsv: `membership_number\n${a.membershipNumber}\nNOSUCH1\n${a.membershipNumber}\n` })
      .expect(400);
    expect(refused.body.errors).toMatchObject({ 'line 3, membership_number': expect.stringContaining('no member has the number NOSUCH1'), 'line 4, membership_number': expect.stringContaining('each may appear once') });
    expect(refused.body.message).toContain('Nothing was changed');
    const count = await api.database.dataSource.query('SELECT count(*)::int AS n FROM registration WHERE conference_id = $1', [conference.id]);
    expect(count[0].n).toBe(0);

    const started = await api.http().post(`/api/conferences/${conference.id}/registrations/bulk`).set(admin.auth).send({ attendanceMode: 'hall', membershipNumbersCsv: `membership_number\n${a.membershipNumber}\n${b.membershipNumber}\n` }).expect(202);
    expect(await finished(conference.id, started.body.id)).toMatchObject({ registered: 2, emailed: 2 });
  });

  it('refuses a category that may not attend, naming the ones that may', async () => {
    const conference = await ctx.newConference();
    const admin = await ctx.asHeadOffice();
    await api.database.dataSource.query(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{categories,retired,mayAttend}', 'false') WHERE id = $1`, [conference.id]);
    const refused = await api.http().post(`/api/conferences/${conference.id}/registrations/bulk`).set(admin.auth).send({ attendanceMode: 'remote', categories: ['retired'] }).expect(400);
    expect(refused.body.message).toContain('retired may not attend');
    expect(refused.body.errors.categories).toContain('full');
  });

  describe('a member who lost their code', () => {
    const ask = (body: Record<string, string>) => api.http().post('/api/auth/lost-code').send(body);
    const settled = () => Promise.all([...api.app.get(RequestNewCode).pending]);

    it('gets a new code at the registered address; a wrong address or an unknown number gets the same answer and nothing is sent', async () => {
      const conference = await ctx.newConference();
      const attendee = await ctx.newAttendee(conference.id);
      const stranger = await ctx.newMember();
      const answers = [];
      const sentBefore = smtp.messages.length;
      for (const body of [
        { conferenceId: conference.id, membershipNumber: 'NOSUCH', email: 'nobody@members.example' },
        { conferenceId: conference.id, membershipNumber: attendee.member.membershipNumber, email: 'wrong@members.example' },
        { conferenceId: conference.id, membershipNumber: stranger.membershipNumber, email: stranger.email },
      ]) {
        const answer = await ask(body).expect(202);
        answers.push(answer.body);
        await settled();
      }
      expect(smtp.messages.length).toBe(sentBefore);
      const right = await ask({ conferenceId: conference.id, membershipNumber: attendee.member.membershipNumber.toLowerCase(), email: attendee.member.email.toUpperCase() }).expect(202);
      for (const answer of answers) expect(answer).toEqual(right.body);
      expect(right.body).toEqual({ message: LOST_CODE_ANSWER });
      const mail = await smtp.waitForMessageTo(attendee.member.email, 1);
      expect(mail.text).toContain('You asked for a new access code');
      await signIn(conference.id, attendee.member.membershipNumber, attendee.accessCode).expect(401);
      await signIn(conference.id, attendee.member.membershipNumber, accessCodeIn(mail.text)).expect(200);
    });

    it('is throttled for a number whether or not it exists', async () => {
      const conference = await ctx.newConference();
      for (const number of ['GHOST1']) {
        for (let i = 0; i < 3; i++) await ask({ conferenceId: conference.id, membershipNumber: number, email: 'x@members.example' }).expect(202);
        const refused = await ask({ conferenceId: conference.id, membershipNumber: number, email: 'x@members.example' }).expect(429);
        expect(refused.body.message).toMatch(/Too many requests for a new code/);
        expect(refused.headers['retry-after']).toBeDefined();
      }
      await settled();
    });

    it('says what is wrong with a malformed request', async () => {
      const refused = await ask({ conferenceId: 'not-a-conference', membershipNumber: 'N1', email: 'not an email' }).expect(400);
      expect(Object.keys(refused.body.errors).sort()).toEqual(['conferenceId', 'email']);
    });
  });
});

function pdfToText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'letters-')), 'letters.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
