export { decide } from './debate.decide';
export {
  applyDebateEvent,
  currentQuestionOf,
  emptyDebateState,
  foldDebate,
  isSpeakingRole,
  openItemOf,
  openReportOf,
  SPEAKING_ROLES,
  suspensionInForce,
  suspensionsInForce,
} from './debate.fold';
export {
  defaultSpeakerSuggestionRules,
  floorIsTakingSpeakers,
  suggestNextSpeaker,
} from './speaker-suggestion';
export type { SpeakerHistory, SpeakerSuggestion } from './speaker-suggestion';
export { speechesOf } from './speech-records';
export { deadlineFrom, elapsedMs, overrunSeconds, remainingMs, speechLimitSecondsFor } from './speech-timer';
export type { SpeechDeadline } from './speech-timer';
export type * from './debate.types';
export { assertVoteMayOpenOnQuestion } from './question-vote.rules';
export { suspensionInWords } from './suspension-words';
export { assertReportMayChange, assertReportTitleFree, reportSetUp } from './report-setup.rules';
export type { ReportSetUp } from './report-setup.rules';
