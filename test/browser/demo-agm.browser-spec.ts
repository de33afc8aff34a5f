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
 * A newcomer follows README's "First steps" on the seeded demo, changing no setting: the chair takes
 * the first motion on the order of business, runs its debate and puts it to a hybrid vote; a remote
 * member votes on a phone, the teller enters the hall's show of cards, the chair closes the vote and
 * everyone sees the result. Every credential is read from the text the seed printed.
 */
describeInBrowser('the seeded demo runs a vote with nothing changed', () => {
  let api: TestApi;
  let browser: Browser;
  let seed: DemoSeedResult;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startTestApi({ SEED_DEMO: 'true' }), launchBrowser()]);
    seed = api.app.get(DemoSeed).result!;
    // The seed hashes every demo password and access code (argon2, slow on purpose): give it room.
  }, 400000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** An official's email and password, as printed in the seed's sign-in table. */
  const printedOfficial = (role: string) => {
    const row = seed.lines
      .map((l) => l.trim().split(/\s{2,}/))
      .find((cells) => cells.length === 3 && cells[0] === role && cells[1].endsWith('@demo.napo.example'));
    if (!row) throw new Error(`The seed printed no sign-in for ${role}`);
    return { email: row[1], password: row[2] };
  };
  /** A printed attendee row: name, category, attends, membership number, access code. */
  const printedAttendee = (mode: 'hall' | 'remote') => {
    const row = seed.lines
      .map((l) => l.trim().split(/\s{2,}/))
      .find((cells) => cells.length === 5 && cells[2] === mode && cells[1] === 'full');
    if (!row) throw new Error(`The seed printed no ${mode} attendee`);
    return { name: row[0], membershipNumber: row[3], accessCode: row[4] };
  };

  /** Signs in on the first screen as an official and opens one of their screens by its link. */
  const officialOpens = async (role: string, link: string, options?: Parameters<typeof newPage>[2]) => {
    const { page } = await newPage(browser, api, options);
    const who = printedOfficial(role);
    await page.goto('/');
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in as an official' }).click();
    await page.getByRole('link', { name: link, exact: true }).click();
    return page;
  };
  const noAlerts = async (page: Page) =>
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);

  it('from the first motion on the order of business to a declared hybrid result', async () => {
    const chair = await officialOpens('chair', 'Chair’s console');
    const projector = await officialOpens('chair', 'Projector', PROJECTOR);
    const teller = await officialOpens('teller', 'Teller: hall counts');

    // A remote member signs in on a phone with the conference, membership number and access code.
    const { page: phone } = await newPage(browser, api, PHONE);
    const member = printedAttendee('remote');
    await phone.goto('/');
    await phone.getByLabel('Conference').selectOption({ label: seed.conferenceName });
    await phone.getByLabel('Membership number').fill(member.membershipNumber);
    await phone.getByLabel('Access code').fill(member.accessCode);
    await phone.getByRole('button', { name: 'Sign in as a member' }).click();
    await phone.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.getByTestId('attendance-confirmed').waitFor();
    await waitForText(phone, '[data-testid=agenda]', 'Workload Measurement');

    // The chair takes the first item and runs the debate.
    await chair.getByRole('button', { name: 'Take item Motion 1' }).click();
    await waitForText(chair, '[data-testid=item-title]', 'Workload Measurement');
    await waitForText(phone, '[data-testid=motion-text]', 'workload measurement tool');
    const step = async (name: string) => {
      await chair.getByRole('button', { name, exact: true }).click();
      await chair.locator('p.alert.ok[role=status], [role=alert]').first().waitFor();
      await noAlerts(chair);
    };
    await step('Call the mover');
    await step('Start');
    await step('End');
    await step('Call the seconder');
    await step('Start');
    await step('End');
    await step('Open the floor');

    // The question is put as a hybrid vote: the seeded quorum is met by the hall already checked in.
    await chair.getByLabel('Vote method').selectOption('hybrid');
    await step('Put the question');
    await phone.getByRole('group', { name: /Your vote on/ }).waitFor();
    await phone.getByRole('radio', { name: 'For' }).check();
    await phone.getByRole('button', { name: 'Review my vote' }).click();
    await phone.getByRole('button', { name: 'Confirm my vote' }).click();
    await phone.getByTestId('vote-receipt').waitFor();
    await noAlerts(phone);

    await teller.getByLabel('For').fill('5');
    await teller.getByLabel('Against').fill('2');
    await teller.getByLabel('Abstain').fill('1');
    await teller.getByRole('button', { name: 'Enter the count' }).click();
    await teller.getByTestId('entered-count').waitFor();
    await noAlerts(teller);
    await chair.getByRole('button', { name: /Close the vote/ }).click();
    // The demo has one teller: the chair declares the unconfirmed count, with a reason shown with the result.
    await chair.getByText('Declare on one teller’s count').click();
    await chair.getByLabel('Why no second teller confirms the count').fill('The demo has one teller');
    await chair.getByRole('button', { name: 'Declare without confirmation', exact: true }).click();

    for (const page of [projector, phone, chair])
      await waitForText(page, '[data-testid=vote-outcome]', 'Carried');
    const totals = await projector.locator('[data-testid=vote-result] tr.total td').allTextContents();
    expect(totals).toEqual(['6', '2', '1']);
    await waitForText(projector, '[data-testid=unconfirmed-hall-count]', 'The demo has one teller');
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
});
