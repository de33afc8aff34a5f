import { AttendanceMode, Majority, MotionKind, ProceduralMotion, SpeechRole, SuspendableOrder } from '../enums';
import { Ruleset } from '../ruleset/ruleset';
import type { MotionPart, MotionPartRequest, PartOutcome } from '../motions/motion-parts.rules';

/**
 * Types of the debate engine: the state (a fold over events), the events (plain JSON, stored in the
 * conference event log and pushed over sockets) and the commands the chair and attendees issue.
 */

export type SpeakingStance = 'for' | 'against' | 'to';
export type PointKind = 'point_of_order' | 'request_for_information';
export type DebateOutcome =
  'carried' | 'carried_as_amended' | 'lost' | 'remitted' | 'referred_back' | 'withdrawn' | 'fell';
export type AmendmentOutcome = 'carried' | 'lost' | 'withdrawn' | 'fell';
export type ProceduralResult = 'carried' | 'lost';
export type QuestionSubject = 'substantive' | 'amendment' | 'procedural';

// ---------------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------------

/** The question under debate: the substantive motion or the amendment currently moved. */
export interface DebateQuestion {
  /** null for the substantive motion. */
  amendmentId: string | null;
  moverMemberId: string;
  seconderMemberId: string | null;
  /** True once the mover has begun to speak. */
  moved: boolean;
  seconded: 'speech' | 'formally' | null;
  floorOpen: boolean;
  /** 'The question be now put' was carried on this question: no more debate. */
  closure: boolean;
}

export interface SpeakRequest {
  requestId: string;
  memberId: string;
  kind: 'speak' | PointKind;
  /** null for points of order and requests for information. */
  stance: SpeakingStance | null;
  attendanceMode: AttendanceMode;
  firstAgmEver: boolean;
  /** The question it was made on: null for the substantive motion. */
  amendmentId: string | null;
  requestedAt: string;
}

export interface PendingCall {
  memberId: string;
  role: SpeechRole;
  requestId: string | null;
  attendanceMode: AttendanceMode;
  suggestedMemberId: string | null;
  followedSuggestion: boolean | null;
}

export interface SpeechInProgress {
  speechId: string;
  memberId: string;
  role: SpeechRole;
  startedAt: string;
  limitSeconds: number;
  /** null while paused. */
  runningSince: string | null;
  /** Time already spoken before `runningSince`, in milliseconds. */
  elapsedMsBefore: number;
  warningAt: string;
  endsAt: string;
}

export interface PendingProcedural {
  proceduralId: string;
  kind: ProceduralMotion;
  memberId: string;
  majority: Majority;
  /** For a challenge to the chair: the ruling challenged. */
  rulingId: string | null;
  /** For a motion to suspend standing orders: which orders, for which business. */
  suspension?: SuspensionTerms | null;
}

/** What a motion to suspend standing orders sets aside, and for what business (issue 19). */
export interface SuspensionTerms {
  orders: SuspendableOrder[];
  /** The business: the item it is moved on first, then any later items named (for the guillotine). */
  itemIds: string[];
  /** With the speech time limits suspended: what each speech on that business may take, in seconds. */
  speechLimitSeconds: number | null;
}

/** A suspension the meeting carried. It applies to each item named until that item ends. */
export interface CarriedSuspension extends SuspensionTerms {
  proceduralId: string;
  carriedAt: string;
}

export interface QuestionPutState {
  subject: QuestionSubject;
  amendmentId: string | null;
  proceduralId: string | null;
  /** A motion taken in parts: the part put (absent or null for the motion as a whole). */
  partId?: string | null;
}

/** A motion taken in parts: its text as it stood, the parts, and each part's result so far. */
export interface MotionInParts {
  text: string;
  parts: MotionPart[];
  outcomes: Record<string, PartOutcome>;
}

export interface DebateItemState {
  itemId: string;
  motionId: string;
  kind: MotionKind;
  status: 'open' | 'concluded';
  outcome: DebateOutcome | null;
  outcomeReason: string | null;
  substantive: DebateQuestion;
  /** The amendment being debated, if any. */
  amendment: DebateQuestion | null;
  amendmentsDealtWith: { amendmentId: string; outcome: AmendmentOutcome }[];
  /** True once an amendment is carried: the motion is then "as amended". */
  asAmended: boolean;
  /** Members who have made a speech in this debate (motion and amendments together). */
  spokenMemberIds: string[];
  rightOfReplyGiven: boolean;
  queue: SpeakRequest[];
  call: PendingCall | null;
  speech: SpeechInProgress | null;
  procedural: PendingProcedural | null;
  questionPut: QuestionPutState | null;
  standingOrdersSuspended: boolean;
  /** Taken in parts: each part is put to its own vote (null: the motion is put as a whole). */
  parts: MotionInParts | null;
}

export interface ChairRuling {
  rulingId: string;
  itemId: string;
  speechId: string;
  memberId: string;
  ruling: string;
  at: string;
  status: 'standing' | 'upheld' | 'overturned';
}

/** One speech or intervention, as the monitoring statistics read it. */
export interface SpeechRecord {
  speechId: string;
  itemId: string;
  motionId: string;
  amendmentId: string | null;
  memberId: string;
  role: SpeechRole;
  attendanceMode: AttendanceMode;
  startedAt: string;
  endedAt: string | null;
  /** null for a procedural motion, which is moved without a timed speech. */
  limitSeconds: number | null;
  overrunSeconds: number | null;
  followedSuggestion: boolean | null;
}

/** A section of a report to conference (the NEC's annual report, say), as the report names it. */
export interface ReportSection {
  /** The report's own number or mark for it: "3", "4.2". */
  key: string;
  title: string;
}

/**
 * A report to conference taken as business (issue 19): delegates may move to refer back a named section;
 * each reference back is voted without debate like a procedural motion. The report is then received,
 * less the sections referred back.
 */
export interface ReportBusiness {
  reportId: string;
  title: string;
  sections: ReportSection[];
  status: 'open' | 'received';
  /** The reference back moved and not yet decided. */
  pending: { referenceId: string; sectionKey: string; memberId: string; majority: Majority; put: boolean } | null;
  /** Sections referred back, in the order carried. */
  referredBack: string[];
  /** Sections on which a reference back was lost. */
  notReferredBack: string[];
}

export interface DebateState {
  /** Number of events folded: commands carry it back as `expectedSeq`. */
  version: number;
  openItemId: string | null;
  /** The report being taken, if any: one piece of business at a time, a motion or a report. */
  openReportId?: string | null;
  reports?: Record<string, ReportBusiness>;
  items: Record<string, DebateItemState>;
  notReachedItemIds: string[];
  rulings: ChairRuling[];
  speeches: SpeechRecord[];
  /** Suspensions of standing orders carried, in order; each ends by itself as its business ends. */
  suspensions: CarriedSuspension[];
}

// ---------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------

interface EventBase {
  /** ISO time the event happened, from the server's clock. */
  at: string;
}
interface ItemEventBase extends EventBase {
  itemId: string;
}

export interface ItemTakenEvent extends ItemEventBase {
  type: 'item_taken';
  motionId: string;
  kind: MotionKind;
  moverMemberId: string;
  seconderMemberId: string | null;
}
export interface MoverAbsentEvent extends ItemEventBase {
  type: 'mover_absent';
  amendmentId: string | null;
  memberId: string;
}
export interface SpeakerCalledEvent extends ItemEventBase {
  type: 'speaker_called';
  amendmentId: string | null;
  memberId: string;
  role: SpeechRole;
  requestId: string | null;
  attendanceMode: AttendanceMode;
  suggestedMemberId: string | null;
  /** null when the call was not a choice from the queue (mover, seconder, right of reply). */
  followedSuggestion: boolean | null;
}
export interface FormallySecondedEvent extends ItemEventBase {
  type: 'formally_seconded';
  amendmentId: string | null;
  seconderMemberId: string | null;
}
export interface FloorOpenedEvent extends ItemEventBase {
  type: 'floor_opened';
  amendmentId: string | null;
}
export interface SpeakRequestedEvent extends ItemEventBase {
  type: 'speak_requested';
  requestId: string;
  memberId: string;
  stance: SpeakingStance;
  attendanceMode: AttendanceMode;
  firstAgmEver: boolean;
  amendmentId: string | null;
  /** True when the chair (or a steward) put a hall member without a device in the queue for them (absent on older logs). */
  addedByChair?: boolean;
  /** A steward, not the chair, put them in the queue. */
  addedBy?: 'steward';
}
export interface PointRaisedEvent extends ItemEventBase {
  type: 'point_raised';
  requestId: string;
  memberId: string;
  kind: PointKind;
  attendanceMode: AttendanceMode;
  onConductOfVote: boolean;
  amendmentId: string | null;
}
export interface RequestWithdrawnEvent extends ItemEventBase {
  type: 'request_withdrawn';
  requestId: string;
  memberId: string;
}
export interface SpeechStartedEvent extends ItemEventBase {
  type: 'speech_started';
  speechId: string;
  amendmentId: string | null;
  memberId: string;
  role: SpeechRole;
  requestId: string | null;
  attendanceMode: AttendanceMode;
  followedSuggestion: boolean | null;
  startedAt: string;
  limitSeconds: number;
  warningAt: string;
  endsAt: string;
}
export interface SpeechPausedEvent extends ItemEventBase {
  type: 'speech_paused';
  speechId: string;
  pausedAt: string;
  elapsedSeconds: number;
  remainingSeconds: number;
}
export interface SpeechResumedEvent extends ItemEventBase {
  type: 'speech_resumed';
  speechId: string;
  resumedAt: string;
  warningAt: string;
  endsAt: string;
}
export interface SpeechEndedEvent extends ItemEventBase {
  type: 'speech_ended';
  speechId: string;
  endedAt: string;
  spokenSeconds: number;
  overrunSeconds: number;
}
export interface PointRuledEvent extends ItemEventBase {
  type: 'point_ruled';
  rulingId: string;
  speechId: string;
  memberId: string;
  ruling: string;
}
export interface AmendmentTakenEvent extends ItemEventBase {
  type: 'amendment_taken';
  amendmentId: string;
  moverMemberId: string;
  seconderMemberId: string | null;
  /** The amendments already carried: this one amends the motion as amended by them. */
  amendsMotionAsAmendedBy: string[];
}
export interface AmendmentConcludedEvent extends ItemEventBase {
  type: 'amendment_concluded';
  amendmentId: string;
  outcome: AmendmentOutcome;
  /** The result is the chair's declaration of a show of hands, not a counted vote (absent on older logs). */
  showOfHands?: boolean;
}
export interface ProceduralMovedEvent extends ItemEventBase {
  type: 'procedural_moved';
  proceduralId: string;
  amendmentId: string | null;
  kind: ProceduralMotion;
  memberId: string;
  attendanceMode: AttendanceMode;
  majority: Majority;
  rulingId: string | null;
  /** For a motion to suspend standing orders: which orders, for which business. */
  suspension?: SuspensionTerms;
}
export interface ProceduralDecidedEvent extends ItemEventBase {
  type: 'procedural_decided';
  proceduralId: string;
  kind: ProceduralMotion;
  result: ProceduralResult;
  rulingId: string | null;
  /** The result is the chair's declaration of a show of hands, not a counted vote. */
  showOfHands?: boolean;
}
export interface QuestionPutEvent extends ItemEventBase {
  type: 'question_put';
  motionId: string;
  subject: QuestionSubject;
  amendmentId: string | null;
  proceduralId: string | null;
  proceduralKind: ProceduralMotion | null;
  /** For the substantive motion: whether it is put "as amended", and by which amendments. */
  asAmended: boolean;
  carriedAmendmentIds: string[];
  majority: Majority;
  /** A motion taken in parts: the part put, by id and label (absent when the motion is put as a whole). */
  partId?: string;
  partLabel?: string;
}
export interface ItemConcludedEvent extends ItemEventBase {
  type: 'item_concluded';
  motionId: string;
  outcome: DebateOutcome;
  reason: string | null;
  /** Carried or lost on the chair's declaration of a show of hands, not a counted vote. */
  showOfHands?: boolean;
  /** A motion carried in parts with some lost: the text it now reads, the parts carried. */
  carriedText?: string;
}
/** The chair takes the motion in parts (on a request from the floor): each part is put separately. */
export interface MotionTakenInPartsEvent extends ItemEventBase {
  type: 'motion_taken_in_parts';
  /** The motion's text as it stood (as amended so far), which the parts divide. */
  text: string;
  parts: MotionPart[];
}
/** The result of the vote on one part of a motion taken in parts. */
export interface PartDecidedEvent extends ItemEventBase {
  type: 'part_decided';
  partId: string;
  label: string;
  outcome: PartOutcome;
  /** The result is the chair's declaration of a show of hands, not a counted vote. */
  showOfHands?: boolean;
}
/**
 * The chair takes back a question put whose vote never opened (or was voided): the debate returns to
 * where it was before the question was put, and the reason is minuted.
 */
export interface QuestionWithdrawnEvent extends ItemEventBase {
  type: 'question_withdrawn';
  subject: QuestionSubject;
  amendmentId: string | null;
  proceduralId: string | null;
  reason: string;
}
export interface ReportTakenEvent extends EventBase {
  type: 'report_taken';
  reportId: string;
  title: string;
  sections: ReportSection[];
}
export interface ReferenceBackMovedEvent extends EventBase {
  type: 'reference_back_moved';
  reportId: string;
  referenceId: string;
  sectionKey: string;
  sectionTitle: string;
  memberId: string;
  attendanceMode: AttendanceMode;
  majority: Majority;
}
export interface ReferenceBackPutEvent extends EventBase {
  type: 'reference_back_put';
  reportId: string;
  referenceId: string;
  sectionKey: string;
  sectionTitle: string;
  majority: Majority;
}
export interface ReferenceBackDecidedEvent extends EventBase {
  type: 'reference_back_decided';
  reportId: string;
  referenceId: string;
  sectionKey: string;
  sectionTitle: string;
  result: ProceduralResult;
  /** The result is the chair's declaration of a show of hands, not a counted vote. */
  showOfHands?: boolean;
}
export interface ReportReceivedEvent extends EventBase {
  type: 'report_received';
  reportId: string;
  title: string;
  /** The sections referred back: the rest of the report is received. */
  sectionsReferredBack: ReportSection[];
}
export interface ItemsNotReachedEvent extends EventBase {
  type: 'items_not_reached';
  itemIds: string[];
}

export type DebateEvent =
  | ItemTakenEvent
  | MoverAbsentEvent
  | SpeakerCalledEvent
  | FormallySecondedEvent
  | FloorOpenedEvent
  | SpeakRequestedEvent
  | PointRaisedEvent
  | RequestWithdrawnEvent
  | SpeechStartedEvent
  | SpeechPausedEvent
  | SpeechResumedEvent
  | SpeechEndedEvent
  | PointRuledEvent
  | AmendmentTakenEvent
  | AmendmentConcludedEvent
  | ProceduralMovedEvent
  | ProceduralDecidedEvent
  | QuestionPutEvent
  | QuestionWithdrawnEvent
  | MotionTakenInPartsEvent
  | PartDecidedEvent
  | ItemConcludedEvent
  | ItemsNotReachedEvent
  | ReportTakenEvent
  | ReferenceBackMovedEvent
  | ReferenceBackPutEvent
  | ReferenceBackDecidedEvent
  | ReportReceivedEvent;

export type DebateEventType = DebateEvent['type'];

// ---------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------

interface ChairCommandBase {
  /** The `version` of the debate state the command was issued against (two chairs acting at once). */
  expectedSeq: number;
}
interface ItemCommandBase extends ChairCommandBase {
  itemId: string;
}
/** Attendee commands may omit expectedSeq: the queue changes too often for a member to keep up. */
interface AttendeeCommandBase {
  expectedSeq?: number;
  itemId: string;
  memberId: string;
}

export interface TakeItemCommand extends ItemCommandBase {
  type: 'takeItem';
  motionId: string;
  moverMemberId: string;
  seconderMemberId?: string | null;
  kind: MotionKind;
}
export interface MarkMoverAbsentCommand extends ItemCommandBase {
  type: 'markMoverAbsent';
}
export interface CallMoverCommand extends ItemCommandBase {
  type: 'callMover';
}
export interface CallSeconderCommand extends ItemCommandBase {
  type: 'callSeconder';
}
export interface FormallySecondedCommand extends ItemCommandBase {
  type: 'formallySeconded';
}
export interface OpenFloorCommand extends ItemCommandBase {
  type: 'openFloor';
}
export interface RequestToSpeakCommand extends AttendeeCommandBase {
  type: 'requestToSpeak';
  stance: SpeakingStance;
  attendanceMode: AttendanceMode;
  firstAgmEver?: boolean;
}
export interface RaisePointCommand extends AttendeeCommandBase {
  type: 'raisePointOfOrder' | 'requestForInformation';
  attendanceMode: AttendanceMode;
  /** SO 14: the one point that may be raised during a speech is on the conduct of a vote during it. */
  onConductOfVote?: boolean;
}
export interface WithdrawRequestCommand extends AttendeeCommandBase {
  type: 'withdrawRequest';
  /** Which request; defaults to the member's request to speak. */
  requestId?: string;
}
export interface CallSpeakerCommand extends ItemCommandBase {
  type: 'callSpeaker';
  memberId: string;
  /** Which of the member's requests, when they have a point waiting as well as a request to speak. */
  requestId?: string;
  /** Start their time at once, in the same command: how a point of order is heard (issue 19). */
  startNow?: boolean;
}
export interface SpeechTimerCommand extends ItemCommandBase {
  type: 'startSpeech' | 'pauseSpeech' | 'resumeSpeech' | 'endSpeech';
}
export interface RuleOnPointOfOrderCommand extends ItemCommandBase {
  type: 'ruleOnPointOfOrder';
  ruling: string;
}
export interface MoveToAmendmentCommand extends ItemCommandBase {
  type: 'moveToAmendment';
  amendmentId: string;
  moverMemberId: string;
  seconderMemberId?: string | null;
}
export interface BackToSubstantiveCommand extends ItemCommandBase {
  type: 'backToSubstantive';
}
/** A result recorded without a counted vote must say so: the chair declares it on a show of hands. */
interface OutcomeFigures {
  showOfHands?: boolean;
}
export interface AmendmentOutcomeCommand extends ItemCommandBase, OutcomeFigures {
  type: 'amendmentOutcome';
  outcome: 'carried' | 'lost';
}
export interface CallRightOfReplyCommand extends ItemCommandBase {
  type: 'callRightOfReply';
  /** Defaults to the mover of the motion; anyone else is refused. */
  memberId?: string;
}
export interface MoveProceduralCommand extends ItemCommandBase {
  type: 'moveProcedural';
  kind: ProceduralMotion;
  memberId: string;
  /** For a challenge to the chair; defaults to the latest standing ruling on this item. */
  rulingId?: string;
  /** Required for suspend_standing_orders: what is suspended, for this item and any later ones named. */
  suspension?: { orders: SuspendableOrder[]; laterItemIds?: string[]; speechLimitSeconds?: number };
}
export interface ProceduralOutcomeCommand extends ItemCommandBase, OutcomeFigures {
  type: 'proceduralOutcome';
  result: ProceduralResult;
}
export interface PutTheQuestionCommand extends ItemCommandBase {
  type: 'putTheQuestion';
}
export interface RecordOutcomeCommand extends ItemCommandBase, OutcomeFigures {
  type: 'recordOutcome';
  outcome: DebateOutcome;
  reason?: string;
}
export interface WithdrawQuestionCommand extends ItemCommandBase {
  type: 'withdrawQuestion';
  reason: string;
}
/** The chair (for a hall member without a device) puts a member in the queue to speak. */
export interface AddToQueueCommand extends ItemCommandBase {
  type: 'addToQueue';
  memberId: string;
  stance: SpeakingStance;
  firstAgmEver?: boolean;
  /** A steward put them in the queue (the chair otherwise). */
  addedBy?: 'steward';
}
/**
 * The chair takes the motion in parts: the passages named (word for word in the text now before the
 * meeting), the rest of the motion a part of its own. `text` is that text, supplied by the use case.
 */
export interface TakeInPartsCommand extends ItemCommandBase {
  type: 'takeInParts';
  text: string;
  parts: MotionPartRequest[];
  /** Whether the words outside the parts named are operative (default true). */
  restOperative?: boolean;
}
/** The result of the vote on the part put. */
export interface PartOutcomeCommand extends ItemCommandBase, OutcomeFigures {
  type: 'partOutcome';
  outcome: PartOutcome;
}
export interface GuillotineCommand extends ChairCommandBase {
  type: 'guillotine';
  /** The items of the order of business still to come. */
  itemIds: string[];
}

export type DebateCommand =
  | TakeItemCommand
  | MarkMoverAbsentCommand
  | CallMoverCommand
  | CallSeconderCommand
  | FormallySecondedCommand
  | OpenFloorCommand
  | RequestToSpeakCommand
  | RaisePointCommand
  | WithdrawRequestCommand
  | CallSpeakerCommand
  | SpeechTimerCommand
  | RuleOnPointOfOrderCommand
  | MoveToAmendmentCommand
  | BackToSubstantiveCommand
  | AmendmentOutcomeCommand
  | CallRightOfReplyCommand
  | MoveProceduralCommand
  | ProceduralOutcomeCommand
  | PutTheQuestionCommand
  | WithdrawQuestionCommand
  | RecordOutcomeCommand
  | AddToQueueCommand
  | TakeInPartsCommand
  | PartOutcomeCommand
  | GuillotineCommand
  | ReportBusinessCommand;

/** Report business: commands that name the report rather than an item. */
export interface TakeReportCommand extends ChairCommandBase {
  type: 'takeReport';
  reportId: string;
  /** Supplied by the use case from the report's record. */
  title: string;
  sections: ReportSection[];
}
export interface MoveReferenceBackCommand extends ChairCommandBase {
  type: 'moveReferenceBack';
  reportId: string;
  sectionKey: string;
  memberId: string;
}
export interface ReportCommand extends ChairCommandBase {
  type: 'putReferenceBack' | 'receiveReport';
  reportId: string;
}
export interface ReferenceBackOutcomeCommand extends ChairCommandBase, OutcomeFigures {
  type: 'referenceBackOutcome';
  reportId: string;
  result: ProceduralResult;
}
export type ReportBusinessCommand =
  TakeReportCommand | MoveReferenceBackCommand | ReportCommand | ReferenceBackOutcomeCommand;

export type DebateCommandType = DebateCommand['type'];

/** What the engine needs to know about the world outside the debate log, supplied by the use case. */
export interface DebateContext {
  /** Where the member is now, or null when not registered or not present. */
  attendanceOf(memberId: string): AttendanceMode | null;
  /** Members who have already made a speech at this AGM (before this state's speeches). */
  spokenAtThisAgm?: ReadonlySet<string>;
  /**
   * The latest vote not voided on the question put, as voting holds it: null or absent when none has
   * opened. The chair records a result only from a declared vote's figures, or declares one on a show
   * of hands when no vote was held; and a question with a live vote is not withdrawn.
   */
  questionVote?: QuestionVoteFigures | null;
  /** A member's name, for refusals the chair reads (no ids on a screen). */
  nameOf?(memberId: string): string | undefined;
  /** An item's label on the order of business ("Motion 7"), for refusals the chair reads. */
  titleOf?(itemId: string): string | undefined;
}

export interface QuestionVoteFigures {
  state: 'open' | 'closed' | 'declared';
  /** The declared outcome, e.g. 'carried'; null until declared. */
  outcome: string | null;
}

/** Tunables of the speaker suggestion that the base Ruleset lacks. */
export interface SpeakerSuggestionRules {
  /** How many recent speeches are counted when balancing hall and remote speakers. */
  recentSpeechWindow: number;
}

/** A Ruleset, optionally extended with the speaker suggestion's tunables. */
export type DebateRuleset = Ruleset & { speakerSuggestion?: SpeakerSuggestionRules };
