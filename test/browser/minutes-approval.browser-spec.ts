import type { Page } from 'playwright-core';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newOfficialWithPassword,
  newPage,
  PHONE,
  signInOfficial,
  waitForText,
} from './browser-support';

/**
 * Issue 19 item 7: head office records, on a phone, that the NEC approved the minutes of record. A date
 * before the conference ended is refused at the date field; after the confirmation the card and the
 * minutes themselves say who approved them, when and how. Checked with axe (WCAG 2.2 AA) and at 360 px
 * with no sideways scroll of the page.
 */
describeInBrowser('web client: approving the minutes of record', () => {
  const suite = browserSuite();

  /** The page never scrolls sideways; when it does, the elements that stick out are named. */
  const noSidewaysScroll = async (page: Page) =>
    expect(
      await page.evaluate(`document.documentElement.scrollWidth <= window.innerWidth ? [] :
        [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .slice(0, 5).map((e) => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))`),
    ).toEqual([]);

  it('records the NEC’s approval after a confirmation, shows it on the card and prints it on the minutes', async () => {
    // A conference that ended on 3 October 2025, with one item taken and concluded.
    const conference = await suite.ctx.newConference({ startsOn: '2025-10-02', endsOn: '2025-10-03' });
    const chair = await suite.ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const mover = await suite.ctx.newAttendee(conference.id, { mode: 'hall' });
    const seconder = await suite.ctx.newAttendee(conference.id, { mode: 'hall' });
    const [{ id: motionId }] = await suite.api.database.dataSource.manager.query(
      `INSERT INTO motion (conference_id, kind, title, text, status, proposer_member_id, seconder_member_id, word_count, over_word_limit, created_by, submitted_at, agenda_label)
       VALUES ($1, 'motion', 'Safe caseloads', 'Conference calls on the NEC to act.', 'placed', $2, $4, 7, false, $3, now(), 'Motion 1') RETURNING id`,
      [conference.id, mover.memberId, chair.id, seconder.memberId],
    );
    const command = async (body: Record<string, unknown>) => {
      const { version } = (
        await suite.api.http().get(`/api/conferences/${conference.id}/debate`).set(chair.auth).expect(200)
      ).body;
      await suite.api
        .http()
        .post(`/api/conferences/${conference.id}/debate/commands`)
        .set(chair.auth)
        .send({ expectedSeq: version, ...body })
        .expect(200);
    };
    await command({ type: 'takeItem', motionId });
    await command({ type: 'recordOutcome', itemId: motionId, outcome: 'withdrawn', reason: 'Withdrawn by the branch' });

    const headOffice = await newOfficialWithPassword(suite.api, { headOffice: true, name: 'Siân Wójcik-Ŵyn' });
    const { context, page } = await newPage(suite.browser, suite.api, PHONE);
    await signInOfficial(page, headOffice);
    await page.goto(`/c/${conference.id}/setup`);
    const card = page.getByRole('region', { name: 'Minutes of record' });
    await waitForText(page, '[data-testid=minutes-status]', /^Draft: not yet approved\./);
    await card.getByLabel('Approved by').selectOption({ label: 'The NEC' });
    await card.getByLabel('Meeting', { exact: true }).fill('NEC meeting');
    await card.getByLabel('Date of the meeting').fill('2025-10-01');
    await card.getByLabel('How the meeting approved them').fill('Moved by the chair, seconded, agreed unanimously');
    await card.getByRole('button', { name: 'Record the approval…' }).click();
    // Asked first: approved minutes are fixed.
    const confirm = card.getByRole('alertdialog');
    await waitForText(page, '[role=alertdialog]', /cannot be undone/);
    await expectAccessible(page, 'minutes approval, confirming');
    await confirm.getByRole('button', { name: 'Yes, record the approval' }).click();
    // Refused: the meeting came before the conference ended; said at the date field.
    await waitForText(page, 'section[aria-labelledby=minutes-of-record] .field-error', /ended on 2025-10-03/);
    expect(await card.getByLabel('Date of the meeting').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'minutes approval, refused date');
    await noSidewaysScroll(page);

    await card.getByLabel('Date of the meeting').fill('2025-11-20');
    await card.getByLabel('Corrections made before approving (if any)').fill('Item 1: the mover’s branch was misnamed.');
    await card.getByRole('button', { name: 'Record the approval…' }).click();
    await confirm.getByRole('button', { name: 'Yes, record the approval' }).click();
    const status = await waitForText(
      page,
      '[data-testid=minutes-status]',
      /^Approved as a correct record by the National Executive Committee \(NEC\) at NEC meeting on 20 November 2025: Moved by the chair, seconded, agreed unanimously\. Recorded by Siân Wójcik-Ŵyn on /,
    );
    expect(status).toMatch(/\(Europe\/London\)\.$/);
    await waitForText(page, '[data-testid=minutes-corrections]', 'Item 1: the mover’s branch was misnamed.');
    // Approved once: the form is gone.
    expect(await card.getByRole('button', { name: 'Record the approval…' }).count()).toBe(0);
    await expectAccessible(page, 'minutes approved');
    await noSidewaysScroll(page);

    // The minutes print the approval.
    const minutes = await suite.api.http().get(`/api/conferences/${conference.id}/minutes`).set(chair.auth).expect(200);
    expect(minutes.text).toContain('Approved as a correct record by the National Executive Committee (NEC) at NEC meeting on 20 November 2025');
    expect(minutes.text).toContain('Siân Wójcik-Ŵyn');
    await context.close();
  });
});
