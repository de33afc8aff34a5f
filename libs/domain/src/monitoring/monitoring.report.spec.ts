import { InvalidInput } from '../errors';
import { shownCell, StatCell, suppressedCell } from './monitoring.types';
import {
  compareSpeakerReports,
  comparisonToCsvRows,
  escapeCsvField,
  renderCsvText,
  toCsvRows,
} from './monitoring.report';
import { SpeakerCategoryRow, SpeakerCounts, SpeakerReport } from './speaker-statistics';

const counts = (speakers: StatCell, attendees: StatCell, seconds: StatCell = speakers): SpeakerCounts => ({
  speakers,
  speeches: speakers,
  speakingSeconds: seconds,
  firstTimeSpeakers: speakers,
  firstAgmEverSpeakers: suppressedCell(),
  attendees,
});
const category = (code: string, label: string, c: SpeakerCounts, ratio: StatCell): SpeakerCategoryRow => ({
  category: code,
  label,
  ...c,
  speakerShare: ratio,
  attendeeShare: ratio,
  representationRatio: ratio,
});

function report(questionCode: string, women: number | null, total: number): SpeakerReport {
  const womenCell = women === null ? suppressedCell() : shownCell(women);
  return {
    questionCode,
    questionLabel: 'Gender',
    filter: {},
    breakdownBy: null,
    suppressionThreshold: 5,
    overall: {
      dimension: 'all',
      key: null,
      categories: [
        category(
          'woman',
          'Woman',
          counts(womenCell, shownCell(10)),
          women === null ? suppressedCell() : shownCell(women / total),
        ),
        category('man', 'Man, "as stated"', counts(suppressedCell(), suppressedCell()), suppressedCell()),
      ],
      total: counts(shownCell(total), shownCell(20), shownCell(1140)),
    },
    groups: [],
  };
}

describe('the monitoring CSV', () => {
  it('has a header and one row per category plus the total, with suppressed cells marked', () => {
    const rows = toCsvRows(report('gender', 6, 12));
    expect(rows[0]).toEqual([
      'question',
      'breakdown',
      'group',
      'category',
      'label',
      'speakers',
      'speeches',
      'speaking_seconds',
      'first_time_speakers',
      'first_agm_ever_speakers',
      'attendees',
      'speaker_share',
      'attendee_share',
      'representation_ratio',
    ]);
    expect(rows).toHaveLength(4);
    // 6 of 12 = 0.5 shown with 3 decimals (ratio with 2).
    expect(rows[1]).toEqual([
      'gender',
      'all',
      'all',
      'woman',
      'Woman',
      '6',
      '6',
      '6',
      '6',
      'suppressed',
      '10',
      '0.500',
      '0.500',
      '0.50',
    ]);
    expect(rows[2].slice(5)).toEqual(Array(9).fill('suppressed'));
    expect(rows[3]).toEqual([
      'gender',
      'all',
      'all',
      'total',
      'All answers',
      '12',
      '12',
      '1140',
      '12',
      'suppressed',
      '20',
      '',
      '',
      '',
    ]);
    expect(rows.every((r) => r.length === rows[0].length)).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(
      renderCsvText([
        ['a', 'b,c'],
        ['say "hi"', 'two\nlines'],
      ]),
    ).toBe('a,"b,c"\r\n"say ""hi""","two\nlines"\r\n');
    expect(renderCsvText(toCsvRows(report('gender', 6, 12)))).toContain(',"Man, ""as stated""",');
  });

  it('stops a spreadsheet running a union-defined label as a formula, but leaves numbers alone', () => {
    expect(escapeCsvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(escapeCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeCsvField('-1.5')).toBe('-1.5');
    expect(escapeCsvField('plain')).toBe('plain');
  });
});

describe('comparison across AGMs', () => {
  it('lines up each category across conferences, keeping suppression as it was', () => {
    const comparison = compareSpeakerReports([
      { conference: 'Eastbourne 2024', report: report('gender', null, 9) },
      { conference: 'Eastbourne 2025', report: report('gender', 6, 12) },
    ]);
    expect(comparison.conferences).toEqual(['Eastbourne 2024', 'Eastbourne 2025']);
    expect(comparison.rows.map((r) => r.category)).toEqual(['woman', 'man']);
    const women = comparison.rows[0].byConference;
    expect(women.map((c) => c?.speakers)).toEqual([suppressedCell(), shownCell(6)]);
    expect(comparison.totals.map((t) => t.speakers.value)).toEqual([9, 12]);
    const csv = comparisonToCsvRows(comparison);
    expect(csv[1].slice(0, 6)).toEqual([
      'gender',
      'Eastbourne 2024',
      'woman',
      'Woman',
      'suppressed',
      'suppressed',
    ]);
    expect(csv).toHaveLength(1 + 4 + 2);
  });

  it('marks a category one AGM did not offer as absent rather than zero', () => {
    const older = report('gender', 6, 12);
    const newer = report('gender', 6, 12);
    newer.overall.categories.push(
      category('non_binary', 'Non-binary', counts(suppressedCell(), suppressedCell()), suppressedCell()),
    );
    const comparison = compareSpeakerReports([
      { conference: '2024', report: older },
      { conference: '2025', report: newer },
    ]);
    expect(comparison.rows.find((r) => r.category === 'non_binary')?.byConference[0]).toBeNull();
  });

  it('refuses to compare reports on different questions', () => {
    expect(() =>
      compareSpeakerReports([
        { conference: '2024', report: report('gender', 6, 12) },
        { conference: '2025', report: report('lgbt', 6, 12) },
      ]),
    ).toThrow(InvalidInput);
  });
});
