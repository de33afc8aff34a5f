import {
  browserSuite,
  describeInBrowser,
  dropAllSockets,
  expectAccessible,
  newPage,
  PHONE,
  signInAttendee,
  waitForText,
} from './browser-support';

/**
 * A remote member's phone and their presence (docs/REALTIME.md "Presence"): confirmed stays confirmed
 * through a dropped connection and a reload; when the grace runs out the phone says so in words and one
 * tap confirms again.
 */
describeInBrowser('web client: remote presence on the phone', () => {
  const suite = browserSuite();

  it('keeps the attendance through a drop and a reload, and offers one tap to confirm again once it lapsed', async () => {
    const conference = await suite.ctx.newConference();
    const remote = await suite.ctx.newAttendee(conference.id, { mode: 'remote' });
    const hall = await Promise.all([1, 2].map(() => suite.ctx.newAttendee(conference.id, { mode: 'hall' })));
    const sql = (text: string, params: unknown[]) => suite.api.database.dataSource.query(text, params);
    const headOffice = await suite.ctx.asHeadOffice();
    const checkIn = (registrationId: string) =>
      suite.api
        .http()
        .post(`/api/conferences/${conference.id}/registrations/${registrationId}/check-in`)
        .set(headOffice.auth)
        .expect(200);

    const phone = await newPage(suite.browser, suite.api, PHONE);
    await signInAttendee(phone.page, conference.name, remote);
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^0 present/);
    await phone.page.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.page.getByTestId('attendance-confirmed').waitFor();
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^1 present/);

    // The network goes and the server drops the socket; while it is away a hall member is checked in.
    // Back online, the phone resumes: two present, the remote member still one of them.
    await phone.context.setOffline(true);
    dropAllSockets(suite.api);
    await phone.page.getByTestId('offline-banner').waitFor();
    await checkIn(hall[0].registrationId);
    await phone.context.setOffline(false);
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^2 present/);
    await phone.page.getByTestId('attendance-confirmed').waitFor();

    // A reload: the page asks the server, which still counts them.
    await phone.page.reload();
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^2 present/);
    await phone.page.getByTestId('attendance-confirmed').waitFor();

    // The phone goes away longer than the grace: while it is offline its lease is made to have lapsed
    // (a connected phone's lease is renewed even after it lapsed, so this needs the phone away), the
    // instance's sweeper ends the presence, and the phone, back online, is told.
    await phone.context.setOffline(true);
    dropAllSockets(suite.api);
    await phone.page.getByTestId('offline-banner').waitFor();
    for (let ended = false; !ended; ) {
      await sql(
        `UPDATE presence_lease SET expires_at = now() - interval '1 second' WHERE registration_id = $1`,
        [remote.registrationId],
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await sql('SELECT present FROM registration WHERE id = $1', [remote.registrationId]);
      ended = row.present === false;
    }
    await phone.context.setOffline(false);
    await waitForText(phone.page, '[data-testid=attendance-lapsed]', /no longer count as present/);
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^1 present/);
    await expectAccessible(phone.page, 'attendee-lapsed');
    expect(await phone.page.locator('body').innerText()).not.toMatch(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    );

    await phone.page.getByRole('button', { name: 'Confirm attendance again' }).click();
    await phone.page.getByTestId('attendance-confirmed').waitFor();
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^2 present/);
    await phone.context.close();
  });
});
