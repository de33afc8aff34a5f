import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VoteSubject } from '@agm/domain';

/**
 * What the debate looks like to its audiences. The same shapes are the payloads of the live events:
 * `debate.floor` (public: `DebateFloorView`), `debate.queue` (chair: `DebateQueueView`) and
 * `debate.queue_position` (one member: `DebateMyRequestsView`).
 */

export interface DebateSpeechView {
  speechId: string;
  memberId: string;
  name: string | null;
  role: string;
  /** Server-authoritative: clients count down to `endsAt`, warn at `warningAt`. */
  startedAt: string;
  /** null while paused. */
  runningSince: string | null;
  paused: boolean;
  /** Spoken before `runningSince` (all of it while paused). */
  elapsedSecondsBefore: number;
  limitSeconds: number;
  warningAt: string;
  endsAt: string;
}

export interface DebateAmendmentView {
  amendmentId: string;
  title: string | null;
  agendaLabel: string | null;
  moverMemberId: string;
  seconderMemberId: string | null;
  /** The amendment's own wording, as the notice of motions prints it ("Replace … with …"). */
  text: string | null;
  /**
   * The motion as it would read if this amendment is carried: the text now before the meeting (with the
   * amendments carried so far) with this one applied. null when its words no longer stand in that text.
   */
  wouldRead: string | null;
}

/** Public: the item, its text as amended so far, the current speaker and timer. */
export interface DebateFloorView {
  version: number;
  item: {
    itemId: string;
    motionId: string;
    kind: string;
    title: string | null;
    agendaLabel: string | null;
    /** The motion's text as submitted. */
    originalText: string | null;
    /** The text now before the meeting: the motion as amended by every amendment carried so far. */
    text: string | null;
    asAmended: boolean;
    carriedAmendmentIds: string[];
    moverMemberId: string;
    seconderMemberId: string | null;
    stage: { moved: boolean; seconded: string | null; floorOpen: boolean; closure: boolean; rightOfReplyGiven: boolean };
    amendment: DebateAmendmentView | null;
    call: { memberId: string; name: string | null; role: string } | null;
    speech: DebateSpeechView | null;
    procedural: { proceduralId: string; kind: string; memberId: string; name: string | null; majority: string } | null;
    questionPut: { subject: string; amendmentId: string | null; proceduralId: string | null; partId?: string | null } | null;
    /** Taken in parts (issue 19): each part, in the order put, with its result so far. Absent on older floor events. */
    parts?: DebatePartView[] | null;
  } | null;
  /** The report being taken (issue 19), when no motion is open. Absent on floor events logged before reports existed. */
  report?: DebateReportView | null;
  /** The last item concluded, with its outcome. */
  lastConcluded: { itemId: string; motionId: string; title: string | null; outcome: string | null; reason: string | null } | null;
  notReachedItemIds: string[];
  /**
   * Suspensions of standing orders in force (issue 19): each until its business ends, by itself. Absent
   * from floor events logged before suspensions existed.
   */
  suspensions?: DebateSuspensionView[];
}

export interface DebateReportView {
  reportId: string;
  title: string;
  sections: Array<{ key: string; title: string }>;
  /** The reference back moved and not yet decided. */
  pending: { sectionKey: string; sectionTitle: string; memberId: string; name: string | null; majority: string; put: boolean } | null;
  referredBack: Array<{ key: string; title: string }>;
}

export interface DebatePartView {
  partId: string;
  /** "Paragraph 3", or "The rest of the motion" for the words outside the parts named. */
  label: string;
  text: string;
  operative: boolean;
  rest: boolean;
  /** null until its vote is recorded. */
  outcome: 'carried' | 'lost' | null;
}

export interface DebateSuspensionView {
  proceduralId: string;
  /** 'speech_time_limits', 'guillotine'. */
  orders: string[];
  /** The business it is for: the item it was moved on, then any later items named. */
  itemIds: string[];
  speechLimitSeconds: number | null;
  /** "Standing orders suspended for Motion 3: the speech time limits (each speech may take up to 10 minutes)." */
  description: string;
}

export interface DebateQueueEntryView {
  /** 1-based place: points of order, then requests for information (SO 14), then requests to speak in order. */
  position: number;
  requestId: string;
  memberId: string;
  name: string | null;
  kind: 'speak' | 'point_of_order' | 'request_for_information';
  stance: string | null;
  attendanceMode: string;
  firstAgmEver: boolean;
  amendmentId: string | null;
  requestedAt: string;
  /** False when the member is no longer present: the engine passes them over. */
  present: boolean;
  hasSpokenInThisDebate: boolean;
}

/** Chair only: the full queue and the suggested next speaker. */
export interface DebateQueueView {
  version: number;
  itemId: string | null;
  queue: DebateQueueEntryView[];
  suggestion: { memberId: string; name: string | null; requestId: string; role: string; reason: string } | null;
}

/** One member's own requests and their places. */
export interface DebateMyRequestsView {
  itemId: string | null;
  requests: Array<{ requestId: string; kind: string; stance: string | null; position: number; ahead: number }>;
}

/**
 * Chair only: the vote held on the question put on the open item — the latest vote not voided whose
 * subject and `subjectRef` are that question's (motion, amendment or procedural motion), whether the
 * debate opened it or the chair did through `POST /votes`. `outcome` and `totals` stay null until the
 * result is declared (a hybrid vote waits for the tellers).
 */
export interface DebateQuestionVoteView {
  voteId: string;
  subject: VoteSubject;
  state: 'open' | 'closed' | 'declared' | 'voided';
  outcome: 'carried' | 'lost' | 'tied_falls' | 'tied_chair_casting_vote_needed' | null;
  totals: { for: number; against: number; abstain: number } | null;
}

export class DebateSnapshotResponseDto {
  @ApiProperty() conferenceId: string;
  @ApiProperty({ description: 'Send it back as `expectedSeq` with chair commands', example: 12 }) version: number;
  @ApiProperty({ description: "The server's clock, to correct a client's countdown" }) serverTime: string;
  @ApiProperty({ enum: ['chair', 'member', 'viewer'] }) view: 'chair' | 'member' | 'viewer';
  @ApiProperty({ type: Object, description: 'The public view: item, text as amended, speaker and timer' }) floor: DebateFloorView;
  @ApiPropertyOptional({ type: Object, description: 'Chair only: the full queue and the suggestion' }) queue?: DebateQueueView;
  @ApiPropertyOptional({ type: Object, description: "The caller's own requests and places" }) myRequests?: DebateMyRequestsView;
  @ApiPropertyOptional({
    type: Object,
    nullable: true,
    description: 'Chair only: the vote on the question put on the open item `{ voteId, subject, state, outcome, totals }`, null when none (no question put, or put without a vote)',
  })
  questionVote?: DebateQuestionVoteView | null;
}

export class DebateCommandResponseDto {
  @ApiProperty({ description: 'The debate version after the command: the next `expectedSeq`' }) version: number;
  @ApiProperty({ type: [Object], description: 'The engine events recorded (also in the log as `debate.<type>`)' }) events: Array<Record<string, unknown>>;
  @ApiPropertyOptional({ description: 'When the question was put with vote options: the vote opened for it' }) voteId?: string;
  @ApiPropertyOptional({ type: Object, description: 'When the vote could not be opened: why (the question stays put)' }) voteError?: { statusCode: number; message: string; errors?: Record<string, string>; rule?: string };
}
