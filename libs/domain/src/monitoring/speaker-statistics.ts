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
import { MeasurePlan, PlanMeasure, planMeasure, planRow } from './suppression-plan';

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
  /**
   * Whether the attendee profile is fixed (the AGM has opened, and the answers with it). Until then an
   * attendee may change their answers, and a profile that moved with each save would tell a monitor who
   * knows who just saved what they answered; so the attendee categories are not published before it.
   */
  attendeeProfileFixed: boolean;
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
    ...publish(
      question,
      planReport(input, context, threshold),
      filter,
      overall,
      groups,
      breakdownBy,
      threshold,
    ),
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
  return {
    key,
    perCategory,
    total,
    attendees: attendeeCounts(attendees, context),
    attendeesTotal: attendees.length,
  };
}

function attendeeCounts(attendees: MonitoringAttendeeProfile[], context: JoinContext): number[] {
  const counts = context.categories.map(() => 0);
  for (const attendee of attendees) counts[context.categoryOf(attendee.key)] += 1;
  return counts;
}

function addSpeech(cell: RawCell, speech: MonitoredSpeech, context: JoinContext): void {
  const end = speech.endedAt ?? context.now;
  cell.speakers.add(speech.pseudonymousKey);
  cell.speeches += 1;
  cell.milliseconds += Math.max(0, end.getTime() - speech.startedAt.getTime());
  if (context.firstSpeechIds.has(speech.speechId)) cell.firstTime.add(speech.pseudonymousKey);
  if (context.isFirstAgmEver(speech.pseudonymousKey)) cell.firstAgmEver.add(speech.pseudonymousKey);
}

/** The plans of every measure published: speakers (with their speeches and time), sub-counts, attendees. */
interface ReportPlan {
  speaking: MeasurePlan;
  firstTime: MeasurePlan;
  firstAgmEver: MeasurePlan;
  attendees: MeasurePlan;
}

/**
 * The suppression plan over all the data, whatever was asked (see `suppression-plan.ts`): the overall
 * row and every one-way breakdown, for every measure. Each response then only reads its rows from it.
 */
function planReport(input: SpeakerReportInput, context: JoinContext, threshold: number): ReportPlan {
  const everything = rawGroup(null, input.speeches, input.attendees, context);
  const byDimension = MONITORING_BREAKDOWNS.map(
    (dimension) =>
      [
        dimension,
        groupSpeeches(input.speeches, dimension).map(([key, members]) => rawGroup(key, members, [], context)),
      ] as const,
  );
  const speechMeasure = (count: (cell: RawCell) => number): PlanMeasure => ({
    overall: everything.perCategory.map(count),
    overallTotal: count(everything.total),
    breakdowns: Object.fromEntries(
      byDimension.map(([dimension, groups]) => [
        dimension,
        {
          keys: groups.map((g) => g.key),
          cells: groups.map((g) => g.perCategory.map(count)),
          totals: groups.map((g) => count(g.total)),
        },
      ]),
    ),
  });
  // Speeches and seconds are published on the speakers' pattern: a cell with few speakers hides
  // its speeches and time too, and the same lines protect them from subtraction.
  const speaking = planMeasure(
    speechMeasure((c) => c.speakers.size),
    threshold,
  );
  // Sub-counts of a hidden cell are hidden as well, then protected in their own right.
  const firstTime = planMeasure(
    speechMeasure((c) => c.firstTime.size),
    threshold,
    { parent: speaking },
  );
  const firstAgmEver = planMeasure(
    speechMeasure((c) => c.firstAgmEver.size),
    threshold,
    { parent: speaking },
  );
  // The attendee base splits only by attendance mode. Both modes are rows even when nobody attends
  // one way, and attendees with no mode are a row no response shows, so hall + remote (+ none) always
  // add up to the overall row and no mode can be had as "overall minus the other".
  const modeRows = ATTENDANCE_MODES.map((mode) => input.attendees.filter((a) => a.attendanceMode === mode));
  const noMode = input.attendees.filter(
    (a) => !ATTENDANCE_MODES.includes(a.attendanceMode as AttendanceMode),
  );
  const rows = noMode.length > 0 ? [...modeRows, noMode] : modeRows;
  const attendees = planMeasure(
    {
      overall: everything.attendees,
      overallTotal: everything.attendeesTotal,
      breakdowns: {
        attendance_mode: {
          keys: [...ATTENDANCE_MODES, ...(noMode.length > 0 ? [null] : [])],
          cells: rows.map((base) => attendeeCounts(base, context)),
          totals: rows.map((base) => base.length),
          unpublished: rows.map((_, i) => i >= ATTENDANCE_MODES.length),
        },
      },
    },
    threshold,
    // Before the profile is fixed, one attendee saving their answers would move it: see `attendeeProfileFixed`.
    { hideCategories: !input.attendeeProfileFixed },
  );
  return { speaking, firstTime, firstAgmEver, attendees };
}

const ATTENDANCE_MODES: readonly AttendanceMode[] = ['hall', 'remote'];

/**
 * Which one-way table a response's row comes from: none (the overall row), one group of one breakdown,
 * or a cross-tabulation of two or more (a session's speeches by role, a filter by several roles or by
 * agenda item) that the plan does not cover.
 */
type RowSource =
  | { kind: 'overall' }
  | { kind: 'group'; dimension: MonitoringBreakdown; key: string | null }
  | { kind: 'cross' };

function narrowing(filter: MonitoringSpeechFilter): {
  planned: [MonitoringBreakdown, string][];
  unplanned: boolean;
} {
  const planned: [MonitoringBreakdown, string][] = [];
  if (filter.sessionId !== undefined) planned.push(['session', filter.sessionId]);
  if (filter.sectionId !== undefined) planned.push(['section', filter.sectionId]);
  if (filter.motionId !== undefined) planned.push(['motion', filter.motionId]);
  if (filter.roles !== undefined && filter.roles.length === 1) planned.push(['role', filter.roles[0]]);
  if (filter.attendanceMode !== undefined) planned.push(['attendance_mode', filter.attendanceMode]);
  const unplanned = filter.itemId !== undefined || (filter.roles !== undefined && filter.roles.length !== 1);
  return { planned, unplanned };
}

function rowSource(
  filter: MonitoringSpeechFilter,
  group: { dimension: MonitoringBreakdown; key: string | null } | null,
): RowSource {
  const { planned, unplanned } = narrowing(filter);
  if (unplanned || planned.length > 1) return { kind: 'cross' };
  if (planned.length === 0) return group ? { kind: 'group', ...group } : { kind: 'overall' };
  const [dimension, key] = planned[0];
  if (group && (group.dimension !== dimension || group.key !== key)) return { kind: 'cross' };
  return { kind: 'group', dimension, key };
}

/**
 * A cross-tabulation could be differenced against the plan's one-way tables (a session's women by role
 * add up to that session's women), so its answer categories are not shown at all. Its number of
 * speakers is no one's answer and is shown when not small; its first-AGM-ever total is an answer.
 */
function crossRow(categories: number, total: number, threshold: number, totalIsAnswer: boolean): RowPattern {
  return { cells: Array.from({ length: categories }, () => true), total: totalIsAnswer || total < threshold };
}

interface RowPattern {
  cells: boolean[];
  total: boolean;
}

function rowPatterns(
  plan: ReportPlan,
  filter: MonitoringSpeechFilter,
  group: { dimension: MonitoringBreakdown; key: string | null } | null,
  raw: RawGroup,
  threshold: number,
): GroupPatterns {
  const source = rowSource(filter, group);
  const categories = raw.perCategory.length;
  const fromPlan = (measure: MeasurePlan, total: number, totalIsAnswer: boolean): RowPattern =>
    source.kind === 'overall'
      ? measure.overall
      : source.kind === 'group'
        ? planRow(measure, source.dimension, source.key)
        : crossRow(categories, total, threshold, totalIsAnswer);
  // The attendee base is narrowed by attendance mode only: a filter on mode, or a group of that breakdown.
  const mode = filter.attendanceMode ?? (group?.dimension === 'attendance_mode' ? group.key : undefined);
  return {
    speaking: fromPlan(plan.speaking, raw.total.speakers.size, false),
    firstTime: fromPlan(plan.firstTime, raw.total.firstTime.size, true),
    firstAgmEver: fromPlan(plan.firstAgmEver, raw.total.firstAgmEver.size, true),
    attendees: mode === undefined ? plan.attendees.overall : planRow(plan.attendees, 'attendance_mode', mode),
  };
}

function publish(
  question: MonitoringQuestion,
  plan: ReportPlan,
  filter: MonitoringSpeechFilter,
  overall: RawGroup,
  groups: RawGroup[],
  breakdownBy: MonitoringBreakdown | null,
  threshold: number,
): { overall: SpeakerReportGroup; groups: SpeakerReportGroup[] } {
  return {
    overall: publishGroup(question, 'all', overall, rowPatterns(plan, filter, null, overall, threshold)),
    groups: groups.map((group) =>
      publishGroup(
        question,
        breakdownBy ?? 'all',
        group,
        rowPatterns(plan, filter, { dimension: breakdownBy!, key: group.key }, group, threshold),
      ),
    ),
  };
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
      representationRatio: ratio(speakerShare, attendeeShare),
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
function ratio(part: StatCell, whole: StatCell): StatCell {
  if (part.flag === 'suppressed' || whole.flag === 'suppressed' || whole.value === 0) return suppressedCell();
  return shownCell(part.value / whole.value);
}

/**
 * A share of a group. A share of exactly 0 or 1 says what everyone in the group answered (nobody, or
 * everybody, gave this answer), so it is never published. The plan already hides the counts that would
 * give one (hidden parts of a row must add up to the threshold at least); this keeps it so.
 */
function share(part: StatCell, whole: StatCell): StatCell {
  const cell = ratio(part, whole);
  return cell.flag === 'shown' && (cell.value <= 0 || cell.value >= 1) ? suppressedCell() : cell;
}
