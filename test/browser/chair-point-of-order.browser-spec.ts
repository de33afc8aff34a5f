import type { Page } from 'playwright-core';
import { browserSuite, describeInBrowser, expectAccessible, waitForText } from './browser-support';
import { chairHall, openChairConsole, openDebateOn } from './chair-hall';

/**
 * Issue 19's complaint, "the point of order takes four steps and got a 3-minute timer": the chair hears
 * a point in two steps (Hear, which calls the member and starts the time; the ruling, which ends it),
 * and the point gets the ruleset's own limit (Napo: one minute), warned half way.
 */
describeInBrowser('web client: the chair hears a point of order in two steps', () => {
  const suite = browserSuite();
  const http = () => suite.api.http();
  const alerts = (page: Page) => page.locator('[role=alert]').allTextContents();

  it('hears the point with its one-minute time and ends it with the ruling', async () => {
    const { api, ctx, browser } = suite;
    const { base, chair, chairAuth, attendees, conference, motionIds } = await chairHall(api, ctx, {
      name: 'Point of Order AGM',
      quorum: 1,
      motions: [{ title: 'Safe caseloads' }],
    });
    const [motionId] = motionIds;
    const dot = attendees[2];
    await openDebateOn(api, base, await chairAuth(), motionId);

    const { page, auth } = await openChairConsole(browser, api, chair, conference.id);
    await waitForText(page, '[data-testid=item-title]', 'Safe caseloads');
    const snapshot = async () => (await http().get(`${base}/debate`).set(auth).expect(200)).body;

    // Dot raises a point of order from her phone; it goes to the head of the chair's queue.
    await http()
      .post(`${base}/debate/commands`)
      .set(dot.auth)
      .send({ type: 'raisePointOfOrder', itemId: motionId })
      .expect(200);
    await waitForText(page, '[data-testid=queue]', 'Point of order');

    // Step 1: Hear. The call and the start are one command: the point's minute is running.
    await page.getByRole('button', { name: `Hear ${dot.member.name}’s point of order`, exact: true }).click();
    await waitForText(page, 'p.alert.ok[role=status]', 'Called, and their time has started.');
    expect(await alerts(page)).toEqual([]);
    await waitForText(page, '[data-testid=speaker-name]', dot.member.name);
    expect(await page.getByTestId('speech-timer').textContent()).toMatch(/^(1:00|0:[0-5]\d)$/);
    const speech = (await snapshot()).floor.item.speech;
    expect(speech).toMatchObject({ role: 'point_of_order', limitSeconds: 60 });
    expect(Date.parse(speech.endsAt) - Date.parse(speech.warningAt)).toBe(30_000);
    // Nothing to start: the Start button says a speech is under way.
    const start = page.getByRole('button', { name: 'Start', exact: true });
    expect(await start.isDisabled()).toBe(true);

    // Step 2: the ruling, open under the timer, ends the point as it is recorded.
    const ruling = page.getByTestId('point-ruling');
    await waitForText(page, '[data-testid=point-ruling] h4', `Point of order from ${dot.member.name}`);
    await expectAccessible(page, 'chair hearing a point of order');
    await ruling
      .getByLabel('Ruling (recorded in the minutes)')
      .fill('The speaker is in order: the motion is on the agenda.');
    await ruling.getByRole('button', { name: 'Rule on the point', exact: true }).click();
    await waitForText(page, 'p.alert.ok[role=status]', 'Ruling recorded; the point is ended.');
    expect(await alerts(page)).toEqual([]);

    const after = await snapshot();
    expect(after.floor.item.speech).toBeNull();
    expect(after.queue.queue).toEqual([]);
    await page.getByTestId('speaker-name').waitFor({ state: 'detached' });
    // The form folds away again, for a point already ended.
    await page
      .locator('[data-testid=point-ruling] summary', { hasText: 'Rule on a point of order' })
      .waitFor();
    const logged = (
      await api.database.dataSource.manager.query(
        `SELECT type FROM conference_event WHERE conference_id = $1 AND type IN ('debate.speaker_called', 'debate.speech_started', 'debate.speech_ended', 'debate.point_ruled') ORDER BY seq`,
        [conference.id],
      )
    ).map((r: { type: string }) => r.type.replace('debate.', ''));
    // The mover's speech (set-up), then the point: called, started, ended and ruled on in two chair steps.
    expect(logged.slice(-4)).toEqual(['speaker_called', 'speech_started', 'speech_ended', 'point_ruled']);
  });
});
