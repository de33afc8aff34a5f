import type { Page } from 'playwright-core';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  PHONE,
  signInOfficial,
  waitForText,
} from './browser-support';

const DAY = 86400000;

/**
 * Issue 19 item 3: the SOC corrects a submitted motion's topics from its review card. Without a reason it
 * is refused at the reason field; with one the card shows the new topics and the body's history has the
 * change in words. Checked with axe (WCAG 2.2 AA) and at 360 px with no sideways scroll of the page.
 */
describeInBrowser('web client: the SOC corrects a motion’s topics', () => {
  const suite = browserSuite();

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

  it('changes the topics with a reason the body is shown, refused at the field without one', async () => {
    const conference = await suite.ctx.newConference({ startsOn: '2027-10-07', endsOn: '2027-10-08' });
    await suite.ctx.setMotionDeadlines(conference.id, {
      motions: new Date(Date.now() + 30 * DAY),
      amendments: new Date(Date.now() + 40 * DAY),
    });
    const base = `/api/conferences/${conference.id}`;
    const branch = await suite.ctx.newBody({ kind: 'branch' });
    const secretary = await suite.ctx.newOfficer(branch.id);
    const { body: motion } = await suite.api
      .http()
      .post(`${base}/motions`)
      .set(secretary.auth)
      .send({ kind: 'motion', bodyId: branch.id, title: 'Ballot over pay', text: 'This AGM calls for a strike ballot over pay.', topics: ['general'] })
      .expect(201);
    await suite.api.http().post(`${base}/motions/${motion.id}/submit`).set(secretary.auth).send({}).expect(200);

    const soc = await newOfficialWithPassword(suite.api, { roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const { context, page } = await newPage(suite.browser, suite.api, PHONE);
    await signInOfficial(page, soc);
    await page.goto(`/c/${conference.id}/soc`);
    const card = page.getByTestId('review-card');
    await waitForText(page, '[data-testid=review-card] [data-testid=motion-topics]', /^General$/);
    await card.getByText('Correct the topics').click();
    const form = card.getByRole('form', { name: 'Topics of “Ballot over pay”' });
    await form.getByLabel('General').uncheck();
    await form.getByLabel('Pay and conditions').check();
    await form.getByLabel('Industrial action').check();
    await form.getByRole('button', { name: 'Change the topics' }).click();
    // No reason: refused at the reason field, nothing changed.
    await waitForText(page, '[data-testid=review-card] form .field-error', /reason/i);
    expect(await form.getByLabel('Why the topics change (shown to the body)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'SOC topics refused without a reason');
    await noSidewaysScroll(page);

    await form.getByLabel('Why the topics change (shown to the body)').fill('It calls for a ballot over pay');
    await form.getByRole('button', { name: 'Change the topics' }).click();
    await waitForText(page, '[data-testid=review-card] [data-testid=motion-topics]', /^Pay and conditions, Industrial action$/);
    await expectAccessible(page, 'SOC topics changed');
    await noSidewaysScroll(page);

    // The body's history says what changed and why.
    const audit = await suite.api.http().get(`${base}/motions/${motion.id}/audit`).set(secretary.auth).expect(200);
    expect(audit.body.at(-1)).toMatchObject({
      action: 'topics_corrected',
      why: 'Topics changed from general to pay and conditions, industrial action: It calls for a ballot over pay',
    });
    await context.close();
  });
});
