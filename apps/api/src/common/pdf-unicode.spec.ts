import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shownCell, type SpeakerCounts } from '@agm/domain';
import { renderMinutesPdf } from '../debate/minutes.renderer';
import { renderReportPdf } from '../monitoring/monitoring-report.pdf';
import { renderPdf } from '../motions/motion-pdf';

/**
 * Every PDF prints a member's name as written: the text poppler's `pdftotext` reads back out of the booklet,
 * the minutes and the monitoring report holds "Siân Wójcik-Ŵyn" as written. The standard PDF fonts stop at
 * Latin-1: with them the same name came out as "Siân Wójcik-?yn", and "Łukasz" as "?ukasz".
 */
const NAME = 'Siân Wójcik-Ŵyn';
const MORE = 'Łukasz Wójcik, Ødegård, Ελένη, Ярослава';

function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'agm-pdf-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    // Lines wrap where the page ends them: compare with the spaces and line breaks folded.
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const counts = (n: number): SpeakerCounts => ({
  speakers: shownCell(n),
  speeches: shownCell(n),
  speakingSeconds: shownCell(n * 60),
  firstTimeSpeakers: shownCell(0),
  firstAgmEverSpeakers: shownCell(0),
  attendees: shownCell(n * 4),
});

describe('PDFs print every name as written (embedded DejaVu fonts)', () => {
  it('the booklet', async () => {
    const pdf = await renderPdf({
      title: 'Napo AGM 2027',
      subtitle: 'Final agenda',
      sections: [{ heading: 'Negotiating', items: [{ label: '1', title: `Motion moved by ${NAME}`, paragraphs: [`This AGM thanks ${NAME} and ${MORE} – “with” quotes…`], notes: [`Moved: ${NAME}`] }] }],
    } as Parameters<typeof renderPdf>[0]);
    const text = textOf(pdf);
    expect(text).toContain(`Motion moved by ${NAME}`);
    expect(text).toContain(MORE);
    expect(text).toContain('– “with” quotes…');
  });

  it('the minutes, with their approval and a vote\'s figures', async () => {
    const pdf = await renderMinutesPdf({
      title: `Minutes: ${NAME}’s AGM`,
      status: { state: 'approved', text: `Approved as a correct record; recorded by ${NAME}.`, corrections: `Item 1: the mover was ${MORE}.` },
      intro: 'Times are in Europe/London.',
      sections: [
        {
          heading: `1: Motion of ${NAME}`,
          entries: [
            { seq: 1, type: 'speaker_called', at: '2027-10-07T09:00:00Z', time: '7 Oct 2027, 10:00:00', actor: NAME, text: `called ${MORE}` },
            {
              seq: 2,
              type: 'vote_result',
              at: '2027-10-07T09:10:00Z',
              time: '7 Oct 2027, 10:10:00',
              actor: NAME,
              text: 'Result of the vote: carried.',
              figures: {
                rows: [{ channel: 'Hall (cards, tellers’ count)', for: 41, against: 7, abstain: 2 }],
                total: { for: 41, against: 7, abstain: 2 },
                threshold: 'Simple majority.',
                turnout: '50 of 60 eligible voted (83.3%)',
                outcome: 'carried',
              },
            },
          ],
        },
      ],
    });
    const text = textOf(pdf);
    expect(text).toContain(`Minutes: ${NAME}’s AGM`);
    expect(text).toContain(`recorded by ${NAME}.`);
    expect(text).toContain(`the mover was ${MORE}.`);
    expect(text).toContain(`${NAME}: called ${MORE}`);
    expect(text).toMatch(/Hall \(cards, tellers’ count\) 41 7 2 Total 41 7 2/);
  });

  it('the monitoring report', async () => {
    const pdf = await renderReportPdf({
      conferenceId: 'c',
      conferenceName: `${NAME} Memorial AGM`,
      speechesCounted: 8,
      live: false,
      groupLabels: {},
      questionCode: 'gender',
      questionLabel: 'Gender',
      filter: {},
      breakdownBy: null,
      suppressionThreshold: 5,
      overall: {
        dimension: 'all',
        key: null,
        categories: [{ category: 'x', label: `Self-described: ${MORE}`, speakerShare: shownCell(0.5), attendeeShare: shownCell(0.25), representationRatio: shownCell(2), ...counts(8) }],
        total: counts(8),
      },
      groups: [],
    } as unknown as Parameters<typeof renderReportPdf>[0]);
    const text = textOf(pdf);
    expect(text).toContain(`Speaker monitoring: ${NAME} Memorial AGM`);
    expect(text).toContain(`Self-described: ${MORE}`);
  });
});
