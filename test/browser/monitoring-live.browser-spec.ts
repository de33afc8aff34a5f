import type { Page } from 'playwright-core';
import type { ApiSuite } from '../support/api-suite';
import { agendaConference } from '../support/agenda-fixture';
import type { TestAttendee } from '../support/test-context';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  PHONE,
  signInAttendee,
  signInOfficial,
  waitForText,
} from './browser-support';
import { expectNoCodes } from './no-codes';

/**
 * Issue 18's "a member answering the monitoring form and the equality officer's live view changing once
 * the threshold is reached": a remote member answers the form on a phone and moves a motion; the equality
 * officer's screen, open throughout, shows no speech counted while fewer speeches than the threshold have
 * finished, and changes by itself when the speech that reaches it ends. The threshold is the one the
 * screen states, not a number this test assumes.
 */
describeInBrowser('web client: the equality officer’s live view', () => {
  const suite = browserSuite();
  const noSidewaysScroll = async (page: Page) =>
    expect(
      await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    ).toBeLessThanOrEqual(0);

  it('counts nothing until a batch of speeches as large as the threshold has finished, then shows it live', async () => {
    const f = await agendaConference(
      {
        api: suite.api,
        ctx: suite.ctx,
        sql: (text, params = []) => suite.api.database.dataSource.query(text, params),
        track: (socket) => socket,
      } as ApiSuite,
      { branchName: 'Monitoring Branch', attendees: 0 },
    );
    await suite.api.http().post(`${f.base}/agenda/publish`).set(f.soc.auth).expect(200);
    const http = () => suite.api.http();

    // The equality officer's screen, on a phone, before anyone has spoken.
    const monitor = await newOfficialWithPassword(suite.api, {
      roles: [{ conferenceId: f.conference.id, role: 'monitor' }],
      name: 'Equality Officer',
    });
    const { page: officer } = await newPage(suite.browser, suite.api, PHONE);
    await signInOfficial(officer, monitor);
    await officer.goto(`/c/${f.conference.id}/monitor`);
    await officer.getByTestId('monitoring-table').waitFor();
    await waitForText(officer, '[data-testid=speeches-counted]', /^0 speeches counted/);
    const threshold = Number(
      /Released in batches of (\d+)\./.exec((await officer.locator('main').textContent()) ?? '')?.[1],
    );
    expect(threshold).toBeGreaterThan(1);

    // The mover answers the form on her phone and confirms she is attending remotely.
    const mover = await suite.ctx.newAttendee(f.conference.id, { mode: 'remote' });
    const { page: phone } = await newPage(suite.browser, suite.api, PHONE);
    await signInAttendee(phone, f.conference.name, mover);
    await phone.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.getByTestId('attendance-confirmed').waitFor();
    const nav = phone.getByRole('navigation', { name: 'Your screens' });
    await nav.getByRole('link', { name: 'Equality monitoring' }).click();
    await phone.getByRole('group', { name: 'Gender' }).getByRole('radio', { name: 'Woman' }).check();
    await phone.getByRole('button', { name: 'Save my answers' }).click();
    await waitForText(phone, 'p.alert.ok[role=status]', 'Your answers are saved');

    // The other speakers are in the hall, checked in; they gave their answers on their own phones.
    const others: TestAttendee[] = [];
    for (let i = 1; i < threshold; i++) {
      const member = await suite.ctx.newAttendee(f.conference.id, { mode: 'hall' });
      await http()
        .post(`${f.base}/registrations/${member.registrationId}/check-in`)
        .set(f.headOffice.auth)
        .expect(200);
      await http()
        .put(`${f.base}/monitoring/my-answers`)
        .set(member.auth)
        .send({ answers: { gender: i % 2 ? 'man' : 'woman' } })
        .expect(200);
      others.push(member);
    }
    const [seconder, ...floor] = others;

    /** A debate command as the console sends it, at the debate's current version; a refusal fails with its reason. */
    const command = async (who: { auth: Record<string, string> }, body: Record<string, unknown>) => {
      const { version } = (await http().get(`${f.base}/debate`).set(f.chair.auth).expect(200)).body;
      const answer = await http()
        .post(`${f.base}/debate/commands`)
        .set(who.auth)
        .send({ itemId: f.motions.pay, expectedSeq: version, ...body });
      expect([body.type, answer.status, answer.body.message]).toEqual([body.type, 200, undefined]);
    };
    const speech = async () => {
      await command(f.chair, { type: 'startSpeech' });
      await command(f.chair, { type: 'endSpeech' });
    };
    // What the report itself says, read as an equality officer through the API.
    const reader = await suite.ctx.newOfficial({
      roles: [{ conferenceId: f.conference.id, role: 'monitor' }],
    });
    const counted = async () =>
      (await http().get(`${f.base}/monitoring/report?question=gender`).set(reader.auth).expect(200)).body
        .speechesCounted as number;

    await command(f.chair, {
      type: 'takeItem',
      itemId: undefined,
      motionId: f.motions.pay,
      moverMemberId: mover.memberId,
      seconderMemberId: seconder.memberId,
    });
    await command(f.chair, { type: 'callMover' });
    await speech();
    await command(f.chair, { type: 'callSeconder' });
    await speech();
    await command(f.chair, { type: 'openFloor' });
    // Every speech but the last of the batch: nothing is released yet.
    for (const [i, speaker] of floor.entries()) {
      await command(speaker, { type: 'requestToSpeak', stance: i % 2 ? 'for' : 'against' });
      await command(f.chair, { type: 'callSpeaker', memberId: speaker.memberId });
      if (i < floor.length - 1) await speech();
    }
    await command(f.chair, { type: 'startSpeech' });
    expect(await counted()).toBe(0);
    await waitForText(officer, '[data-testid=speeches-counted]', /^0 speeches counted/);

    // The speech that reaches the threshold ends: the officer's screen changes by itself, no reload.
    await officer.evaluate('window.sameDocument = true');
    await command(f.chair, { type: 'endSpeech' });
    await waitForText(
      officer,
      '[data-testid=speeches-counted]',
      new RegExp(`^${threshold} speeches counted`),
    );
    expect(await officer.evaluate('window.sameDocument === true')).toBe(true);
    expect(await counted()).toBe(threshold);
    await officer.getByTestId('monitoring-table').waitFor();
    await noSidewaysScroll(officer);
    await expectAccessible(officer, 'equality officer, a batch released');
    await expectNoCodes(officer, 'equality officer, a batch released');
    await expectNoCodes(phone, 'member, monitoring form');
    for (const page of [officer, phone]) await page.context().close();
  });
});
