import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { TestAttendee } from '../support/test-context';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  PHONE,
  PROJECTOR,
  screenshot,
  signInAttendee,
  signInOfficial,
  tokenOf,
  waitForText,
} from './browser-support';
import { chairHall } from './chair-hall';

/**
 * The chair's less frequent controls in the browser: an amendment moved and declared (a result that
 * contradicts its declared vote refused on screen), a vote voided with a reason and re-run, the
 * guillotine; then a card vote, where the teller has nothing to count and the card holder is told
 * what their card counts for.
 */
describeInBrowser('web client: the chair’s amendments, guillotine, void and re-run; card votes', () => {
  const suite = browserSuite();

  const http = () => suite.api.http();
  /** Every alert the page shows: a refusal from the server would appear here. */
  const alerts = (page: Page) => page.locator('[role=alert]').allTextContents();

  it('moves to an amendment and declares it, voids and re-runs a vote, applies the guillotine, and shows refusals', async () => {
    const { api, ctx, browser } = suite;
    // Three motions from the branch, admitted and placed; an amendment to the first from another branch,
    // each moved and seconded by its own body's members; a fifth member in the hall votes.
    const {
      base,
      conference,
      branch,
      amendingBranch,
      soc,
      chair,
      attendees,
      motionIds: [fairPay, late, cardMotion],
      amendmentIds: [amendmentId],
      agenda,
      labelOf,
    } = await chairHall(api, ctx, {
      name: 'Chair console AGM',
      quorum: 2,
      members: 5,
      branch: 'London Branch',
      motions: [{ title: 'Fair pay' }, { title: 'Late motion' }, { title: 'Conference fund by card vote' }],
      amendments: {
        branch: 'Wales Branch',
        to: [
          {
            motion: 0,
            instructions: [{ op: 'replace', from: 'all probation staff', to: 'probation officers' }],
          },
        ],
      },
    });
    const other = amendingBranch!;
    const voter = attendees[4];
    const teller = await newOfficialWithPassword(api, {
      roles: [{ conferenceId: conference.id, role: 'teller' }],
      name: 'Teller',
    });

    const { page: chairPage } = await newPage(browser, api);
    await signInOfficial(chairPage, chair);
    await chairPage.goto(`/c/${conference.id}/chair`);
    const chairAuth = { Authorization: `Bearer ${await tokenOf(chairPage)}` };
    const openVoteId = async () =>
      (
        (await http().get(`${base}/votes`).set(chairAuth).expect(200)).body as Array<{
          id: string;
          state: string;
        }>
      ).find((v) => v.state === 'open')!.id;
    const cast = async (who: TestAttendee, choice: string) =>
      http()
        .post(`${base}/votes/${await openVoteId()}/ballots`)
        .set(who.auth)
        .send({ choice, idempotencyKey: randomUUID() })
        .expect(200);

    /** One chair action: the button, then its confirmation; any refusal fails the test. */
    const step = async (name: string | RegExp) => {
      await chairPage.getByRole('button', { name, exact: typeof name === 'string' }).click();
      await chairPage.locator('p.alert.ok[role=status], [role=alert]').first().waitFor();
      expect(await alerts(chairPage)).toEqual([]);
    };
    /** One chair action the api refuses: the refusal is shown in the alert region. */
    const refused = async (name: string, message: RegExp) => {
      await chairPage.getByRole('button', { name, exact: true }).click();
      await waitForText(chairPage, '[role=alert]', message);
    };

    // A second chair's console that misses the debate's live events (dropped on its socket) acts on an
    // old version after the first chair takes the item: 409, shown in its alert region, nothing recorded.
    const { page: secondChair } = await newPage(browser, api);
    await secondChair.routeWebSocket(/socket\.io/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (typeof message === 'string' && message.includes('"debate.')) return;
        ws.send(message);
      });
    });
    await signInOfficial(secondChair, chair);
    await secondChair.goto(`/c/${conference.id}/chair`);
    await waitForText(secondChair, '[data-testid=agenda]', 'Late motion');
    await secondChair.getByTestId('online-status').waitFor({ state: 'attached' });

    await chairPage.getByRole('button', { name: `Take item ${labelOf(fairPay)}` }).click();
    await waitForText(chairPage, '[data-testid=item-title]', 'Fair pay');
    await secondChair.getByRole('button', { name: `Take item ${labelOf(late)}` }).click();
    await waitForText(secondChair, '[role=alert]', /moved on since you acted.*another chair may have acted/);
    await expectAccessible(secondChair, 'second chair shown a stale-version refusal');
    await secondChair.close();
    for (const name of ['Call the mover', 'Start', 'End', 'Formally seconded']) await step(name);

    // An amendment is taken only once the floor is open: the refusal is shown, the console stays usable.
    await waitForText(chairPage, '[data-testid=amendments]', 'ruled admissible');
    // Not before the floor is open: the button says why rather than being refused.
    const moveAmendment = chairPage.getByRole('button', { name: 'Move to the amendment', exact: true });
    expect(await moveAmendment.isDisabled()).toBe(true);
    expect(await moveAmendment.getAttribute('title')).toMatch(/Open the floor/);
    await step('Open the floor');
    await step('Move to the amendment');
    await waitForText(chairPage, '[data-testid=amendment-under-debate]', /amend/i);
    await expectAccessible(chairPage, 'chair with an amendment under debate');
    await screenshot(chairPage, 'chair-amendment');
    // The console with its new controls reflows: at 200% zoom of the laptop window (640 px) and on a phone.
    for (const width of [640, 360]) {
      await chairPage.setViewportSize({ width, height: 760 });
      expect(await chairPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    }
    await chairPage.setViewportSize({ width: 1280, height: 860 });
    for (const name of ['Call the mover', 'Start', 'End', 'Formally seconded']) await step(name);

    // The amendment's vote is lost; declaring it carried is refused (vote-result), declaring it lost is not.
    await chairPage.getByLabel('Vote method').selectOption('electronic');
    await step('Put the question');
    await cast(voter, 'against');
    await step(/Close the vote/);
    await waitForText(chairPage, '[data-testid=vote-outcome]', 'Lost');
    await refused('Amendment carried', /declared|lost/i);
    await step('Amendment lost');
    await waitForText(chairPage, '[data-testid=amendment-list]', 'lost');
    expect((await http().get(`${base}/motions/${amendmentId}`).set(chairAuth).expect(200)).body.status).toBe(
      'lost',
    );

    // The motion's vote is voided with a reason (everyone sees it), then re-run as a new vote.
    await step('Put the question');
    await chairPage.getByText('Void this vote').click();
    await chairPage
      .getByLabel('Why the vote is voided')
      .fill('Point of order upheld: the remote stream failed');
    await step('Void the vote');
    await waitForText(chairPage, '[data-testid=void-reason]', 'remote stream failed');
    await expectAccessible(chairPage, 'chair with a voided vote');
    await step('Re-run the vote');
    await waitForText(chairPage, 'p.vote-title', '(re-run)');
    const votes = (await http().get(`${base}/votes`).set(chairAuth).expect(200)).body as Array<{
      state: string;
      subjectRef: string;
      voidReason: string | null;
    }>;
    expect(votes.map((v) => [v.state, v.subjectRef])).toEqual(
      expect.arrayContaining([
        ['voided', fairPay],
        ['open', fairPay],
      ]),
    );
    await cast(voter, 'for');
    await step(/Close the vote/);
    await waitForText(chairPage, '[data-testid=vote-outcome]', 'Carried');
    await chairPage.getByLabel('Outcome of the item').selectOption('carried');
    await step('Record the outcome');
    await waitForText(chairPage, '[data-testid=last-outcome]', /Fair pay — Carried/);

    // The SOC moves the card vote's motion (Motion 3) above Late motion (Motion 2): the guillotine lists
    // the motions waiting as the order of business now takes them, not by their numbers.
    const guillotine = chairPage.getByTestId('guillotine');
    await waitForText(
      chairPage,
      '[data-testid=guillotine] fieldset',
      new RegExp(`${labelOf(late)}: Late motion ${labelOf(cardMotion)}: Conference fund`),
    );
    const published = agenda!.entries.map((e) => e.motionId);
    await http()
      .post(`${base}/agenda/move`)
      .set(soc.auth)
      .send({
        motionId: cardMotion,
        toPosition: 1,
        reason: 'The fund needs the card vote before lunch.',
        expectedOrder: published,
      })
      .expect(200);
    await waitForText(
      chairPage,
      '[data-testid=guillotine] fieldset',
      new RegExp(`${labelOf(cardMotion)}: Conference fund by card vote ${labelOf(late)}: Late motion`),
    );
    const moved = (await http().get(`${base}/agenda`).set(chairAuth).expect(200)).body;
    const waitingInOrder = moved.entries
      .filter((e: { status: string }) => e.status === 'placed')
      .map((e: { label: string; title: string }) => `${e.label}: ${e.title}`);
    expect((await guillotine.locator('label').allTextContents()).map((t) => t.trim())).toEqual(
      waitingInOrder,
    );

    // Time runs out: the guillotine records the other motion as not reached, after a confirmation.
    await guillotine.getByRole('checkbox', { name: /Late motion/ }).check();
    await guillotine.getByRole('button', { name: 'Apply the guillotine…' }).click();
    await waitForText(chairPage, '#guillotine-confirm', 'Record 1 motion as not reached?');
    await expectAccessible(chairPage, 'chair confirming the guillotine');
    await step('Record as not reached');
    await waitForText(chairPage, '[data-testid=not-reached]', 'Late motion');
    expect((await http().get(`${base}/motions/${late}`).set(chairAuth).expect(200)).body.status).toBe(
      'not_reached',
    );
    expect(await guillotine.getByRole('checkbox').count()).toBe(1);

    // A card vote opened directly (a custom question): the card holder (remote) is told their card's
    // weight; the teller has nothing to count; the projector shows the declared result like a motion's.
    await api.database.dataSource.manager.query('UPDATE body SET membership_count = 120 WHERE id = $1', [
      other.id,
    ]);
    await api.database.dataSource.manager.query('UPDATE body SET membership_count = 45 WHERE id = $1', [
      branch.id,
    ]);
    const holder = await ctx.newAttendee(conference.id, { mode: 'remote', category: 'full' });
    // The card holders are their branches' members: Wales's is remote, London's (voter) in the hall.
    await api.database.dataSource.manager.query('UPDATE member SET branch_id = $1 WHERE id = $2', [
      other.id,
      holder.member.id,
    ]);
    await api.database.dataSource.manager.query('UPDATE member SET branch_id = $1 WHERE id = $2', [
      branch.id,
      voter.member.id,
    ]);
    const { page: phone } = await newPage(browser, api, PHONE);
    await signInAttendee(phone, conference.name, holder);
    await phone.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.getByTestId('attendance-confirmed').waitFor();
    const { page: tellerPage } = await newPage(browser, api);
    await signInOfficial(tellerPage, teller);
    await tellerPage.goto(`/c/${conference.id}/teller`);
    const { page: projector } = await newPage(browser, api, PROJECTOR);
    await signInOfficial(projector, chair);
    await projector.goto(`/projector/${conference.id}`);
    await projector.getByTestId('quorum-figure').waitFor();
    // The chair opens it from the console's "Other vote" form (POST /votes, subject custom). With no card
    // holder named the api refuses, said at the card holders' field, and nothing opens; then Wales's holder
    // is picked with the keyboard and the form sent with Enter from the question's field.
    const otherVote = chairPage.getByTestId('other-vote');
    const votesNow = async () => (await http().get(`${base}/votes`).set(chairAuth).expect(200)).body.length;
    const votesBefore = await votesNow();
    await otherVote.getByLabel('Question').fill('Card vote on the conference fund');
    await otherVote.getByLabel('Method of voting').selectOption('card_vote');
    expect(
      await otherVote.getByRole('group', { name: 'Topics' }).getByRole('checkbox').count(),
    ).toBeGreaterThan(0);
    const otherHolders = otherVote.getByRole('group', { name: 'Card holders for this vote' });
    const walesCard = otherHolders.getByLabel('Wales Branch (card of 120)');
    await walesCard.waitFor();
    expect(await walesCard.inputValue()).toBe('');
    await otherVote.getByRole('button', { name: 'Open this vote' }).click();
    await waitForText(chairPage, '[data-testid=other-vote] .field-error', 'name at least one card holder');
    await waitForText(chairPage, '[data-testid=other-vote] [role=alert]', 'card vote needs the card holder');
    expect(await votesNow()).toBe(votesBefore);
    await expectAccessible(chairPage, 'chair refused another vote');
    for (const width of [360]) {
      await chairPage.setViewportSize({ width, height: 760 });
      expect(await chairPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    }
    await chairPage.setViewportSize({ width: 1280, height: 860 });
    // Each option names the member by membership number: arrow down to the holder's.
    const options = await walesCard.locator('option').allTextContents();
    const at = options.findIndex((text) => text.includes(holder.member.membershipNumber));
    expect(at).toBeGreaterThan(0);
    await walesCard.focus();
    for (let i = 0; i < at; i++) await chairPage.keyboard.press('ArrowDown');
    expect(await walesCard.inputValue()).toBe(holder.member.id);
    await otherVote.getByLabel('Question').focus();
    await chairPage.keyboard.press('Enter');
    await waitForText(
      chairPage,
      '[data-testid=other-vote] p.alert.ok',
      'The vote “Card vote on the conference fund” is open.',
    );
    expect(await alerts(chairPage)).toEqual([]);
    await waitForText(chairPage, 'p.vote-title', 'Card vote on the conference fund');
    // The form is fresh for the next question; the vote is followed in the console's Vote panel.
    expect(await otherVote.getByLabel('Question').inputValue()).toBe('');
    expect(await otherVote.getByLabel('Method of voting').inputValue()).toBe('hybrid');
    await waitForText(phone, '[data-testid=card-weight]', 'counts as 120 members');
    await waitForText(projector, '.projector-vote .item-title', 'Card vote on the conference fund');
    await expectAccessible(phone, 'card holder’s ballot');
    await waitForText(tellerPage, '[data-testid=card-vote-note]', 'Nothing to count');
    expect(await tellerPage.getByLabel('For').count()).toBe(0);
    await expectAccessible(tellerPage, 'teller during a card vote');
    /** A card holder votes on their own device, with the confirmation step. */
    const voteOn = async (device: Page, choice: 'For' | 'Against') => {
      await device.getByRole('radio', { name: choice }).check();
      await device.getByRole('button', { name: 'Review my vote' }).click();
      await device.getByRole('button', { name: 'Confirm my vote' }).click();
      await device.getByTestId('vote-receipt').waitFor();
    };
    await voteOn(phone, 'For');
    await waitForText(tellerPage, '[data-testid=card-vote-note]', '1 of 1 cards cast');
    await step(/Close the vote/);
    for (const page of [chairPage, phone, tellerPage, projector])
      await waitForText(page, '[data-testid=vote-outcome]', 'Carried');
    const totals = await chairPage.locator('[data-testid=vote-result] tr.total td').allTextContents();
    expect(totals).toEqual(['120', '0', '0']);
    expect(await alerts(phone)).toEqual([]);
    expect(await alerts(tellerPage)).toEqual([]);
    // The projector shows the custom vote's declared result: title, counts, threshold and outcome.
    await waitForText(projector, '#proj-vote', 'Result');
    await waitForText(projector, '.projector-vote .item-title', 'Card vote on the conference fund');
    expect(await projector.locator('[data-testid=vote-result] tr.total td').allTextContents()).toEqual([
      '120',
      '0',
      '0',
    ]);
    await waitForText(projector, '[data-testid=vote-result]', 'Simple majority: more votes for than against');
    await expectAccessible(projector, 'projector with a custom vote’s result');

    // A card vote on the question, from the console: the card holders' editor lists each body with its
    // registered members, prefilled from the card vote just held (Wales: the holder; London: nobody).
    await chairPage.getByRole('button', { name: `Take item ${labelOf(cardMotion)}` }).click();
    await waitForText(chairPage, '[data-testid=item-title]', 'Conference fund by card vote');
    // The projector moves on to the new item.
    await waitForText(projector, '[data-testid=item-title]', 'Conference fund by card vote');
    for (const name of ['Call the mover', 'Start', 'End', 'Formally seconded']) await step(name);
    await chairPage.getByLabel('Vote method').selectOption('card_vote');
    const holders = chairPage.getByRole('group', { name: 'Card holders', exact: true });
    await holders.waitFor();
    const wales = holders.getByLabel('Wales Branch (card of 120)');
    const london = holders.getByLabel('London Branch (card of 45)');
    await waitForText(chairPage, '[data-testid=card-holders-summary]', '1 card, 120 members');
    expect(await wales.inputValue()).toBe(holder.member.id);
    expect(await london.inputValue()).toBe('');
    // Nobody named: the api refuses and the question is not put.
    await wales.selectOption('');
    await refused('Put the question', /card vote needs the card holder/);
    // The refusal is also said at the card holders' field (the api's `vote.cardHolders`).
    await holders.locator('.field-error').filter({ hasText: 'name at least one card holder' }).waitFor();
    expect(
      (await http().get(`${base}/debate`).set(chairAuth).expect(200)).body.floor.item.questionPut,
    ).toBeNull();
    // With the keyboard: London's picker takes the hall member, Wales's the remote holder again.
    await wales.selectOption(holder.member.id);
    await london.focus();
    await chairPage.keyboard.press('ArrowDown');
    // London's registered members (the mover and seconder are now its members too) are listed by name,
    // and test names are random: the arrow takes the first of them; then the hall voter is picked.
    const firstLondoner = await london.locator('option').nth(1).getAttribute('value');
    expect(await london.inputValue()).toBe(firstLondoner);
    await london.selectOption(voter.member.id);
    await waitForText(chairPage, '[data-testid=card-holders-summary]', '2 cards, 165 members');
    await expectAccessible(chairPage, 'chair naming card holders');
    await screenshot(chairPage, 'chair-card-holders');
    for (const width of [360]) {
      await chairPage.setViewportSize({ width, height: 760 });
      expect(await chairPage.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    }
    await chairPage.setViewportSize({ width: 1280, height: 860 });
    await step('Put the question');
    await waitForText(chairPage, 'p.vote-title', 'Conference fund by card vote');
    await waitForText(chairPage, '[data-testid=question-vote]', 'open');

    // Voided (the wrong holder, say), then re-run from the console with the same card holders.
    await chairPage.getByText('Void this vote').click();
    await chairPage.getByLabel('Why the vote is voided').fill('Point of order: London named its holder late');
    await step('Void the vote');
    const rerunHolders = chairPage.getByRole('group', { name: 'Card holders for the re-run' });
    await rerunHolders
      .getByTestId('card-holders-summary')
      .filter({ hasText: '2 cards, 165 members' })
      .waitFor();
    expect(await rerunHolders.getByLabel('Wales Branch (card of 120)').inputValue()).toBe(holder.member.id);
    expect(await rerunHolders.getByLabel('London Branch (card of 45)').inputValue()).toBe(voter.member.id);
    await expectAccessible(chairPage, 'chair re-running a voided card vote');
    await step('Re-run the vote');
    await waitForText(chairPage, 'p.vote-title', /Conference fund by card vote.*\(re-run\)/);
    const rerun = (
      (await http().get(`${base}/votes`).set(chairAuth).expect(200)).body as Array<{
        state: string;
        method: string;
        subjectRef: string;
      }>
    ).filter((v) => v.subjectRef === cardMotion);
    expect(rerun.map((v) => [v.state, v.method])).toEqual([
      ['voided', 'card_vote'],
      ['open', 'card_vote'],
    ]);

    // Each card holder votes on their own device: Wales for (120), London against (45).
    const { page: londonPhone } = await newPage(browser, api, PHONE);
    await signInAttendee(londonPhone, conference.name, voter);
    await waitForText(londonPhone, '[data-testid=card-weight]', 'counts as 45 members');
    await voteOn(londonPhone, 'Against');
    await waitForText(phone, '[data-testid=card-weight]', 'counts as 120 members');
    await voteOn(phone, 'For');
    await step(/Close the vote/);
    for (const page of [chairPage, phone, londonPhone, projector])
      await waitForText(page, '[data-testid=vote-outcome]', 'Carried');
    expect(await chairPage.locator('[data-testid=vote-result] tr.total td').allTextContents()).toEqual([
      '120',
      '45',
      '0',
    ]);
    await waitForText(
      chairPage,
      '[data-testid=question-vote]',
      /declared: Carried \(for 120, against 45, abstain 0\)/,
    );
    expect(await alerts(phone)).toEqual([]);
    expect(await alerts(londonPhone)).toEqual([]);
  });
});
