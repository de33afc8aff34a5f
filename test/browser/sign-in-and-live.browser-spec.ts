import {
  browserSuite,
  describeInBrowser,
  dropAllSockets,
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
 * The web client against the real api: signing in as an official and as an attendee, the attendee's
 * live quorum when head office checks people in, the offline banner and the resume after a drop, and
 * the session ending when the access code is revoked.
 */
describeInBrowser('web client: sign-in and live state', () => {
  const suite = browserSuite();

  it('serves the client at / and at its own routes, and leaves the suite.api paths alone', async () => {
    const index = await suite.api.http().get('/').expect(200);
    expect(index.text).toContain('<div id="root">');
    expect(
      (await suite.api.http().get('/projector/00000000-0000-4000-8000-000000000000').expect(200)).text,
    ).toContain('<div id="root">');
    expect((await suite.api.http().get('/api/nothing-here').expect(404)).body).toMatchObject({
      statusCode: 404,
    });
    expect((await suite.api.http().get('/health').expect(200)).body.status).toBe('ok');
  });

  it('signs an official in with email and password, lists their screens, and refuses a wrong password', async () => {
    const conference = await suite.ctx.newConference();
    const chair = await newOfficialWithPassword(suite.api, {
      roles: [{ conferenceId: conference.id, role: 'chair' }],
    });
    const { context, page } = await newPage(suite.browser, suite.api);
    await page.goto('/');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');

    await page.getByLabel('Email').fill(chair.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in as an official' }).click();
    await waitForText(page, '[role=alert]', /./);
    expect(await page.evaluate("sessionStorage.getItem('agm.session')")).toBeNull();

    await signInOfficial(page, chair);
    await page.getByRole('heading', { name: conference.name }).waitFor();
    await page.getByRole('link', { name: 'Chair’s console' }).waitFor();
    expect(await page.evaluate("JSON.parse(sessionStorage.getItem('agm.session')).kind")).toBe('account');
    await expectAccessible(page, 'home');
    await screenshot(page, 'official-home');
    await context.close();
  });

  it('shows a remote attendee the quorum live as head office checks members in, on a 360-pixel phone', async () => {
    const conference = await suite.ctx.newConference();
    const remote = await suite.ctx.newAttendee(conference.id, { mode: 'remote' });
    const hall = await Promise.all([1, 2].map(() => suite.ctx.newAttendee(conference.id, { mode: 'hall' })));
    const admin = await newOfficialWithPassword(suite.api, { headOffice: true });

    const phone = await newPage(suite.browser, suite.api, PHONE);
    await signInAttendee(phone.page, conference.name, remote);
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^0 present/);
    await phone.page.getByRole('button', { name: 'Confirm attendance' }).click();
    await phone.page.locator('[data-testid=attendance-confirmed], [role=alert]').first().waitFor();
    expect(await phone.page.locator('[role=alert]').allTextContents()).toEqual([]);
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^1 present/);

    // Head office checks a hall member in at the desk, in another browser.
    const desk = await newPage(suite.browser, suite.api);
    await signInOfficial(desk.page, admin);
    await desk.page.goto(`/c/${conference.id}/admin`);
    await desk.page.getByRole('button', { name: `Check in ${hall[0].member.name}` }).click();
    await waitForText(phone.page, '[data-testid=quorum-figure]', /^2 present/);
    await expectAccessible(desk.page, 'admin');
    await screenshot(desk.page, 'admin-check-in');

    // The phone layout does not scroll sideways at 360 pixels.
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await expectAccessible(phone.page, 'attendee');
    await screenshot(phone.page, 'attendee-phone');

    // 200% zoom on a laptop-sized window: the same content reflows without sideways scrolling.
    const zoomed = await newPage(suite.browser, suite.api, {
      viewport: { width: 640, height: 800 },
      deviceScaleFactor: 2,
    });
    await zoomed.page.goto('/');
    expect(await zoomed.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(640);
    await zoomed.context.close();
    await desk.context.close();
    await phone.context.close();
  });

  it('shows an offline banner and marks the state out of date when the socket drops, then resumes with what was missed', async () => {
    const conference = await suite.ctx.newConference();
    const attendee = await suite.ctx.newAttendee(conference.id, { mode: 'hall' });
    const others = await Promise.all(
      [1, 2].map(() => suite.ctx.newAttendee(conference.id, { mode: 'hall' })),
    );
    const admin = await suite.ctx.asHeadOffice();
    const checkIn = (registrationId: string) =>
      suite.api
        .http()
        .post(`/api/conferences/${conference.id}/registrations/${registrationId}/check-in`)
        .set(admin.auth)
        .expect(200);

    const { context, page } = await newPage(suite.browser, suite.api, PHONE);
    await signInAttendee(page, conference.name, attendee);
    // The "Connecting…" banner shares the test id; wait until the socket has joined, so the change
    // below arrives live rather than in the first HTTP snapshot.
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15000 });
    await checkIn(others[0].registrationId);
    await waitForText(page, '[data-testid=quorum-figure]', /^1 present/);
    expect(await page.getByTestId('offline-banner').count()).toBe(0);

    // The network goes and the server drops the socket: the banner shows, the figures are marked stale.
    await context.setOffline(true);
    dropAllSockets(suite.api);
    await page.getByTestId('offline-banner').waitFor();
    await waitForText(page, '[data-testid=offline-banner]', /Offline — reconnecting/);
    expect(await page.locator('section[data-stale=true]').count()).toBeGreaterThan(0);
    await screenshot(page, 'attendee-offline');
    await expectAccessible(page, 'attendee offline');

    // Something happens while it is away; the figure it shows is not updated, and says it is out of date.
    // "Not updated" is looked at once the page has tried to reach the server after the change and been
    // turned away (a connection attempt opened after the check-in fails; it retries every 0.5-2 s), not
    // after a fixed wait: had the change any way in, that attempt would have brought it.
    await checkIn(others[1].registrationId);
    const attempt = await page.waitForEvent('websocket', { timeout: 15000 });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the reconnection attempt neither failed nor closed in 15 s')), 15000);
      const failed = () => {
        clearTimeout(timer);
        resolve();
      };
      attempt.on('socketerror', failed);
      attempt.on('close', failed);
    });
    await waitForText(page, '[data-testid=quorum-figure]', /^1 present/);
    expect(await page.locator('section[data-stale=true]').count()).toBeGreaterThan(0);
    await waitForText(page, '[data-testid=offline-banner]', /Offline — reconnecting/);

    // Back online: it reconnects by itself, resumes from its last seq and shows the missed change.
    await context.setOffline(false);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 15000 });
    await waitForText(page, '[data-testid=quorum-figure]', /^2 present/);
    expect(await page.locator('section[data-stale=true]').count()).toBe(0);
    await context.close();
  });

  it('goes back to sign-in with the reason when head office revokes the access code', async () => {
    const conference = await suite.ctx.newConference();
    const attendee = await suite.ctx.newAttendee(conference.id, { mode: 'remote' });
    const admin = await suite.ctx.asHeadOffice();
    const { context, page } = await newPage(suite.browser, suite.api, PHONE);
    await signInAttendee(page, conference.name, attendee);
    await waitForText(page, '[data-testid=quorum-figure]', /present/);
    await suite.api
      .http()
      .delete(`/api/conferences/${conference.id}/registrations/${attendee.registrationId}/access-code`)
      .set(admin.auth)
      .expect(200);
    await page.getByTestId('ended-reason').waitFor();
    expect(await page.getByRole('button', { name: 'Sign in as a member' }).isVisible()).toBe(true);
    expect(await page.evaluate("sessionStorage.getItem('agm.session')")).toBeNull();

    // The revoked code no longer signs in: the form says so and stays.
    await page.getByLabel('Conference').selectOption({ label: conference.name });
    await page.getByLabel('Membership number').fill(attendee.member.membershipNumber);
    await page.getByLabel('Access code').fill(attendee.accessCode);
    await page.getByRole('button', { name: 'Sign in as a member' }).click();
    await waitForText(page, '[role=alert]', /./);
    expect(await page.evaluate("sessionStorage.getItem('agm.session')")).toBeNull();
    await context.close();
  });
});
