import { randomUUID } from 'node:crypto';
import { browserSuite, describeInBrowser, expectAccessible, waitForText } from './browser-support';
import { chairHall, openChairConsole } from './chair-hall';

/**
 * Issue 19 in the browser: the chair puts the question while the meeting is not quorate, so the vote does
 * not open; the console offers the way on instead of a dead end. Once a member checks in, "Open the vote"
 * opens it; on the next item, the question is withdrawn with a reason. A hall member without a phone is
 * put in the queue by membership number and called like anyone.
 */
describeInBrowser(
  'web client: the chair recovers a put question and queues a hall member without a device',
  () => {
    const suite = browserSuite();
    const http = () => suite.api.http();

    it('opens the vote once quorate, withdraws a question with a reason, and adds a speaker without a device', async () => {
      const { api, ctx, browser } = suite;
      // Four members must be present; three are at first.
      const { base, chair, conference, attendees, motionIds, labelOf, checkIn } = await chairHall(api, ctx, {
        name: 'Recovery AGM',
        quorum: 4,
        members: 4,
        checkedIn: 3,
        motions: [{ title: 'Safe caseloads' }, { title: 'Office closures' }],
      });
      const [, , dot, late] = attendees;
      const [first, second] = motionIds;

      const {
        page,
        auth: chairAuth,
        button,
        step,
      } = await openChairConsole(browser, api, chair, conference.id);
      const moveAndSecond = async () => {
        await step('Call the mover', 'Mover called.');
        await step('Start', 'Speech started.');
        await step('End', 'Speech ended.');
        await step('Formally seconded', 'Formally seconded.');
        await step('Open the floor', 'The floor is open.');
      };

      await page.getByRole('button', { name: `Take item ${labelOf(first)}` }).click();
      await waitForText(page, '[data-testid=item-title]', 'Safe caseloads');
      // The order of business stays in view while the item is open; taking another item says why it cannot.
      await waitForText(page, '[data-testid=agenda]', 'Office closures');
      const takeSecond = page.getByRole('button', { name: `Take item ${labelOf(second)}` });
      expect(await takeSecond.isDisabled()).toBe(true);
      expect(await takeSecond.getAttribute('title')).toMatch(/record its outcome/);
      // Buttons follow the stage: the seconder cannot be called before the motion is moved, and says why.
      expect(await button('Call the seconder').isDisabled()).toBe(true);
      expect(await button('Call the seconder').getAttribute('title')).toMatch(/call the mover first/);
      await moveAndSecond();

      // A hall member without a phone is added by membership number, shown by name, and called.
      await page.getByText('Add a hall member without a device').click();
      await page.getByLabel('Membership number or name').fill(dot.member.membershipNumber);
      await page.getByLabel('Wishes to speak').selectOption('against');
      await step('Add to the queue', `${dot.member.membershipNumber} is in the queue.`);
      await waitForText(page, '[data-testid=queue]', dot.member.name);
      await expectAccessible(page, 'chair with a hall member added to the queue');
      await page
        .getByRole('button', { name: `Call ${dot.member.name}`, exact: true })
        .first()
        .click();
      await waitForText(page, 'p.alert.ok[role=status]', 'Speaker called.');
      await step('Start', 'Speech started.');
      await step('End', 'Speech ended.');
      // Spoken once: adding them again is refused by name, in words.
      await page.getByLabel('Membership number or name').fill(dot.member.membershipNumber);
      await button('Add to the queue').click();
      await waitForText(page, '[role=alert]', `${dot.member.name} has already spoken`);

      // Not quorate: the question is put but the vote does not open, and the console says what to do.
      await page.getByLabel('Vote method').selectOption('electronic');
      await button('Put the question').click();
      await waitForText(page, '[role=alert]', /the vote did not open: The conference is not quorate/);
      await waitForText(page, '[data-testid=question-no-vote]', 'No vote is held on the question put');
      expect(await button('Put the question').getAttribute('title')).toMatch(
        /open its vote, record the result, or withdraw/,
      );
      // No figures, no result: "carried" is refused on screen.
      await page.getByLabel('Outcome of the item').selectOption('carried');
      await button('Record the outcome').click();
      await waitForText(page, '[role=alert]', /No vote has been held on this question/);
      // The cause fixed (a fourth member checks in): "Open the vote" opens it.
      await checkIn(late);
      await step('Open the vote', 'The vote on the question is open.');
      await waitForText(page, 'p.vote-title', 'Safe caseloads');
      await waitForText(page, '[data-testid=question-vote]', 'The vote on this question is open');
      await expectAccessible(page, 'chair with the vote opened on a question already put');
      const votes = (await http().get(`${base}/votes`).set(chairAuth).expect(200)).body as Array<{
        id: string;
        state: string;
        subjectRef: string;
      }>;
      const open = votes.find((v) => v.state === 'open')!;
      expect(open.subjectRef).toBe(first);
      await http()
        .post(`${base}/votes/${open.id}/ballots`)
        .set(late.auth)
        .send({ choice: 'for', idempotencyKey: randomUUID() })
        .expect(200);
      await step('Close the vote', 'Vote closed.');
      await waitForText(page, '[data-testid=vote-outcome]', 'Carried');
      await page.getByLabel('Outcome of the item').selectOption('carried');
      await step('Record the outcome', 'Outcome recorded.');
      await waitForText(page, '[data-testid=last-outcome]', /Safe caseloads — Carried/);

      // The next item; a member leaves, so the vote fails to open again: this time the question is withdrawn.
      await checkIn(late, false);
      await page.getByRole('button', { name: `Take item ${labelOf(second)}` }).click();
      await waitForText(page, '[data-testid=item-title]', 'Office closures');
      await moveAndSecond();
      await button('Put the question').click();
      await waitForText(page, '[role=alert]', /not quorate/);
      await page.locator('summary', { hasText: 'Withdraw the question' }).click();
      await page
        .getByLabel('Why the question is withdrawn (recorded in the minutes)')
        .fill('Not quorate after the lunch break');
      await step('Withdraw the question', 'The question is withdrawn; the reason is in the minutes.');
      // Back in debate: the question can be put again.
      await page.getByTestId('question-no-vote').waitFor({ state: 'detached' });
      expect(await button('Put the question').isDisabled()).toBe(false);
      const minutes = (await http().get(`${base}/minutes`).set(chairAuth).expect(200)).text;
      expect(minutes).toContain(
        'withdrew the question put on the motion, no vote having been held: Not quorate after the lunch break.',
      );
      expect(minutes).toContain(
        `The chair put ${dot.member.name} (in the hall, without a device) in the queue to speak against.`,
      );
      // One long scenario: 30 s on a quiet machine, 100 s with four others' test runs on the two cores.
    }, 300000);
  },
);
