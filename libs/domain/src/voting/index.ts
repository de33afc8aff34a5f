export {
  buildEligibilitySnapshot,
  voteChannelFor,
  describeIneligibility,
  findEligibility,
  INELIGIBILITY_REASONS,
} from './eligibility';
export type {
  EligibilityEntry,
  EligibilitySnapshot,
  EligibleVoter,
  IneligibilityReason,
  IneligibleVoter,
  VoteDefinition,
  VotingAttendee,
} from './eligibility';
export { decideBallot, parseVoteChoice } from './ballot-decision';
export type { BallotAttempt, BallotDecision, ExistingParticipation } from './ballot-decision';
export { acceptUnconfirmedHallCount, hallCountDeclarable, validateTellerCount } from './teller-count';
export type { HallCount, HallCountRecord } from './teller-count';
export { applyCastingVote, majorityFor, majorityInWords, outcomeOf, tallyVote } from './tally';
export type { ChoiceCounts, TallyInput, TallyResult, VoteOutcome, WeightedBallot } from './tally';
export {
  announcedCloseTime,
  assertTestVoteShape,
  assertCanCast,
  assertCanClose,
  assertCanDeclare,
  assertCanOpen,
  assertCanVoid,
  closeVote,
  declareVoteResult,
  notOpenMessage,
  openVote,
  VOTE_STATES,
  voidVote,
} from './vote-lifecycle';
export type { VoteLifecycle, VoteState } from './vote-lifecycle';
export { assertQuorateToOpen, computeQuorum } from './quorum';
export type { QuorumAttendee, QuorumPart, QuorumRule, QuorumStatus } from './quorum';
export {
  buildPublishedReceipts,
  findMyReceipt,
  formatReceiptCode,
  MIN_RECEIPT_CODE_BYTES,
  RECEIPT_FORMAT_VERSION,
  receiptHash,
  receiptText,
} from './receipts';
export type { HashFunction, PublishedReceipt, ReceiptContent, StoredBallot } from './receipts';
export { DEFAULT_BALLOT_RATE, takeBallotToken } from './ballot-rate';
export type { BallotBucket, BallotRate } from './ballot-rate';
export { receiptInExport, verifyVoteExport, VOTE_EXPORT_FORMAT } from './export-verification';
export type {
  VerificationCheck,
  VerificationReport,
  VoteExport,
  VoteExportBallot,
} from './export-verification';
