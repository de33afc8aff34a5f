import type { Page } from 'playwright-core';
import type { ApiSuite } from '../support/api-suite';
import { castRemote, openContestedBallot } from '../support/elections';
import { browserSuite, describeInBrowser, expectAccessible, hallTypePx, newPage, PHONE, screenshot, signInAttendee, textsOnScreen, waitForText, type TextOnScreen } from './browser-support';

/** 12 candidates, names as long as real ones get, printed alphabetically on the ballot. */
const CANDIDATES = [
  'Alexandra Montgomery-Fitzwilliam',
  'Bernadette O’Sullivan-Hughes',
  'Christopher Abernethy',
  'Deborah Fairweather',
  'Emmanuel Okonkwo-Adeyemi',
  'Fiona MacLachlan',
  'Gurpreet Singh Dhaliwal',
  'Harriet Worthington-Smythe',
  'Ibrahim Al-Rashidi',
  'Josephine Kowalczyk',
  'Kenneth Llewellyn-Price',
  'Lakshmi Venkataraman',
];

/**
 * 80 ranked ballots from a fixed seed (mulberry32, as bench/election.bench.ts): candidates of uneven
 * popularity, each ballot ranking one to six of them. Counted for 5 seats by the Scottish rules they give
 * 10 stages, as many as a real count of 12 candidates for 5 seats (the bench's 10,000 ballots give 11).
 */
function bigElection(): string[][] {
  let seed = 20;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const weight = [30, 26, 22, 19, 17, 15, 13, 11, 9, 8, 7, 6];
  return Array.from({ length: 80 }, () => {
    const left = weight.map((w, i) => ({ i, w: w * (0.5 + next()) }));
    const length = 1 + Math.floor(next() * 6);
    const ranking: string[] = [];
    while (ranking.length < length) {
      let r = next() * left.reduce((a, c) => a + c.w, 0);
      let k = 0;
      while (r > left[k].w) r -= left[k++].w;
      ranking.push(CANDIDATES[left[k].i]);
      left.splice(k, 1);
    }
    return ranking;
  });
}

interface PageFit {
  scroll: [number, number];
  window: [number, number];
  /** Stage numbers in the column headers shown. */
  stages: number[];
  candidates: number;
  /** Cells reaching past the window, or whose text is wider than the cell. */
  cutOff: string[];
  electedInView: boolean;
  smallestTextPx: number;
  /** Every piece of the count's text seen on the screen (headings, the page label, the table), with its type size. */
  texts: TextOnScreen[];
}

/** One page of the projector's stage table, measured in one go. */
async function measure(page: Page): Promise<PageFit> {
  const fit = (await page.evaluate(`(() => {
    const table = document.querySelector('.projector-election table');
    const cells = [...table.querySelectorAll('th, td')];
    const inView = (el) => { const r = el.getBoundingClientRect(); return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; };
    const elected = document.querySelector('.projector-election [data-testid=stage-elected]');
    return {
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
      window: [innerWidth, innerHeight],
      stages: [...table.querySelectorAll('thead th')].slice(1).map((th) => Number(/Stage (\\d+)/.exec(th.textContent)[1])),
      candidates: table.querySelectorAll('tbody th[scope=row]').length - 2,
      cutOff: cells.filter((c) => !inView(c) || c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
      electedInView: inView(elected),
      smallestTextPx: Math.min(...cells.map((c) => parseFloat(getComputedStyle(c).fontSize))),
    };
  })()`)) as Omit<PageFit, 'texts'>;
  return { ...fit, texts: await textsOnScreen(page, '.projector-election') };
}

/**
 * Issue 20: the projector and the phones show a count already published when they are opened (or
 * reloaded) after it, not only when the live event arrives; and a big count (12 candidates, 5 seats,
 * 10 stages) is readable on a 16:9 projector at 1280×720 and 1920×1080: the stages in pages that fit
 * the screen, nothing cut off, no scrolling, turning by themselves and by the keyboard.
 */
describeInBrowser('web client: a big election count on the projector and phones, after a reload', () => {
  const suite = browserSuite();

  it('shows the published count after a reload, in pages of stages that fit 1280×720 and 1920×1080', async () => {
    const { api, ctx, browser } = suite;
    const http = () => api.http();
    const apiSuite = { api, ctx, sql: (text: string, params: unknown[] = []) => api.database.dataSource.query(text, params) } as ApiSuite;
    const ballots = bigElection();
    const conferenceName = `Big count AGM ${Date.now() % 10000}`;
    const ballot = await openContestedBallot(apiSuite, {
      method: 'scottish-stv',
      seats: 5,
      candidates: CANDIDATES,
      remote: ballots.length,
      hall: 0,
      conferenceName,
    });
    for (const [i, ranking] of ballots.entries()) await castRemote(apiSuite, ballot, ballot.remote[i], ranking);
    const closed = await http().post(`${ballot.postUrl}/ballot/close`).set(ballot.returningOfficer.auth).send({ lotSeed: '1 2 3' }).expect(200);
    const result = closed.body.result as { elected: string[]; stages: unknown[] };
    expect(result.stages).toHaveLength(10);
    expect(result.elected).toHaveLength(5);

    // The projector is opened after the close (a projector link, no sign-in), then reloaded: the count is there both times.
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: ballot.conferenceId, role: 'chair' }] });
    const link = (await http().post(`/api/conferences/${ballot.conferenceId}/projector-links`).set(chair.auth).send({ label: 'Main hall' }).expect(201)).body;
    const { page: projector } = await newPage(browser, api, { viewport: { width: 1280, height: 720 } });
    await projector.goto(link.path);
    const heading = projector.getByRole('heading', { name: 'Election result: National Executive Committee' });
    await heading.waitFor();
    await projector.reload();
    await heading.waitFor();
    await waitForText(projector, '.projector-election [data-testid=stage-elected]', `Elected: ${result.elected.join(', ')}`);
    await expectAccessible(projector, 'a big count on the projector');

    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await projector.setViewportSize(viewport);
      // Home takes the first page and stops the pages turning by themselves, so each is measured still.
      await projector.keyboard.press('Home');
      const label = await waitForText(projector, '[data-testid=stage-page]', /^Stages 1–\d+ of 10 · page 1 of \d+$/);
      const pages = Number(/of (\d+)$/.exec(label)![1]);
      expect(await projector.getByTestId('stage-page').getAttribute('data-paused')).toBe('true');
      const seen: number[] = [];
      for (let p = 1; p <= pages; p++) {
        if (p > 1) {
          await projector.keyboard.press('ArrowRight');
          await waitForText(projector, '[data-testid=stage-page]', `page ${p} of ${pages}`);
        }
        const fit = await measure(projector);
        expect({ ...fit, smallestTextPx: undefined, stages: undefined, texts: undefined }).toEqual({
          scroll: [viewport.width, viewport.height],
          window: [viewport.width, viewport.height],
          candidates: 12,
          cutOff: [],
          electedInView: true,
          smallestTextPx: undefined,
          stages: undefined,
          texts: undefined,
        });
        // Readable from a hall: at least 16 CSS pixels at 1280×720, and larger on a larger screen; every
        // text on the screen, the stages' headings and the changes (+1.00000) included, and none cut off.
        const least = hallTypePx(viewport.height);
        expect(fit.smallestTextPx).toBeGreaterThanOrEqual(least);
        expect(fit.texts.filter((t) => t.px < least || !t.inView)).toEqual([]);
        // The walk saw the stages' headings ("Stage " and its number are text nodes of their own).
        expect(fit.texts.filter((t) => t.text === 'Stage').length).toBe(fit.stages.length);
        expect(fit.stages.length).toBeGreaterThanOrEqual(2);
        seen.push(...fit.stages);
        if (p === 1) await screenshot(projector, `election-big-count-projector-${viewport.width}`, false);
      }
      // Every stage once, in order, across the pages.
      expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    }

    // Space turns the pages on again: they move on by themselves, from the last back to the first.
    await projector.keyboard.press('Space');
    await waitForText(projector, '[data-testid=stage-page]', /^Stages 1–\d+ of 10 · page 1 of/, 30_000);
    expect(await projector.getByTestId('stage-page').getAttribute('data-paused')).toBe('false');

    // A member's phone opened after the close: the Elections screen has the whole count, also after a reload.
    const member = await ctx.newAttendee(ballot.conferenceId, { mode: 'remote' });
    const { page: phone } = await newPage(browser, api, PHONE);
    await signInAttendee(phone, conferenceName, member);
    await phone.getByRole('link', { name: 'Elections' }).click();
    await phone.getByRole('table', { name: 'National Executive Committee: the count, stage by stage' }).waitFor();
    await phone.reload();
    const table = phone.getByRole('table', { name: 'National Executive Committee: the count, stage by stage' });
    await table.waitFor();
    expect(await table.getByRole('columnheader').count()).toBe(11);
    expect(await table.getByRole('rowheader').count()).toBe(14);
    await waitForText(phone, '[data-testid=stage-elected]', `Elected: ${result.elected.join(', ')}`);
    await expectAccessible(phone, 'a big count on a phone');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  });
});
