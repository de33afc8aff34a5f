import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ConferenceRole } from '@agm/domain';
import { AccessRepository } from '@agm/persistence';
import { hashSecret } from '../../apps/api/src/auth/passwords';
import { ConferenceGateway } from '../../apps/api/src/realtime/conference.gateway';
import { startTestApi, type TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/** Debian's Chromium (browsers cannot be downloaded here); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** `describe` when Chromium is installed; otherwise the suite is skipped with a message saying why. */
export const describeInBrowser: jest.Describe = hasChromium
  ? describe
  : (((name: string, fn: () => void) => {
      // Straight to stderr: Jest does not print the console output of a file whose tests all skip.
      process.stderr.write(
        `\nBrowser tests skipped: ${CHROMIUM} is missing. Install it with: apt-get install -y chromium\n`,
      );
      describe.skip(name, fn);
    }) as jest.Describe);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { viewport: { width: 360, height: 760 }, deviceScaleFactor: 1 };
export const LAPTOP = { viewport: { width: 1280, height: 860 } };
export const PROJECTOR = { viewport: { width: 1600, height: 900 } };

export async function newPage(
  browser: Browser,
  api: TestApi,
  options: Parameters<Browser['newContext']>[0] = LAPTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, baseURL: api.url });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  // A script error in the client fails loudly in the test output, not silently in the page.
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return { context, page };
}

const unique = () => randomBytes(4).toString('hex');

/** An official with a known password, to sign in through the form. */
export async function newOfficialWithPassword(
  api: TestApi,
  options: {
    roles?: Array<{ conferenceId: string; role: ConferenceRole }>;
    memberId?: string;
    headOffice?: boolean;
    name?: string;
  } = {},
) {
  const email = `official-${unique()}@test.example`;
  const password = `pw-${unique()}-${unique()}`;
  const access = new AccessRepository();
  const manager = api.database.dataSource.manager;
  const account = await access.insertAccount(manager, {
    email,
    name: options.name ?? `Official ${unique()}`,
    passwordHash: await hashSecret(password),
    memberId: options.memberId ?? null,
    isHeadOffice: options.headOffice ?? false,
  });
  for (const { conferenceId, role } of options.roles ?? [])
    await access.assignRole(manager, account.id, conferenceId, role);
  return { id: account.id, email, password };
}

export async function signInOfficial(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in as an official' }).click();
  await page.getByText('Your conferences').first().waitFor();
}

export async function signInAttendee(
  page: Page,
  conferenceName: string,
  who: { member: { membershipNumber: string }; accessCode: string },
): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Conference').selectOption({ label: conferenceName });
  await page.getByLabel('Membership number').fill(who.member.membershipNumber);
  await page.getByLabel('Access code').fill(who.accessCode);
  await page.getByRole('button', { name: 'Sign in as a member' }).click();
  await page
    .getByText(/Attending (in the hall|remotely)/)
    .first()
    .waitFor();
}

/** A piece of text a person sees on the screen, with its type size and whether it lies inside the window. */
export interface TextOnScreen {
  text: string;
  px: number;
  inView: boolean;
}

/**
 * Every text node under `root` a person in the hall sees, with its computed size: not only the cells' or
 * headings' own size (words often sit in a span of their own). Text hidden for screen readers only
 * (clipped to a pixel) is left out; an empty rectangle is text not laid out.
 */
export async function textsOnScreen(page: Page, root: string): Promise<TextOnScreen[]> {
  // A string, not a function: this file is compiled without the DOM library.
  return (await page.evaluate(`(() => {
    const hidden = (el) => { for (; el; el = el.parentElement) { const s = getComputedStyle(el); if (s.display === 'none' || s.visibility === 'hidden' || s.clip !== 'auto' || s.clipPath !== 'none') return true; } return false; };
    const walker = document.createTreeWalker(document.querySelector(${JSON.stringify(root)}), NodeFilter.SHOW_TEXT);
    const seen = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text || hidden(node.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (!rects.length) continue;
      seen.push({
        text,
        px: parseFloat(getComputedStyle(node.parentElement).fontSize),
        inView: rects.every((r) => r.left >= 0 && r.top >= 0 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5),
      });
    }
    return seen;
  })()`)) as TextOnScreen[];
}

/** The smallest type a hall reads from a projector: 16 CSS pixels at 1280×720, in proportion on a taller screen. */
export const hallTypePx = (viewportHeight: number) => 16 * (viewportHeight / 720);

/** Waits until the element's text matches (the live views update asynchronously). */
export async function waitForText(
  page: Page,
  selector: string,
  expected: RegExp | string,
  timeout = 10000,
): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = '';
  while (Date.now() < deadline) {
    last =
      (await page
        .locator(selector)
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null)) ?? '';
    if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`${selector}: expected ${String(expected)}, last saw "${last}"`);
}

const AXE = require.resolve('axe-core/axe.min.js');

/** axe-core on the page as it is: fails on any serious or critical WCAG 2.2 A/AA violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Strings, not functions: this file is compiled without the DOM library.
  // Evaluated, not added as a <script>: the app's Content-Security-Policy (script-src 'self') refuses inline
  // scripts, and these tests run the app under its real policy.
  if (!(await page.evaluate("'axe' in window"))) await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
    .then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as Array<{
    id: string;
    impact: string;
    help: string;
    targets: string[];
  }>;
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0)
    throw new Error(
      `${screen}: accessibility violations:\n${serious.map((v) => `- [${v.impact}] ${v.id}: ${v.help} at ${v.targets.join(', ')}`).join('\n')}`,
    );
}

const SHOTS = resolve(__dirname, '../../docs/screenshots');
/** Writes docs/screenshots/<name>.png when it is missing or UPDATE_SCREENSHOTS is set, so a test run leaves the docs alone. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  const path = join(SHOTS, `${name}.png`);
  if (existsSync(path) && !process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path, fullPage });
}

/** Drops every socket of the running api, as a network blip or a restarted instance would. */
export function dropAllSockets(api: TestApi): void {
  api.app.get(ConferenceGateway).server.disconnectSockets(true);
}

/**
 * For one spec file: the api on a fresh database, its seeding context and Chromium, started before the
 * file's tests and closed after them. Call inside `describeInBrowser`; read the fields inside the tests.
 */
export function browserSuite(): { api: TestApi; ctx: TestContext; browser: Browser } {
  const suite = {} as { api: TestApi; ctx: TestContext; browser: Browser };
  beforeAll(async () => {
    [suite.api, suite.browser] = await Promise.all([startTestApi(), launchBrowser()]);
    suite.ctx = new TestContext(suite.api);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.api?.close();
  });
  return suite;
}

/** The bearer token the page signed in with, to act through the api as the same person. */
export async function tokenOf(page: Page): Promise<string> {
  return (await page.evaluate("JSON.parse(sessionStorage.getItem('agm.session')).token")) as string;
}

/**
 * A motion the body's secretary drafts and submits and the SOC admits, through the api: the order of
 * business can then be published with it. Returns its id.
 */
export async function admittedMotion(
  api: TestApi,
  conferenceId: string,
  people: { secretary: { auth: Record<string, string> }; soc: { auth: Record<string, string> } },
  motion: Record<string, unknown> & { bodyId: string; title: string },
): Promise<string> {
  const base = `/api/conferences/${conferenceId}`;
  const { body } = await api
    .http()
    .post(`${base}/motions`)
    .set(people.secretary.auth)
    .send({ kind: 'motion', text: 'This AGM calls for fair pay for all probation staff.', ...motion })
    .expect(201);
  await api.http().post(`${base}/motions/${body.id}/submit`).set(people.secretary.auth).expect(200);
  await api
    .http()
    .post(`${base}/motions/${body.id}/review`)
    .set(people.soc.auth)
    .send({ action: 'admit' })
    .expect(200);
  return body.id as string;
}

/** A small test AGM: the conference's quorum lowered to `minimumCount` through head office's ruleset api. */
export async function setQuorumMinimum(
  api: TestApi,
  conferenceId: string,
  headOffice: { auth: Record<string, string> },
  minimumCount: number,
): Promise<void> {
  const base = `/api/conferences/${conferenceId}`;
  const current = (await api.http().get(`${base}/ruleset`).set(headOffice.auth).expect(200)).body;
  await api
    .http()
    .put(`${base}/ruleset`)
    .set(headOffice.auth)
    .send({
      ruleset: { ...current.ruleset, quorum: { ...current.ruleset.quorum, minimumCount } },
      reason: 'A small test AGM',
      expectedVersion: current.version,
    })
    .expect(200);
}
