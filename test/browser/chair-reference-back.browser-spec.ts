import { browserSuite, describeInBrowser, expectAccessible, waitForText } from './browser-support';
import { chairHall, openChairConsole } from './chair-hall';

/**
 * Issue 19 in the browser: the chair takes the NEC's annual report from the order of business, a delegate
 * without a phone moves to refer back section 3, the meeting carries it on a show of hands, and the report
 * is received less that section, as the order of business then says.
 */
describeInBrowser('web client: the chair takes a report and a reference back of one section', () => {
  const suite = browserSuite();
  const http = () => suite.api.http();

  it('moves, carries and records a reference back, and receives the rest of the report', async () => {
    const { api, ctx, browser } = suite;
    // One member in the hall: a delegate without a phone.
    const { base, conference, soc, chair, attendees } = await chairHall(api, ctx, {
      name: 'Report AGM',
      quorum: 1,
      checkedIn: 1,
      reports: [
        {
          title: 'NEC Annual Report',
          sections: [
            { key: '3', title: 'Finance' },
            { key: '4', title: 'Campaigns' },
          ],
        },
      ],
    });
    const [dot] = attendees;

    const { page, button, step } = await openChairConsole(browser, api, chair, conference.id);
    await waitForText(page, '[data-testid=agenda-reports]', 'NEC Annual Report — To come.');
    await step('Take report NEC Annual Report', 'Report taken.');
    await waitForText(page, '[data-testid=report-business]', 'Delegates may move to refer back a section');
    await waitForText(page, '[data-testid=floor-report]', 'NEC Annual Report');

    await page.getByLabel('Section to refer back').selectOption('3');
    await page.getByLabel('Moved by (membership number or name)').fill(dot.member.membershipNumber);
    await step('Move reference back', /The reference back is moved/);
    await waitForText(
      page,
      '[data-testid=report-business]',
      `${dot.member.name} moves to refer back section 3 (Finance)`,
    );
    // Not received over a reference back waiting for its vote: the button is not offered until it is decided.
    expect(await button('Receive the report').count()).toBe(0);
    await expectAccessible(page, 'chair with a reference back moved');
    await step('Reference back carried (show of hands)', 'Reference back carried.');
    await waitForText(page, '[data-testid=referred-back]', 'Referred back: section 3 (Finance)');

    await step('Receive the report', 'The report is received.');
    await waitForText(
      page,
      '[data-testid=agenda-reports]',
      'NEC Annual Report — Received, except section 3 (Finance), referred back.',
    );
    const minutes = (await http().get(`${base}/minutes`).set(soc.auth).expect(200)).text;
    expect(minutes).toContain(
      'The reference back of section 3 (Finance) was carried, on the chair’s declaration of a show of hands',
    );
  });
});
