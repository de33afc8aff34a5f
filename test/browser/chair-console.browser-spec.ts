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
  screenshot,
  setQuorumMinimum,
  signInAttendee,
  signInOfficial,
  tokenOf,
  waitForText,
} from './browser-support';

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
    const headOffice = await ctx.asHeadOffice();
    const conference = await ctx.newConference({
      name: `Chair console AGM ${Date.now() % 10000}`,
      startsOn: '2027-10-07',
      endsOn: '2027-10-08',
    });
    const base = `/api/conferences/${conference.id}`;
    await ctx.setMotionDeadlines(conference.id, {
      motions: new Date(Date.now() + 30 * 86400000),
      amendments: new Date(Date.now() + 40 * 86400000),
    });
    await setQuorumMinimum(api, conference.id, headOffice, 2);
    const branch = await ctx.newBody({ kind: 'branch', name: 'London Branch' });
    const other = await ctx.newBody({ kind: 'branch', name: 'Wales Branch' });
    const section = await ctx.newSection(conference.id, 'NEGOTIATING');
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const chair = await newOfficialWithPassword(api, {
      roles: [{ conferenceId: conference.id, role: 'chair' }],
      name: 'Conference Chair',
    });
    const teller = await newOfficialWithPassword(api, {
      roles: [{ conferenceId: conference.id, role: 'teller' }],
      name: 'Teller',
    });
    const [mover, seconder, amender, amendSeconder, voter] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => ctx.newAttendee(conference.id, { mode: 'hall', category: 'full' })),
    );
    for (const a of [mover, seconder, amender, amendSeconder, voter])
      await http()
        .post(`${base}/registrations/${a.registrationId}/check-in`)
        .set(headOffice.auth)
        .expect(200);

    // Two motions from the branch, admitted and placed; an amendment to the first from another branch.
    const secretary = await ctx.newOfficer(branch.id);
    const otherSecretary = await ctx.newOfficer(other.id);
    const motion = async (title: string) => {
      const { body } = await http()
        .post(`${base}/motions`)
        .set(secretary.auth)
        .send({
          kind: 'motion',
          bodyId: branch.id,
          sectionId: section.id,
          title,
          text: 'This AGM calls for fair pay for all probation staff.',
          proposerMemberId: mover.member.id,
          seconderMemberId: seconder.member.id,
        })
        .expect(201);
      await http().post(`${base}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
      await http()
        .post(`${base}/motions/${body.id}/review`)
        .set(soc.auth)
        .send({ action: 'admit' })
        .expect(200);
      return body.id as string;
    };
    const fairPay = await motion('Fair pay');
    const late = await motion('Late motion');
    const amendment = (
      await http()
        .post(`${base}/motions/${fairPay}/amendments`)
        .set(otherSecretary.auth)
        .send({
          bodyId: other.id,
          instructions: [{ op: 'replace', from: 'all probation staff', to: 'probation officers' }],
          proposerMemberId: amender.member.id,
          seconderMemberId: amendSeconder.member.id,
        })
        .expect(201)
    ).body;
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    await http()
      .post(`${base}/amendments/${amendment.id}/ruling`)
      .set(soc.auth)
      .send({ admissible: true })
      .expect(200);
    const agenda = (await http().get(`${base}/agenda`).set(soc.auth).expect(200)).body;
    const labelOf = (id: string) => agenda.entries.find((e: { motionId: string }) => e.motionId === id).label;

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
    await refused('Move to the amendment', /floor opened/);
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
    expect((await http().get(`${base}/motions/${amendment.id}`).set(chairAuth).expect(200)).body.status).toBe(
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

    // Time runs out: the guillotine records the other motion as not reached, after a confirmation.
    const guillotine = chairPage.getByTestId('guillotine');
    await guillotine.getByRole('checkbox', { name: /Late motion/ }).check();
    await guillotine.getByRole('button', { name: 'Apply the guillotine…' }).click();
    await waitForText(chairPage, '#guillotine-confirm', 'Record 1 motion as not reached?');
    await expectAccessible(chairPage, 'chair confirming the guillotine');
    await step('Record as not reached');
    await waitForText(chairPage, '[data-testid=not-reached]', 'Late motion');
    expect((await http().get(`${base}/motions/${late}`).set(chairAuth).expect(200)).body.status).toBe(
      'not_reached',
    );
    expect(await guillotine.getByRole('checkbox').count()).toBe(0);

    // A card vote: the card holder (remote) is told their card's weight; the teller has nothing to count.
    await api.database.dataSource.manager.query('UPDATE body SET membership_count = 120 WHERE id = $1', [
      other.id,
    ]);
    const holder = await ctx.newAttendee(conference.id, { mode: 'remote', category: 'full' });
    const { page: phone } = await newPage(browser, api, PHONE);
    await signInAttendee(phone, conference.name, holder);
    await phone.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.getByTestId('attendance-confirmed').waitFor();
    const { page: tellerPage } = await newPage(browser, api);
    await signInOfficial(tellerPage, teller);
    await tellerPage.goto(`/c/${conference.id}/teller`);
    await http()
      .post(`${base}/votes`)
      .set(chairAuth)
      .send({
        subject: 'custom',
        title: 'Card vote on the conference fund',
        topics: [],
        method: 'card_vote',
        secret: true,
        cardHolders: [{ bodyId: other.id, memberId: holder.member.id }],
      })
      .expect(201);
    await waitForText(phone, '[data-testid=card-weight]', 'counts as 120 members');
    await expectAccessible(phone, 'card holder’s ballot');
    await waitForText(tellerPage, '[data-testid=card-vote-note]', 'Nothing to count');
    expect(await tellerPage.getByLabel('For').count()).toBe(0);
    await expectAccessible(tellerPage, 'teller during a card vote');
    await phone.getByRole('radio', { name: 'For' }).check();
    await phone.getByRole('button', { name: 'Review my vote' }).click();
    await phone.getByRole('button', { name: 'Confirm my vote' }).click();
    await phone.getByTestId('vote-receipt').waitFor();
    await waitForText(tellerPage, '[data-testid=card-vote-note]', '1 of 1 cards cast');
    await step(/Close the vote/);
    for (const page of [chairPage, phone, tellerPage])
      await waitForText(page, '[data-testid=vote-outcome]', 'Carried');
    const totals = await chairPage.locator('[data-testid=vote-result] tr.total td').allTextContents();
    expect(totals).toEqual(['120', '0', '0']);
    expect(await alerts(phone)).toEqual([]);
    expect(await alerts(tellerPage)).toEqual([]);
  });
});
