import { browserSuite, describeInBrowser, expectAccessible, waitForText } from './browser-support';
import { chairHall, openChairConsole } from './chair-hall';

/**
 * Issue 19 item 4 in the browser: the chair moves a suspension of standing orders with its terms (the
 * speech time limits, ten minutes a speech, for this item and the next), the meeting carries it, and
 * every floor shows it in words; the next speech gets the agreed time.
 */
describeInBrowser('web client: the chair suspends standing orders for named business', () => {
  const suite = browserSuite();
  const http = () => suite.api.http();

  it('moves the suspension with its terms, shows it in force, and gives the next speech the agreed time', async () => {
    const { api, ctx, browser } = suite;
    const { base, chair, attendees, conference, motionIds, labelOf } = await chairHall(api, ctx, {
      name: 'Procedures AGM',
      quorum: 1,
      motions: [{ title: 'Safe caseloads' }, { title: 'Office closures' }],
    });
    const [first, second] = motionIds;
    const dot = attendees[2];

    const {
      page,
      auth: chairAuth,
      button,
      step,
    } = await openChairConsole(browser, api, chair, conference.id);
    const snapshot = async () => (await http().get(`${base}/debate`).set(chairAuth).expect(200)).body;

    await page.getByRole('button', { name: `Take item ${labelOf(first)}` }).click();
    await waitForText(page, '[data-testid=item-title]', 'Safe caseloads');
    await step('Call the mover', 'Mover called.');
    await step('Start', 'Speech started.');
    await step('End', 'Speech ended.');
    await step('Formally seconded', 'Formally seconded.');
    await step('Open the floor', 'The floor is open.');
    // Dot asks to speak from the floor: the queue is who may move a procedural motion.
    await http()
      .post(`${base}/debate/commands`)
      .set(dot.auth)
      .send({ type: 'requestToSpeak', itemId: first, stance: 'for' })
      .expect(200);
    await waitForText(page, '[data-testid=queue]', dot.member.name);

    const procedural = page.locator('details', { hasText: 'Procedural motions' });
    await procedural.locator('summary').click();
    await procedural.getByLabel('Motion', { exact: true }).selectOption('suspend_standing_orders');
    const terms = page.getByTestId('suspension-terms');
    await terms.waitFor();
    // Nothing ticked yet: the button says what to do first.
    expect(await button('Move it').isDisabled()).toBe(true);
    expect(await button('Move it').getAttribute('title')).toMatch(/Tick the standing orders/);
    await terms.getByLabel('Speech time limits').check();
    await terms.getByLabel('Each speech may take (minutes)').fill('10');
    await terms.getByLabel(`${labelOf(second)}: Office closures`).check();
    await expectAccessible(page, 'chair moving a suspension of standing orders');
    await step('Move it', 'Procedural motion moved.');
    await step('Carried', 'Procedural motion carried.');
    await waitForText(
      page,
      '[data-testid=suspensions-in-force]',
      `Standing orders suspended for ${labelOf(first)} and ${labelOf(second)}: the speech time limits (each speech may take up to 10 minutes).`,
    );

    await page
      .getByRole('button', { name: `Call ${dot.member.name}`, exact: true })
      .first()
      .click();
    await waitForText(page, 'p.alert.ok[role=status]', 'Speaker called.');
    await step('Start', 'Speech started.');
    expect((await snapshot()).floor.item.speech.limitSeconds).toBe(600);
    await step('End', 'Speech ended.');
  });
});
