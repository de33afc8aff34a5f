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

/**
 * Issue 19 item 3 in the browser: the SOC puts a report to conference on the order of business from its
 * own screen, with the sections as the report numbers them (mistakes refused in words), and the chair
 * takes it and is offered those sections to refer back, nobody having used the api.
 */
describeInBrowser('web client: the SOC adds a report with its sections for the chair to take', () => {
  const suite = browserSuite();
  const alerts = (page: Page) => page.locator('[role=alert]').allTextContents();

  it('adds a report with numbered sections on a phone, and the chair takes it', async () => {
    const { api, ctx, browser } = suite;
    const conference = await ctx.newConference({ name: `Reports AGM ${Date.now() % 10000}` });
    const soc = await newOfficialWithPassword(api, { roles: [{ conferenceId: conference.id, role: 'soc' }], name: 'SOC Member' });
    const chair = await newOfficialWithPassword(api, { roles: [{ conferenceId: conference.id, role: 'chair' }], name: 'Conference Chair' });

    const { page } = await newPage(browser, api, PHONE);
    await signInOfficial(page, soc);
    await page.goto(`/c/${conference.id}/soc`);
    const card = page.locator('section[aria-labelledby=reports]');
    await waitForText(page, 'section[aria-labelledby=reports]', 'No report is on the order of business yet.');
    await page.getByLabel('Title of the report').fill('NEC Annual Report');
    await page.getByLabel('Section 1: number').fill('3');
    await page.getByLabel('Section 1: title').fill('Finance');
    await card.getByRole('button', { name: 'Add another section' }).click();
    // The next number is offered; the SOC gives the report's own number instead, twice by mistake.
    expect(await page.getByLabel('Section 2: number').inputValue()).toBe('2');
    await page.getByLabel('Section 2: number').fill('3');
    await page.getByLabel('Section 2: title').fill('Campaigns');
    await card.getByRole('button', { name: 'Add the report' }).click();
    await waitForText(page, 'section[aria-labelledby=reports] [role=alert]', 'Two sections are numbered 3; give each its own number.');
    await expectAccessible(page, 'SOC reports form with a refusal');
    await page.getByLabel('Section 2: number').fill('4');
    await card.getByRole('button', { name: 'Add the report' }).click();
    await waitForText(
      page,
      'section[aria-labelledby=reports] p.alert.ok[role=status]',
      'NEC Annual Report is on the order of business with 2 sections; the chair can take it.',
    );
    expect(await alerts(page)).toEqual([]);
    await waitForText(page, '[data-testid=agenda-reports]', 'NEC Annual Report — To come.');
    // The form is empty again, one section, for the next report; the same title again is refused.
    expect(await page.getByLabel('Title of the report').inputValue()).toBe('');
    expect(await page.getByTestId('report-section').count()).toBe(1);
    await page.getByLabel('Title of the report').fill('NEC Annual Report');
    await page.getByLabel('Section 1: title').fill('Membership');
    await card.getByRole('button', { name: 'Add the report' }).click();
    await waitForText(page, 'section[aria-labelledby=reports] [role=alert]', 'A report called “NEC Annual Report” is already on the order of business.');
    await expectAccessible(page, 'SOC reports card with a report added');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

    // The chair's console lists it and takes it; the sections the SOC gave are the ones offered.
    const { page: console } = await newPage(browser, api);
    await signInOfficial(console, chair);
    await console.goto(`/c/${conference.id}/chair`);
    await waitForText(console, '[data-testid=agenda-reports]', 'NEC Annual Report — To come.');
    await console.getByRole('button', { name: 'Take report NEC Annual Report', exact: true }).click();
    await waitForText(console, 'p.alert.ok[role=status]', 'Report taken.');
    await waitForText(console, '[data-testid=floor-report]', 'NEC Annual Report');
    const offered = await console.getByLabel('Section to refer back').locator('option').allTextContents();
    expect(offered.filter((o) => /Finance|Campaigns/.test(o))).toEqual([
      expect.stringMatching(/3.*Finance/),
      expect.stringMatching(/4.*Campaigns/),
    ]);
    // The SOC's list follows the meeting.
    await waitForText(page, '[data-testid=agenda-reports]', 'NEC Annual Report — Being taken.');
  }, 180000);
});
