import type { Page } from 'playwright-core';
import { browserSuite, describeInBrowser, expectAccessible, newPage, PHONE, screenshot, setQuorumMinimum, signInAttendee, waitForText } from './browser-support';

/**
 * The member's own check of a secret ballot (issue 16): the phone keeps the receipt, and after the
 * close it finds it in the published receipt list, on a 360-pixel phone.
 */
describeInBrowser('web client: a remote member checks their receipt after the close', () => {
  const suite = browserSuite();
  const noSidewaysScroll = async (page: Page) => expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

  it('votes on the phone, and after the close the phone confirms the receipt is in the published list', async () => {
    const { api, ctx, browser } = suite;
    const headOffice = await ctx.asHeadOffice();
    const conference = await ctx.newConference({ name: `Receipt AGM ${Date.now() % 10000}` });
    const base = `/api/conferences/${conference.id}`;
    await setQuorumMinimum(api, conference.id, headOffice, 1);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const member = await ctx.newAttendee(conference.id, { mode: 'remote' });
    await ctx.newAttendee(conference.id, { mode: 'remote' });

    const { page: phone } = await newPage(browser, api, PHONE);
    await signInAttendee(phone, conference.name, member);
    await phone.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.getByTestId('attendance-confirmed').waitFor();

    const vote = (await api.http().post(`${base}/votes`).set(chair.auth).send({ subject: 'motion', title: 'Motion 7: Safe caseloads', topics: ['general'], method: 'electronic', secret: true }).expect(201)).body;
    await phone.getByRole('radio', { name: 'Against' }).check();
    await phone.getByRole('button', { name: 'Review my vote' }).click();
    await phone.getByRole('button', { name: 'Confirm my vote' }).click();
    await phone.getByTestId('vote-receipt').waitFor();
    const code = (await phone.locator('[data-testid=vote-receipt] code.receipt').textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);

    await api.http().post(`${base}/votes/${vote.id}/close`).set(chair.auth).expect(200);
    await waitForText(phone, '[data-testid=vote-outcome]', 'Lost');
    await waitForText(phone, '[data-testid=receipt-check]', `Your receipt ${code} is in the published list, counted as Against.`);
    expect(await phone.locator('[data-testid=receipt-check] [role=status]').count()).toBe(1);
    await expectAccessible(phone, 'receipt check');
    await noSidewaysScroll(phone);
    await screenshot(phone, 'vote-receipt-checked');

    // After a reload the phone still has the receipt and checks it again.
    await phone.reload();
    await waitForText(phone, '[data-testid=receipt-check]', `Your receipt ${code} is in the published list`);
  });
});
