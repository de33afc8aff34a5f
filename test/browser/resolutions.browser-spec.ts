import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserSuite, describeInBrowser, expectAccessible, LAPTOP, newOfficialWithPassword, newPage, PHONE, screenshot, signInOfficial } from './browser-support';

const BOOKLET_2025 = readFileSync(join(__dirname, '../../fixtures/napo-agm-2025-resolutions.txt'), 'utf8');

/** Nothing on the page is wider than the screen: a phone never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
}

/**
 * The resolution register in the browser: the NEC's secretary, on a phone, finds the resolution the NEC
 * owns and reports progress on it; head office drafts the next operational plan with an objective citing
 * a resolution, which then leaves the list of resolutions no objective carries.
 */
describeInBrowser('web client: the resolution register and the operational plan', () => {
  const suite = browserSuite();
  let nec: { id: string; name: string };

  beforeAll(async () => {
    const { api, ctx } = suite;
    const headOffice = await ctx.asHeadOffice();
    await api.http().post('/api/resolutions/import').set(headOffice.auth).send({ year: 2025, text: BOOKLET_2025 }).expect(201);
    nec = await ctx.newBody({ kind: 'committee', name: 'National Executive Committee' });
    const [r2] = (await api.http().get('/api/resolutions').query({ year: 2025, q: 'Health and Safety Minimum Standards' }).set(headOffice.auth).expect(200)).body;
    await api.http().patch(`/api/resolutions/${r2.id}`).set(headOffice.auth).send({ ownerBodyId: nec.id, targetDate: '2026-06-30' }).expect(200);
  });

  it('lets the owning committee’s secretary report progress from a phone', async () => {
    const { api, ctx, browser } = suite;
    const member = await ctx.newMember();
    await api.database.dataSource.query("INSERT INTO body_officer (body_id, member_id, office) VALUES ($1, $2, 'secretary')", [nec.id, member.id]);
    const secretary = await newOfficialWithPassword(api, { memberId: member.id, name: 'Siân Wójcik' });
    const { page } = await newPage(browser, api, PHONE);
    await signInOfficial(page, secretary);
    await page.getByRole('link', { name: 'Resolution register' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resolution register' }).waitFor();

    await page.getByLabel('Words or a phrase').fill('minimum standards for health and safety');
    await page.getByRole('button', { name: 'Search' }).click();
    const card = page.getByRole('article', { name: 'Resolution 2 (2025): Health and Safety Minimum Standards' });
    await card.getByText('Owner: National Executive Committee').waitFor();
    await page.getByRole('button', { name: 'Open Resolution 2 (2025)' }).click();
    const form = page.getByRole('form', { name: 'Report progress on Resolution 2 (2025)' });
    await form.getByLabel('Reported on').fill('2026-02-11');

    // An empty report is refused at its field, with the reason the api gives.
    await form.getByRole('button', { name: 'Report progress' }).click();
    await form.getByText('Text must not be blank').first().waitFor();
    expect(await form.getByLabel('What has been done').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('What has been done').fill('Minimum standards agreed with HMPPS for three regions.');
    await form.getByRole('button', { name: 'Report progress' }).click();
    await page.getByRole('status').getByText('Progress on Resolution 2 (2025) recorded.').waitFor();
    await page.getByRole('list', { name: 'Progress on Resolution 2 (2025)' }).getByText('Minimum standards agreed with HMPPS for three regions.').waitFor();
    await card.getByText('In progress').waitFor();
    // The focus stays in the form, ready for the next report.
    expect(await page.evaluate('document.activeElement && document.activeElement.tagName')).toBe('TEXTAREA');
    // At the next NEC meeting: resolution 2 has reported since the last one, resolution 3 has not.
    await page.getByLabel('Previous meeting').fill('2026-02-01');
    await page.getByRole('button', { name: 'List the resolutions due a report' }).click();
    const due = page.getByRole('list', { name: 'Due a report' });
    await due.getByText("Resolution 3 (2025): You can't punish someone back to health", { exact: false }).waitFor();
    expect(await due.getByText('Resolution 2 (2025)', { exact: false }).count()).toBe(0);
    await expectAccessible(page, 'resolution register with a progress report');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'resolutions-progress');
  });

  it('lets head office draft the plan with an objective citing a resolution', async () => {
    const { api, browser } = suite;
    const headOffice = await newOfficialWithPassword(api, { headOffice: true });
    for (const options of [LAPTOP, PHONE]) {
      const year = options === LAPTOP ? 2026 : 2027;
      const { page } = await newPage(browser, api, options);
      await signInOfficial(page, headOffice);
      await page.goto(`/plans/${year}`);
      await page.getByText(`There is no operational plan for ${year} yet.`).waitFor();
      await page.getByLabel('Carries out the resolutions of the AGM of').fill('2025');
      await page.getByRole('button', { name: `Start the ${year} plan` }).click();

      const uncarried = page.getByRole('list', { name: 'Not yet carried out by any objective' });
      await uncarried.getByText('Resolution 12 (2025): Proper Structure and Accountability for Trainee Learning').waitFor();
      await page.getByLabel('Section title').fill("Promoting and protecting members' interests");
      await page.getByRole('button', { name: 'Add the section' }).click();
      await page.getByRole('heading', { level: 2, name: "OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS' INTERESTS" }).waitFor();

      const objective = page.getByRole('form', { name: 'Add an objective' });
      await objective.getByLabel('Area').fill('Probation');
      await objective.getByLabel('Objective', { exact: true }).fill('Negotiate a proper structure for trainee learning');
      await objective.getByLabel('Resolution 12 (2025): Proper Structure and Accountability for Trainee Learning').check();
      await objective.getByRole('button', { name: 'Add the objective' }).click();
      await page
        .getByRole('list', { name: "Objectives under OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS' INTERESTS" })
        .getByText('Negotiate a proper structure for trainee learning (Resolution 12)')
        .waitFor();
      await uncarried.getByText('Resolution 13 (2025)', { exact: false }).waitFor();
      expect(await uncarried.getByText('Resolution 12 (2025)', { exact: false }).count()).toBe(0);

      await expectAccessible(page, `operational plan drafting at ${options.viewport.width} px`);
      if (options === LAPTOP) {
        // The close of an AGM where nothing was carried: refused, saying so, and nothing registered.
        await suite.ctx.newConference({ name: `Special conference ${year}` });
        await page.goto('/resolutions');
        const close = page.getByRole('form', { name: "Register an AGM's resolutions" });
        await close.getByLabel('Conference').selectOption({ label: `Special conference ${year} (${'2025-10-02'})` });
        await close.getByRole('button', { name: 'Register its resolutions' }).click();
        await close.getByRole('alert').getByText(`No motion was carried at Special conference ${year}`, { exact: false }).waitFor();
      }
      if (options === PHONE) await expectNoSidewaysScroll(page);
      else await screenshot(page, 'operational-plan');
    }
  });
});
