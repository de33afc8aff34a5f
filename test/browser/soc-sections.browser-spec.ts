import type { Page } from 'playwright-core';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  signInOfficial,
  waitForText,
} from './browser-support';

/**
 * Issue 19 item 3: a branch motion reaches the SOC with no section (a branch or network secretary does not
 * choose one). The SOC's screen says who acts (the SOC places it) and gives a picker for it right there,
 * even with a single section, instead of sending the secretary to a choice they cannot make.
 */
describeInBrowser('web client: the SOC places motions in sections', () => {
  const suite = browserSuite();
  const alerts = (page: Page) => page.locator('[role=alert]').allTextContents();

  it('names the motions without a section, places one, and then publishes', async () => {
    const { api, ctx, browser } = suite;
    const conference = await ctx.newConference({ name: `Sections AGM ${Date.now() % 10000}`, startsOn: '2027-10-07', endsOn: '2027-10-08' });
    const base = `/api/conferences/${conference.id}`;
    await ctx.setMotionDeadlines(conference.id, { motions: new Date(Date.now() + 30 * 86400000) });
    await ctx.newSection(conference.id, 'NEGOTIATING');
    const branch = await ctx.newBody({ kind: 'branch', name: 'Cymru Branch' });
    const secretary = await ctx.newOfficer(branch.id);
    const soc = await newOfficialWithPassword(api, { roles: [{ conferenceId: conference.id, role: 'soc' }], name: 'SOC Member' });
    // Another SOC member, for what the test does over the api.
    const socApi = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    // The branch secretary drafts without a section (their screen offers none) and submits; the SOC admits.
    const draft = (
      await api
        .http()
        .post(`${base}/motions`)
        .set(secretary.auth)
        .send({ kind: 'motion', bodyId: branch.id, title: 'Safe staffing', text: 'This AGM resolves: safe staffing.' })
        .expect(201)
    ).body;
    await api.http().post(`${base}/motions/${draft.id}/submit`).set(secretary.auth).send({}).expect(200);
    await api.http().post(`${base}/motions/${draft.id}/review`).set(socApi.auth).send({ action: 'admit' }).expect(200);

    const { page } = await newPage(browser, api);
    await signInOfficial(page, soc);
    await page.goto(`/c/${conference.id}/soc`);
    const warning = await waitForText(page, '[data-testid=motions-without-section]', /One admitted motion is not in a section yet/);
    expect(warning).toMatch(/The SOC places motions in sections: branch and network secretaries do not choose one/);
    expect(warning).not.toMatch(/Return it to its body/);
    await expectAccessible(page, 'SOC with a motion to place in a section');

    await page.getByLabel('Section of “Safe staffing”').selectOption({ label: 'NEGOTIATING' });
    await page.getByRole('button', { name: 'Place “Safe staffing” in this section' }).click();
    await waitForText(page, '[data-testid=planned-section]', 'NEGOTIATING: Safe staffing');
    expect(await page.locator('[data-testid=motions-without-section]').count()).toBe(0);
    expect(await alerts(page)).toEqual([]);
    const motion = (await api.http().get(`${base}/motions/${draft.id}`).set(socApi.auth).expect(200)).body;
    expect(motion.sectionId).not.toBeNull();
    await api.http().post(`${base}/agenda/publish`).set(socApi.auth).expect(200);
  });
});
