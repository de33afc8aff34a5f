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
 * takes it and is offered those sections to refer back, nobody having used the api. Then the SOC corrects a
 * report still to come (the same form, filled in) and removes one added twice, after a confirmation naming
 * it; a report the chair has taken says why it can no longer be changed.
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

  it('corrects a report to come and removes one added twice; a report taken says why it cannot be changed', async () => {
    const { api, ctx, browser } = suite;
    const conference = await ctx.newConference({ name: `Reports AGM ${Date.now() % 10000}` });
    const soc = await newOfficialWithPassword(api, { roles: [{ conferenceId: conference.id, role: 'soc' }], name: 'SOC Member' });
    // Another SOC member and the chair act over the api, as their own screens would.
    const otherSoc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const base = `/api/conferences/${conference.id}/reports`;
    const add = async (report: object) => (await api.http().post(base).set(otherSoc.auth).send(report).expect(201)).body;
    const nec = await add({ title: 'NEC Anual Report', sections: [{ key: '3', title: 'Finance' }, { key: '5', title: 'Campaigns' }] });
    await add({ title: 'NEC Annual Report (again)', sections: [{ key: '1', title: 'All of it' }] });
    const treasurer = await add({ title: 'Treasurer’s Report', sections: [{ key: '1', title: 'Accounts' }] });

    const { page } = await newPage(browser, api, PHONE);
    await signInOfficial(page, soc);
    await page.goto(`/c/${conference.id}/soc`);
    const card = page.locator('section[aria-labelledby=reports]');
    await waitForText(page, '[data-testid=agenda-reports]', 'Treasurer’s Report — To come.');

    // Correct: the add form, filled in with the report as it is. A number used twice is refused at its field.
    await card.getByRole('button', { name: 'Correct NEC Anual Report', exact: true }).click();
    await waitForText(page, '#correct-report', 'Correct NEC Anual Report');
    expect(await page.evaluate('document.activeElement.id')).toBe('correct-report');
    expect(await page.getByLabel('Title of the report').inputValue()).toBe('NEC Anual Report');
    expect(await page.getByLabel('Section 2: number').inputValue()).toBe('5');
    await page.getByLabel('Title of the report').fill('NEC Annual Report');
    await page.getByLabel('Section 2: number').fill('3');
    await card.getByRole('button', { name: 'Save the correction' }).click();
    await waitForText(page, 'section[aria-labelledby=reports] [role=alert]', 'Two sections are numbered 3; give each its own number.');
    expect(await page.getByLabel('Section 2: number').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'SOC correcting a report, refused at a section number');
    await page.getByLabel('Section 2: number').fill('4');
    await card.getByRole('button', { name: 'Save the correction' }).click();
    await waitForText(page, 'section[aria-labelledby=reports] p.alert.ok[role=status]', 'NEC Annual Report is corrected, with 2 sections.');
    await waitForText(page, '[data-testid=agenda-reports]', 'NEC Annual Report — To come.');
    expect(await alerts(page)).toEqual([]);
    // The form is the add form again, empty.
    expect(await page.locator('#add-report').textContent()).toBe('Add a report');
    expect(await page.getByLabel('Title of the report').inputValue()).toBe('');

    // A correction from the list as it was before another SOC member's is refused, not saved over theirs.
    await card.getByRole('button', { name: 'Correct Treasurer’s Report', exact: true }).click();
    await api
      .http()
      .put(`${base}/${treasurer.id}`)
      .set(otherSoc.auth)
      .send({ title: 'Treasurer’s Report', sections: [{ key: '1', title: 'Accounts for the year' }] })
      .expect(200);
    await page.getByLabel('Section 1: title').fill('The accounts');
    await card.getByRole('button', { name: 'Save the correction' }).click();
    await waitForText(page, 'section[aria-labelledby=reports] [role=alert]', 'was corrected by someone else after you read it');
    await card.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('#correct-report').count()).toBe(0);

    // Remove: a confirmation naming the report first; Cancel leaves it.
    await card.getByRole('button', { name: 'Remove NEC Annual Report (again)', exact: true }).click();
    const confirm = card.getByRole('group', { name: 'Remove NEC Annual Report (again)?' });
    await waitForText(page, 'section[aria-labelledby=reports] [role=group]', 'Remove NEC Annual Report (again) from the order of business?');
    await expectAccessible(page, 'SOC confirming the removal of a report');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    await card.getByRole('button', { name: 'Remove NEC Annual Report (again)', exact: true }).click();
    await confirm.getByRole('button', { name: 'Yes, remove NEC Annual Report (again)' }).click();
    await waitForText(page, 'section[aria-labelledby=reports] p.alert.ok[role=status]', 'NEC Annual Report (again) is no longer on the order of business.');
    // The list is read again after the removal: wait for it.
    const listed = () => page.locator('[data-testid=agenda-reports] > li > strong').allTextContents();
    for (const deadline = Date.now() + 10000; (await listed()).length !== 2 && Date.now() < deadline; ) await page.waitForTimeout(50);
    expect(await listed()).toEqual(['NEC Annual Report', 'Treasurer’s Report']);

    // The chair takes the corrected report: the SOC's list follows, and it says why it can no longer be changed.
    const { version } = (await api.http().get(`/api/conferences/${conference.id}/debate`).set(chair.auth).expect(200)).body;
    await api
      .http()
      .post(`/api/conferences/${conference.id}/debate/commands`)
      .set(chair.auth)
      .send({ expectedSeq: version, type: 'takeReport', reportId: nec.id })
      .expect(200);
    const taken = await waitForText(page, '[data-testid=agenda-reports] > li:first-child', 'NEC Annual Report — Being taken.');
    expect(taken).toContain('The chair has taken it, so it can no longer be corrected or removed: its record stands in the minutes.');
    expect(await card.getByRole('button', { name: 'Correct NEC Annual Report', exact: true }).count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Remove NEC Annual Report', exact: true }).count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Correct Treasurer’s Report', exact: true }).count()).toBe(1);
    // No ids or codes on the card.
    expect(await card.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectAccessible(page, 'SOC reports card with a report taken');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  }, 180000);
});
