import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { accessCodeIn, SmtpCapture } from '../support/smtp-capture';
import { startTestApi, type TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newOfficialWithPassword,
  newPage,
  PHONE,
  setQuorumMinimum,
  signInAttendee,
  signInOfficial,
  tokenOf,
} from './browser-support';
import { expectNoCodes } from './no-codes';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/**
 * A member's AGM from invitation to check-in (issue 18), on 360-pixel screens: head office registers a
 * whole branch in one action and the codes go out through a real SMTP server this file runs; a member
 * who lost the code gets a new one by email; a remote registrant who turns up is checked in at the hall,
 * and then their phone cannot vote electronically in a hybrid vote.
 */
describeInBrowser('web client: registration, codes by email, hall and remote', () => {
  const smtp = new SmtpCapture();
  let api: TestApi;
  let ctx: TestContext;
  let browser: Browser;
  beforeAll(async () => {
    await smtp.start();
    [api, browser] = await Promise.all([startTestApi(smtp.env()), launchBrowser()]);
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await smtp.stop();
  });

  /** No page-level sideways scrolling at 360 px; on failure, the elements that stick out are named. */
  const noSidewaysScroll = async (page: Page) => {
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    if (width > 360) {
      const wide = await page.evaluate(
        "[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > 361 || el.scrollWidth > 361).slice(0, 30).map((el) => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right) + '/' + el.scrollWidth + '/' + getComputedStyle(el).overflowX)",
      );
      throw new Error(`The page scrolls sideways (${width} px): ${JSON.stringify(wide)}`);
    }
  };
  const noIdsOrCodes = async (page: Page) => {
    // A file's header spelt as the file spells it (in <code>) is the one place an underscore belongs.
    const text = (await page.evaluate(
      "(() => { const copy = document.body.cloneNode(true); copy.querySelectorAll('code, script').forEach((el) => el.remove()); return copy.innerText ?? copy.textContent; })()",
    )) as string;
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  };

  async function headOfficeOnRegistration(conferenceId: string): Promise<Page> {
    const official = await newOfficialWithPassword(api, { headOffice: true });
    const { page } = await newPage(browser, api, PHONE);
    await signInOfficial(page, official);
    await page.goto(`/c/${conferenceId}/admin`);
    await page.getByRole('heading', { name: 'Registered attendees (', exact: false }).waitFor();
    return page;
  }

  it('registers a branch of 500 members in one action with a progress bar, and the SMTP server receives 500 codes', async () => {
    const conference = await ctx.newConference({ name: 'Napo AGM bulk' });
    const branch = await ctx.newBody({ kind: 'branch', name: 'Greater Manchester Branch' });
    await api.database.dataSource.query(
      `INSERT INTO member (membership_number, name, email, category, branch_id)
       SELECT 'GM' || lpad(n::text, 4, '0'), 'Member ' || n, 'gm' || n || '@members.example', 'full', $1 FROM generate_series(1, 500) AS n`,
      [branch.id],
    );
    await ctx.newMember(); // in no branch chosen: not registered
    const page = await headOfficeOnRegistration(conference.id);

    await page.getByLabel('Who').selectOption({ label: 'Members of some branches or bodies' });
    await page.getByRole('checkbox', { name: 'Greater Manchester Branch' }).check();
    await page.getByRole('radio', { name: 'Remote' }).last().check();
    await expectAccessible(page, 'bulk registration form');
    await expectNoCodes(page, 'bulk registration form');
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Register and email their codes' }).click();
    await page.locator('[data-testid=bulk-job] progress[max="500"]').waitFor();
    // The job registers and emails 500 on a shared machine: its end is the condition waited on.
    await page.getByText('Finished: 500 of 500 done', { exact: false }).waitFor({ timeout: 110_000 });
    await page.getByText('500 registered, 0 already registered; 500 codes emailed.', { exact: false }).waitFor();

    const messages = await smtp.waitForCount(500);
    const recipients = new Set(messages.map((m) => m.to));
    expect(recipients.size).toBe(500);
    for (const m of messages) {
      expect(m.to).toMatch(/^gm\d+@members\.example$/);
      expect(m.subject).toBe('Your access code for Napo AGM bulk');
      accessCodeIn(m.text);
    }
    await page.getByRole('heading', { name: 'Registered attendees (500)' }).waitFor();
    await page.getByLabel('Find by name or membership number').fill('GM0042');
    await page.getByText('1 matches.', { exact: false }).or(page.getByText('1 match', { exact: false })).first().waitFor();
    await expectAccessible(page, 'registration screen after a bulk registration');
    await expectNoCodes(page, 'registration screen after a bulk registration');
    await noSidewaysScroll(page);
    await noIdsOrCodes(page);
  });

  it('sends a member who lost the code a new one by email, with the same answer for anyone', async () => {
    const conference = await ctx.newConference({ name: 'Napo AGM lost code' });
    const attendee = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const { page } = await newPage(browser, api, PHONE);
    await page.goto('/');
    await page.getByLabel('Conference').selectOption({ label: conference.name });
    await page.getByText('Lost your access code?').click();
    await page.getByLabel('Your membership number').fill(attendee.member.membershipNumber);
    await page.getByLabel('Your email address').fill(attendee.member.email);
    await expectAccessible(page, 'lost code form');
    await expectNoCodes(page, 'lost code form');
    await noSidewaysScroll(page);
    const before = smtp.to(attendee.member.email).length;
    await page.getByRole('button', { name: 'Send me a new code' }).click();
    const answer = page.getByText('If that membership number is registered for this conference with that email address', { exact: false });
    await answer.waitFor();

    const mail = await smtp.waitForMessageTo(attendee.member.email, before);
    expect(mail.text).toContain('You asked for a new access code');
    await page.getByLabel('Access code').fill(accessCodeIn(mail.text));
    await page.getByLabel('Membership number', { exact: true }).fill(attendee.member.membershipNumber);
    await page.getByRole('button', { name: 'Sign in as a member' }).click();
    await page.getByText('Attending remotely').first().waitFor();
    await noSidewaysScroll(page);
  });

  it('checks a remote registrant in at the hall with a reason; then their phone cannot vote electronically in a hybrid vote', async () => {
    const conference = await ctx.newConference({ name: 'Napo AGM switch' });
    const headOffice = await ctx.asHeadOffice();
    await setQuorumMinimum(api, conference.id, headOffice, 1);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const member = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const phone = await newPage(browser, api, PHONE);
    await signInAttendee(phone.page, conference.name, member);

    const page = await headOfficeOnRegistration(conference.id);
    await page.getByLabel('Find by name or membership number').fill(member.member.membershipNumber);
    await page.getByRole('button', { name: `Check in at the hall ${member.member.name}` }).click();
    const reason = page.getByLabel('Reason');
    await reason.waitFor();
    // Focus goes to the reason, where the next keystroke belongs.
    expect(await page.evaluate("document.activeElement === document.querySelector('form.card.inset input')")).toBe(true);
    await expectAccessible(page, 'switch to the hall');
    await expectNoCodes(page, 'switch to the hall');
    await noSidewaysScroll(page);
    await reason.fill('Arrived at the venue');
    await page.getByRole('button', { name: 'Check in at the hall', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(member.member.name) });
    await row.getByRole('cell', { name: 'In the hall' }).waitFor();
    await row.getByRole('cell', { name: 'Yes' }).waitFor();
    await noIdsOrCodes(page);
    // The member's phone is told at once, in words.
    await phone.page.getByText('You are now checked in at the hall: you vote by show of cards. Reason: Arrived at the venue').waitFor();
    await phone.page.getByText('Attending in the hall').first().waitFor();

    const vote = (await api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'motion', title: 'Motion 4: Safe staffing', topics: ['general'], method: 'hybrid', secret: true }).expect(201)).body;
    await phone.page.getByTestId('vote-in-hall').waitFor();
    await expect(phone.page.getByRole('button', { name: 'Review my vote' }).count()).resolves.toBe(0);
    const refused = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set({ Authorization: `Bearer ${await tokenOf(phone.page)}` }).send({ choice: 'for', idempotencyKey: randomUUID() }).expect(422);
    expect(refused.body.message).toContain('you cannot also vote electronically');
    await expectAccessible(phone.page, 'phone of a member switched to the hall, in a hybrid vote');
    await expectNoCodes(phone.page, 'phone of a member switched to the hall, in a hybrid vote');
    await noSidewaysScroll(phone.page);
  });
  it('a teller checks a remote registrant in at the hall from the teller screen, with a reason, and switches a hall registrant to remote', async () => {
    const conference = await ctx.newConference({ name: 'Napo AGM teller switch' });
    const teller = await newOfficialWithPassword(api, { roles: [{ conferenceId: conference.id, role: 'teller' }] });
    const arrived = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const ill = await ctx.newAttendee(conference.id, { mode: 'hall' });
    const phone = await newPage(browser, api, PHONE);
    await signInAttendee(phone.page, conference.name, arrived);

    const { page } = await newPage(browser, api, PHONE);
    await signInOfficial(page, teller);
    await page.goto(`/c/${conference.id}/teller`);
    const panel = page.getByTestId('switch-attendee');
    const search = panel.getByLabel('Find an attendee by name or membership number');
    await search.fill(arrived.member.membershipNumber);
    await panel.getByText(`${arrived.member.name} ${arrived.member.membershipNumber} · Remote, not present`, { exact: false }).waitFor();
    await panel.getByRole('button', { name: `Check in at the hall ${arrived.member.name}` }).click();
    const reason = panel.getByLabel('Reason');
    await reason.waitFor();
    await expectAccessible(page, 'teller: switch to the hall');
    await expectNoCodes(page, 'teller: switch to the hall');
    await noSidewaysScroll(page);
    // A reason is required, and the refusal names the field in words.
    await reason.fill('   ');
    await panel.getByRole('button', { name: 'Check in at the hall', exact: true }).click();
    await panel.getByRole('alert').getByText('Reason', { exact: false }).waitFor();
    await reason.fill('Came to the tellers’ table');
    await panel.getByRole('button', { name: 'Check in at the hall', exact: true }).click();
    await panel.getByRole('status').getByText(`${arrived.member.name} is checked in at the hall.`).waitFor();
    // Focus returns to the search, where the teller looks up the next person.
    expect(await page.evaluate("document.activeElement?.getAttribute('type')")).toBe('search');
    await panel.getByText(`${arrived.member.name} ${arrived.member.membershipNumber} · In the hall, present`, { exact: false }).waitFor();
    await phone.page.getByText('You are now checked in at the hall: you vote by show of cards. Reason: Came to the tellers’ table').waitFor();

    await search.fill(ill.member.name);
    await panel.getByRole('button', { name: `Switch to remote ${ill.member.name}` }).click();
    await panel.getByLabel('Reason').fill('Taken ill; votes from home');
    await panel.getByRole('button', { name: 'Switch to remote', exact: true }).click();
    await panel.getByRole('status').getByText(`${ill.member.name} is switched to remote: absent until their phone confirms.`).waitFor();
    await panel.getByText(`${ill.member.name} ${ill.member.membershipNumber} · Remote, not present`, { exact: false }).waitFor();
    await expectAccessible(page, 'teller: after the switches');
    await expectNoCodes(page, 'teller: after the switches');
    await noIdsOrCodes(page);
    await noSidewaysScroll(page);
    const [registrations] = await Promise.all([api.database.dataSource.query('SELECT m.membership_number, r.attendance_mode FROM registration r JOIN member m ON m.id = r.member_id WHERE r.conference_id = $1 ORDER BY 1', [conference.id])]);
    expect(Object.fromEntries(registrations.map((r: { membership_number: string; attendance_mode: string }) => [r.membership_number, r.attendance_mode]))).toEqual({
      [arrived.member.membershipNumber]: 'hall',
      [ill.member.membershipNumber]: 'remote',
    });
  });
  it('a member applies to attend from the sign-in screen; head office opens applications, approves one (the code is emailed) and declines one with a reason', async () => {
    const conference = await ctx.newConference({ name: 'Napo AGM applications' });
    const [applicant, refused] = [await ctx.newMember(), await ctx.newMember()];
    const page = await headOfficeOnRegistration(conference.id);
    const panel = page.getByTestId('applications');
    await panel.getByText('No application is waiting.').waitFor();
    // Off by default: the sign-in screen offers no application until head office allows it.
    const { page: phone } = await newPage(browser, api, PHONE);
    await phone.goto('/');
    await phone.getByLabel('Conference').selectOption({ label: conference.name });
    await phone.getByText('Lost your access code?').waitFor();
    expect(await phone.getByTestId('apply-to-attend').count()).toBe(0);
    await panel.getByLabel('Members may apply to attend from the sign-in screen').check();
    await panel.getByText('Members may now apply to attend from the sign-in screen.').waitFor();

    const applyAs = async (member: typeof applicant, mode: 'In the hall' | 'Remote') => {
      await phone.goto('/');
      await phone.getByLabel('Conference').selectOption({ label: conference.name });
      await phone.getByText('Not registered? Apply to attend').click();
      await phone.getByLabel('Your membership number').fill(member.membershipNumber);
      await phone.getByLabel('Email address the union has for you').fill(member.email);
      await phone.getByLabel(mode).check();
      await phone.getByRole('button', { name: 'Apply to attend' }).click();
      await phone.getByText('your application is with head office', { exact: false }).waitFor();
    };
    // A wrong address first: the form says what is wrong, with the field in words.
    await phone.goto('/');
    await phone.getByLabel('Conference').selectOption({ label: conference.name });
    await phone.getByText('Not registered? Apply to attend').click();
    await phone.getByLabel('Your membership number').fill(applicant.membershipNumber);
    await phone.getByLabel('Email address the union has for you').fill('not an address');
    await phone.getByRole('button', { name: 'Apply to attend' }).click();
    await phone.getByRole('alert').getByText('Email address must be an email address', { exact: false }).waitFor();
    await expectAccessible(phone, 'application form');
    await expectNoCodes(phone, 'application form');
    await noSidewaysScroll(phone);
    await applyAs(applicant, 'Remote');
    await applyAs(refused, 'In the hall');

    await page.reload();
    await panel.getByText(`${applicant.name} ${applicant.membershipNumber} · Full · Remote`, { exact: false }).waitFor();
    await expectAccessible(page, 'applications waiting');
    await expectNoCodes(page, 'applications waiting');
    await noSidewaysScroll(page);
    await noIdsOrCodes(page);
    const before = smtp.to(applicant.email).length;
    await panel.getByRole('button', { name: `Approve ${applicant.name}` }).click();
    await panel.getByText(`${applicant.name} is registered; their access code is emailed to them.`).waitFor();
    await page.getByRole('row', { name: new RegExp(applicant.name) }).getByRole('cell', { name: 'Remote' }).waitFor();

    await panel.getByRole('button', { name: `Decline ${refused.name}` }).click();
    await panel.getByLabel('Reason (emailed to the member)').fill('Membership lapsed in March');
    await panel.getByRole('button', { name: 'Decline the application' }).click();
    await panel.getByText(`${refused.name}'s application is declined; they are emailed the reason.`).waitFor();
    await panel.getByText('No application is waiting.').waitFor();
    expect((await smtp.waitForMessageTo(refused.email)).text).toContain('Reason: Membership lapsed in March');

    // The approved member signs in with the code the email brought.
    const mail = await smtp.waitForMessageTo(applicant.email, before);
    await phone.goto('/');
    await phone.getByLabel('Conference').selectOption({ label: conference.name });
    await phone.getByLabel('Access code').fill(accessCodeIn(mail.text));
    await phone.getByLabel('Membership number', { exact: true }).fill(applicant.membershipNumber);
    await phone.getByRole('button', { name: 'Sign in as a member' }).click();
    await phone.getByText('Attending remotely').first().waitFor();
  });
});
