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
import { chairHall, openDebateOn, queueNames } from './chair-hall';

/**
 * Issue 19 item 2 in the browser: head office appoints a steward on the set-up screen; the steward, on a
 * phone, puts hall members without a device in the speakers' queue by voting-card number and by name,
 * under the same standing orders as anyone (a second request is refused in words).
 */
describeInBrowser('web client: a steward adds hall members without a device to the queue', () => {
  const suite = browserSuite();
  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

  it('is appointed by head office and adds members by card number and name on a phone', async () => {
    const { api, ctx, browser } = suite;
    const hall = await chairHall(api, ctx, {
      name: 'Stewards AGM',
      quorum: 1,
      members: 4,
      cards: [undefined, undefined, '147'],
      motions: [{ title: 'Safe caseloads' }],
    });
    const [, , dot, eve] = hall.attendees;
    const chairAuth = await hall.chairAuth();
    const headOffice = await newOfficialWithPassword(api, { headOffice: true, name: 'Head Office' });
    const steward = await newOfficialWithPassword(api, { name: 'Sam Steward' });

    // Head office gives the role on the set-up screen, as it gives any other.
    const { page: setup } = await newPage(browser, api);
    await signInOfficial(setup, headOffice);
    await setup.goto(`/c/${hall.conference.id}/setup`);
    await setup.getByLabel('Official’s email').fill(steward.email);
    await setup.getByLabel('Role', { exact: true }).selectOption({ label: 'Steward' });
    await setup.getByRole('button', { name: 'Give the role' }).click();
    await waitForText(setup, 'section[aria-labelledby=roles] p.alert', 'Sam Steward is now Steward.');
    await waitForText(setup, '[data-testid=roles]', 'Sam Steward');

    // The steward's phone: their conference offers the steward's screen.
    const { page } = await newPage(browser, api, PHONE);
    await signInOfficial(page, steward);
    // The role in words, never its code.
    await waitForText(page, 'main section.card p.muted', /your roles: Steward$/);
    await page.getByRole('link', { name: 'Steward: add a hall member to the speakers’ queue' }).click();
    await waitForText(page, 'main h1', 'Steward');
    // Nothing is being debated yet: the form says why it cannot be sent.
    await waitForText(page, '[data-testid=add-speaker-why]', /No item is being debated yet/);
    await page.getByLabel('Membership number or name').fill('147');
    expect(await page.getByRole('button', { name: 'Add to the queue' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'steward with nothing being debated');

    // The chair takes the motion and opens the floor: the steward's screen follows, and the form opens.
    await openDebateOn(api, hall.base, chairAuth, hall.motionIds[0]);
    await waitForText(page, '[data-testid=item-title]', 'Safe caseloads');
    await page.getByTestId('add-speaker-why').waitFor({ state: 'detached' });
    await page.getByLabel('Wishes to speak').selectOption('against');
    await page.getByRole('button', { name: 'Add to the queue' }).click();
    await waitForText(page, 'p.alert.ok[role=status]', '147 is in the queue to speak against.');
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
    expect(await queueNames(api, hall.base, chairAuth)).toEqual([dot.member.name]);
    // The field is cleared for the next member; the same card again is refused under the standing orders.
    expect(await page.getByLabel('Membership number or name').inputValue()).toBe('');
    await page.getByLabel('Membership number or name').fill('147');
    await page.getByRole('button', { name: 'Add to the queue' }).click();
    await waitForText(page, '[role=alert]', /already in the queue/);
    // By name, as registered; and a number nobody has is refused in words.
    await page.getByLabel('Membership number or name').fill(eve.member.name);
    await page.getByLabel('Wishes to speak').selectOption('for');
    await page.getByRole('button', { name: 'Add to the queue' }).click();
    await waitForText(page, 'p.alert.ok[role=status]', `${eve.member.name} is in the queue to speak for.`);
    expect(await queueNames(api, hall.base, chairAuth)).toEqual([dot.member.name, eve.member.name]);
    await page.getByLabel('Membership number or name').fill('999');
    await page.getByRole('button', { name: 'Add to the queue' }).click();
    await waitForText(page, '[role=alert]', /membership number, card number or name "999"/);
    await expectAccessible(page, 'steward with a refusal shown');
    await noSidewaysScroll(page);

    const minutes = (await api.http().get(`${hall.base}/minutes`).set(chairAuth).expect(200)).text;
    expect(minutes).toContain(`A steward put ${dot.member.name} (in the hall, without a device) in the queue to speak against.`);
    expect(minutes).toContain(`A steward put ${eve.member.name} (in the hall, without a device) in the queue to speak for.`);
  }, 180000);
});
