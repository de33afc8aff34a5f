import type { Locator, Page } from 'playwright-core';
import { browserSuite, describeInBrowser, expectAccessible, newPage, PHONE, screenshot, signInAttendee, waitForText } from './browser-support';

const DAY = 24 * 60 * 60 * 1000;

/** Keyboard only: the control takes the focus and the key does the rest (no click, no drag). */
async function press(page: Page, control: Locator, key: 'Enter' | ' ' = 'Enter'): Promise<void> {
  // A trial click only waits until the control is visible, enabled and still; it clicks nothing.
  await control.click({ trial: true });
  await control.focus();
  await page.keyboard.press(key === ' ' ? 'Space' : key);
}

/**
 * Issue 20, "Done when": a remote member ranks candidates on a 360-pixel phone by keyboard only
 * (no drag-and-drop anywhere), reviews and confirms, and gets a receipt; axe reports nothing.
 */
describeInBrowser('web client: a remote member ranks candidates by keyboard and confirms', () => {
  const suite = browserSuite();
  const noSidewaysScroll = async (page: Page) => expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);

  it('ranks three candidates with buttons and the keyboard, reorders one, confirms, and shows the receipt', async () => {
    const { api, ctx, browser } = suite;
    const conference = await ctx.newConference({ name: `Election AGM ${Date.now() % 10000}` });
    const base = `/api/conferences/${conference.id}/posts`;
    const returningOfficer = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'returning_officer' }] });
    const branch = await ctx.newBody({ name: 'Cymru Branch' });
    const secretary = await ctx.newOfficer(branch.id);
    const post = (
      await api
        .http()
        .post(base)
        .set(returningOfficer.auth)
        .send({ title: 'Treasurer', seats: 1, method: 'instant-runoff', nominatingBodyIds: [branch.id], nominationsOpenAt: new Date(Date.now() - DAY).toISOString(), nominationsCloseAt: new Date(Date.now() + DAY).toISOString() })
        .expect(201)
    ).body;
    const names = ['Ann Archer', 'Ben Brook', 'Cat Cole'];
    for (const name of names) {
      const candidate = await ctx.newAttendee(conference.id, { mode: 'remote' });
      await api.database.dataSource.query('UPDATE member SET name = $2 WHERE id = $1', [candidate.member.id, name]);
      const nominated = await api.http().post(`${base}/${post.id}/nominations`).set(secretary.auth).send({ candidateMemberId: candidate.member.id, bodyId: branch.id }).expect(201);
      await api.http().post(`${base}/${post.id}/nominations/${nominated.body.id}/accept`).set(candidate.auth).send({ statement: 'Open books.' }).expect(204);
    }
    await api.http().post(`${base}/${post.id}/close-nominations`).set(returningOfficer.auth).expect(200);

    const member = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const { page: phone } = await newPage(browser, api, PHONE);
    await signInAttendee(phone, conference.name, member);
    await press(phone, phone.getByRole('button', { name: 'Confirm attendance' }));
    await phone.getByTestId('attendance-confirmed').waitFor();
    await api.http().post(`${base}/${post.id}/ballot/open`).set(returningOfficer.auth).expect(200);

    await press(phone, phone.getByRole('link', { name: 'Elections' }));
    await phone.getByRole('heading', { name: 'Treasurer' }).waitFor();
    await expectAccessible(phone, 'election ballot');
    await noSidewaysScroll(phone);

    // Cole first, then Archer, then Brook; then Archer moved up above Cole.
    await press(phone, phone.getByRole('button', { name: 'Rank Cat Cole 1' }));
    await press(phone, phone.getByRole('button', { name: 'Rank Ann Archer 2' }), ' ');
    await press(phone, phone.getByRole('button', { name: 'Rank Ben Brook 3' }));
    await press(phone, phone.getByRole('button', { name: 'Move Ann Archer up' }));
    const ranking = phone.getByRole('list', { name: 'Your ranking' });
    await waitForText(phone, 'ol.ranking', /1\. Ann Archer.*2\. Cat Cole.*3\. Ben Brook/);
    expect(await ranking.getByRole('listitem').count()).toBe(3);
    await expectAccessible(phone, 'ranking');
    await noSidewaysScroll(phone);
    await screenshot(phone, 'election-ranking');

    await press(phone, phone.getByRole('button', { name: 'Review my ballot' }));
    expect(await phone.getByTestId('election-review').getByRole('listitem').allTextContents()).toEqual(['Ann Archer', 'Cat Cole', 'Ben Brook']);
    await press(phone, phone.getByRole('button', { name: 'Confirm my ballot' }));
    await waitForText(phone, '[data-testid=election-receipt]', 'Your ballot is cast: 1. Ann Archer, 2. Cat Cole, 3. Ben Brook.');
    const code = (await phone.locator('[data-testid=election-receipt] code.receipt').textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    await expectAccessible(phone, 'election receipt');
    await noSidewaysScroll(phone);

    // The server has the ballot: one remote ballot cast, and this member has voted.
    const seen = await api.http().get(`${base}/${post.id}/ballot`).set(member.auth).expect(200);
    expect(seen.body).toMatchObject({ remoteBallotsCast: 1, you: { hasVoted: true } });
  });
});
