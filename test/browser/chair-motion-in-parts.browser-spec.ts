import { browserSuite, describeInBrowser, expectAccessible, waitForText } from './browser-support';
import { chairHall, openChairConsole } from './chair-hall';

/**
 * Issue 19 in the browser: on a request from the floor the chair takes a motion in parts from the console,
 * puts each part in turn, records each result, and the motion is carried as the parts carried.
 */
describeInBrowser('web client: the chair takes a motion in parts', () => {
  const suite = browserSuite();
  const http = () => suite.api.http();

  it('names a part, puts each part, and records the motion as the parts carried', async () => {
    const { api, ctx, browser } = suite;
    const { base, chair, conference, soc, motionIds, labelOf } = await chairHall(api, ctx, {
      name: 'Parts AGM',
      quorum: 3,
      branch: 'Wales Branch',
      section: 'PAY',
      motions: [
        {
          title: 'Pay 2027',
          text: 'This AGM notes the pay offer. This AGM believes it is a cut. This AGM instructs the NEC to campaign.',
        },
      ],
    });
    const [motionId] = motionIds;
    const label = labelOf(motionId);

    const { page, button, step } = await openChairConsole(browser, api, chair, conference.id);
    await page.getByRole('button', { name: `Take item ${label}` }).click();
    await waitForText(page, '[data-testid=item-title]', 'Pay 2027');
    await page.getByText('Take the motion in parts').click();
    // Not before the motion is moved and seconded: the button says why.
    expect(await button('Take in parts').getAttribute('title')).toMatch(/call the mover first/);
    await step('Call the mover', 'Mover called.');
    await step('Start', 'Speech started.');
    await step('End', 'Speech ended.');
    await step('Formally seconded', 'Formally seconded.');
    await step('Open the floor', 'The floor is open.');

    // The request from the floor: the belief taken separately, not operative.
    await page.getByLabel('Name of the part').fill('The belief');
    await page.getByLabel('Its words, as in the motion').fill('This AGM believes it is a cut.');
    await page.getByLabel('Operative (what the conference resolves or instructs)').uncheck();
    await step('Take in parts', /The motion is taken in parts/);
    await waitForText(page, '[data-testid=motion-parts]', 'The rest of the motion');
    await waitForText(page, '[data-testid=floor-parts]', 'The belief: to be voted on');
    await expectAccessible(page, 'chair with a motion taken in parts');

    // Each part in turn, on a show of hands (no vote held), recorded as such.
    await step('Put without a vote', 'The question is put.');
    await waitForText(page, '[data-testid=motion-parts]', 'The question is put on The belief');
    await page.getByLabel('The chair declares the result on a show of hands (recorded as such)').check();
    await step('The belief lost', 'The part is lost.');
    await step('Put without a vote', 'The question is put.');
    await waitForText(page, '[data-testid=motion-parts]', 'The question is put on The rest of the motion');
    await step('The rest of the motion carried', 'The part is carried.');

    await waitForText(page, '[data-testid=last-outcome]', 'Carried');
    const motion = (await http().get(`${base}/motions/${motionId}`).set(soc.auth).expect(200)).body;
    expect(motion.status).toBe('carried');
    expect(motion.amendedText).toBe('This AGM notes the pay offer. This AGM instructs the NEC to campaign.');
  });
});
