export type {
  CountingMethod,
  CountStage,
  ElectionCandidate,
  ElectionCount,
  ElectionInput,
  LotDraw,
  RankedBallot,
  ReservedSeats,
  StageAction,
} from './election.types';
export { formatVotes, parseVotes, VOTE_SCALE } from './fixed-point';
export { countFirstPastThePost } from './first-past-the-post';
export { countInstantRunoff } from './instant-runoff';
export { countScottishStv } from './scottish-stv';
export { countMeekStv } from './meek-stv';
export { countElection } from './count-election';
export { formatBlt, parseBlt } from './blt';
export type { BltElection } from './blt';
export { sha256Hex } from './sha256';
export { countCsv, countReport, METHOD_NAMES } from './count-report';
export {
  assertMayNominate,
  assertMayStand,
  assertMayWithdraw,
  assertNominationsOpen,
  assertNotAlreadyNominated,
  assertValidAcceptance,
  assertValidPost,
  countStatementWords,
  decideAtClose,
  DEFAULT_STATEMENT_WORD_LIMIT,
  POST_COUNTING_METHODS,
  POST_STATES,
  postState,
  postStateInWords,
  publicDeclaration,
} from './nominations';
export type {
  CandidateFacts,
  CloseDecision,
  GroupDeclaration,
  NominationForRules,
  NominationStatus,
  PostDefinition,
  PostForRules,
  PostState,
} from './nominations';
export {
  assertMayOpenBallot,
  assertMayVoidBallot,
  assertPaperBallotsConfirmed,
  assertRoomForPaperBallot,
  assertSecondTellerAgrees,
  ballotInstructions,
  ballotInWords,
  ballotOrder,
  ELECTION_RECEIPT_FORMAT,
  electionInputOf,
  electionReceiptHash,
  electionReceiptText,
  electionTurnout,
  isRanked,
  paperInWords,
  parseBallotPaper,
  publishCount,
  readPaperEntry,
  rejectedPapersOf,
  resultSummary,
  SPOILT_REASONS,
  spoiltReasonInWords,
  voidedBallotInWords,
} from './election-ballot';
export type {
  BallotCandidate,
  ElectionBallotState,
  ElectionTurnout,
  PaperReading,
  PublishedCount,
  PublishedStage,
  RejectedPapers,
  SpoiltReason,
} from './election-ballot';
export { readMarkedPaper, readRankedPaper } from './paper-reading';
export type { PaperReading as KeyedPaperReading } from './paper-reading';
