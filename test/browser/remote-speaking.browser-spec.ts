import type { Page } from 'playwright-core';
import type { ApiSuite } from '../support/api-suite';
import { agendaConference } from '../support/agenda-fixture';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  PHONE,
  screenshot,
  signInAttendee,
  signInOfficial,
  waitForText,
} from './browser-support';

/**
 * Remote speaking and watching (issue 18 item 5): head office sets the livestream and the speakers' room
 * on the set-up screen; a remote member sees the stream, and when the chair calls them their phone says
 * "You are called — join the room" with the room's link; they tap "I have joined" and the chair sees it.
 */
describeInBrowser('web client: a called remote speaker and the speakers’ room', () => {
  const suite = browserSuite();
  const noSidewaysScroll = async (page: Page) =>
    expect(
      await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
    ).toBeLessThanOrEqual(0);

  it('shows a called remote speaker the room link, and the chair that they joined', async () => {
    const f = await agendaConference(
      {
        api: suite.api,
        ctx: suite.ctx,
        sql: (text, params = []) => suite.api.database.dataSource.query(text, params),
        track: (socket) => socket,
      } as ApiSuite,
      { branchName: 'Room Branch', attendees: 0 },
    );
    await suite.api.http().post(`${f.base}/agenda/publish`).set(f.soc.auth).expect(200);
    const speaker = await suite.ctx.newAttendee(f.conference.id, { mode: 'remote' });
    const seconder = await suite.ctx.newAttendee(f.conference.id, { mode: 'remote' });
    await suite.ctx.markRemotePresent([seconder.registrationId]);

    // Head office sets the links on the set-up screen; a plain http address is refused at its field.
    const headOffice = await newOfficialWithPassword(suite.api, { headOffice: true });
    const { page: setup } = await newPage(suite.browser, suite.api);
    await signInOfficial(setup, headOffice);
    await setup.goto(`/c/${f.conference.id}/setup`);
    const card = setup.getByRole('region', { name: 'Remote attendance: livestream and speakers’ room' });
    await card.getByRole('button', { name: 'Save the remote links' }).waitFor();
    await card.getByLabel('Livestream address').fill('https://www.youtube.com/live/napo-agm');
    await card.getByLabel('Speakers’ room address').fill('http://meet.example.org/speakers');
    await card.getByRole('button', { name: 'Save the remote links' }).click();
    // Said in the form's alert and beside the field.
    await card
      .getByRole('alert')
      .getByText(/must be a secure web address starting https:\/\//)
      .waitFor();
    expect(await card.getByLabel('Speakers’ room address').getAttribute('aria-invalid')).toBe('true');
    await card.getByLabel('Speakers’ room address').fill('https://meet.jit.si/NapoAGMSpeakers');
    await card.getByRole('button', { name: 'Save the remote links' }).click();
    await card.getByText('Saved: remote attendees see the livestream').waitFor();
    await screenshot(setup, 'setup-remote-links', false);

    // The remote member sees the stream and confirms attendance.
    const { page: phone } = await newPage(suite.browser, suite.api, PHONE);
    await signInAttendee(phone, f.conference.name, speaker);
    await phone.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.getByTestId('attendance-confirmed').waitFor();
    // The stream, for a remote member; the room is not shown until they are called.
    expect(await phone.getByTestId('livestream-link').getAttribute('href')).toBe(
      'https://www.youtube.com/live/napo-agm',
    );
    expect(await phone.getByTestId('called-to-speak').count()).toBe(0);

    // The chair takes the motion and calls the remote member to move it.
    const chair = await newOfficialWithPassword(suite.api, {
      roles: [{ conferenceId: f.conference.id, role: 'chair' }],
    });
    const { page: console } = await newPage(suite.browser, suite.api);
    await signInOfficial(console, chair);
    await console.goto(`/c/${f.conference.id}/chair`);
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
      moverMemberId: speaker.memberId,
      seconderMemberId: seconder.memberId,
    });
    await chairSays({ type: 'callMover' });

    const called = phone.getByTestId('called-to-speak');
    await called.getByRole('heading', { name: 'You are called — join the room' }).waitFor();
    await waitForText(phone, '[data-testid=called-announcement]', 'You are called — join the room');
    expect(await called.getByRole('link', { name: 'Join the speakers’ room' }).getAttribute('href')).toBe(
      'https://meet.jit.si/NapoAGMSpeakers',
    );
    await waitForText(console, '[data-testid=speaker-room]', /has not yet said they have joined/);
    await expectAccessible(phone, 'called to speak');
    await noSidewaysScroll(phone);
    await screenshot(phone, 'member-called-join-the-room');

    await called.getByRole('button', { name: 'I have joined' }).click();
    await waitForText(phone, '[data-testid=room-joined]', 'The chair can see you have joined.');
    await phone.getByTestId('room-joined').and(phone.locator(':focus')).waitFor();
    await waitForText(console, '[data-testid=speaker-room]', /\(remote\) has joined the speakers’ room\./);
    await expectAccessible(console, 'chair sees the speaker joined');

    // The chair moves on: the card goes.
    await chairSays({ type: 'startSpeech' });
    await chairSays({ type: 'endSpeech' });
    await called.waitFor({ state: 'detached' });
    for (const page of [setup, phone, console]) await page.context().close();
  });
});
