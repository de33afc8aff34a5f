import type { Page } from 'playwright-core';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  LAPTOP,
  newOfficialWithPassword,
  newPage,
  PHONE,
  screenshot,
  signInAttendee,
  signInOfficial,
  waitForText,
} from './browser-support';

const DAY = 24 * 60 * 60 * 1000;

/** Keys a ranked paper from the keyboard: focus on the first box, then a number or nothing per box, Tab between. */
async function keyPaper(page: Page, section: string, numbers: string[]): Promise<void> {
  const boxes = page.getByRole('region', { name: section }).locator('.paper-candidates input');
  await boxes.first().focus();
  for (const [i, n] of numbers.entries()) {
    await page.keyboard.press('ControlOrMeta+a');
    if (n) await page.keyboard.type(n);
    else await page.keyboard.press('Backspace');
    if (i < numbers.length - 1) await page.keyboard.press('Tab');
  }
  expect(await boxes.count()).toBe(numbers.length);
}

/**
 * Issue 20, the tellers' paper-entry screen: a teller keys a hall paper by keyboard and writes the number
 * the system gives on it; a second teller keys it again blind and confirms; a misreading shows both
 * readings in words and is settled either way (the second teller keys again, or the first discards and
 * enters the paper again); a spoilt paper is entered and confirmed with its reason; progress counts
 * papers entered, confirmed and hall members on the register, and follows the other teller's work
 * through the tellers' live events. A member's phone gets no form.
 */
describeInBrowser('web client: tellers enter and confirm hall election papers', () => {
  const suite = browserSuite();
  const noSidewaysScroll = async (page: Page) => expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

  it('enters papers, confirms them blind, settles misreadings, records a spoilt paper and counts progress; a member sees no form', async () => {
    const { api, ctx, browser } = suite;
    const http = () => api.http();
    const conference = await ctx.newConference({ name: `Tellers AGM ${Date.now() % 10000}` });
    const base = `/api/conferences/${conference.id}/posts`;
    const admin = await ctx.asHeadOffice();
    const returningOfficer = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'returning_officer' }] });
    const branch = await ctx.newBody({ name: 'Mercia Branch' });
    const secretary = await ctx.newOfficer(branch.id);
    const post = (
      await http()
        .post(base)
        .set(returningOfficer.auth)
        .send({ title: 'Vice-Chair', seats: 1, method: 'instant-runoff', nominatingBodyIds: [branch.id], nominationsOpenAt: new Date(Date.now() - DAY).toISOString(), nominationsCloseAt: new Date(Date.now() + DAY).toISOString() })
        .expect(201)
    ).body;
    for (const name of ['Ann Archer', 'Ben Brook', 'Cat Cole']) {
      const candidate = await ctx.newAttendee(conference.id, { mode: 'remote' });
      await api.database.dataSource.query('UPDATE member SET name = $2 WHERE id = $1', [candidate.member.id, name]);
      const nominated = await http().post(`${base}/${post.id}/nominations`).set(secretary.auth).send({ candidateMemberId: candidate.member.id, bodyId: branch.id }).expect(201);
      await http().post(`${base}/${post.id}/nominations/${nominated.body.id}/accept`).set(candidate.auth).send({ statement: 'Fair shares.' }).expect(204);
    }
    await http().post(`${base}/${post.id}/close-nominations`).set(returningOfficer.auth).expect(200);
    const hall = await Promise.all([1, 2, 3].map(() => ctx.newAttendee(conference.id, { mode: 'hall' })));
    for (const member of hall) await http().post(`/api/conferences/${conference.id}/registrations/${member.registrationId}/check-in`).set(admin.auth).expect(200);
    await http().post(`${base}/${post.id}/ballot/open`).set(returningOfficer.auth).expect(200);

    const [one, two] = await Promise.all(['Teller One', 'Teller Two'].map((name) => newOfficialWithPassword(api, { name, roles: [{ conferenceId: conference.id, role: 'teller' }] })));
    const { page: first } = await newPage(browser, api, LAPTOP);
    const { page: second } = await newPage(browser, api, PHONE);
    await signInOfficial(first, one);
    await signInOfficial(second, two);
    // The teller's start page leads to the screen.
    await first.getByRole('link', { name: 'Tellers: election papers' }).click();
    await second.goto(`/c/${conference.id}/papers`);
    for (const page of [first, second]) await page.getByRole('heading', { name: 'Vice-Chair' }).waitFor();
    await waitForText(first, '[data-testid=paper-progress]', '0 papers entered · 0 confirmed by a second teller · 3 hall members on the register');
    await expectAccessible(first, 'tellers: paper entry');
    await expectAccessible(second, 'tellers: paper entry on a phone');
    await noSidewaysScroll(second);

    // A paper whose numbers break (1, then 3) is refused at the paper's boxes; nothing is entered.
    // Candidates are printed alphabetically: Ann Archer, Ben Brook, Cat Cole.
    await keyPaper(first, 'Enter a paper', ['1', '', '3']);
    await first.keyboard.press('Enter');
    await waitForText(first, 'section[aria-labelledby^=enter] [role=alert]', 'No candidate has 2, but one has 3.');
    expect(await first.getByRole('region', { name: 'Enter a paper' }).locator('input[aria-invalid=true]').count()).toBe(3);
    await expectAccessible(first, 'tellers: a paper refused at its boxes');

    // Paper 1 reads Cole 1, Archer 2: the first teller keys it and is given number 1.
    await keyPaper(first, 'Enter a paper', ['2', '', '1']);
    await first.keyboard.press('Enter');
    await waitForText(first, '[data-testid=paper-entered]', 'Paper 1 entered: 1. Cat Cole, 2. Ann Archer. Write 1 on the paper');
    await waitForText(first, '[data-testid=paper-progress]', '1 paper entered · 0 confirmed');
    await waitForText(first, '[data-testid=my-entries]', 'Paper 1: 1. Cat Cole, 2. Ann Archer');
    // The second teller sees that paper 1 waits, never what it says.
    await waitForText(second, '[data-testid=papers-to-confirm]', 'paper 1.');
    expect(await second.getByText('Cat Cole, 2. Ann Archer').count()).toBe(0);

    // The second teller misreads it (Archer 1, Cole 2): both readings are shown in words.
    await second.getByLabel('Number written on the paper').focus();
    await second.keyboard.type('1');
    await keyPaper(second, 'Confirm a paper', ['1', '', '2']);
    await second.keyboard.press('Enter');
    await waitForText(
      second,
      '[data-testid=paper-mismatch]',
      "Your entry of paper ballot 1 (1. Ann Archer, 2. Cat Cole) differs from the first teller's (1. Cat Cole, 2. Ann Archer).",
    );
    await expectAccessible(second, 'tellers: the two readings differ');
    await noSidewaysScroll(second);
    await screenshot(second, 'tellers-mismatch');
    // At the paper they see the second teller misread it: they key it again, and it is confirmed.
    await second.getByRole('button', { name: 'Key paper 1 again' }).focus();
    await second.keyboard.press('Enter');
    await keyPaper(second, 'Confirm a paper', ['2', '', '1']);
    await second.keyboard.press('Enter');
    await waitForText(second, '[data-testid=paper-confirmed]', 'Paper 1 confirmed: 1. Cat Cole, 2. Ann Archer.');
    await waitForText(second, '[data-testid=paper-progress]', '1 paper entered · 1 confirmed by a second teller · 3 hall members');
    // The first teller's screen follows without a reload.
    await waitForText(first, '[data-testid=paper-progress]', '1 paper entered · 1 confirmed by a second teller');

    // Paper 2 reads Ben Brook 1: the first teller misreads it as Archer; the second reads it right.
    await keyPaper(first, 'Enter a paper', ['1', '', '']);
    await first.keyboard.press('Enter');
    await waitForText(first, '[data-testid=paper-entered]', 'Paper 2 entered: 1. Ann Archer.');
    await second.getByLabel('Number written on the paper').fill('2');
    await keyPaper(second, 'Confirm a paper', ['', '1', '']);
    await second.keyboard.press('Enter');
    await waitForText(second, '[data-testid=paper-mismatch]', "(1. Ben Brook) differs from the first teller's (1. Ann Archer)");
    // The first teller discards the entry and enters the paper again: it takes the next number free.
    await first.getByRole('button', { name: 'Discard paper 2' }).focus();
    await first.keyboard.press('Enter');
    await waitForText(first, '[data-testid=my-entries-box] [role=status]', 'Your entry of paper 2 is discarded.');
    await keyPaper(first, 'Enter a paper', ['', '1', '']);
    await first.keyboard.press('Enter');
    await waitForText(first, '[data-testid=paper-entered]', 'Paper 2 entered: 1. Ben Brook.');
    await second.getByRole('button', { name: 'Key paper 2 again' }).click();
    await keyPaper(second, 'Confirm a paper', ['', '1', '']);
    await second.keyboard.press('Enter');
    await waitForText(second, '[data-testid=paper-confirmed]', 'Paper 2 confirmed: 1. Ben Brook.');
    await waitForText(first, '[data-testid=paper-progress]', '2 papers entered · 2 confirmed by a second teller · 3 hall members on the register');
    await expectAccessible(first, 'tellers: after the papers');

    // Paper 3 has no 1: the first teller records it spoilt, void for uncertainty; the boxes are set aside.
    const enter = first.getByRole('region', { name: 'Enter a paper' });
    await keyPaper(first, 'Enter a paper', ['', '2', '']);
    await enter.getByLabel('Is the paper spoilt?').selectOption({ label: 'Spoilt: void for uncertainty' });
    expect(await enter.locator('.paper-candidates input:disabled').count()).toBe(3);
    await expectAccessible(first, 'tellers: a paper recorded as spoilt');
    await enter.getByRole('button', { name: 'Enter this paper' }).focus();
    await first.keyboard.press('Enter');
    await waitForText(first, '[data-testid=paper-entered]', 'Paper 3 entered: Spoilt: void for uncertainty. Write 3 on the paper');
    // The form is ready for the next paper: not spoilt, the boxes back and empty.
    expect(await enter.getByLabel('Is the paper spoilt?').inputValue()).toBe('');
    expect(await enter.locator('.paper-candidates input:disabled').count()).toBe(0);
    // The second teller, blind, first reads Ben Brook 1: both readings are shown, spoilt in words.
    await waitForText(second, '[data-testid=papers-to-confirm]', 'paper 3.');
    await second.getByLabel('Number written on the paper').fill('3');
    await keyPaper(second, 'Confirm a paper', ['', '1', '']);
    await second.keyboard.press('Enter');
    await waitForText(second, '[data-testid=paper-mismatch]', "(1. Ben Brook) differs from the first teller's (Spoilt: void for uncertainty)");
    // At the paper they see the 1 is not there: the second teller keys it again, as spoilt for the same reason.
    await second.getByRole('button', { name: 'Key paper 3 again' }).click();
    const confirm = second.getByRole('region', { name: 'Confirm a paper' });
    await confirm.getByLabel('Is the paper spoilt?').selectOption({ label: 'Spoilt: void for uncertainty' });
    await expectAccessible(second, 'tellers: confirming a spoilt paper on a phone');
    await noSidewaysScroll(second);
    await confirm.getByRole('button', { name: 'Confirm this paper' }).click();
    await waitForText(second, '[data-testid=paper-confirmed]', 'Paper 3 confirmed: Spoilt: void for uncertainty.');
    await waitForText(first, '[data-testid=paper-progress]', '3 papers entered · 3 confirmed by a second teller · 3 hall members on the register');
    await waitForText(first, '[data-testid=my-entries-box]', 'None.');

    // The api has the three papers confirmed, as keyed.
    const papers = await http().get(`${base}/${post.id}/ballot/papers`).set(returningOfficer.auth).expect(200);
    expect(papers.body.map((p: { number: number; ballotText: string; spoilt: string | null; confirmed: boolean }) => [p.number, p.ballotText, p.spoilt, p.confirmed])).toEqual([
      [1, '1. Cat Cole, 2. Ann Archer', null, true],
      [2, '1. Ben Brook', null, true],
      [3, 'Spoilt: void for uncertainty', 'uncertain', true],
    ]);

    // A hall member who opens the screen on their phone gets no form.
    const { page: phone } = await newPage(browser, api, PHONE);
    await signInAttendee(phone, conference.name, hall[0]);
    await phone.goto(`/c/${conference.id}/papers`);
    await waitForText(phone, '[data-testid=tellers-only]', 'Only the tellers enter the hall’s paper ballots');
    expect(await phone.getByRole('button', { name: 'Enter this paper' }).count()).toBe(0);
    await expectAccessible(phone, 'papers screen on a member phone');
    await noSidewaysScroll(phone);
  });
});
