import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DemoSeed, type DemoSeedResult } from '../../apps/api/src/seed/demo-seed';
import { startTestApi, type TestApi } from '../support/test-api';
import {
  describeInBrowser,
  expectAccessible,
  launchBrowser,
  newPage,
  PHONE,
  PROJECTOR,
  waitForText,
} from './browser-support';
import { expectNoCodes } from './no-codes';

/**
 * README's "First steps", read from README.md itself and done word for word on the seeded demo with no
 * setting changed: every credential, button, link, vote method and hall count below comes from the
 * README's text, and the README's credentials must be the ones the seed printed on start. If the README
 * and the screens drift apart, this test fails.
 */
const README = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');

/** The numbered "First steps", each with its whitespace collapsed (a bold phrase may wrap a line). */
function firstSteps(): string[] {
  const start = README.indexOf('**First steps:**');
  const end = README.indexOf('\n## ', start);
  if (start < 0 || end < 0) throw new Error('README.md has no "First steps" before its first section');
  return README.slice(start, end)
    .split(/\n\d+\. /)
    .slice(1)
    .map((step) => step.replace(/\s+/g, ' ').trim());
}
/** The phrases a step sets in bold: the names of what to press, open or choose, in the order to do it. */
const bold = (step: string) => [...step.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]);
/** `**role** (`email`, password `password`)`, as a step gives a sign-in. */
function credentials(step: string, role: string): { email: string; password: string } {
  const found = new RegExp(`\\*\\*${role}\\*\\* \\(\`([^\`]+)\`, password \`([^\`]+)\`\\)`).exec(step);
  if (!found) throw new Error(`README's step gives no sign-in for the ${role}: ${step}`);
  return { email: found[1], password: found[2] };
}

describeInBrowser('README first steps: the seeded demo runs a hybrid vote with nothing changed', () => {
  let api: TestApi;
  let browser: Browser;
  let seed: DemoSeedResult;

  beforeAll(async () => {
    // The seed `npm start` runs on an empty database (SEED_DEMO is on by default), printing its sign-in table.
    [api, browser] = await Promise.all([startTestApi({ SEED_DEMO: 'true' }), launchBrowser()]);
    seed = api.app.get(DemoSeed).result!;
    // The seed hashes every demo password and access code (argon2, slow on purpose): give it room.
  }, 400000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** The printed sign-in table's rows, split into their cells. */
  const printedRows = () => seed.lines.map((l) => l.trim().split(/\s{2,}/));
  /** An official's email and password as printed on start: the README's must be the same. */
  const printedOfficial = (role: string) => {
    const row = printedRows().find((cells) => cells.length === 3 && cells[0] === role);
    if (!row) throw new Error(`The seed printed no sign-in for ${role}`);
    return { email: row[1], password: row[2] };
  };

  /** A tab of its own (each tab signs in on its own): signs in on the first screen and opens a screen by its link. */
  const officialOpens = async (
    who: { email: string; password: string },
    link: string,
    options?: Parameters<typeof newPage>[2],
  ) => {
    const { page } = await newPage(browser, api, options);
    await page.goto('/');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in as an official' }).click();
    await page.getByRole('link', { name: link, exact: true }).click();
    return page;
  };
  const noAlerts = async (page: Page) =>
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);

  it('signs in as README says and takes Motion 1 from debate to a declared hybrid result', async () => {
    const steps = firstSteps();
    expect(steps).toHaveLength(5);

    // 1. The chair's console, and the projector in a second tab.
    const chairLogin = credentials(steps[0], 'chair');
    expect(chairLogin).toEqual(printedOfficial('chair'));
    const [, consoleLink, projectorLink] = bold(steps[0]);
    const chair = await officialOpens(chairLogin, consoleLink);
    const projector = await officialOpens(chairLogin, projectorLink, PROJECTOR);

    // 2. A remote member on a phone, with a row of the printed table whose mode the README names.
    const [, confirm] = bold(steps[1]);
    const mode = /a `(\w+)` row/.exec(steps[1])?.[1];
    const row = printedRows().find((cells) => cells.length === 5 && cells[2] === mode);
    if (!row) throw new Error(`The seed printed no "${mode}" row`);
    const [, , , membershipNumber, accessCode] = row;
    const { page: phone } = await newPage(browser, api, PHONE);
    await phone.goto('/');
    await phone.getByLabel('Conference').selectOption({ label: seed.conferenceName });
    await phone.getByLabel('Membership number').fill(membershipNumber);
    await phone.getByLabel('Access code').fill(accessCode);
    await phone.getByRole('button', { name: 'Sign in as a member' }).click();
    await phone.getByRole('button', { name: confirm, exact: true }).click();
    await phone.getByTestId('attendance-confirmed').waitFor();

    // 3. The item the README names, then each button it names, in its order.
    const [take, ...debate] = bold(steps[2]);
    const item = /beside (Motion \d+) \([^*]*\*([^*]+)\*\)/.exec(steps[2]);
    if (!item) throw new Error(`README's step 3 names no item: ${steps[2]}`);
    const [, itemNumber, itemTitle] = item;
    await waitForText(phone, '[data-testid=agenda]', itemTitle);
    const press = async (name: string) => {
      await chair.getByRole('button', { name, exact: true }).click();
      await chair.locator('p.alert.ok[role=status], [role=alert]').first().waitFor();
      await noAlerts(chair);
    };
    await chair.getByRole('button', { name: `${take} ${itemNumber}`, exact: true }).click();
    await waitForText(chair, '[data-testid=item-title]', itemTitle);
    await phone.getByTestId('motion-text').first().waitFor();
    for (const name of debate) await press(name);

    // 4. The hybrid vote, and the member's vote on the phone.
    const [method, put, choice, review, confirmVote] = bold(steps[3]);
    await chair.getByLabel('Vote method').selectOption({ label: method });
    await press(put);
    await phone.getByRole('group', { name: /Your vote on/ }).waitFor();
    await phone.getByRole('radio', { name: choice, exact: true }).check();
    await phone.getByRole('button', { name: review, exact: true }).click();
    await phone.getByRole('button', { name: confirmVote, exact: true }).click();
    await phone.getByTestId('vote-receipt').waitFor();
    await noAlerts(phone);

    // 5. The teller's hall count, the close, and the chair declaring on one teller's count.
    const tellerLogin = credentials(steps[4], 'teller');
    expect(tellerLogin).toEqual(printedOfficial('teller'));
    const [, tellerLink, enter, close, declareOnOne, declare] = bold(steps[4]);
    const hall = /say (\d+) for, (\d+) against, (\d+) abstaining/.exec(steps[4]);
    if (!hall) throw new Error(`README's step 5 gives no hall count: ${steps[4]}`);
    const [hallFor, hallAgainst, hallAbstain] = hall.slice(1).map(Number);
    const reason = /the demo has one teller/i.exec(steps[4])![0];
    const teller = await officialOpens(tellerLogin, tellerLink);
    await teller.getByLabel('For').fill(String(hallFor));
    await teller.getByLabel('Against').fill(String(hallAgainst));
    await teller.getByLabel('Abstain').fill(String(hallAbstain));
    await teller.getByRole('button', { name: enter, exact: true }).click();
    await teller.getByTestId('entered-count').waitFor();
    await noAlerts(teller);
    await chair.getByRole('button', { name: new RegExp(`^${close}`) }).click();
    await chair.getByText(declareOnOne, { exact: true }).click();
    await chair.getByLabel('Why no second teller confirms the count').fill(reason);
    await chair.getByRole('button', { name: declare, exact: true }).click();

    // "Every screen shows the result, with the chair's reason beside it."
    // The totals are the hall's cards plus the member's one vote.
    const member = (option: string) => (choice === option ? 1 : 0);
    const [totalFor, totalAgainst] = [hallFor + member('For'), hallAgainst + member('Against')];
    const carried = totalFor > totalAgainst ? 'Carried' : 'Lost';
    for (const page of [projector, phone, chair, teller])
      await waitForText(page, '[data-testid=vote-outcome]', carried);
    const totals = await projector.locator('[data-testid=vote-result] tr.total td').allTextContents();
    expect(totals).toEqual([totalFor, totalAgainst, hallAbstain + member('Abstain')].map(String));
    await waitForText(projector, '[data-testid=unconfirmed-hall-count]', reason);
    await expectAccessible(phone, 'demo attendee result');
    // The demo's screens name people and say words: no id or stored code on any of them.
    for (const [page, screen] of [
      [chair, 'demo chair'],
      [projector, 'demo projector'],
      [teller, 'demo teller'],
      [phone, 'demo member'],
    ] as const)
      await expectNoCodes(page, screen);
  }, 240000);

  /** Page-level sideways scrolling at this width, naming the widest elements when there is some. */
  const sidewaysScroll = async (page: Page) =>
    (await page.evaluate(`(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return [];
      return [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .slice(0, 10)
        .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + el.className + ' ends at ' + Math.round(el.getBoundingClientRect().right) + ' px');
    })()`)) as string[];

  it("head office's screens, set-up and registration included, fit a 360 px phone and show no id or code", async () => {
    const { page } = await newPage(browser, api, PHONE);
    const headOffice = printedOfficial('head office (admin)');
    await page.goto('/');
    await page.getByLabel('Email').fill(headOffice.email);
    await page.getByLabel('Password').fill(headOffice.password);
    await page.getByRole('button', { name: 'Sign in as an official' }).click();
    await page.getByRole('heading', { name: seed.conferenceName }).waitFor();

    /** Every disclosure opened, so the forms behind them are measured and read too; then the three checks. */
    const check = async (screen: string) => {
      await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
      expect({ screen, overflowing: await sidewaysScroll(page) }).toEqual({ screen, overflowing: [] });
      await expectAccessible(page, screen);
      await expectNoCodes(page, screen);
    };
    const home = async () => {
      await page.getByRole('link', { name: 'AGM', exact: true }).first().click();
      await page.getByRole('heading', { name: seed.conferenceName }).waitFor();
    };

    await page.getByRole('heading', { name: 'New conference' }).waitFor();
    await check('head office: your conferences and a new conference');

    await page.getByRole('link', { name: 'Registration and check-in', exact: true }).click();
    await waitForText(page, 'h2#regs', `(${seed.attendees.length})`);
    await page.getByRole('heading', { name: 'Register members in bulk' }).waitFor();
    await check('head office: registration and check-in');

    await home();
    await page.getByRole('link', { name: 'Conference set-up', exact: true }).click();
    await page.locator('#minutes-of-record').waitFor();
    // The form is filled in once the conference has loaded (a string to waitForFunction is refused by the CSP).
    const firstField = page.locator('section[aria-labelledby=conference-details] input').first();
    while (!(await firstField.inputValue())) await page.waitForTimeout(50);
    await check('head office: conference set-up');

    await home();
    await page.getByRole('link', { name: 'Resolution register', exact: true }).click();
    await page.locator('#register-results').waitFor();
    await check('head office: resolution register');
    await page.getByRole('link', { name: 'Draft the operational plan' }).click();
    await page
      .getByRole('heading', { name: /Operational plan/ })
      .first()
      .waitFor();
    await check('head office: operational plan');
  }, 180000);
});
