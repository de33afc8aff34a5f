import type { Page } from 'playwright-core';
import {
  admittedMotion,
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  setQuorumMinimum,
  signInOfficial,
  waitForText,
} from './browser-support';

/**
 * Issue 19 in the browser: on a request from the floor the chair takes a motion in parts from the console,
 * puts each part in turn, records each result, and the motion is carried as the parts carried.
 */
describeInBrowser('web client: the chair takes a motion in parts', () => {
  const suite = browserSuite();
  const http = () => suite.api.http();
  const alerts = (page: Page) => page.locator('[role=alert]').allTextContents();

  it('names a part, puts each part, and records the motion as the parts carried', async () => {
    const { api, ctx, browser } = suite;
    const headOffice = await ctx.asHeadOffice();
    const conference = await ctx.newConference({ name: `Parts AGM ${Date.now() % 10000}`, startsOn: '2027-10-07', endsOn: '2027-10-08' });
    const base = `/api/conferences/${conference.id}`;
    await ctx.setMotionDeadlines(conference.id, {
      motions: new Date(Date.now() + 30 * 86400000),
      amendments: new Date(Date.now() + 40 * 86400000),
    });
    await setQuorumMinimum(api, conference.id, headOffice, 3);
    const branch = await ctx.newBody({ kind: 'branch', name: 'Wales Branch' });
    const section = await ctx.newSection(conference.id, 'PAY');
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const chair = await newOfficialWithPassword(api, { roles: [{ conferenceId: conference.id, role: 'chair' }], name: 'Conference Chair' });
    const [mover, seconder, dot] = await Promise.all([1, 2, 3].map(() => ctx.newAttendee(conference.id, { mode: 'hall', category: 'full' })));
    for (const a of [mover, seconder, dot])
      await http().post(`${base}/registrations/${a.registrationId}/check-in`).set(headOffice.auth).expect(200);
    await api.database.dataSource.manager.query('UPDATE member SET branch_id = $1 WHERE id = ANY($2::uuid[])', [
      branch.id,
      [mover.member.id, seconder.member.id],
    ]);
    const secretary = await ctx.newOfficer(branch.id);
    const motionId = await admittedMotion(
      api,
      conference.id,
      { secretary, soc },
      {
        bodyId: branch.id,
        sectionId: section.id,
        title: 'Pay 2027',
        text: 'This AGM notes the pay offer. This AGM believes it is a cut. This AGM instructs the NEC to campaign.',
        proposerMemberId: mover.member.id,
        seconderMemberId: seconder.member.id,
      },
    );
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    const agenda = (await http().get(`${base}/agenda`).set(soc.auth).expect(200)).body;
    const label = agenda.entries.find((e: { motionId: string }) => e.motionId === motionId).label;

    const { page } = await newPage(browser, api);
    await signInOfficial(page, chair);
    await page.goto(`/c/${conference.id}/chair`);
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const step = async (name: string, done: string | RegExp) => {
      await button(name).click();
      await waitForText(page, 'p.alert.ok[role=status]', done);
      expect(await alerts(page)).toEqual([]);
    };
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
