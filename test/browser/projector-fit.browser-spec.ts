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
 * The hall reads the whole result from the projector, on the screens halls have: a hybrid secret vote's
 * outcome, every channel's row down to the Total, the threshold and turnout line and the quorum figure all
 * lie inside the window at 1280×720, 1366×768 and 1920×1080 (no scrolling: nobody scrolls a projector),
 * every word at least 16 px at 1280×720 (in proportion on a taller screen).
 */
describeInBrowser('web client: the projector fits the whole result', () => {
  const suite = browserSuite();

  it('shows a hybrid result, threshold and quorum without scrolling at three screen sizes', async () => {
    const { api, ctx, browser } = suite;
    const http = () => api.http();
    const conference = await ctx.newConference({
      name: 'National Probation and Family Court Staff AGM 2027',
    });
    const base = `/api/conferences/${conference.id}`;
    // A quorum the five attendees below meet: the vote opens.
    await suite.api.database.dataSource.query(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`,
      [conference.id],
    );
    const admin = await ctx.asHeadOffice();
    const chair = await newOfficialWithPassword(api, {
      roles: [{ conferenceId: conference.id, role: 'chair' }],
    });
    const [teller, teller2] = await Promise.all(
      [1, 2].map(() => ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] })),
    );
    const hall = await Promise.all([1, 2, 3].map(() => ctx.newAttendee(conference.id, { mode: 'hall' })));
    for (const member of hall)
      await http()
        .post(`${base}/registrations/${member.registrationId}/check-in`)
        .set(admin.auth)
        .expect(200);
    const remote = await Promise.all([1, 2].map(() => ctx.newAttendee(conference.id, { mode: 'remote' })));
    await ctx.markRemotePresent(remote.map((r) => r.registrationId));

    const projector = await newPage(browser, api, PROJECTOR);
    await signInOfficial(projector.page, chair);
    await projector.page.goto(`/c/${conference.id}/projector`);
    await projector.page.getByRole('heading', { level: 1, name: conference.name }).waitFor();
    await waitForText(projector.page, '[data-testid=quorum-figure]', /present/);
    const chairAuth = { Authorization: `Bearer ${await tokenOf(projector.page)}` };

    // A long title, as real motions have, in a hybrid secret vote: electronic, hall and total rows.
    const vote = (
      await http()
        .post(`${base}/votes`)
        .set(chairAuth)
        .send({
          subject: 'custom',
          title:
            'Motion 14: Workloads, caseloads and the Workload Measurement Tool in the Probation Service and Cafcass',
          topics: [],
          method: 'hybrid',
          secret: true,
        })
        .expect((response) => {
          if (response.status !== 201) throw new Error(`opening the vote: ${JSON.stringify(response.body)}`);
        })
    ).body as { id: string };
    await projector.page.getByRole('heading', { name: 'Vote now' }).waitFor();
    for (const [i, voter] of remote.entries())
      await http()
        .post(`${base}/votes/${vote.id}/ballots`)
        .set(voter.auth)
        .send({ choice: i === 0 ? 'for' : 'against', idempotencyKey: randomUUID() })
        .expect(200);
    const count = { for: 2, against: 1, abstain: 0 };
    await http().post(`${base}/votes/${vote.id}/teller-count`).set(teller.auth).send(count).expect(200);
    await http()
      .post(`${base}/votes/${vote.id}/teller-count/confirm`)
      .set(teller2.auth)
      .send(count)
      .expect(200);
    await http().post(`${base}/votes/${vote.id}/close`).set(chairAuth).expect(200);
    await waitForText(projector.page, '[data-testid=vote-outcome]', 'Carried');
    expect(await projector.page.locator('[data-testid=vote-result] tr.total td').allTextContents()).toEqual([
      '3',
      '2',
      '0',
    ]);

    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await projector.page.setViewportSize(viewport);
      // Layout settles in the frame after a resize; read the boxes after it.
      // Strings, not functions: this file is compiled without the DOM library.
      await projector.page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
      );
      const bottoms = (await projector.page.evaluate(`(() => {
        const bottom = (selector) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? Infinity;
        return {
          total: bottom('[data-testid=vote-result] tr.total'),
          threshold: bottom('[data-testid=vote-result] [data-testid=vote-threshold]'),
          quorum: bottom('[data-testid=quorum-figure]'),
          page: document.documentElement.scrollHeight,
          width: document.documentElement.scrollWidth,
        };
      })()`)) as { total: number; threshold: number; quorum: number; page: number; width: number };
      const where = `${viewport.width}×${viewport.height}`;
      const fits = Math.max(bottoms.total, bottoms.threshold, bottoms.quorum) <= viewport.height;
      // The figures stay in the message when it fails: how far below the window each one ended.
      expect({ where, fits, bottoms }).toEqual({ where, fits: true, bottoms });
      expect({ where, scrolls: bottoms.page > viewport.height || bottoms.width > viewport.width }).toEqual({
        where,
        scrolls: false,
      });
      // Readable from the back of the hall: every word on the screen, the quorum footer and its badge
      // included, at least 16 px at 1280×720 and in proportion on a taller screen.
      const small = (await textsOnScreen(projector.page, 'main')).filter((t) => t.px < hallTypePx(viewport.height));
      expect({ where, small }).toEqual({ where, small: [] });
      await screenshot(projector.page, `projector-result-${viewport.width}x${viewport.height}`, false);
    }
    await expectAccessible(projector.page, 'projector with a hybrid result at 1920×1080');
    await projector.context.close();
  });
});
