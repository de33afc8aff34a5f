import { InvalidInput } from '../errors';
import { StatCell } from './monitoring.types';
import { SpeakerCategoryRow, SpeakerCounts, SpeakerReport, SpeakerReportGroup } from './speaker-statistics';

/**
 * Report models built from already-suppressed reports: comparison across AGMs, CSV rows and CSV text.
 * Nothing here sees raw counts, so nothing here can undo the suppression.
 */
export interface ConferenceSpeakerReport {
  /** How the AGM is named in the comparison, e.g. 'Eastbourne 2025'. */
  conference: string;
  report: SpeakerReport;
}

export interface SpeakerComparison {
  questionCode: string;
  conferences: string[];
  /** One row per answer category, in the order first met; `byConference[i]` is null where the AGM did not offer it. */
  rows: { category: string; label: string; byConference: (SpeakerCategoryRow | null)[] }[];
  totals: SpeakerCounts[];
}

/** Lines up several AGMs' overall figures per category. All reports must be about the same question. */
export function compareSpeakerReports(entries: ConferenceSpeakerReport[]): SpeakerComparison {
  const questionCodes = new Set(entries.map((e) => e.report.questionCode));
  if (questionCodes.size > 1) {
    throw new InvalidInput('Only reports on the same monitoring question can be compared.', {
      questionCode: `the reports are on ${[...questionCodes].join(', ')}`,
    });
  }
  const labels = new Map<string, string>();
  for (const { report } of entries)
    for (const row of report.overall.categories)
      if (!labels.has(row.category)) labels.set(row.category, row.label);
  return {
    questionCode: entries[0]?.report.questionCode ?? '',
    conferences: entries.map((e) => e.conference),
    rows: [...labels].map(([category, label]) => ({
      category,
      label,
      byConference: entries.map(
        (e) => e.report.overall.categories.find((row) => row.category === category) ?? null,
      ),
    })),
    totals: entries.map((e) => e.report.overall.total),
  };
}

/** What a suppressed cell reads as in a CSV. */
export const SUPPRESSED_TEXT = 'suppressed';

const COUNT_HEADERS = [
  'speakers',
  'speeches',
  'speaking_seconds',
  'first_time_speakers',
  'first_agm_ever_speakers',
  'attendees',
];
const DERIVED_HEADERS = ['speaker_share', 'attendee_share', 'representation_ratio'];

/** One CSV row per category and per total, for 'all' then each group. Values are plain; `renderCsvText` escapes. */
export function toCsvRows(report: SpeakerReport): string[][] {
  const header = [
    'question',
    'breakdown',
    'group',
    'category',
    'label',
    ...COUNT_HEADERS,
    ...DERIVED_HEADERS,
  ];
  const rows = [report.overall, ...report.groups].flatMap((group) => groupRows(report, group));
  return [header, ...rows];
}

function groupRows(report: SpeakerReport, group: SpeakerReportGroup): string[][] {
  const lead = [
    report.questionCode,
    group.dimension,
    group.key ?? (group.dimension === 'all' ? 'all' : 'none'),
  ];
  return [
    ...group.categories.map((row) => [
      ...lead,
      row.category,
      row.label,
      ...countValues(row),
      ...derivedValues(row),
    ]),
    [...lead, 'total', 'All answers', ...countValues(group.total), '', '', ''],
  ];
}

/** A row per category and AGM, then the totals: long format, so a spreadsheet can pivot it. */
export function comparisonToCsvRows(comparison: SpeakerComparison): string[][] {
  const header = ['question', 'conference', 'category', 'label', ...COUNT_HEADERS, ...DERIVED_HEADERS];
  const rows = comparison.rows.flatMap((row) =>
    row.byConference.flatMap((cells, i) =>
      cells
        ? [
            [
              comparison.questionCode,
              comparison.conferences[i],
              row.category,
              row.label,
              ...countValues(cells),
              ...derivedValues(cells),
            ],
          ]
        : [],
    ),
  );
  const totals = comparison.totals.map((t, i) => [
    comparison.questionCode,
    comparison.conferences[i],
    'total',
    'All answers',
    ...countValues(t),
    '',
    '',
    '',
  ]);
  return [header, ...rows, ...totals];
}

function countValues(counts: SpeakerCounts): string[] {
  return [
    counts.speakers,
    counts.speeches,
    counts.speakingSeconds,
    counts.firstTimeSpeakers,
    counts.firstAgmEverSpeakers,
    counts.attendees,
  ].map((cell) => cellText(cell, 0));
}

function derivedValues(row: SpeakerCategoryRow): string[] {
  return [
    cellText(row.speakerShare, 3),
    cellText(row.attendeeShare, 3),
    cellText(row.representationRatio, 2),
  ];
}

function cellText(cell: StatCell, decimals: number): string {
  return cell.flag === 'suppressed' ? SUPPRESSED_TEXT : cell.value.toFixed(decimals);
}

/**
 * RFC 4180 text: fields with a comma, quote or line break are quoted, quotes doubled, lines end CRLF.
 * A text field starting with =, +, -, @, tab or CR gets a leading apostrophe so a spreadsheet does not
 * run it as a formula (union-defined answer labels are free text).
 */
export function renderCsvText(rows: string[][]): string {
  return rows.map((row) => row.map(escapeCsvField).join(',')).join('\r\n') + '\r\n';
}

export function escapeCsvField(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
