import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import type { ApiSuite } from '../support/api-suite';
import { agendaConference } from '../support/agenda-fixture';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newPage,
  PHONE,
  PROJECTOR,
  screenshot,
  setQuorumMinimum,
  signInAttendee,
  waitForText,
} from './browser-support';

/**
 * The member's own screens on a 360 px phone: the equality monitoring form, the documents, the motions'
 * words before their debate, the order of business following the debate, and a vote opening while the
 * member has scrolled away from the ballot.
 */
describeInBrowser('web client: the member’s screens on a phone', () => {
  const suite = browserSuite();
  const fixture = (attendees: number) =>
    agendaConference(
      {
        api: suite.api,
        ctx: suite.ctx,
        sql: (text, params = []) => suite.api.database.dataSource.query(text, params),
        track: (socket) => socket,
      } as ApiSuite,
      { branchName: 'Branch', attendees },
    );

  const phoneFor = async (conferenceName: string, who: Parameters<typeof signInAttendee>[2]) => {
    const { page } = await newPage(suite.browser, suite.api, PHONE);
    await signInAttendee(page, conferenceName, who);
    return page;
  };
  const openTab = async (page: Page, name: string) => {
    // The "Connecting…" banner above the page goes once the phone is in sync and everything moves up: a
    // tap aimed before that lands on whatever moved under it (a run failed so, on the wrong tab).
    await page.getByTestId('online-status').waitFor({ state: 'attached' });
    const nav = page.getByRole('navigation', { name: 'Your screens' });
    await nav.getByRole('link', { name }).click();
    await nav.locator('a[aria-current=page]', { hasText: name }).waitFor();
  };
  /** The page itself never scrolls sideways at 360 px (a wide table may, inside its own box). */
  const expectNoSidewaysScroll = async (page: Page) =>
    expect(
      await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);
  const noAlerts = async (page: Page) =>
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);

  it('lets a member answer the equality monitoring form, keeps it, withdraws it, and shows it read-only once the AGM opens', async () => {
    const conference = await suite.ctx.newConference();
    const member = await suite.ctx.newAttendee(conference.id, { mode: 'remote' });
    const myAnswers = `/api/conferences/${conference.id}/monitoring/my-answers`;
    const page = await phoneFor(conference.name, member);
    await openTab(page, 'Equality monitoring');
    expect(page.url()).toMatch(/\/attendee\/monitoring$/);
    await page.getByText('Only you can see or change your answers').waitFor();

    const gender = page.getByRole('group', { name: 'Gender' });
    await gender.getByRole('radio', { name: 'Woman' }).check();
    await page.getByRole('group', { name: 'Ethnic group' }).getByRole('radio', { name: 'White' }).check();
    await expectAccessible(page, 'monitoring form');
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await waitForText(page, 'p.alert.ok[role=status]', 'Your answers are saved');
    await noAlerts(page);
    await screenshot(page, 'member-monitoring');
    const saved = (await suite.api.http().get(myAnswers).set(member.auth).expect(200)).body;
    expect(saved.answers).toMatchObject({
      gender: 'woman',
      ethnicity: 'white',
      disability: 'prefer_not_to_say',
    });

    // A reload reads them back from the server.
    await page.reload();
    await page
      .getByRole('group', { name: 'Gender' })
      .getByRole('radio', { name: 'Woman', checked: true })
      .waitFor();

    await page.getByRole('button', { name: 'Withdraw my answers' }).click();
    await waitForText(page, 'p.alert.ok[role=status]', 'Your answers are withdrawn');
    await page
      .getByRole('group', { name: 'Gender' })
      .getByRole('radio', { name: 'Prefer not to say', checked: true })
      .waitFor();
    const withdrawn = (await suite.api.http().get(myAnswers).set(member.auth).expect(200)).body;
    expect(Object.values(withdrawn.answers).every((a) => a === 'prefer_not_to_say')).toBe(true);

    // Head office opens the AGM while the form is on screen: it turns read-only without a reload.
    await suite.api
      .http()
      .put(myAnswers)
      .set(member.auth)
      .send({ answers: { gender: 'man' } })
      .expect(200);
    const headOffice = await suite.ctx.asHeadOffice();
    // The AGM opens only when quorate (issue 19): a quorum of one, this member present.
    await setQuorumMinimum(suite.api, conference.id, headOffice, 1);
    await suite.ctx.markRemotePresent([member.registrationId]);
    await suite.api.http().post(`/api/conferences/${conference.id}/open`).set(headOffice.auth).expect(200);
    await page.getByTestId('monitoring-fixed').waitFor();
    expect(await page.getByRole('button', { name: 'Save my answers' }).count()).toBe(0);
    expect(await page.locator('.fixed-answers').textContent()).toContain('GenderMan');
    await expectAccessible(page, 'monitoring answers fixed');
    await page.context().close();
  });

  it('downloads the final agenda from the documents screen', async () => {
    const f = await fixture(1);
    await suite.api.http().post(`${f.base}/agenda/publish`).set(f.soc.auth).expect(200);
    const page = await phoneFor(f.conference.name, f.attendees[0]);
    await openTab(page, 'Documents');
    const documents = page.getByTestId('documents');
    await documents.getByText('Final agenda', { exact: true }).waitFor();
    await expectAccessible(page, 'documents');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'member-documents');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      documents.getByRole('button', { name: 'Download Final agenda as Text' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('agenda.txt');
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('Pay claim');
    expect(text).toContain('Office ventilation');
    await waitForText(page, 'p.alert.ok[role=status]', 'Downloaded agenda.txt');
    await noAlerts(page);
    await page.context().close();
  });

  it('shows every motion’s and amendment’s words before the debate', async () => {
    const f = await fixture(1);
    // Another branch amends the pay claim; the SOC rules the amendment in order.
    const other = await suite.ctx.newBody({
      kind: 'branch',
      name: `Other Branch ${f.conference.id.slice(0, 6)}`,
    });
    const otherSecretary = await suite.ctx.newOfficer(other.id);
    const amendment = (
      await suite.api
        .http()
        .post(`${f.base}/motions/${f.motions.pay}/amendments`)
        .set(otherSecretary.auth)
        .send({
          bodyId: other.id,
          instructions: [{ op: 'replace', from: 'Pay claim', to: 'Pay and pensions claim' }],
        })
        .expect(201)
    ).body;
    await suite.api
      .http()
      .post(`${f.base}/amendments/${amendment.id}/ruling`)
      .set(f.soc.auth)
      .send({ admissible: true })
      .expect(200);
    await suite.api.http().post(`${f.base}/agenda/publish`).set(f.soc.auth).expect(200);

    const page = await phoneFor(f.conference.name, f.attendees[0]);
    await openTab(page, 'Motions');
    const pay = page.getByRole('article', { name: /Pay claim/ });
    await waitForText(page, '[data-testid=motion-reading]', 'This AGM resolves');
    expect(await pay.locator('.reading-text').first().textContent()).toBe('This AGM resolves: Pay claim.');
    // The motion as the amendment would make it, with the words put in marked (underlined, and said).
    await waitForText(page, '[data-testid=amendment-reading] .motion-text ins', 'and pensions');
    expect(
      await page.getByTestId('amendment-reading').locator('.text-changes .motion-text').textContent(),
    ).toBe('This AGM resolves: Pay [put in: and pensions] claim.');
    expect(await page.getByRole('article').count()).toBe(4);
    // Words, never stored codes or ids.
    const shown = (await page.locator('main').textContent()) ?? '';
    expect(shown).toContain('To come');
    expect(shown).not.toMatch(/placed|admitted\b|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectAccessible(page, 'motions');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'member-motions');
    await page.context().close();
  });

  it('shows the amendment under debate and the motion as it would read, changes marked, on the phone and the projector', async () => {
    const f = await fixture(0);
    await setQuorumMinimum(suite.api, f.conference.id, f.headOffice, 1);
    const other = await suite.ctx.newBody({
      kind: 'branch',
      name: `Amending Branch ${f.conference.id.slice(0, 6)}`,
    });
    const otherSecretary = await suite.ctx.newOfficer(other.id);
    const amendment = (
      await suite.api
        .http()
        .post(`${f.base}/motions/${f.motions.pay}/amendments`)
        .set(otherSecretary.auth)
        .send({
          bodyId: other.id,
          instructions: [{ op: 'replace', from: 'Pay claim', to: 'Pay and pensions claim' }],
        })
        .expect(201)
    ).body;
    await suite.api
      .http()
      .post(`${f.base}/amendments/${amendment.id}/ruling`)
      .set(f.soc.auth)
      .send({ admissible: true })
      .expect(200);
    await suite.api.http().post(`${f.base}/agenda/publish`).set(f.soc.auth).expect(200);
    const hall = await Promise.all(
      [1, 2, 3, 4].map(() => suite.ctx.newAttendee(f.conference.id, { mode: 'hall' })),
    );
    for (const a of hall)
      await suite.api
        .http()
        .post(`${f.base}/registrations/${a.registrationId}/check-in`)
        .set(f.headOffice.auth)
        .expect(200);
    const member = await suite.ctx.newAttendee(f.conference.id, { mode: 'remote' });
    const chairSays = async (command: Record<string, unknown>) => {
      const version = (await suite.api.http().get(`${f.base}/debate`).set(f.chair.auth).expect(200)).body
        .version;
      await suite.api
        .http()
        .post(`${f.base}/debate/commands`)
        .set(f.chair.auth)
        .send({ itemId: f.motions.pay, expectedSeq: version, ...command })
        .expect(200);
    };
    await chairSays({
      type: 'takeItem',
      itemId: undefined,
      motionId: f.motions.pay,
      moverMemberId: hall[0].memberId,
      seconderMemberId: hall[1].memberId,
    });
    for (const type of ['callMover', 'startSpeech', 'endSpeech', 'formallySeconded', 'openFloor'])
      await chairSays({ type });

    const phone = await phoneFor(f.conference.name, member);
    await waitForText(phone, '[data-testid=motion-text]', 'This AGM resolves: Pay claim.');
    expect(await phone.getByTestId('would-read').count()).toBe(0);
    const link = (
      await suite.api.http().post(`${f.base}/projector-links`).set(f.chair.auth).send({}).expect(201)
    ).body;
    const { page: projector } = await newPage(suite.browser, suite.api, PROJECTOR);
    await projector.goto(link.path);
    await waitForText(projector, '[data-testid=motion-text]', 'This AGM resolves: Pay claim.');

    await chairSays({
      type: 'moveToAmendment',
      amendmentId: amendment.id,
      moverMemberId: hall[2].memberId,
      seconderMemberId: hall[3].memberId,
    });
    for (const page of [phone, projector]) {
      // The amendment's own words, and the motion as it would read with the words put in marked.
      await waitForText(
        page,
        '[data-testid=amendment-text]',
        'Replace "Pay claim" with "Pay and pensions claim"',
      );
      await waitForText(page, '[data-testid=would-read] .motion-text ins', 'and pensions');
      expect(await page.getByTestId('would-read').locator('.motion-text').textContent()).toBe(
        'This AGM resolves: Pay [put in: and pensions] claim.',
      );
      // Not by colour alone: the words put in are underlined, and the key says what marks mean.
      expect(
        await page
          .getByTestId('would-read')
          .locator('.motion-text ins')
          .first()
          .evaluate(
            (el) =>
              (
                globalThis as unknown as { getComputedStyle(e: unknown): { textDecorationLine: string } }
              ).getComputedStyle(el).textDecorationLine,
          ),
      ).toContain('underline');
      expect(await page.getByTestId('would-read').textContent()).toContain('Underlined: words put in.');
      expect(await page.getByTestId('motion-text').count()).toBe(0);
    }
    await expectAccessible(phone, 'amendment under debate, phone');
    await expectNoSidewaysScroll(phone);
    await expectAccessible(projector, 'amendment under debate, projector');
    await screenshot(phone, 'member-amendment-would-read');
    await screenshot(projector, 'projector-amendment-would-read', false);
    await phone.context().close();
    await projector.context().close();
  });

  it('casts a priority ballot in the order ticked, and closes it when the order of business is published', async () => {
    const f = await fixture(1);
    const page = await phoneFor(f.conference.name, f.attendees[0]);
    await openTab(page, 'Priority ballot');
    const ballot = page.getByRole('group', { name: 'Motions on the ballot' });
    await ballot.getByRole('checkbox', { name: /Office ventilation/ }).check();
    await ballot.getByRole('checkbox', { name: /Pay claim/ }).check();
    expect(await ballot.locator('label').filter({ hasText: 'Office ventilation' }).textContent()).toContain(
      'choice 1',
    );
    await expectAccessible(page, 'priority ballot');
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Cast my priority ballot' }).click();
    await waitForText(page, 'p.alert.ok[role=status]', 'Your priority ballot is recorded');
    expect(await page.getByTestId('priority-cast').getByRole('listitem').allTextContents()).toEqual([
      'Office ventilation',
      'Pay claim',
    ]);
    await noAlerts(page);
    const tally = (await suite.api.http().get(`${f.base}/priority-ballot/tally`).set(f.soc.auth).expect(200))
      .body;
    expect(tally.ballots).toBe(1);
    const health = tally.sections.find((s: { section: string }) => s.section === 'HEALTH AND SAFETY');
    expect(health.motions[0]).toMatchObject({ title: 'Office ventilation', picks: 1 });
    await screenshot(page, 'member-priority-ballot');

    // After a reload (or on another device) the ballot cast is read back: shown in order, its picks ticked.
    await page.reload();
    await page.getByTestId('priority-cast').waitFor();
    expect(await page.getByTestId('priority-cast').getByRole('listitem').allTextContents()).toEqual([
      'Office ventilation',
      'Pay claim',
    ]);
    const again = page.getByRole('group', { name: 'Motions on the ballot' });
    expect(await again.getByRole('checkbox', { name: /Office ventilation/ }).isChecked()).toBe(true);
    expect(await again.locator('label').filter({ hasText: 'Pay claim' }).textContent()).toContain('choice 2');

    // Published: the ballot closes, and the screen follows live.
    await suite.api.http().post(`${f.base}/agenda/publish`).set(f.soc.auth).expect(200);
    await page.getByText('The priority ballot closed when the order of business was published.').waitFor();
    expect(await page.getByRole('button', { name: 'Cast my priority ballot' }).count()).toBe(0);
    await page.context().close();
  });

  it('marks the item being debated, pins and announces a vote opening while the phone is scrolled down, and shows the outcome in words', async () => {
    const f = await fixture(0);
    await setQuorumMinimum(suite.api, f.conference.id, f.headOffice, 1);
    await suite.api.http().post(`${f.base}/agenda/publish`).set(f.soc.auth).expect(200);
    const [mover, seconder] = await Promise.all(
      [1, 2].map(() => suite.ctx.newAttendee(f.conference.id, { mode: 'hall' })),
    );
    for (const a of [mover, seconder])
      await suite.api
        .http()
        .post(`${f.base}/registrations/${a.registrationId}/check-in`)
        .set(f.headOffice.auth)
        .expect(200);
    const voter = await suite.ctx.newAttendee(f.conference.id, { mode: 'remote' });
    const filling = await suite.ctx.newAttendee(f.conference.id, { mode: 'remote' });
    const chairSays = async (command: Record<string, unknown>) => {
      const version = (await suite.api.http().get(`${f.base}/debate`).set(f.chair.auth).expect(200)).body
        .version;
      return (
        await suite.api
          .http()
          .post(`${f.base}/debate/commands`)
          .set(f.chair.auth)
          .send({ itemId: f.motions.pay, expectedSeq: version, ...command })
          .expect(200)
      ).body;
    };

    const phone = await phoneFor(f.conference.name, voter);
    await phone.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.getByTestId('attendance-confirmed').waitFor();
    const item = (title: string) =>
      phone.getByTestId('agenda').getByRole('listitem').filter({ hasText: title });
    await waitForText(phone, '[data-testid=agenda]', 'Pay claim');
    expect(await item('Pay claim').getByTestId('item-state').textContent()).toBe('To come');
    expect(await phone.locator('[aria-current=step]').count()).toBe(0);

    // A second member is filling in the monitoring form when the vote opens: focus stays with them.
    const other = await phoneFor(f.conference.name, filling);
    await openTab(other, 'Equality monitoring');
    await other
      .getByRole('group', { name: 'Gender' })
      .getByRole('radio', { name: 'Man', exact: true })
      .check();

    await chairSays({
      type: 'takeItem',
      motionId: f.motions.pay,
      itemId: undefined,
      moverMemberId: mover.memberId,
      seconderMemberId: seconder.memberId,
    });
    await waitForText(phone, '[aria-current=step]', 'Pay claim');
    expect(await item('Pay claim').getByTestId('item-state').textContent()).toBe('In debate now');
    expect(await item('Working hours').getByTestId('item-state').textContent()).toBe('To come');
    await expectAccessible(phone, 'order of business, item in debate');
    await screenshot(phone, 'member-business-current');
    for (const type of [
      'callMover',
      'startSpeech',
      'endSpeech',
      'callSeconder',
      'startSpeech',
      'endSpeech',
      'openFloor',
    ])
      await chairSays({ type });

    // Asking twice is refused, in words; the refusal is about this item and goes when the item does.
    await phone.getByRole('button', { name: 'Speak for' }).click();
    await waitForText(phone, '[data-testid=my-requests]', 'place 1');
    await phone.getByRole('button', { name: 'Speak for' }).click();
    await phone.locator('[role=alert]').first().waitFor();
    expect(await phone.locator('[role=alert]').first().textContent()).not.toMatch(
      /[0-9a-f]{8}-[0-9a-f]{4}-|_/,
    );

    // The member has scrolled to the bottom of the page, far from the ballot, when the question is put.
    await phone.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    expect(await phone.evaluate('window.scrollY')).toBeGreaterThan(0);
    expect(await phone.getByTestId('vote-announcement').textContent()).toBe('');
    const put = await chairSays({ type: 'putTheQuestion', vote: { method: 'electronic' } });
    expect(put.voteError).toBeUndefined();

    const pin = phone.getByTestId('vote-pin');
    await pin.waitFor();
    await waitForText(phone, '[data-testid=vote-announcement]', /^Vote now: .*Pay claim/);
    // Pinned: in view at the top while the page stays where the member left it (the ballot, inserted
    // above, is out of sight: Chromium's scroll anchoring keeps what the member was reading in place).
    const ballot = (await phone.locator('#ballot').boundingBox())!;
    expect(ballot.y + ballot.height).toBeLessThan(0);
    const box = (await pin.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(60);
    expect(await phone.evaluate("document.activeElement?.closest('[data-testid=vote-pin]') !== null")).toBe(
      true,
    );
    await expectNoSidewaysScroll(phone);
    await expectAccessible(phone, 'vote pinned');
    await screenshot(phone, 'member-vote-pinned', false);
    // The floor's "question put" and the vote's opening are two events: wait for both to be in.
    await waitForText(phone, '[aria-current=step] [data-testid=item-state]', 'Voting now');
    // The member filling in the form keeps their place; the bar and the announcement still reach them.
    await waitForText(other, '[data-testid=vote-announcement]', /^Vote now: /);
    expect(await other.evaluate("document.activeElement?.getAttribute('type')")).toBe('radio');

    // The bar leads to the ballot; the member votes For.
    await phone.keyboard.press('Enter');
    await phone.getByRole('radio', { name: 'For' }).check();
    await phone.getByRole('button', { name: 'Review my vote' }).click();
    // "Change" goes back to the choice, focus with it; the receipt takes focus once the vote is cast.
    await phone.getByRole('button', { name: 'Change' }).click();
    await phone.getByRole('radio', { name: 'For' }).and(phone.locator(':focus')).waitFor();
    await phone.getByRole('button', { name: 'Review my vote' }).click();
    await phone.getByRole('button', { name: 'Confirm my vote' }).click();
    await phone.getByTestId('vote-receipt').and(phone.locator(':focus')).waitFor();
    await suite.api.http().post(`${f.base}/votes/${put.voteId}/close`).set(f.chair.auth).expect(200);
    await waitForText(phone, '[data-testid=vote-outcome]', 'Carried');
    expect(await phone.getByTestId('vote-pin').count()).toBe(0);

    await chairSays({ type: 'recordOutcome', outcome: 'carried' });
    await waitForText(phone, '[data-testid=agenda]', 'Carried');
    expect(await item('Pay claim').getByTestId('item-state').textContent()).toBe('Carried');
    expect(await phone.locator('[aria-current=step]').count()).toBe(0);
    const shown = (await phone.locator('main').textContent()) ?? '';
    expect(shown).not.toMatch(/carried_as_amended|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectAccessible(phone, 'order of business, item decided');
    await expectNoSidewaysScroll(phone);
    await noAlerts(phone);
    await phone.context().close();
    await other.context().close();
  });
});
