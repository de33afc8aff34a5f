import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  PHONE,
  screenshot,
  setQuorumMinimum,
  signInAttendee,
  signInOfficial,
  waitForText,
  textsOnScreen,
  hallTypePx,
} from './browser-support';

const DAY = 24 * 60 * 60 * 1000;

async function press(page: Page, control: Locator): Promise<void> {
  await control.click({ trial: true });
  await control.focus();
  await page.keyboard.press('Enter');
}

/** The whole page fits the window: nothing to scroll on a projector, nothing sideways on a phone. */
async function pageSize(
  page: Page,
): Promise<{ width: number; height: number; scrollWidth: number; scrollHeight: number }> {
  return (await page.evaluate(
    '({ width: innerWidth, height: innerHeight, scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight })',
  )) as { width: number; height: number; scrollWidth: number; scrollHeight: number };
}

/**
 * Issue 20: an election ballot opening and its result reach a member's phone without a reload, pinned at
 * the top and said by the live region (as a motion vote opening is); the published count, stage by
 * stage, is an accessible table on the phone (scrolling inside itself at 360 px, never the page) and on
 * the projector, where it fits 1280×720 and 1920×1080 without scrolling.
 */
describeInBrowser('web client: an election ballot and its count, live on the phone and the projector', () => {
  const suite = browserSuite();

  it('pins and announces the opening and the result on the phone, and shows the stage table on phone and projector', async () => {
    const { api, ctx, browser } = suite;
    const http = () => api.http();
    const conference = await ctx.newConference({ name: `Count AGM ${Date.now() % 10000}` });
    const base = `/api/conferences/${conference.id}/posts`;
    const admin = await ctx.asHeadOffice();
    // A quorate meeting, as at a real count: the projector's footer is the quorum figure, not what is missing.
    await setQuorumMinimum(api, conference.id, admin, 1);
    const returningOfficer = await ctx.newOfficial({
      roles: [{ conferenceId: conference.id, role: 'returning_officer' }],
    });
    const [tellerOne, tellerTwo] = await Promise.all(
      [1, 2].map(() => ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] })),
    );
    const branch = await ctx.newBody({ name: 'Anglia Branch' });
    const secretary = await ctx.newOfficer(branch.id);
    const post = (
      await http()
        .post(base)
        .set(returningOfficer.auth)
        .send({
          title: 'National Executive Committee',
          seats: 2,
          method: 'scottish-stv',
          nominatingBodyIds: [branch.id],
          nominationsOpenAt: new Date(Date.now() - DAY).toISOString(),
          nominationsCloseAt: new Date(Date.now() + DAY).toISOString(),
        })
        .expect(201)
    ).body;
    for (const name of ['Ann Archer', 'Ben Brook', 'Cat Cole', 'Dan Dale']) {
      const candidate = await ctx.newAttendee(conference.id, { mode: 'remote' });
      await api.database.dataSource.query('UPDATE member SET name = $2 WHERE id = $1', [
        candidate.member.id,
        name,
      ]);
      const nominated = await http()
        .post(`${base}/${post.id}/nominations`)
        .set(secretary.auth)
        .send({ candidateMemberId: candidate.member.id, bodyId: branch.id })
        .expect(201);
      await http()
        .post(`${base}/${post.id}/nominations/${nominated.body.id}/accept`)
        .set(candidate.auth)
        .send({ statement: 'A fair deal.' })
        .expect(204);
    }
    await http().post(`${base}/${post.id}/close-nominations`).set(returningOfficer.auth).expect(200);
    const hall = await Promise.all([1, 2, 3, 4].map(() => ctx.newAttendee(conference.id, { mode: 'hall' })));
    for (const member of hall)
      await http()
        .post(`/api/conferences/${conference.id}/registrations/${member.registrationId}/check-in`)
        .set(admin.auth)
        .expect(200);
    const remote = await Promise.all([1, 2, 3].map(() => ctx.newAttendee(conference.id, { mode: 'remote' })));
    await ctx.markRemotePresent(remote.map((r) => r.registrationId));

    // The member's phone, on the live screen (not the Elections one), attendance confirmed.
    const member = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const { page: phone } = await newPage(browser, api, PHONE);
    await signInAttendee(phone, conference.name, member);
    await press(phone, phone.getByRole('button', { name: 'Confirm attendance' }));
    await phone.getByTestId('attendance-confirmed').waitFor();
    // The hall's projector at 1280×720, signed in as the chair.
    const chair = await newOfficialWithPassword(api, {
      roles: [{ conferenceId: conference.id, role: 'chair' }],
    });
    const { page: projector } = await newPage(browser, api, { viewport: { width: 1280, height: 720 } });
    await signInOfficial(projector, chair);
    await projector.goto(`/projector/${conference.id}`);
    await waitForText(projector, '[data-testid=quorum-figure]', /present/);

    // The returning officer opens the ballot: the phone pins it and says so, without a reload.
    await http().post(`${base}/${post.id}/ballot/open`).set(returningOfficer.auth).expect(200);
    await waitForText(
      phone,
      '[data-testid=election-pin]',
      'Election ballot open: National Executive Committee',
    );
    await waitForText(
      phone,
      '[data-testid=election-announcement]',
      'Election ballot open: National Executive Committee. Vote on the Elections screen.',
    );
    expect(
      await phone.evaluate('document.activeElement?.closest("[data-testid=election-pin]") !== null'),
    ).toBe(true);
    await expectAccessible(phone, 'election ballot pinned');
    expect((await pageSize(phone)).scrollWidth).toBeLessThanOrEqual(360);

    // Enter on the pin leads to the ballot; the member ranks Archer then Brook and confirms.
    await phone.keyboard.press('Enter');
    await press(phone, phone.getByRole('button', { name: 'Rank Ann Archer 1' }));
    await press(phone, phone.getByRole('button', { name: 'Rank Ben Brook 2' }));
    await press(phone, phone.getByRole('button', { name: 'Review my ballot' }));
    await press(phone, phone.getByRole('button', { name: 'Confirm my ballot' }));
    await waitForText(
      phone,
      '[data-testid=election-receipt]',
      'Your ballot is cast: 1. Ann Archer, 2. Ben Brook.',
    );
    // The phone reads the ballot again after the cast, and the api then says it is no longer voted here:
    // the receipt (shown once) stays on screen all the same. Checked once that read is in, not after a
    // fixed wait that a slow read outlasts: the receipt carries what the ballot read last says
    // (data-voted), true only from the read after the cast. Had the read replaced the form, the receipt
    // would be gone and this wait would fail.
    await phone.locator('[data-testid=election-receipt][data-voted=true]').waitFor();
    await waitForText(
      phone,
      '[data-testid=election-receipt]',
      'Your ballot is cast: 1. Ann Archer, 2. Ben Brook.',
    );
    expect(await phone.getByTestId('election-outcome').count()).toBe(0);
    // Voted: no bar on the other screens either, looked for once the Now screen is drawn (its quorum).
    await press(phone, phone.getByRole('link', { name: 'Now' }));
    await phone.getByTestId('quorum-figure').waitFor();
    expect(await phone.getByTestId('election-pin').count()).toBe(0);

    // The other ballots: three remote, four hall papers entered and confirmed by two tellers.
    const ballot = (await http().get(`${base}/${post.id}/ballot`).set(returningOfficer.auth).expect(200))
      .body as { candidates: Array<{ nominationId: string; name: string }> };
    const id = Object.fromEntries(ballot.candidates.map((c) => [c.name.split(' ')[0], c.nominationId]));
    for (const [voter, ranking] of [
      [remote[0], ['Ann', 'Ben']],
      [remote[1], ['Ben', 'Cat']],
      [remote[2], ['Dan', 'Cat']],
    ] as const)
      await http()
        .post(`${base}/${post.id}/ballot/ballots`)
        .set(voter.auth)
        .send({ preferences: ranking.map((n) => id[n]), idempotencyKey: randomUUID() })
        .expect(200);
    for (const ranking of [['Ann', 'Ben'], ['Ann', 'Ben'], ['Cat'], ['Cat']]) {
      const preferences = ranking.map((n) => id[n]);
      const paper = await http()
        .post(`${base}/${post.id}/ballot/papers`)
        .set(tellerOne.auth)
        .send({ preferences })
        .expect(201);
      await http()
        .post(`${base}/${post.id}/ballot/papers/${paper.body.id}/confirm`)
        .set(tellerTwo.auth)
        .send({ preferences })
        .expect(200);
    }

    // Still on the live screen when the returning officer closes and the count is published.
    await http().post(`${base}/${post.id}/ballot/close`).set(returningOfficer.auth).send({}).expect(200);
    await waitForText(phone, '[data-testid=election-pin]', 'Election result: National Executive Committee');
    await waitForText(
      phone,
      '[data-testid=election-announcement]',
      'Election result published: National Executive Committee. Elected: Ann Archer, Cat Cole.',
    );
    await expectAccessible(phone, 'election result pinned');

    // The pin leads to the count: an accessible table that scrolls inside itself, never the page.
    await phone.keyboard.press('Enter');
    const table = phone.getByRole('table', {
      name: 'National Executive Committee: the count, stage by stage',
    });
    await table.waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Candidate',
      'Stage 1First preferences; Ann Archer elected',
      'Stage 2Ann Archer’s surplus of 1.00000',
      'Stage 3Dan Dale excluded; Cat Cole elected',
    ]);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([
      'Ann Archer',
      'Ben Brook',
      'Cat Cole',
      'Dan Dale',
      'Non-transferable',
      'Rounding loss',
    ]);
    const row = (name: string) =>
      table
        .getByRole('row')
        .filter({ has: phone.getByRole('rowheader', { name, exact: true }) })
        .getByRole('cell')
        .allTextContents();
    // 8 valid ballots, 2 seats: quota 8 ÷ 3 = 2, plus 1 = 3. Archer's surplus of 1 passes on from her 4
    // papers at 1 ÷ 4 each, all to Brook; then Dale, lowest, is excluded and his paper gives Cole the quota.
    expect(await row('Ann Archer')).toEqual(['4.00000 Elected', '3.00000 (−1.00000)', '3.00000']);
    expect(await row('Ben Brook')).toEqual(['1.00000', '2.00000 (+1.00000)', '2.00000']);
    expect(await row('Cat Cole')).toEqual(['2.00000', '2.00000', '3.00000 (+1.00000) Elected']);
    expect(await row('Dan Dale')).toEqual(['1.00000', '1.00000', '0.00000 (−1.00000) Excluded']);
    expect(await row('Non-transferable')).toEqual(['0.00000', '0.00000', '0.00000']);
    await waitForText(phone, '[data-testid=stage-elected]', 'Elected: Ann Archer, Cat Cole');
    expect(await phone.getByTestId('election-pin').count()).toBe(0);
    await expectAccessible(phone, 'election stage table on a phone');
    expect((await pageSize(phone)).scrollWidth).toBeLessThanOrEqual(360);
    await screenshot(phone, 'election-count-phone');

    // The projector shows the count as published, whole, at 1280×720 and at 1920×1080.
    await projector.getByRole('heading', { name: 'Election result: National Executive Committee' }).waitFor();
    const projected = projector.getByRole('table', {
      name: 'National Executive Committee: the count, stage by stage',
    });
    expect(await projected.getByRole('columnheader').count()).toBe(4);
    await expectAccessible(projector, 'election stage table on the projector');
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await projector.setViewportSize(viewport);
      // Measured once the page has the new size, not after a fixed wait: the window reports it, and the
      // count is one page (no page label), so nothing is measured again and laid out later.
      await projector.waitForFunction(
        `innerWidth === ${viewport.width} && innerHeight === ${viewport.height}`,
      );
      expect(await projector.getByTestId('stage-page').count()).toBe(0);
      const size = await pageSize(projector);
      expect([size.scrollWidth, size.scrollHeight]).toEqual([viewport.width, viewport.height]);
      const box = (await projected.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // Every word of the count at the hall's size, as the big count's.
      const small = (await textsOnScreen(projector, '.projector-election')).filter(
        (t) => t.px < hallTypePx(viewport.height),
      );
      expect(small).toEqual([]);
      await screenshot(projector, `election-count-projector-${viewport.width}`, false);
    }
  });
});
