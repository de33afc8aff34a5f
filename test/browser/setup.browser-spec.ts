import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { napoDefaultRuleset } from '@agm/domain';
import {
  browserSuite,
  describeInBrowser,
  dropAllSockets,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  PHONE,
  screenshot,
  signInOfficial,
  waitForText,
} from './browser-support';

/**
 * Head office's conference set-up screen against the real api: deadlines entered as wall-clock times
 * in the conference's zone, a standing-orders number changed (and refused without a reason once the
 * AGM is open), a section added, an official account made and given a role, and that official then
 * finding their screen.
 */
describeInBrowser('web client: conference set-up', () => {
  const suite = browserSuite();

  const newConference = () =>
    suite.ctx.newConference({ startsOn: '2027-10-02', endsOn: '2027-10-03', timeZone: 'Europe/London' });

  async function openSetup(page: Page, conference: { id: string; name: string }) {
    const headOffice = await newOfficialWithPassword(suite.api, { headOffice: true });
    await signInOfficial(page, headOffice);
    await page
      .getByRole('region', { name: conference.name })
      .getByRole('link', { name: 'Conference set-up' })
      .click();
    await page.getByRole('heading', { level: 1, name: /Conference set-up/ }).waitFor();
    await page.getByTestId('ruleset-version').waitFor();
  }

  const deadline = (page: Page, legend: RegExp) => page.getByRole('group', { name: legend });
  const suffix = () => randomBytes(4).toString('hex');

  it('sets the deadlines in the conference’s zone and changes a standing order, which needs a reason once the AGM is open', async () => {
    const conference = await newConference();
    const admin = await suite.ctx.asHeadOffice();
    const { context, page } = await newPage(suite.browser, suite.api);
    await openSetup(page, conference);
    await waitForText(page, '[data-testid=time-zone]', /^Europe\/London$/);

    // Amendments before motions: refused, the reason shown next to the amendments date.
    const motions = deadline(page, /^Motions and constitutional amendments close/);
    const amendments = deadline(page, /^Amendments close/);
    await motions.getByLabel('Date').fill('2027-08-06');
    await motions.getByLabel('Time (Europe/London)').fill('12:00');
    await amendments.getByLabel('Date').fill('2027-08-01');
    await amendments.getByLabel('Time (Europe/London)').fill('12:00');
    await page.getByRole('button', { name: 'Save deadlines' }).click();
    await waitForText(page, 'section[aria-labelledby=deadlines] [role=alert]', /not changed/);
    const amendmentsError = await amendments.locator('.field-error').textContent();
    expect(amendmentsError).toMatch(/cannot be before the motions deadline/);
    expect(await amendments.getByLabel('Date').getAttribute('aria-invalid')).toBe('true');
    expect(await motions.locator('.field-error').count()).toBe(0);
    await expectAccessible(page, 'set-up with a refused deadline');

    await amendments.getByLabel('Date').fill('2027-09-03');
    await page.getByRole('button', { name: 'Save deadlines' }).click();
    await waitForText(page, '[data-testid=deadlines-in-force]', '12:00 on 6 August 2027 (Europe/London)');
    await waitForText(page, '[data-testid=deadlines-in-force]', '12:00 on 3 September 2027 (Europe/London)');
    expect(await amendments.locator('.field-error').count()).toBe(0);
    const saved = await suite.api
      .http()
      .get(`/api/conferences/${conference.id}/deadlines`)
      .set(admin.auth)
      .expect(200);
    // Noon in London in August is 11:00 UTC (British Summer Time).
    expect(saved.body.motions.at).toBe('2027-08-06T11:00:00.000Z');
    expect(saved.body.emergency).toBeNull();

    const ruleset = async () =>
      (await suite.api.http().get(`/api/conferences/${conference.id}/ruleset`).set(admin.auth).expect(200))
        .body;

    // A speech limit below the minimum: refused, named at its field.
    await page.getByLabel('Other speeches (seconds)').fill('5');
    await page.getByLabel('Mover’s speech (seconds)').fill('420');
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await page.locator('.field.invalid').first().waitFor();
    // Both rules it breaks are named where they are: the limit itself, and the warning now longer than it.
    expect(await page.locator('.field.invalid').allTextContents()).toEqual([
      expect.stringMatching(/Other speeches \(seconds\).*must be a whole number of at least 10/),
      expect.stringMatching(
        /Warn the speaker before the end \(seconds\).*must be shorter than every speech limit/,
      ),
    ]);
    expect(await ruleset()).toMatchObject({ version: 1 });
    await page.getByLabel('Other speeches (seconds)').fill('180');
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(page, '[data-testid=ruleset-version]', 'Version 2 is in force');
    expect((await ruleset()).ruleset.speechLimitsSeconds).toMatchObject({ mover: 420, other: 180 });

    // Open the AGM (with a confirmation step). It opens only when quorate (issue 19): a quorum of one,
    // written beside the ruleset versions this page edits, and one remote member present.
    await suite.api.database.dataSource.query(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`,
      [conference.id],
    );
    const present = await suite.ctx.newAttendee(conference.id, { mode: 'remote' });
    await suite.ctx.markRemotePresent([present.registrationId]);
    await page.getByRole('button', { name: 'Open the AGM…' }).click();
    await page.getByRole('button', { name: 'Yes, open the AGM' }).click();
    await waitForText(page, '[data-testid=opened-at]', /The AGM opened at .* \(Europe\/London\)/);

    // Now a change without a reason is refused, and the user is told why at the reason field.
    await page.getByLabel('Mover’s speech (seconds)').fill('600');
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(
      page,
      'section[aria-labelledby=ruleset] form [role=alert]',
      /The AGM has opened: say why/,
    );
    const reasonField = page.locator('.field.invalid');
    expect(await reasonField.count()).toBe(1);
    expect(await reasonField.textContent()).toMatch(
      /Reason for the change.*required once the AGM has opened/,
    );
    expect(await page.getByLabel('Reason for the change').getAttribute('aria-invalid')).toBe('true');
    expect((await ruleset()).version).toBe(2);
    await expectAccessible(page, 'set-up with a refused ruleset change');
    await screenshot(page, 'setup-reason-required', false);

    // A point of order has its own short limit (Napo: a minute), changed here with the mover's.
    const pointLimit = page.getByLabel('Point of order or request for information (seconds)');
    expect(await pointLimit.inputValue()).toBe('60');
    await pointLimit.fill('45');
    await page
      .getByLabel('Reason for the change')
      .fill('Standing orders suspended to extend the mover’s speech');
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(page, '[data-testid=ruleset-version]', 'Version 3 is in force');
    expect(await page.locator('.field.invalid').count()).toBe(0);
    const after = await ruleset();
    expect(after.version).toBe(3);
    expect(after.ruleset.speechLimitsSeconds.mover).toBe(600);
    expect(after.ruleset.speechLimitsSeconds.point).toBe(45);
    const versions = await suite.api
      .http()
      .get(`/api/conferences/${conference.id}/ruleset/versions`)
      .set(admin.auth)
      .expect(200);
    expect(versions.body.at(-1).reason).toBe('Standing orders suspended to extend the mover’s speech');

    // On a 360-pixel phone the screen reflows without sideways scrolling (tables scroll in their box).
    await page.setViewportSize({ width: 360, height: 760 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('adds a section with its owner, makes an official account and gives it a role, and the official then finds their screen', async () => {
    const conference = await newConference();
    const admin = await suite.ctx.asHeadOffice();
    const committee = await suite.ctx.newBody({
      kind: 'committee',
      name: `Health and Safety Committee ${Date.now()}`,
    });
    const { context, page } = await newPage(suite.browser, suite.api);
    await openSetup(page, conference);

    // A section, owned by the committee.
    await page.getByLabel('Section name').fill('Health and Safety');
    await page.getByLabel('Owning body', { exact: true }).selectOption({ label: committee.name });
    await page.getByRole('button', { name: 'Add section' }).click();
    await waitForText(page, '[data-testid=sections] tbody', 'Health and Safety');
    expect(await page.getByLabel('Owning body of Health and Safety').inputValue()).toBe(committee.id);
    // The same name again is refused, and said so.
    await page.getByLabel('Section name').fill('health and safety');
    await page.getByRole('button', { name: 'Add section' }).click();
    await waitForText(page, 'section[aria-labelledby=sections] [role=alert]', /./);
    // Renamed: an empty name is refused at its field, then the new name shows in the list.
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await waitForText(page, 'form[aria-labelledby=rename-section] .field-error', /name/i);
    await page.getByLabel('New name').fill('Health, Safety and Wellbeing');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await waitForText(page, '[data-testid=sections] tbody', 'Health, Safety and Wellbeing');
    const sections = await suite.api
      .http()
      .get(`/api/conferences/${conference.id}/sections`)
      .set(admin.auth)
      .expect(200);
    expect(sections.body).toEqual([
      expect.objectContaining({
        name: 'Health, Safety and Wellbeing',
        position: 1,
        owningBodyId: committee.id,
      }),
    ]);

    // A new teller's account: a short password is refused at its field, then made.
    const email = `new-teller-${Date.now()}@test.example`;
    await page.getByText('Make an official account').click();
    await page.getByLabel('Full name').fill('Sam Teller');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('First password').fill('too short');
    await page.getByRole('button', { name: 'Make the account' }).click();
    await waitForText(
      page,
      'form[aria-label="Make an official account"] .field-error',
      /at least 12 characters/,
    );
    await page.getByLabel('First password').fill('a long enough pass phrase');
    await page.getByRole('button', { name: 'Make the account' }).click();
    await waitForText(
      page,
      'form[aria-label="Make an official account"] [role=status]',
      /Account made for Sam Teller/,
    );

    // Their email is filled in to give the role.
    expect(await page.getByLabel('Official’s email').inputValue()).toBe(email);
    await page.getByLabel('Role', { exact: true }).selectOption('teller');
    await page.getByRole('button', { name: 'Give the role' }).click();
    await waitForText(page, '[data-testid=roles] tbody', 'Sam Teller');
    await waitForText(page, 'form[aria-labelledby=assign-role] [role=status]', 'Sam Teller is now Teller.');
    const roles = await suite.api
      .http()
      .get(`/api/conferences/${conference.id}/roles`)
      .set(admin.auth)
      .expect(200);
    expect(roles.body).toEqual([expect.objectContaining({ email, name: 'Sam Teller', role: 'teller' })]);

    await page.getByLabel('Official’s email').fill(`nobody-${Date.now()}@test.example`);
    await page.getByRole('button', { name: 'Give the role' }).click();
    await waitForText(page, 'form[aria-labelledby=assign-role] [role=alert]', /No official account matches/);
    await waitForText(page, 'form[aria-labelledby=assign-role] .field-error', /no official account/);
    await expectAccessible(page, 'set-up');
    await screenshot(page, 'setup');

    // The teller signs in, on a phone, and finds the teller's screen (and not the set-up).
    const phone = await newPage(suite.browser, suite.api, PHONE);
    await signInOfficial(phone.page, { email, password: 'a long enough pass phrase' });
    const card = phone.page.getByRole('region', { name: conference.name });
    await card.getByRole('link', { name: 'Teller: hall counts' }).waitFor();
    expect(await card.getByRole('link', { name: 'Conference set-up' }).count()).toBe(0);
    await card.getByRole('link', { name: 'Teller: hall counts' }).click();
    await phone.page.getByRole('heading', { level: 1, name: /Teller: hall counts/ }).waitFor();
    // Typing the set-up address: told they may look but not change, and a save is refused by the api.
    await phone.page.goto(`/c/${conference.id}/setup`);
    await phone.page.getByTestId('view-only').waitFor();
    await waitForText(phone.page, '[data-testid=time-zone]', 'Europe/London');
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    for (const [legend, date] of [
      [/^Motions and constitutional amendments close/, '2027-08-06'],
      [/^Amendments close/, '2027-09-03'],
    ] as const)
      await deadline(phone.page, legend).getByLabel('Date').fill(date);
    await phone.page.getByRole('button', { name: 'Save deadlines' }).click();
    await waitForText(
      phone.page,
      'section[aria-labelledby=deadlines] [role=alert]',
      /You do not have permission to do this/,
    );
    expect(
      (await suite.api.http().get(`/api/conferences/${conference.id}/deadlines`).set(admin.auth).expect(200))
        .body.motions,
    ).toBeNull();

    // Head office takes the role away: it is gone from the list and from the api.
    await page.getByRole('button', { name: 'Remove Teller from Sam Teller' }).click();
    await waitForText(page, 'section[aria-labelledby=roles]', /No official has a role/);
    const none = await suite.api
      .http()
      .get(`/api/conferences/${conference.id}/roles`)
      .set(admin.auth)
      .expect(200);
    expect(none.body).toEqual([]);
    await phone.context.close();
    await context.close();
  });
  it('creates a conference, edits its dates (refusals at the field), adds a category and a topic exclusion, and a second administrator’s screen follows live', async () => {
    const admin = await suite.ctx.asHeadOffice();
    const name = `Napo AGM 2028 ${Date.now()}`;
    const { context, page } = await newPage(suite.browser, suite.api);
    const headOffice = await newOfficialWithPassword(suite.api, { headOffice: true });
    await signInOfficial(page, headOffice);

    // A new conference from head office's home screen: an unknown zone is refused at its field.
    const create = page.getByRole('region', { name: 'New conference' });
    await create.getByLabel('Conference name').fill(name);
    await create.getByLabel('Venue').fill('Eastbourne and online');
    await create.getByLabel('Time zone').fill('Europe/Eastbourne');
    await create.getByLabel('First day').fill('2028-10-05');
    await create.getByLabel('Last day').fill('2028-10-06');
    await create.getByLabel('Format').selectOption('hybrid');
    await create.getByRole('button', { name: 'Create the conference' }).click();
    await waitForText(page, 'section[aria-labelledby=new-conference] .field-error', /must be an IANA time zone such as 'Europe\/London'/);
    expect(await create.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'new conference with a refused time zone');
    expect(
      (await suite.api.http().get('/api/conferences').expect(200)).body.some((c: { name: string }) => c.name === name),
    ).toBe(false);
    await create.getByLabel('Time zone').fill('Europe/London');
    await create.getByRole('button', { name: 'Create the conference' }).click();
    await page.getByRole('heading', { level: 1, name: `Conference set-up — ${name}` }).waitFor();
    const conferenceId = /\/c\/([^/]+)\/setup/.exec(page.url())![1];
    const made = (await suite.api.http().get(`/api/conferences/${conferenceId}`).expect(200)).body;
    expect(made).toMatchObject({ name, timeZone: 'Europe/London', startsOn: '2028-10-05', format: 'hybrid' });
    await page.getByTestId('ruleset-version').waitFor();
    await page.getByTestId('online-status').waitFor({ state: 'attached' });

    // A second administrator has the same set-up screen open, in another browser.
    const second = await newPage(suite.browser, suite.api);
    const otherAdmin = await newOfficialWithPassword(suite.api, { roles: [{ conferenceId, role: 'admin' }] });
    await signInOfficial(second.page, otherAdmin);
    await second.page.goto(`/c/${conferenceId}/setup`);
    await waitForText(second.page, '[data-testid=ruleset-version]', 'Version 1 is in force');
    await second.page.getByTestId('online-status').waitFor({ state: 'attached' });
    // Its deadlines form has loaded (the zone comes with them): a change from now on is another's.
    await waitForText(second.page, '[data-testid=time-zone]', /^Europe\/London$/);

    // Deadlines saved on the first screen appear on the second, whose form was untouched.
    const motions = deadline(page, /^Motions and constitutional amendments close/);
    const amendments = deadline(page, /^Amendments close/);
    await motions.getByLabel('Date').fill('2028-08-10');
    await amendments.getByLabel('Date').fill('2028-09-07');
    await page.getByRole('button', { name: 'Save deadlines' }).click();
    await waitForText(page, '[data-testid=deadlines-in-force]', '12:00 on 7 September 2028 (Europe/London)');
    await waitForText(second.page, '[data-testid=deadlines-in-force]', '12:00 on 7 September 2028 (Europe/London)');
    // The note and the refilled entries come in the same render; the list above them comes one render sooner.
    await second.page.getByTestId('deadlines-note').waitFor();
    expect(await deadline(second.page, /^Amendments close/).getByLabel('Date').inputValue()).toBe('2028-09-07');

    // Moving the conference to open before the amendments close: refused at the first day.
    const details = page.getByRole('region', { name: 'The conference' });
    await details.getByLabel('First day').fill('2028-09-01');
    await details.getByRole('button', { name: 'Save the conference’s details' }).click();
    await waitForText(
      page,
      'section[aria-labelledby=conference-details] .field-error',
      /the amendments deadline \(12:00 on 7 September 2028 \(Europe\/London\)\)/,
    );
    expect(await details.getByLabel('First day').getAttribute('aria-invalid')).toBe('true');
    // Ending before it starts: refused at the last day.
    await details.getByLabel('First day').fill('2028-10-12');
    await details.getByLabel('Last day').fill('2028-10-11');
    await details.getByRole('button', { name: 'Save the conference’s details' }).click();
    await waitForText(page, 'section[aria-labelledby=conference-details] .field-error', /cannot end \(2028-10-11\) before it starts/);
    expect(await details.getByLabel('Last day').getAttribute('aria-invalid')).toBe('true');
    expect(await details.getByLabel('First day').getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page, 'set-up with a refused conference date');
    expect((await suite.api.http().get(`/api/conferences/${conferenceId}`).expect(200)).body.startsOn).toBe('2028-10-05');
    await details.getByLabel('Last day').fill('2028-10-13');
    await details.getByRole('button', { name: 'Save the conference’s details' }).click();
    await waitForText(page, 'section[aria-labelledby=conference-details] [role=status]', /details are saved/);
    expect((await suite.api.http().get(`/api/conferences/${conferenceId}`).expect(200)).body).toMatchObject({
      startsOn: '2028-10-12',
      endsOn: '2028-10-13',
    });
    // The second screen follows: its untouched form shows the new dates.
    const otherDetails = second.page.getByRole('region', { name: 'The conference' });
    await waitForText(second.page, '[data-testid=conference-note]', /another administrator/);
    expect(await otherDetails.getByLabel('First day').inputValue()).toBe('2028-10-12');

    // The second administrator edits the venue while the first changes it: the second's save is refused
    // as made on old details, and the current details replace the edits only when asked.
    await otherDetails.getByLabel('Venue').fill('Blackpool');
    await details.getByLabel('Venue').fill('Brighton and online');
    await details.getByRole('button', { name: 'Save the conference’s details' }).click();
    await waitForText(second.page, '[data-testid=conference-changed]', /Brighton and online/);
    await otherDetails.getByRole('button', { name: 'Save the conference’s details' }).click();
    await waitForText(second.page, 'section[aria-labelledby=conference-details] form [role=alert]', /changed by someone else.*Reload them/);
    expect((await suite.api.http().get(`/api/conferences/${conferenceId}`).expect(200)).body.venue).toBe('Brighton and online');
    expect(await otherDetails.getByLabel('Venue').inputValue()).toBe('Blackpool');
    await expectAccessible(second.page, 'set-up with a stale edit of the conference refused');
    await otherDetails.getByRole('button', { name: 'Show the current details (drops your edits)' }).click();
    expect(await otherDetails.getByLabel('Venue').inputValue()).toBe('Brighton and online');
    expect(await second.page.locator('section[aria-labelledby=conference-details] [role=alert]').count()).toBe(0);

    // The second administrator starts changing a speech limit; meanwhile the first adds a category
    // and a topic, and excludes the category from votes on it.
    await second.page.getByLabel('Mover’s speech (seconds)').fill('240');
    const categories = page.getByTestId('categories');
    await categories.getByLabel('New category').fill('Honorary (retired)');
    await categories.getByRole('button', { name: 'Add category' }).click();
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    // Not a code the register import can match: refused, named with the category.
    await waitForText(page, '[data-testid=category-errors]', /honorary \(retired\).*lowercase letters, digits and underscores/i);
    expect((await suite.api.http().get(`/api/conferences/${conferenceId}/ruleset`).set(admin.auth).expect(200)).body.version).toBe(1);
    await categories.getByRole('button', { name: 'Remove the category honorary (retired)' }).click();
    await categories.getByLabel('New category').fill('Life member');
    await categories.getByRole('button', { name: 'Add category' }).click();
    await categories.getByLabel('New topic').fill('Pensions');
    await categories.getByRole('button', { name: 'Add topic' }).click();
    await categories.getByLabel('life member: votes on pensions').uncheck();
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(page, '[data-testid=ruleset-version]', 'Version 2 is in force');
    const saved = (await suite.api.http().get(`/api/conferences/${conferenceId}/ruleset`).set(admin.auth).expect(200)).body;
    expect(saved.ruleset.topics).toContain('pensions');
    expect(saved.ruleset.categories.life_member).toEqual({
      mayAttend: true,
      maySpeak: true,
      mayVote: true,
      countsTowardQuorum: false,
      excludedTopics: ['pensions'],
    });

    // The second screen holds unsaved edits: it keeps them, says version 2 is in force, and a save is refused.
    await waitForText(second.page, '[data-testid=ruleset-changed]', /put version 2 in force .* while you were editing version 1/);
    await waitForText(second.page, '[data-testid=ruleset-version]', 'Version 2 is in force. You are editing version 1.');
    expect(await second.page.getByLabel('Mover’s speech (seconds)').inputValue()).toBe('240');
    await second.page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(second.page, 'section[aria-labelledby=ruleset] form [role=alert]', /has changed since version 1/);
    await expectAccessible(second.page, 'set-up told of another administrator’s change');
    await second.page.getByTestId('ruleset-changed').scrollIntoViewIfNeeded();
    await screenshot(second.page, 'setup-changed-elsewhere', false);
    await second.page.getByRole('button', { name: 'Load version 2 (drops your edits)' }).click();
    await waitForText(second.page, '[data-testid=ruleset-version]', /^Version 2 is in force\. Save/);
    expect(await second.page.getByTestId('ruleset-changed').count()).toBe(0);
    expect(await second.page.getByLabel('life member: votes on pensions').isChecked()).toBe(false);
    expect(await second.page.getByLabel('full: votes on pensions').isChecked()).toBe(true);
    expect(await second.page.getByLabel('Mover’s speech (seconds)').inputValue()).toBe('300');

    // Who may submit: the first administrator lets committees submit constitutional amendments; the second sees it live.
    await page.getByTestId('submission').getByLabel('National committees').check();
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(page, '[data-testid=ruleset-version]', 'Version 3 is in force');
    await waitForText(second.page, '[data-testid=ruleset-note]', /Version 3 was put in force by another administrator/);
    expect(await second.page.getByTestId('submission').getByLabel('National committees').isChecked()).toBe(true);

    // A section added on the first screen appears on the second.
    await page.getByLabel('Section name').fill('Pay and Conditions');
    await page.getByRole('button', { name: 'Add section' }).click();
    await waitForText(second.page, '[data-testid=sections] tbody', 'Pay and Conditions');
    await expectAccessible(second.page, 'set-up after live changes');

    // Offline, the second screen marks every card out of date and shows no change as current; back
    // online it resumes and shows what happened meanwhile.
    await second.context.setOffline(true);
    dropAllSockets(suite.api);
    await second.page.getByTestId('offline-banner').waitFor();
    await second.page.locator('section[aria-labelledby=sections][data-stale=true]').waitFor();
    await waitForText(second.page, '#sections', 'Sections (1) (out of date)');
    await page.getByLabel('Section name').fill('Health and Safety');
    await page.getByRole('button', { name: 'Add section' }).click();
    await waitForText(page, '[data-testid=sections] tbody', 'Health and Safety');
    // Counted by rows: the owning-body lists name the 'Health and Safety Committee' body of the test above.
    expect(await second.page.locator('[data-testid=sections] tbody tr').count()).toBe(1);
    await second.context.setOffline(false);
    await waitForText(second.page, '[data-testid=sections] tbody', 'Health and Safety', 20000);
    await second.page.locator('section[aria-labelledby=sections][data-stale=false]').waitFor();
    await second.context.close();
    await context.close();
  });
  it('says before a save that a category the register holds cannot be removed and that a body code names no body, and shows the api’s refusals at the field when the register changed since', async () => {
    const conference = await newConference();
    const admin = await suite.ctx.asHeadOffice();
    const ruleset = async () =>
      (await suite.api.http().get(`/api/conferences/${conference.id}/ruleset`).set(admin.auth).expect(200)).body;
    // The register is shared by every conference: these categories and this body are the test's own.
    const held = `held_${suffix()}`;
    const later = `later_${suffix()}`;
    const withBoth = napoDefaultRuleset();
    withBoth.categories[held] = { ...withBoth.categories.retired };
    withBoth.categories[later] = { ...withBoth.categories.retired };
    await suite.api
      .http()
      .put(`/api/conferences/${conference.id}/ruleset`)
      .set(admin.auth)
      .send({ ruleset: withBoth })
      .expect(200);
    await suite.ctx.newMember({ category: held });
    await suite.ctx.newMember({ category: held });
    const code = `PCC${suffix().toUpperCase()}`;
    const committee = await suite.ctx.newBody({ kind: 'committee', code, name: `Probation Committee ${code}` });
    const { context, page } = await newPage(suite.browser, suite.api);
    await openSetup(page, conference);
    await waitForText(page, '[data-testid=ruleset-version]', 'Version 2 is in force');

    // The body codes are checked as typed: Napo's NEC, in force before any NEC body exists, is kept and
    // said to name no body yet; a code no body has is flagged at the field before any save.
    const submission = page.getByTestId('submission');
    const codes = submission.getByLabel('and these bodies, by code');
    const codesField = submission.locator('.field', { has: page.getByLabel('and these bodies, by code') });
    await waitForText(page, '[data-testid=submission]', 'NEC: no such body yet (already in force, so kept');
    expect(await codes.getAttribute('aria-invalid')).toBeNull();
    await codes.fill(`NEC, ${code.toLowerCase()}`);
    await waitForText(
      page,
      '[data-testid=submission] .field.invalid .field-error',
      `names no body: '${code.toLowerCase()}' (did you mean '${code}'?)`,
    );
    expect(await codes.getAttribute('aria-invalid')).toBe('true');
    expect(await codesField.locator('.field-error').textContent()).toMatch(/saving now would be refused/);
    await expectAccessible(page, 'set-up with an unknown body code flagged');

    // Forced past the warning, the api refuses the save (400) and its reason is shown at the field.
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(page, 'section[aria-labelledby=ruleset] form [role=alert]', /does not exist/);
    const apiReason = (await codesField.locator('.field-error').textContent()) ?? '';
    expect(apiReason).toMatch(new RegExp(`names no body: '${code.toLowerCase()}'\\. Use the code of a body in the register`));
    expect(apiReason).not.toMatch(/saving now would be refused/);
    expect((await ruleset()).version).toBe(2);

    // The committee picked by name: its code replaces the mistyped one, named in the hint, and saved.
    await codes.fill('NEC');
    await submission.getByLabel('Add a body by name').selectOption({ label: `${committee.name} (${code})` });
    await submission.getByRole('button', { name: 'Add the body' }).click();
    expect(await codes.inputValue()).toBe(`NEC, ${code}`);
    await waitForText(page, '[data-testid=submission]', `${code}: ${committee.name}`);
    expect(await codesField.locator('.field-error').count()).toBe(0);
    // The screen reads the register's counts again after this save, and again when the save's own
    // ruleset.changed event reaches it: two reads. Counted, so the member added below comes after both
    // (a read after it would rightly stop offering the removal the test needs the api to refuse).
    let holderReads = 0;
    let bothRead: () => void = () => undefined;
    const twoReads = new Promise<void>((resolve) => (bothRead = resolve));
    page.on('response', (response) => {
      if (response.url().includes('/ruleset/category-holders') && ++holderReads === 2) bothRead();
    });
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(page, '[data-testid=ruleset-version]', 'Version 3 is in force');
    expect((await ruleset()).ruleset.submission.constitutionalAmendmentBodyCodes).toEqual(['NEC', code]);

    // Each category shows how many members of the register hold it; a held one is not offered for
    // removal: the screen says how many hold it and to re-import the register first.
    const categories = page.getByTestId('categories');
    const row = (category: string) => categories.getByRole('row', { name: new RegExp(`^${category.replace(/_/g, ' ')}`) });
    // (The counts are read again after the save just made: wait for them before reading the cells.)
    await waitForText(
      page,
      `[data-testid=category-held-${held}]`,
      'Not removable: 2 members of the register hold it. Re-import the register with their new category first.',
    );
    expect(await row(held).getByRole('cell').first().textContent()).toBe('2');
    expect(await categories.getByRole('button', { name: `Remove the category ${held.replace(/_/g, ' ')}` }).count()).toBe(0);
    expect(await row(later).getByRole('cell').first().textContent()).toBe('0');

    // A member given the other category after the screen read the counts: its removal is offered, and the
    // api's refusal (409) is shown with the category, with how many hold it.
    await twoReads;
    await suite.ctx.newMember({ category: later });
    await categories.getByRole('button', { name: `Remove the category ${later.replace(/_/g, ' ')}` }).click();
    await page.getByRole('button', { name: 'Save the standing orders' }).click();
    await waitForText(
      page,
      '[data-testid=category-errors]',
      `${later.replace(/_/g, ' ')}: cannot be removed: 1 member of the register holds it. Re-import the register with their new category first`,
    );
    await waitForText(page, 'section[aria-labelledby=ruleset] form > p[role=alert]', /members of the register still hold/);
    expect(Object.keys((await ruleset()).ruleset.categories)).toContain(later);
    await expectAccessible(page, 'set-up with a held category’s removal refused');
    // The counts were read again: with the edit undone, that category is not offered for removal either.
    await page.getByRole('button', { name: 'Undo my edits' }).click();
    await waitForText(page, `[data-testid=category-held-${later}]`, 'Not removable: 1 member of the register holds it.');
    expect(await row(later).getByRole('cell').first().textContent()).toBe('1');

    await page.setViewportSize({ width: 360, height: 760 });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await context.close();
  });
});
