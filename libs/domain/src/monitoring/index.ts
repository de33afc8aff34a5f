export {
  PREFER_NOT_TO_SAY,
  FIRST_AGM_QUESTION_CODE,
  FIRST_AGM_YES,
  defaultMonitoringQuestions,
  defineMonitoringQuestions,
  emptyMonitoringAnswers,
  completeMonitoringAnswers,
  validateMonitoringAnswers,
  assertValidMonitoringAnswers,
  assertMayEditAnswers,
} from './monitoring.questions';
export type { MonitoringAnswerOption, MonitoringQuestion, MonitoringAnswers } from './monitoring.questions';

export { shownCell, suppressedCell } from './monitoring.types';
export type { MonitoredSpeech, MonitoringAttendeeProfile, StatCell } from './monitoring.types';

export { suppressSmallCounts } from './suppression';
export type { CountTable, SuppressionPattern, SuppressionOptions, FixedMargins } from './suppression';

export { planMeasure, planRow } from './suppression-plan';
export type { MeasurePlan, PlanMeasure, PlanBreakdown, PlanRow, PlanOptions } from './suppression-plan';

export { MONITORING_BREAKDOWNS, buildSpeakerReport, firstSpeechAtThisAgm } from './speaker-statistics';
export type {
  MonitoringBreakdown,
  MonitoringSpeechFilter,
  SpeakerReportQuery,
  SpeakerReportInput,
  SpeakerCounts,
  SpeakerCategoryRow,
  SpeakerReportGroup,
  SpeakerReport,
} from './speaker-statistics';

export {
  compareSpeakerReports,
  toCsvRows,
  comparisonToCsvRows,
  renderCsvText,
  escapeCsvField,
  SUPPRESSED_TEXT,
} from './monitoring.report';
export type { ConferenceSpeakerReport, SpeakerComparison } from './monitoring.report';

export { balanceIndicator, defaultBalanceWindow } from './balance-indicator';
export type { BalanceSpeech, BalanceWindow, BalanceSignal } from './balance-indicator';
