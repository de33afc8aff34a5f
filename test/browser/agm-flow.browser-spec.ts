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
  waitForText,
} from './browser-support';
import { expectNoCodes } from './no-codes';

/**
 * A small AGM in the browser, each role on its own screen: a branch secretary submits a motion, the SOC
 * admits it and publishes the order of business, the chair runs the debate with a hall member and a
 * remote member asking to speak, the question goes to a hybrid vote (the teller enters the hall's count,
 * the remote member votes on a phone), and the projector shows the result.
 */
describeInBrowser('web client: a small AGM end to end', () => {
  const suite = browserSuite();

  const open = async (
    path: string,
    who: { email: string; password: string },
    options?: Parameters<typeof newPage>[2],
  ) => {
    const { page } = await newPage(suite.browser, suite.api, options);
    await signInOfficial(page, who);
    await page.goto(path);
    return page;
  };
  const attendeePage = async (
    conferenceName: string,
    who: TestAttendee,
    options?: Parameters<typeof newPage>[2],
  ) => {
    const { page } = await newPage(suite.browser, suite.api, options);
    await signInAttendee(page, conferenceName, who);
    return page;
  };
  /** Every alert the page shows: a refusal from the server would appear here. */
  const noAlerts = async (page: Page) =>
    expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);

  it('runs from a submitted motion to the declared result on the projector', async () => {
    const headOffice = await suite.ctx.asHeadOffice();
    const conference = await suite.ctx.newConference({
      name: `Napo AGM ${Date.now() % 10000}`,
      startsOn: '2027-10-07',
      endsOn: '2027-10-08',
    });
    const base = `/api/conferences/${conference.id}`;
    await suite.ctx.setMotionDeadlines(conference.id, {
      motions: new Date(Date.now() + 30 * 86400000),
      amendments: new Date(Date.now() + 40 * 86400000),
    });
    const current = (await suite.api.http().get(`${base}/ruleset`).set(headOffice.auth).expect(200)).body;
    await suite.api
      .http()
      .put(`${base}/ruleset`)
      .set(headOffice.auth)
      .send({
        ruleset: { ...current.ruleset, quorum: { ...current.ruleset.quorum, minimumCount: 3 } },
        reason: 'A small test AGM',
        expectedVersion: current.version,
      })
      .expect(200);
    const branch = await suite.ctx.newBody({ kind: 'branch', name: 'London Branch' });
    const section = await suite.ctx.newSection(conference.id, 'PROFESSIONAL AND TRAINING');
    const soc = await newOfficialWithPassword(suite.api, {
      roles: [{ conferenceId: conference.id, role: 'soc' }],
      name: 'SOC Chair',
    });
    const chair = await newOfficialWithPassword(suite.api, {
      roles: [{ conferenceId: conference.id, role: 'chair' }],
      name: 'Conference Chair',
    });
    const teller = await newOfficialWithPassword(suite.api, {
      roles: [{ conferenceId: conference.id, role: 'teller' }],
      name: 'Teller',
    });
    const monitor = await newOfficialWithPassword(suite.api, {
      roles: [{ conferenceId: conference.id, role: 'monitor' }],
      name: 'Equality Officer',
    });
    const secretaryMember = await suite.ctx.newMember();
    await suite.api.database.dataSource.manager.query(
      "INSERT INTO body_officer (body_id, member_id, office) VALUES ($1, $2, 'secretary')",
      [branch.id, secretaryMember.id],
    );
    const secretary = await newOfficialWithPassword(suite.api, {
      memberId: secretaryMember.id,
      name: 'Branch Secretary',
    });

    const [mover, seconder, hallSpeaker] = await Promise.all(
      [1, 2, 3].map(() => suite.ctx.newAttendee(conference.id, { mode: 'hall', category: 'full' })),
    );
    // The mover and seconder are the branch's members, as a body's motion's are.
    await suite.api.database.dataSource.manager.query(
      'UPDATE member SET branch_id = $1 WHERE id = ANY($2::uuid[])',
      [branch.id, [mover.member.id, seconder.member.id]],
    );
    for (const a of [mover, seconder, hallSpeaker])
      await suite.api
        .http()
        .post(`${base}/registrations/${a.registrationId}/check-in`)
        .set(headOffice.auth)
        .expect(200);
    const remote = await suite.ctx.newAttendee(conference.id, { mode: 'remote', category: 'full' });

    // The branch secretary drafts the motion, sees the deadline and the word count, and submits it.
    const sec = await open(`/c/${conference.id}/secretary`, secretary);
    // The deadline countdown reads GET /deadlines, which a body's officers may read (conference.view).
    await waitForText(sec, '[data-testid=deadline]', /left/);
    await sec.getByLabel('Title').fill('Workload Stress');
    await sec
      .getByLabel('Text', { exact: true })
      .fill('This AGM instructs the NEC to campaign for workload measurement in every probation region.');
    await waitForText(sec, '[data-testid=word-count]', '14 of 200 words');
    await sec.getByRole('button', { name: 'Save draft' }).click();
    await waitForText(sec, '[data-testid=motion-status]', 'Draft');
    await noAlerts(sec);
    const [motion] = (
      await suite.api
        .http()
        .get(`${base}/motions`)
        .set({ Authorization: `Bearer ${await tokenOf(sec)}` })
        .expect(200)
    ).body;
    // The form does not pick the mover and seconder yet (the member search is head office's): set them on the draft.
    await suite.api
      .http()
      .patch(`${base}/motions/${motion.id}`)
      .set({ Authorization: `Bearer ${await tokenOf(sec)}` })
      .send({
        proposerMemberId: mover.member.id,
        seconderMemberId: seconder.member.id,
        sectionId: section.id,
      })
      .expect(200);
    await sec.reload();
    await sec.getByRole('button', { name: 'Submit Workload Stress' }).click();
    await waitForText(sec, '[data-testid=motion-status]', 'Submitted');
    await expectAccessible(sec, 'secretary');
    await expectNoCodes(sec, 'secretary');
    await screenshot(sec, 'secretary');

    // The SOC admits it and publishes the order of business.
    const socPage = await open(`/c/${conference.id}/soc`, soc);
    await socPage.getByTestId('review-card').waitFor();
    await expectAccessible(socPage, 'soc');
    await expectNoCodes(socPage, 'soc');
    await screenshot(socPage, 'soc-review');
    await socPage.getByRole('button', { name: 'Record the ruling' }).click();
    await socPage.getByTestId('review-card').waitFor({ state: 'detached' });
    await socPage.getByRole('button', { name: 'Publish the order of business…' }).click();
    await socPage.getByRole('button', { name: 'Yes, publish the order of business' }).click();
    await waitForText(socPage, '[data-testid=agenda]', 'Workload Stress');
    await noAlerts(socPage);
    // The secretary follows it: the status changes on their screen without a reload.
    await waitForText(sec, '[data-testid=motion-status]', /order of business|Admitted/);

    // Everyone takes their place: the chair's console, the projector, the teller, a hall and a remote member.
    const chairPage = await open(`/c/${conference.id}/chair`, chair);
    const projector = await open(`/projector/${conference.id}`, chair, PROJECTOR);
    const tellerPage = await open(`/c/${conference.id}/teller`, teller);
    const hall = await attendeePage(conference.name, hallSpeaker, PHONE);
    const away = await attendeePage(conference.name, remote, PHONE);
    await away.getByRole('button', { name: 'Confirm attendance' }).click();
    await away.getByTestId('attendance-confirmed').waitFor();
    await waitForText(hall, '[data-testid=agenda]', 'Workload Stress');

    // The chair takes the item; the motion's text reaches the phones and the projector.
    await chairPage.getByRole('button', { name: /Take item/ }).click();
    await waitForText(chairPage, '[data-testid=item-title]', 'Workload Stress');
    await waitForText(away, '[data-testid=motion-text]', 'workload measurement');
    await waitForText(projector, '[data-testid=item-title]', 'Workload Stress');
    /** One chair action: the button, then its confirmation (or the refusal, which fails the test). */
    const step = async (name: string) => {
      await chairPage.getByRole('button', { name, exact: true }).click();
      await chairPage.locator('p.alert.ok[role=status], [role=alert]').first().waitFor();
      await noAlerts(chairPage);
    };
    await step('Call the mover');
    await step('Start');
    await waitForText(projector, '[data-testid=speech-timer]', /^\d+:\d\d$/);
    await screenshot(projector, 'projector-speech', false);
    await step('End');
    await step('Call the seconder');
    await step('Start');
    await step('End');
    await step('Open the floor');

    // The hall member asks to speak for, the remote member against; each sees their place.
    await hall.getByRole('button', { name: 'Speak for' }).click();
    await waitForText(hall, '[data-testid=my-requests]', 'place 1');
    await away.getByRole('button', { name: 'Speak against' }).click();
    await waitForText(away, '[data-testid=my-requests]', 'place 2');
    await expectAccessible(away, 'attendee in debate');
    await expectNoCodes(away, 'attendee in debate');
    await screenshot(away, 'attendee-debate');

    // The chair sees the queue with a suggestion, and calls with the keyboard: N, S, E.
    await waitForText(chairPage, '[data-testid=queue]', hallSpeaker.member.name);
    await chairPage.getByTestId('suggestion').waitFor();
    await expectAccessible(chairPage, 'chair');
    await expectNoCodes(chairPage, 'chair');
    await screenshot(chairPage, 'chair-console');
    await chairPage.locator('body').click({ position: { x: 5, y: 300 } });
    await chairPage.keyboard.press('n');
    await waitForText(chairPage, '[data-testid=called-name]', /Member/);
    // The confirmation names whom N called: the chair did not pick them from a row.
    await waitForText(chairPage, 'p.alert.ok[role=status]', /^Called Member .+\.$/);
    await chairPage.keyboard.press('s');
    await waitForText(chairPage, '[data-testid=speaker-name]', /Member/);
    await chairPage.keyboard.press('e');
    await waitForText(chairPage, 'p.alert.ok[role=status]', 'Speech ended.');
    await noAlerts(chairPage);
    await chairPage
      .getByRole('button', { name: /^Call .*(Member|suggested)/ })
      .first()
      .click();
    await step('Start');
    await step('End');

    // The question is put as a hybrid vote.
    await chairPage.getByLabel('Vote method').selectOption('hybrid');
    await step('Put the question');
    await away.getByRole('group', { name: /Your vote on/ }).waitFor();
    await hall.getByTestId('vote-in-hall').waitFor();

    // The remote member votes For on the phone, with a confirmation step and a receipt.
    await expectAccessible(away, 'vote panel');
    await expectNoCodes(away, 'vote panel');
    await away.getByRole('radio', { name: 'For' }).check();
    await away.getByRole('button', { name: 'Review my vote' }).click();
    await waitForText(away, '#confirm-text', 'You are voting For');
    await screenshot(away, 'vote-confirm');
    await away.getByRole('button', { name: 'Confirm my vote' }).click();
    await away.getByTestId('vote-receipt').waitFor();
    await noAlerts(away);
    await screenshot(away, 'vote-receipt');
    await waitForText(projector, '[data-testid=projector-ballots]', '1 of 1 remote votes in');

    // The teller enters the hall's show of cards; the chair closes the vote.
    await tellerPage.getByLabel('For').fill('2');
    await tellerPage.getByLabel('Against').fill('1');
    await tellerPage.getByLabel('Abstain').fill('0');
    await expectAccessible(tellerPage, 'teller');
    await expectNoCodes(tellerPage, 'teller');
    await screenshot(tellerPage, 'teller');
    await tellerPage.getByRole('button', { name: 'Enter the count' }).click();
    await tellerPage.getByTestId('entered-count').waitFor();
    await noAlerts(tellerPage);
    await chairPage.getByRole('button', { name: /Close the vote/ }).click();
    // One teller's count is not declared until a second teller confirms it: no second teller here, so
    // the chair declares it with a reason, which every screen shows with the result.
    await chairPage.getByText('Declare on one teller’s count').click();
    await chairPage
      .getByLabel('Why no second teller confirms the count')
      .fill('Only one teller on duty this morning');
    await step('Declare without confirmation');

    // Everyone sees the result: carried, 3 for (2 hall + 1 remote), 1 against.
    for (const page of [projector, away, hall, chairPage])
      await waitForText(page, '[data-testid=vote-outcome]', 'Carried');
    const totals = await projector.locator('[data-testid=vote-result] tr.total td').allTextContents();
    expect(totals).toEqual(['3', '1', '0']);
    await waitForText(
      projector,
      '[data-testid=unconfirmed-hall-count]',
      'Only one teller on duty this morning',
    );
    await expectAccessible(projector, 'projector');
    await expectNoCodes(projector, 'projector');
    await screenshot(projector, 'projector-result', false);
    await screenshot(away, 'attendee-result');

    // The chair records the outcome; the secretary's screen follows.
    await chairPage.getByLabel('Outcome of the item').selectOption('carried');
    await step('Record the outcome');
    await waitForText(sec, '[data-testid=motion-status]', /carried/i);
    await waitForText(projector, '[data-testid=last-outcome]', /Workload Stress — Carried/);

    // The equality officer sees the speaker statistics in aggregate, small numbers suppressed.
    const monitorPage = await open(`/c/${conference.id}/monitor`, monitor);
    await monitorPage.getByTestId('monitoring-table').waitFor();
    await waitForText(monitorPage, '[data-testid=speeches-counted]', /\d+ speeches counted/);
    await noAlerts(monitorPage);
    await expectAccessible(monitorPage, 'monitor');
    await expectNoCodes(monitorPage, 'monitor');
    await screenshot(monitorPage, 'monitor');
    // Every screen once more at the end, with the outcome recorded: no id or stored code anywhere.
    for (const [page, screen] of [
      [sec, 'secretary, motion carried'],
      [socPage, 'soc, after the debate'],
      [chairPage, 'chair, outcome recorded'],
      [projector, 'projector, outcome recorded'],
      [tellerPage, 'teller, after the count'],
      [hall, 'hall member, result'],
      [away, 'remote member, result'],
    ] as const)
      await expectNoCodes(page, screen);
    for (const tab of ['Motions', 'Documents', 'Equality monitoring', 'Priority ballot']) {
      await away.getByRole('navigation', { name: 'Your screens' }).getByRole('link', { name: tab }).click();
      await away.locator('a[aria-current=page]', { hasText: tab }).waitFor();
      await away.locator('main h2').first().waitFor();
      await expectNoCodes(away, `remote member, ${tab}`);
    }
    // 130 s with the two cores shared by other test runs (load average ~18): past jest's default 120 s.
  }, 300000);
});

async function tokenOf(page: Page): Promise<string> {
  return (await page.evaluate("JSON.parse(sessionStorage.getItem('agm.session')).token")) as string;
}
