import { randomUUID } from 'node:crypto';
import {
  browserSuite,
  describeInBrowser,
  expectAccessible,
  hallTypePx,
  newOfficialWithPassword,
  newPage,
  PROJECTOR,
  screenshot,
  signInOfficial,
  textsOnScreen,
  tokenOf,
  waitForText,
} from './browser-support';

/**
 * The hall's projector without anyone's sign-in: the chair creates a read-only projector link on the
 * console, a fresh browser (the projector PC) opens it and follows the quorum and a vote to its result
 * live, and revoking the link from the console blanks that screen.
 */
describeInBrowser('web client: read-only projector link', () => {
  const suite = browserSuite();

  it('opens the projector from a link in a fresh browser, follows the hall live, and ends when revoked', async () => {
    const { api, ctx, browser } = suite;
    const sql = (query: string, params: unknown[]) => api.database.dataSource.query(query, params);
    const conference = await ctx.newConference();
    await sql(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`,
      [conference.id],
    );
    const chair = await newOfficialWithPassword(api, {
      roles: [{ conferenceId: conference.id, role: 'chair' }],
    });
    const voter = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const [mover, seconder] = [
      await ctx.newAttendee(conference.id, { mode: 'hall' }),
      await ctx.newAttendee(conference.id, { mode: 'hall' }),
    ];

    // The chair creates the link on the console; it is shown once, with the key in the fragment.
    const console = await newPage(browser, api);
    await signInOfficial(console.page, chair);
    await console.page.goto(`/c/${conference.id}/chair`);
    await console.page.getByRole('button', { name: 'Create projector link' }).click();
    const url = await console.page.getByLabel('Projector link (shown once)').inputValue();
    expect(url).toMatch(new RegExp(`^${api.url}/projector/${conference.id}#key=p\\.`));
    await console.page
      .getByRole('list', { name: 'Projector links in force' })
      .getByText('Hall projector')
      .waitFor();
    await expectAccessible(console.page, 'chair console with a projector link');
    await screenshot(console.page, 'chair-projector-link', false);
    const chairAuth = { Authorization: `Bearer ${await tokenOf(console.page)}` };

    // The projector PC: a fresh browser context, nobody signed in. The key leaves the address bar at once.
    const projector = await newPage(browser, api, PROJECTOR);
    await projector.page.goto(url);
    await projector.page.getByRole('heading', { level: 1, name: conference.name }).waitFor();
    await waitForText(projector.page, '[data-testid=quorum-figure]', /^0 present of 1 needed/);
    expect(projector.page.url()).toBe(`${api.url}/projector/${conference.id}`);
    expect(await projector.page.locator('form').count()).toBe(0);
    expect(await projector.page.getByText('No item is being debated.').count()).toBe(1);
    await expectAccessible(projector.page, 'projector from a link');
    // A reload keeps it: the key is in this tab's sessionStorage.
    await projector.page.reload();
    await waitForText(projector.page, '[data-testid=quorum-figure]', /^0 present of 1 needed/);

    // Live: the mover and seconder checked in, the chair takes the motion and puts the question.
    const admin = await ctx.asHeadOffice();
    for (const member of [mover, seconder])
      await api
        .http()
        .post(`/api/conferences/${conference.id}/registrations/${member.registrationId}/check-in`)
        .set(admin.auth)
        .expect(200);
    await waitForText(projector.page, '[data-testid=quorum-figure]', /^2 present of 1 needed/);
    const [motion] = await sql(
      `INSERT INTO motion (conference_id, kind, title, text, status, proposer_member_id, seconder_member_id, word_count, over_word_limit, created_by, submitted_at)
       VALUES ($1, 'motion', 'Safe caseloads', 'Conference calls on the NEC to campaign for safe caseloads.', 'placed', $2, $3, 9, false, $4, now()) RETURNING id`,
      [conference.id, mover.memberId, seconder.memberId, chair.id],
    );
    const base = `/api/conferences/${conference.id}`;
    const chairSays = async (command: Record<string, unknown>) => {
      const version = (await api.http().get(`${base}/debate`).set(chairAuth).expect(200)).body.version;
      return (
        await api
          .http()
          .post(`${base}/debate/commands`)
          .set(chairAuth)
          .send({ itemId: motion.id, expectedSeq: version, ...command })
          .expect(200)
      ).body;
    };
    await chairSays({ type: 'takeItem', motionId: motion.id, itemId: undefined });
    await waitForText(projector.page, '[data-testid=item-title]', 'Safe caseloads');
    await chairSays({ type: 'callMover' });
    await chairSays({ type: 'startSpeech' });
    // The floor as the hall reads it, the mover's timer running: every word at the hall's size.
    await waitForText(projector.page, '[data-testid=speaker-name]', /\S/);
    expect(
      (await textsOnScreen(projector.page, 'main')).filter(
        (t) => t.px < hallTypePx(PROJECTOR.viewport.height),
      ),
    ).toEqual([]);
    for (const type of ['endSpeech', 'callSeconder', 'startSpeech', 'endSpeech', 'openFloor'])
      await chairSays({ type });
    await ctx.markRemotePresent([voter.registrationId]);
    const put = await chairSays({ type: 'putTheQuestion', vote: { method: 'electronic' } });
    expect(put.voteError).toBeUndefined();
    const vote = { id: put.voteId as string };
    await projector.page.getByRole('heading', { name: 'Vote now' }).waitFor();
    await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`)
      .set(voter.auth)
      .send({ choice: 'for', idempotencyKey: randomUUID() })
      .expect(200);
    await waitForText(projector.page, '[data-testid=projector-ballots]', '1 of 3 remote votes in');
    expect(
      (await textsOnScreen(projector.page, 'main')).filter(
        (t) => t.px < hallTypePx(PROJECTOR.viewport.height),
      ),
    ).toEqual([]);
    await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${vote.id}/close`)
      .set(chairAuth)
      .expect(200);
    await waitForText(projector.page, '[data-testid=vote-outcome]', 'Carried');
    const totals = await projector.page.locator('[data-testid=vote-result] tr.total td').allTextContents();
    expect(totals).toEqual(['1', '0', '0']);
    expect(
      (await textsOnScreen(projector.page, 'main')).filter(
        (t) => t.px < hallTypePx(PROJECTOR.viewport.height),
      ),
    ).toEqual([]);
    await expectAccessible(projector.page, 'projector result from a link');

    // Revoked from the console: the projector is told why and shows no hall data any more.
    await console.page
      .getByRole('list', { name: 'Projector links in force' })
      .getByRole('button', { name: /^Revoke/ })
      .click();
    await waitForText(console.page, 'section[aria-labelledby=projector-link] [role=status]', /link revoked/);
    await waitForText(projector.page, '[data-testid=ended-reason]', /projector link was revoked/);
    expect(await projector.page.locator('[data-testid=vote-result]').count()).toBe(0);
    expect(await projector.page.evaluate("sessionStorage.getItem('agm.session')")).toBeNull();
    await console.context.close();
    await projector.context.close();
  });
});
