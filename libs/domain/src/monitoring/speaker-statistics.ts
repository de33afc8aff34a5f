import { InvalidInput } from '../errors';
import { AttendanceMode, SPEECH_ROLES, SpeechRole } from '../enums';
import { Ruleset } from '../ruleset/ruleset';
import {
  FIRST_AGM_QUESTION_CODE,
  FIRST_AGM_YES,
  MonitoringQuestion,
  PREFER_NOT_TO_SAY,
} from './monitoring.questions';
import {
  MonitoredSpeech,
  MonitoringAttendeeProfile,
  shownCell,
  StatCell,
  suppressedCell,
} from './monitoring.types';
import { CountTable, suppressSmallCounts, SuppressionPattern } from './suppression';

/**
 * Speaker monitoring statistics: who speaks, by self-declared category, against the profile of the
 * registered attendees. Only aggregates leave this module, and every cell passes `suppressSmallCounts`.
 */
export const MONITORING_BREAKDOWNS = ['session', 'section', 'motion', 'role', 'attendance_mode'] as const;
export type MonitoringBreakdown = (typeof MONITORING_BREAKDOWNS)[number];

export interface MonitoringSpeechFilter {
  sessionId?: string;
  sectionId?: string;
  motionId?: string;
  itemId?: string;
  roles?: SpeechRole[];
  /** Also narrows the attendee base to attendees registered with this mode. */
  attendanceMode?: AttendanceMode;
}

export interface SpeakerReportQuery {
  questionCode: string;
  filter?: MonitoringSpeechFilter;
  breakdownBy?: MonitoringBreakdown | null;
}

export interface SpeakerReportInput {
  questions: MonitoringQuestion[];
  speeches: MonitoredSpeech[];
  attendees: MonitoringAttendeeProfile[];
  /** A speech still going is counted up to now (the live view). */
  now: Date;
}

export interface SpeakerCounts {
  /** Distinct speakers. */
  speakers: StatCell;
  speeches: StatCell;
  speakingSeconds: StatCell;
  /** Speakers whose first speech at this AGM (derived from the order of speeches) falls in this group. */
  firstTimeSpeakers: StatCell;
  /** Speakers who declared this is their first AGM ever. */
  firstAgmEverSpeakers: StatCell;
  /** Registered attendees (the comparison base). */
  attendees: StatCell;
}

export interface SpeakerCategoryRow extends SpeakerCounts {
  category: string;
  label: string;
  speakerShare: StatCell;
  attendeeShare: StatCell;
  /** Speaker share over attendee share: 1 is proportionate, under 1 under-represented. */
  representationRatio: StatCell;
}

export interface SpeakerReportGroup {
  /** 'all' is the whole (filtered) set of speeches. */
  dimension: MonitoringBreakdown | 'all';
  /** The session, section, motion id, role or mode; null for 'all' or for speeches outside any motion or section. */
  key: string | null;
  categories: SpeakerCategoryRow[];
  total: SpeakerCounts;
}

export interface SpeakerReport {
  questionCode: string;
  questionLabel: string;
  filter: MonitoringSpeechFilter;
  breakdownBy: MonitoringBreakdown | null;
  suppressionThreshold: number;
  overall: SpeakerReportGroup;
  /** One per value of the breakdown, in order of first speech (roles and modes in their fixed order). */
  groups: SpeakerReportGroup[];
}

// SO 14: a point of order or a request for information does not count as having spoken, so it is
// not anyone's first speech either.
const NOT_A_SPEECH_FOR_FIRST_TIME: readonly SpeechRole[] = ['point_of_order', 'request_for_information'];

/** Counts of one group, per category, before suppression. */
interface RawGroup {
  key: string | null;
  perCategory: RawCell[];
  total: RawCell;
  attendees: number[];
  attendeesTotal: number;
}

interface RawCell {
  speakers: Set<string>;
  speeches: number;
  milliseconds: number;
  firstTime: Set<string>;
  firstAgmEver: Set<string>;
}

export function buildSpeakerReport(
  input: SpeakerReportInput,
  query: SpeakerReportQuery,
  ruleset: Pick<Ruleset, 'monitoring'>,
): SpeakerReport {
  const question = input.questions.find((q) => q.code === query.questionCode);
  if (!question) {
    throw new InvalidInput('There is no such monitoring question.', {
      questionCode: `'${query.questionCode}' is not on the form`,
    });
  }
  const filter = query.filter ?? {};
  const breakdownBy = query.breakdownBy ?? null;
  const threshold = ruleset.monitoring.suppressionThreshold;
  const context = joinContext(input, question);
  const speeches = input.speeches.filter((s) => matchesFilter(s, filter));
  const attendeeBase = filter.attendanceMode
    ? input.attendees.filter((a) => a.attendanceMode === filter.attendanceMode)
    : input.attendees;

  const overall = rawGroup(null, speeches, attendeeBase, context);
  const groups = breakdownBy
    ? groupSpeeches(speeches, breakdownBy).map(([key, members]) => {
        const base =
          breakdownBy === 'attendance_mode'
            ? attendeeBase.filter((a) => a.attendanceMode === key)
            : attendeeBase;
        return rawGroup(key, members, base, context);
      })
    : [];
  return {
    questionCode: question.code,
    questionLabel: question.label,
    filter,
    breakdownBy,
    suppressionThreshold: threshold,
    ...publish(question, overall, groups, breakdownBy, threshold),
  };
}

interface JoinContext {
  categories: string[];
  categoryOf: (key: string) => number;
  isFirstAgmEver: (key: string) => boolean;
  firstSpeechIds: Set<string>;
  now: Date;
}

/** Everything the aggregation needs from the profiles, reached by pseudonymous key only. */
function joinContext(input: SpeakerReportInput, question: MonitoringQuestion): JoinContext {
  const categories = question.answers.map((a) => a.code);
  const profiles = new Map(input.attendees.map((a) => [a.key, a.answers]));
  // An unknown, missing or unregistered answer counts as 'prefer not to say', the form's default.
  const categoryOf = (key: string) => {
    const index = categories.indexOf(profiles.get(key)?.[question.code] ?? PREFER_NOT_TO_SAY);
    return index >= 0 ? index : categories.indexOf(PREFER_NOT_TO_SAY);
  };
  const isFirstAgmEver = (key: string) => profiles.get(key)?.[FIRST_AGM_QUESTION_CODE] === FIRST_AGM_YES;
  return {
    categories,
    categoryOf,
    isFirstAgmEver,
    firstSpeechIds: firstSpeechAtThisAgm(input.speeches),
    now: input.now,
  };
}

/** The id of each speaker's first speech at this AGM, over all speeches whatever the filter. */
export function firstSpeechAtThisAgm(speeches: MonitoredSpeech[]): Set<string> {
  const ordered = speeches
    .filter((s) => !NOT_A_SPEECH_FOR_FIRST_TIME.includes(s.role))
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.speechId.localeCompare(b.speechId));
  const firstByKey = new Map<string, string>();
  for (const speech of ordered)
    if (!firstByKey.has(speech.pseudonymousKey)) firstByKey.set(speech.pseudonymousKey, speech.speechId);
  return new Set(firstByKey.values());
}

function matchesFilter(speech: MonitoredSpeech, filter: MonitoringSpeechFilter): boolean {
  return (
    (filter.sessionId === undefined || speech.sessionId === filter.sessionId) &&
    (filter.sectionId === undefined || speech.sectionId === filter.sectionId) &&
    (filter.motionId === undefined || speech.motionId === filter.motionId) &&
    (filter.itemId === undefined || speech.itemId === filter.itemId) &&
    (filter.roles === undefined || filter.roles.includes(speech.role)) &&
    (filter.attendanceMode === undefined || speech.attendanceMode === filter.attendanceMode)
  );
}

function breakdownKey(speech: MonitoredSpeech, by: MonitoringBreakdown): string | null {
  switch (by) {
    case 'session':
      return speech.sessionId;
    case 'section':
      return speech.sectionId;
    case 'motion':
      return speech.motionId;
    case 'role':
      return speech.role;
    case 'attendance_mode':
      return speech.attendanceMode;
  }
}

/** Groups in order of their first speech; roles and modes in their fixed order. */
function groupSpeeches(
  speeches: MonitoredSpeech[],
  by: MonitoringBreakdown,
): [string | null, MonitoredSpeech[]][] {
  const byKey = new Map<string | null, MonitoredSpeech[]>();
  const chronological = [...speeches].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  for (const speech of chronological) {
    const key = breakdownKey(speech, by);
    const members = byKey.get(key);
    if (members) members.push(speech);
    else byKey.set(key, [speech]);
  }
  const fixedOrder: readonly string[] | null =
    by === 'role' ? SPEECH_ROLES : by === 'attendance_mode' ? ['hall', 'remote'] : null;
  const entries = [...byKey.entries()];
  return fixedOrder
    ? entries.sort(([a], [b]) => fixedOrder.indexOf(a ?? '') - fixedOrder.indexOf(b ?? ''))
    : entries;
}

const emptyCell = (): RawCell => ({
  speakers: new Set(),
  speeches: 0,
  milliseconds: 0,
  firstTime: new Set(),
  firstAgmEver: new Set(),
});

function rawGroup(
  key: string | null,
  speeches: MonitoredSpeech[],
  attendees: MonitoringAttendeeProfile[],
  context: JoinContext,
): RawGroup {
  const perCategory = context.categories.map(emptyCell);
  const total = emptyCell();
  for (const speech of speeches) {
    for (const cell of [perCategory[context.categoryOf(speech.pseudonymousKey)], total])
      addSpeech(cell, speech, context);
  }
  const attendeeCounts = context.categories.map(() => 0);
  for (const attendee of attendees) attendeeCounts[context.categoryOf(attendee.key)] += 1;
  return { key, perCategory, total, attendees: attendeeCounts, attendeesTotal: attendees.length };
}

function addSpeech(cell: RawCell, speech: MonitoredSpeech, context: JoinContext): void {
  const end = speech.endedAt ?? context.now;
  cell.speakers.add(speech.pseudonymousKey);
  cell.speeches += 1;
  cell.milliseconds += Math.max(0, end.getTime() - speech.startedAt.getTime());
  if (context.firstSpeechIds.has(speech.speechId)) cell.firstTime.add(speech.pseudonymousKey);
  if (context.isFirstAgmEver(speech.pseudonymousKey)) cell.firstAgmEver.add(speech.pseudonymousKey);
}

/** Suppression patterns over the whole report: the groups are rows, 'all' is the column totals. */
interface ReportPatterns {
  speaking: MeasurePattern;
  firstTime: MeasurePattern;
  firstAgmEver: MeasurePattern;
  attendees: MeasurePattern;
}

function publish(
  question: MonitoringQuestion,
  overall: RawGroup,
  groups: RawGroup[],
  breakdownBy: MonitoringBreakdown | null,
  threshold: number,
): { overall: SpeakerReportGroup; groups: SpeakerReportGroup[] } {
  const patterns = suppressReport(overall, groups, breakdownBy, threshold);
  const rowPatterns = (row: number | 'all'): GroupPatterns => ({
    speaking: patternRow(patterns.speaking, row),
    firstTime: patternRow(patterns.firstTime, row),
    firstAgmEver: patternRow(patterns.firstAgmEver, row),
    attendees: patternRow(patterns.attendees, row),
  });
  return {
    overall: publishGroup(question, 'all', overall, rowPatterns('all')),
    groups: groups.map((group, row) => publishGroup(question, breakdownBy ?? 'all', group, rowPatterns(row))),
  };
}

/** The overall row, or a group's row; a measure with no group rows (attendees unless split by mode) repeats the overall. */
function patternRow(pattern: MeasurePattern, row: number | 'all'): RowPattern {
  if (row === 'all' || pattern.groups === null)
    return { cells: pattern.overall.cells[0], total: pattern.overall.rowTotals[0] };
  return { cells: pattern.groups.cells[row], total: pattern.groups.rowTotals[row] };
}

interface RowPattern {
  cells: boolean[];
  total: boolean;
}

function suppressReport(
  overall: RawGroup,
  groups: RawGroup[],
  breakdownBy: MonitoringBreakdown | null,
  threshold: number,
): ReportPatterns {
  const counts = (count: (cell: RawCell) => number): MeasureCounts => ({
    overall: overall.perCategory.map(count),
    overallTotal: count(overall.total),
    groups: groups.map((g) => g.perCategory.map(count)),
    groupTotals: groups.map((g) => count(g.total)),
  });
  // Speeches and seconds are published on the speakers' pattern: a cell with few speakers hides
  // its speeches and time too, and the same lines protect them from subtraction.
  const speaking = suppressMeasure(
    counts((c) => c.speakers.size),
    threshold,
  );
  // Sub-counts of a hidden cell are hidden as well, then protected in their own right.
  const firstTime = suppressMeasure(
    counts((c) => c.firstTime.size),
    threshold,
    speaking,
  );
  const firstAgmEver = suppressMeasure(
    counts((c) => c.firstAgmEver.size),
    threshold,
    speaking,
  );
  // Unless split by mode, every group is compared with the same attendee base: one row is enough.
  const byMode = breakdownBy === 'attendance_mode';
  const attendees = suppressMeasure(
    {
      overall: overall.attendees,
      overallTotal: overall.attendeesTotal,
      groups: byMode ? groups.map((g) => g.attendees) : [],
      groupTotals: byMode ? groups.map((g) => g.attendeesTotal) : [],
    },
    threshold,
  );
  return { speaking, firstTime, firstAgmEver, attendees };
}

interface MeasureCounts {
  overall: number[];
  overallTotal: number;
  groups: number[][];
  groupTotals: number[];
}

/** The patterns of one measure: the overall row alone, and the groups with the overall row as margin. */
interface MeasurePattern {
  overall: SuppressionPattern;
  groups: SuppressionPattern | null;
}

/**
 * The overall row is suppressed on its own first, exactly as a report without a breakdown shows it;
 * the breakdown table then keeps that row as a fixed margin. So the overall figures look the same with
 * or without a breakdown, and a reader cannot fill in one report's gaps from the other.
 */
function suppressMeasure(counts: MeasureCounts, threshold: number, parent?: MeasurePattern): MeasurePattern {
  const overall = suppressSmallCounts(
    { cells: [counts.overall], rowTotals: [counts.overallTotal] },
    threshold,
    {
      alsoSuppress: parent?.overall,
    },
  );
  if (counts.groups.length === 0) return { overall, groups: null };
  const table: CountTable = {
    cells: counts.groups,
    rowTotals: counts.groupTotals,
    columnTotals: counts.overall,
    grandTotal: counts.overallTotal,
  };
  const groups = suppressSmallCounts(table, threshold, {
    alsoSuppress: parent?.groups ?? undefined,
    fixedMargins: { columnTotals: overall.cells[0], grandTotal: overall.rowTotals[0] },
  });
  return { overall, groups };
}

interface GroupPatterns {
  speaking: RowPattern;
  firstTime: RowPattern;
  firstAgmEver: RowPattern;
  attendees: RowPattern;
}

function publishGroup(
  question: MonitoringQuestion,
  dimension: MonitoringBreakdown | 'all',
  group: RawGroup,
  patterns: GroupPatterns,
): SpeakerReportGroup {
  const total = publishCounts(group.total, group.attendeesTotal, {
    speaking: patterns.speaking.total,
    firstTime: patterns.firstTime.total,
    firstAgmEver: patterns.firstAgmEver.total,
    attendees: patterns.attendees.total,
  });
  const categories = question.answers.map((answer, i) => {
    const counts = publishCounts(group.perCategory[i], group.attendees[i], {
      speaking: patterns.speaking.cells[i],
      firstTime: patterns.firstTime.cells[i],
      firstAgmEver: patterns.firstAgmEver.cells[i],
      attendees: patterns.attendees.cells[i],
    });
    const speakerShare = share(counts.speakers, total.speakers);
    const attendeeShare = share(counts.attendees, total.attendees);
    return {
      category: answer.code,
      label: answer.label,
      ...counts,
      speakerShare,
      attendeeShare,
      representationRatio: share(speakerShare, attendeeShare),
    };
  });
  return { dimension, key: dimension === 'all' ? null : group.key, categories, total };
}

function publishCounts(
  cell: RawCell,
  attendees: number,
  hidden: { speaking: boolean; firstTime: boolean; firstAgmEver: boolean; attendees: boolean },
): SpeakerCounts {
  const show = (isHidden: boolean, value: number) => (isHidden ? suppressedCell() : shownCell(value));
  return {
    speakers: show(hidden.speaking, cell.speakers.size),
    speeches: show(hidden.speaking, cell.speeches),
    speakingSeconds: show(hidden.speaking, Math.round(cell.milliseconds / 1000)),
    firstTimeSpeakers: show(hidden.firstTime, cell.firstTime.size),
    firstAgmEverSpeakers: show(hidden.firstAgmEver, cell.firstAgmEver.size),
    attendees: show(hidden.attendees, attendees),
  };
}

/** A derived value is shown only when both of its inputs are: a share would otherwise give the count back. */
function share(part: StatCell, whole: StatCell): StatCell {
  if (part.flag === 'suppressed' || whole.flag === 'suppressed' || whole.value === 0) return suppressedCell();
  return shownCell(part.value / whole.value);
}
