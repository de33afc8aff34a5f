import type { Page } from 'playwright-core';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  newPage,
  PHONE,
  PROJECTOR,
  screenshot,
  signInAttendee,
  signInOfficial,
  tokenOf,
  waitForText,
} from './browser-support';
import { chairHall } from './chair-hall';

/** The wall clock in the conference's zone (Europe/London, the test context's default), "HH:MM". */
const londonTime = (at: number) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);

/**
 * The console's "Other vote" for every kind the api opens outside the debate: a test vote (devices and
 * attendance: the console shows how many devices answered), a question with an announced close time
 * (refused at its field when past; a countdown on the console, the phone and the projector), and a
 * procedural motion that closes itself at its time, its result then on every screen.
 */
describeInBrowser(
  'web client: the chair’s other votes — test vote, announced close time, procedural motion',
  () => {
    const suite = browserSuite();
    const alerts = (page: Page) => page.locator('[role=alert]').allTextContents();
    const noSidewaysScroll = async (page: Page, width: number) => {
      const size = page.viewportSize()!;
      await page.setViewportSize({ width, height: 760 });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await page.setViewportSize(size);
    };
    /** A member votes on their phone, with the confirmation step, and keeps the receipt. */
    const answerOn = async (phone: Page, choice: 'For' | 'Against' | 'Abstain') => {
      await phone.getByRole('radio', { name: choice }).check();
      await phone.getByRole('button', { name: 'Review my vote' }).click();
      await phone.getByRole('button', { name: 'Confirm my vote' }).click();
      await phone.getByTestId('vote-receipt').waitFor();
    };

    it('opens a test vote, a vote closing at a time of day and a procedural motion closing itself, each followed on every screen', async () => {
      const { api, ctx, browser } = suite;
      // Two registered remote members: one answers on their phone, the other never signs in.
      const { base, conference, chair, attendees } = await chairHall(api, ctx, {
        name: 'Other votes AGM',
        quorum: 1,
        members: 2,
        mode: 'remote',
      });
      const [member] = attendees;

      const { page: chairPage } = await newPage(browser, api);
      await signInOfficial(chairPage, chair);
      await chairPage.goto(`/c/${conference.id}/chair`);
      const chairAuth = { Authorization: `Bearer ${await tokenOf(chairPage)}` };
      const votes = async () =>
        (await api.http().get(`${base}/votes`).set(chairAuth).expect(200)).body as Array<{
          id: string;
          title: string;
          subject: string;
          proceduralMotion: string | null;
          majority: string;
          method: string;
          state: string;
          closesAt: string | null;
          result: { turnout: { voted: number; eligible: number } } | null;
        }>;
      const { page: phone } = await newPage(browser, api, PHONE);
      await signInAttendee(phone, conference.name, member);
      await phone.getByRole('button', { name: 'Confirm attendance' }).click();
      await phone.getByTestId('attendance-confirmed').waitFor();
      const { page: projector } = await newPage(browser, api, PROJECTOR);
      await signInOfficial(projector, chair);
      await projector.goto(`/projector/${conference.id}`);
      await projector.getByTestId('quorum-figure').waitFor();
      const everyScreen = [chairPage, phone, projector];

      const otherVote = chairPage.getByTestId('other-vote');
      const opened = async (title: string) => {
        await otherVote.getByRole('button', { name: 'Open this vote' }).click();
        await waitForText(chairPage, '[data-testid=other-vote] p.alert.ok', `The vote “${title}” is open.`);
        expect(await alerts(chairPage)).toEqual([]);
        await waitForText(chairPage, 'p.vote-title', title);
      };

      // A test vote asks for its question only (offered), and the close time: no method, secrecy or topics.
      await otherVote.getByLabel('What is the vote?').selectOption('test');
      expect(await otherVote.getByLabel('Question').inputValue()).toBe('Test vote: check your device');
      expect(await otherVote.getByLabel('Method of voting').count()).toBe(0);
      expect(await otherVote.getByLabel('Secret ballot').count()).toBe(0);
      expect(await otherVote.getByRole('group', { name: 'Topics' }).count()).toBe(0);
      await waitForText(chairPage, '[data-testid=test-vote-hint]', 'records them as attending');
      await expectAccessible(chairPage, 'chair choosing a test vote');
      await opened('Test vote: check your device');
      const [testVote] = (await votes()).filter((v) => v.subject === 'test');
      expect(testVote).toMatchObject({ method: 'electronic', state: 'open', closesAt: null });

      // The member answers on their phone, told what a test vote is for.
      await waitForText(phone, '[data-testid=test-vote-note]', 'shows your device works');
      await answerOn(phone, 'Abstain');
      await waitForText(chairPage, '[data-testid=chair-ballots]', '1 of 2 electronic voters have voted');
      // Closed with the C shortcut, as the console lists it: no item is on the floor, only the Other vote.
      expect(await chairPage.getByRole('button', { name: /Close the vote/ }).getAttribute('aria-keyshortcuts')).toBe('C');
      await chairPage.evaluate('document.activeElement && document.activeElement.blur()');
      await chairPage.keyboard.press('c');
      // The result is how many devices answered (the api's turnout), on every screen.
      for (const page of everyScreen)
        await waitForText(page, '[data-testid=vote-outcome]', '1 of 2 devices answered');
      expect((await votes()).find((v) => v.id === testVote.id)?.result?.turnout).toMatchObject({
        voted: 1,
        eligible: 2,
      });
      expect(await chairPage.locator('[data-testid=vote-result] table').count()).toBe(0);
      await expectAccessible(chairPage, 'chair with a test vote’s result');
      await expectAccessible(phone, 'member with a test vote’s result');

      // A question closing at a time of day: midnight today is already past, refused at the field.
      const votesBefore = (await votes()).length;
      await otherVote.getByLabel('Question').fill('That the conference adjourns for lunch');
      await otherVote.getByLabel('Method of voting').selectOption('electronic');
      await otherVote.getByLabel('Announced close time', { exact: true }).selectOption('at');
      const closesAt = otherVote.getByLabel('Announced close time: time today (Europe/London)');
      await closesAt.fill('00:00');
      await otherVote.getByRole('button', { name: 'Open this vote' }).click();
      await waitForText(chairPage, '[data-testid=other-vote] [role=alert]', 'already past');
      await waitForText(chairPage, '[data-testid=other-vote] .field-error', 'must be in the future');
      expect(await closesAt.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await closesAt.getAttribute('aria-describedby')) ?? '';
      expect(await chairPage.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain(
        'must be in the future',
      );
      expect((await votes()).length).toBe(votesBefore);
      await expectAccessible(chairPage, 'chair refused a past close time');
      await noSidewaysScroll(chairPage, 360);

      // Ten minutes from now on the conference's clock: the vote opens, closing at that time.
      const now = Date.now();
      const inTen = londonTime(now + 10 * 60_000);
      const at = inTen > londonTime(now) ? inTen : '23:59'; // not across midnight
      await closesAt.fill(at);
      await opened('That the conference adjourns for lunch');
      const lunch = (await votes()).find((v) => v.title === 'That the conference adjourns for lunch')!;
      expect(londonTime(new Date(lunch.closesAt!).getTime())).toBe(at);
      expect(new Date(lunch.closesAt!).getUTCSeconds()).toBe(0);
      // The countdown to it on the console, the phone and the projector, on the server's clock.
      for (const page of everyScreen) {
        const text = await waitForText(
          page,
          '[data-testid=vote-countdown]',
          new RegExp(`Voting closes at ${at} \\(Europe/London\\): \\d+:\\d\\d`),
        );
        const [, minutes] = /: (\d+):\d\d/.exec(text)!;
        expect(Number(minutes)).toBeLessThanOrEqual(10);
      }
      await expectAccessible(phone, 'member’s ballot with its close time');
      await expectAccessible(projector, 'projector with a vote’s close time');
      await noSidewaysScroll(phone, 360);
      await screenshot(phone, 'attendee-vote-countdown');
      await chairPage.getByRole('button', { name: /Close the vote/ }).click();
      await waitForText(chairPage, '[data-testid=vote-result]', 'Total');
      expect(await chairPage.getByTestId('vote-countdown').count()).toBe(0);

      // A procedural motion outside an item, closing itself in a few seconds: its majority from the
      // standing orders; nobody closes it, and every screen shows its result.
      await otherVote.getByLabel('What is the vote?').selectOption('procedural');
      await otherVote.getByLabel('Procedural motion').selectOption('suspend_standing_orders');
      await waitForText(
        chairPage,
        '[data-testid=other-vote]',
        'Two-thirds majority under this conference’s standing orders',
      );
      expect(await otherVote.getByLabel('Question').inputValue()).toBe('Suspend standing orders');
      expect(await otherVote.getByRole('group', { name: 'Topics' }).count()).toBe(0);
      await otherVote.getByLabel('Method of voting').selectOption('electronic');
      await otherVote.getByLabel('Announced close time', { exact: true }).selectOption('seconds');
      await otherVote.getByLabel('Announced close time: seconds from now').fill('6');
      await opened('Suspend standing orders');
      const suspend = (await votes()).find((v) => v.subject === 'procedural_motion')!;
      expect(suspend).toMatchObject({ proceduralMotion: 'suspend_standing_orders', majority: 'two_thirds' });
      for (const page of everyScreen) await waitForText(page, '[data-testid=vote-result]', 'Total', 30000);
      await waitForText(projector, '#proj-vote', 'Result');
      await waitForText(projector, '.projector-vote .item-title', 'Suspend standing orders');
      const [closed] = await api.database.dataSource.query(
        `SELECT payload FROM conference_event WHERE conference_id = $1 AND type = 'vote.closed' AND payload->>'voteId' = $2`,
        [conference.id, suspend.id],
      );
      expect(closed.payload).toMatchObject({ closedBy: 'announced close time' });
      expect(await alerts(chairPage)).toEqual([]);
      expect(await alerts(phone)).toEqual([]);
      await expectAccessible(projector, 'projector with a procedural motion’s result');
    });

    it('puts an emergency motion the SOC accepted to the meeting’s vote to admit it, and the result admits it', async () => {
      const { api, ctx, browser } = suite;
      // Two registered remote members: one confirms attendance on their phone (the only one present, so the
      // only voter), the other never signs in.
      const { base, conference, branch, secretary, soc, chair, attendees } = await chairHall(api, ctx, {
        name: 'Emergency AGM',
        quorum: 1,
        members: 2,
        mode: 'remote',
        branch: 'Kent Branch',
      });
      const [member] = attendees;
      // [SO 7] Motions have closed; emergency motions are still taken.
      const past = new Date(Date.now() - 10 * 60_000);
      await ctx.setMotionDeadlines(conference.id, {
        motions: past,
        amendments: past,
        emergency: new Date(Date.now() + 60 * 60_000),
      });
      // [SO 7] An emergency motion with its three answers, accepted by the SOC for the meeting's vote.
      const { body: motion } = await api
        .http()
        .post(`${base}/motions`)
        .set(secretary.auth)
        .send({
          kind: 'emergency_motion',
          bodyId: branch.id,
          title: 'Office closures in Kent',
          text: 'This AGM opposes the closure of the Kent offices announced this week.',
          emergency: {
            aroseAfterDeadline: 'Announced this week',
            cannotBeDealtWithOtherwise: 'The closures start before the NEC meets',
            graveEnoughToRearrangeBusiness: 'Three offices close',
          },
        })
        .expect(201);
      await api.http().post(`${base}/motions/${motion.id}/submit`).set(secretary.auth).expect(200);
      await api
        .http()
        .post(`${base}/motions/${motion.id}/emergency-decision`)
        .set(soc.auth)
        .send({ accept: true, reason: 'Meets SO 7' })
        .expect(200);

      const { page: chairPage } = await newPage(browser, api);
      await signInOfficial(chairPage, chair);
      await chairPage.goto(`/c/${conference.id}/chair`);
      const { page: phone } = await newPage(browser, api, PHONE);
      await signInAttendee(phone, conference.name, member);
      await phone.getByRole('button', { name: 'Confirm attendance' }).click();
      await phone.getByTestId('attendance-confirmed').waitFor();

      const otherVote = chairPage.getByTestId('other-vote');
      await otherVote.getByLabel('What is the vote?').selectOption('emergency');
      const picker = otherVote.getByLabel('Emergency motion');
      await picker.waitFor();
      expect(await picker.locator('option').allTextContents()).toEqual(['Office closures in Kent']);
      expect(await otherVote.getByLabel('Question').inputValue()).toBe(
        'To admit the emergency motion: Office closures in Kent',
      );
      await waitForText(
        chairPage,
        '[data-testid=other-vote]',
        'majority under this conference’s standing orders',
      );
      expect(await otherVote.getByRole('group', { name: 'Topics' }).count()).toBe(0);
      await otherVote.getByLabel('Method of voting').selectOption('electronic');
      await expectAccessible(chairPage, 'chair putting an emergency motion’s admission');
      await otherVote.getByRole('button', { name: 'Open this vote' }).click();
      await waitForText(
        chairPage,
        '[data-testid=other-vote] p.alert.ok',
        'The vote “To admit the emergency motion: Office closures in Kent” is open.',
      );
      const votes = (await api.http().get(`${base}/votes`).set(soc.auth).expect(200)).body as Array<{
        subject: string;
        subjectRef: string;
      }>;
      expect(votes).toEqual([
        expect.objectContaining({ subject: 'emergency_admission', subjectRef: motion.id }),
      ]);

      await waitForText(phone, '[data-testid=vote-title]', 'Office closures in Kent');
      await answerOn(phone, 'For');
      await waitForText(chairPage, '[data-testid=chair-ballots]', '1 of 1 electronic voters have voted');
      await chairPage.getByRole('button', { name: /Close the vote/ }).click();
      for (const page of [chairPage, phone]) await waitForText(page, '[data-testid=vote-outcome]', 'Carried');
      // The meeting's vote decides the motion: admitted, and no longer offered for admission.
      const admitted = (await api.http().get(`${base}/motions/${motion.id}`).set(soc.auth).expect(200)).body;
      expect(admitted).toMatchObject({ status: 'admitted', emergency: { stage: 'admitted_by_meeting' } });
      await otherVote.getByLabel('What is the vote?').selectOption('emergency');
      await waitForText(chairPage, '[data-testid=no-emergency-motion]', 'No emergency motion is waiting');
      expect(await otherVote.getByRole('button', { name: 'Open this vote' }).isDisabled()).toBe(true);
      expect(await chairPage.locator('[role=alert]').allTextContents()).toEqual([]);
    });

    it('puts the question with an announced close time: a past one refused at its field, the question not put; then counted down', async () => {
      const { api, ctx, browser } = suite;
      const http = () => api.http();
      // Two members in the hall, the motion's mover and seconder.
      const {
        base,
        conference,
        chair,
        motionIds: [motionId],
      } = await chairHall(api, ctx, {
        name: 'Question close AGM',
        quorum: 1,
        members: 2,
        branch: 'Essex Branch',
        motions: [
          { title: 'Safe staffing levels', text: 'This AGM calls for safe staffing levels in every office.' },
        ],
      });

      const { page: chairPage } = await newPage(browser, api);
      await signInOfficial(chairPage, chair);
      await chairPage.goto(`/c/${conference.id}/chair`);
      const chairAuth = { Authorization: `Bearer ${await tokenOf(chairPage)}` };
      const debate = async () => (await http().get(`${base}/debate`).set(chairAuth).expect(200)).body;
      await chairPage.getByRole('button', { name: /^Take item/ }).click();
      await waitForText(chairPage, '[data-testid=item-title]', 'Safe staffing levels');
      for (const name of ['Call the mover', 'Start', 'End', 'Formally seconded']) {
        await chairPage.getByRole('button', { name, exact: true }).click();
        await chairPage.locator('p.alert.ok[role=status], [role=alert]').first().waitFor();
        expect(await alerts(chairPage)).toEqual([]);
      }
      await chairPage.getByLabel('Vote method').selectOption('electronic');
      const closeTime = chairPage.getByLabel('Close time of the question’s vote', { exact: true });
      // Midnight today, on the conference's clock, is past: refused at the time's field, the question not put.
      await closeTime.selectOption('at');
      const at = chairPage.getByLabel('Close time of the question’s vote: time today (Europe/London)');
      await at.fill('00:00');
      await chairPage.getByRole('button', { name: 'Put the question', exact: true }).click();
      await waitForText(chairPage, '[role=alert]', 'already past');
      expect(await at.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await at.getAttribute('aria-describedby')) ?? '';
      expect(await chairPage.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toContain(
        'must be in the future',
      );
      expect((await debate()).floor.item.questionPut).toBeNull();
      await expectAccessible(chairPage, 'chair refused a past close time for the question');
      await noSidewaysScroll(chairPage, 360);

      // In 5 minutes: the question is put, its vote closing then, counted down on the console.
      await closeTime.selectOption('minutes');
      await chairPage.getByLabel('Close time of the question’s vote: minutes from now').fill('5');
      await chairPage.getByRole('button', { name: 'Put the question', exact: true }).click();
      await waitForText(chairPage, 'p.alert.ok[role=status]', 'The question is put and the vote is open.');
      expect(await alerts(chairPage)).toEqual([]);
      const text = await waitForText(
        chairPage,
        '[data-testid=vote-countdown]',
        /Voting closes at \d\d:\d\d \(Europe\/London\): \d+:\d\d/,
      );
      const [, minutes] = /: (\d+):\d\d/.exec(text)!;
      expect(Number(minutes)).toBeLessThanOrEqual(5);
      const [vote] = (await http().get(`${base}/votes`).set(chairAuth).expect(200)).body as Array<{
        subjectRef: string;
        openedAt: string;
        closesAt: string;
      }>;
      expect(vote.subjectRef).toBe(motionId);
      const ahead = new Date(vote.closesAt).getTime() - new Date(vote.openedAt).getTime();
      expect(ahead).toBeGreaterThan(4 * 60_000);
      expect(ahead).toBeLessThanOrEqual(5 * 60_000);
      await expectAccessible(chairPage, 'chair with the question’s vote counting down');
    });
  },
);
