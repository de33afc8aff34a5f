import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { DebateEvent } from '@agm/domain';
import { Transactions } from '../../apps/api/src/events/transactions';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

const CHROMIUM = '/usr/bin/chromium';
// Chromium comes from Debian (DESIGN.md, "The machine"); CI installs it. Without it there is nothing to render with.
const withChromium = existsSync(CHROMIUM) ? describe : describe.skip;

/** The monitor's PDF, rendered to an image by Chromium's PDF viewer, shows its bars and its words. */
withChromium('speaker monitoring PDF', () => {
  let api: TestApi;
  let ctx: TestContext;
  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('renders to an image with the charts’ bars drawn', async () => {
    const { id: conferenceId } = await ctx.newConference({ name: 'Eastbourne 2025' });
    const monitor = await ctx.newOfficial({ roles: [{ conferenceId, role: 'monitor' }] });
    const motionId = '6f1d7d1e-0000-4000-8000-000000000001';
    const events: DebateEvent[] = [];
    const at = (minute: number) =>
      new Date(Date.parse('2025-10-02T09:00:00Z') + minute * 60_000).toISOString();
    for (let i = 0; i < 12; i++) {
      const attendee = await ctx.newAttendee(conferenceId, { mode: i % 2 ? 'hall' : 'remote' });
      await api
        .http()
        .put(`/api/conferences/${conferenceId}/monitoring/my-answers`)
        .set(attendee.auth)
        .send({ answers: { gender: i < 7 ? 'woman' : 'man' } })
        .expect(200);
      if (i === 0)
        events.push({
          type: 'item_taken',
          itemId: motionId,
          motionId,
          kind: 'motion',
          moverMemberId: attendee.member.id,
          seconderMemberId: null,
          at: at(0),
        });
      const speechId = `speech-${i}`;
      events.push(
        {
          type: 'speech_started',
          itemId: motionId,
          speechId,
          amendmentId: null,
          memberId: attendee.member.id,
          role: i ? 'for' : 'mover',
          requestId: null,
          attendanceMode: i % 2 ? 'hall' : 'remote',
          followedSuggestion: null,
          startedAt: at(3 * i + 1),
          limitSeconds: 180,
          warningAt: at(3 * i + 3),
          endsAt: at(3 * i + 4),
          at: at(3 * i + 1),
        },
        {
          type: 'speech_ended',
          itemId: motionId,
          speechId,
          endedAt: at(3 * i + 3),
          spokenSeconds: 120,
          overrunSeconds: 0,
          at: at(3 * i + 3),
        },
      );
    }
    // The AGM has opened: the answers are fixed, so the attendee profile (the light bars) is published.
    await api.database.dataSource.manager.query(
      `UPDATE conference SET opened_at = now() - interval '1 minute' WHERE id = $1`,
      [conferenceId],
    );
    await api.app.get(Transactions).runFor(conferenceId, async ({ record }) => {
      for (const event of events)
        record({
          conferenceId,
          type: `debate.${event.type}`,
          payload: { ...event },
          audience: 'chair',
          actorId: null,
        });
    });

    const response = await api
      .http()
      .get(
        `/api/conferences/${conferenceId}/monitoring/report?question=gender&breakdown=attendance_mode&format=pdf`,
      )
      .set(monitor.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const dir = mkdtempSync(join(tmpdir(), 'agm-monitoring-pdf-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, response.body as Buffer);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 1600 } });
      await page.goto(`file://${file}`);
      // The viewer draws the page some time after loading; under load, later. Look again until it has.
      let counts = { dark: 0, light: 0, black: 0 };
      for (
        let attempt = 0;
        attempt < 15 && (counts.dark <= 500 || counts.light <= 500 || counts.black <= 500);
        attempt++
      ) {
        await page.waitForTimeout(1000);
        counts = await pixelCounts(page, await page.screenshot({ path: join(dir, 'report.png') }));
      }
      expect(counts.dark).toBeGreaterThan(500);
      expect(counts.light).toBeGreaterThan(500);
      expect(counts.black).toBeGreaterThan(500);
    } finally {
      await browser.close();
    }
  }, 90_000);
});

/** Pixels of the speaker-share bar colour (#1f4e79), the attendee-share colour (#9dc3e6) and of text. */
async function pixelCounts(
  page: import('playwright-core').Page,
  png: Buffer,
): Promise<{ dark: number; light: number; black: number }> {
  // (A string: the test project's TypeScript has no DOM types.)
  const counts = (await page.evaluate(`(async () => {
        const img = new Image();
        img.src = 'data:image/png;base64,${png.toString('base64')}';
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const g = canvas.getContext('2d');
        g.drawImage(img, 0, 0);
        const data = g.getImageData(0, 0, img.width, img.height).data;
        const near = (i, r, gr, b) => Math.abs(data[i] - r) < 12 && Math.abs(data[i + 1] - gr) < 12 && Math.abs(data[i + 2] - b) < 12;
        let dark = 0, light = 0, black = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (near(i, 0x1f, 0x4e, 0x79)) dark++;
          if (near(i, 0x9d, 0xc3, 0xe6)) light++;
          if (data[i] < 40 && data[i + 1] < 40 && data[i + 2] < 40) black++;
        }
        return { dark, light, black };
      })()`)) as { dark: number; light: number; black: number };
  return counts;
}
