import { SpeechRole } from '../enums';
import {
  CarriedSuspension,
  DebateEvent,
  DebateItemState,
  DebateQuestion,
  DebateState,
  ProceduralDecidedEvent,
  ReportBusiness,
  SpeechRecord,
} from './debate.types';

/**
 * The debate state is a fold over its events: `foldDebate(events)` rebuilds it from the conference event
 * log, `applyDebateEvent` moves it on by one. Both are pure and never mutate their input.
 */

/** Roles that are a speech in the debate; SO 14: points of order and requests for information are not. */
export const SPEAKING_ROLES: readonly SpeechRole[] = [
  'mover',
  'seconder',
  'for',
  'against',
  'to',
  'right_of_reply',
];

export function isSpeakingRole(role: SpeechRole): boolean {
  return SPEAKING_ROLES.includes(role);
}

export function emptyDebateState(): DebateState {
  return {
    version: 0,
    openItemId: null,
    items: {},
    notReachedItemIds: [],
    rulings: [],
    speeches: [],
    suspensions: [],
    openReportId: null,
    reports: {},
  };
}

export function foldDebate(
  events: readonly DebateEvent[],
  from: DebateState = emptyDebateState(),
): DebateState {
  return events.reduce(applyDebateEvent, from);
}

export function openItemOf(state: DebateState): DebateItemState | null {
  return state.openItemId === null ? null : (state.items[state.openItemId] ?? null);
}

/** The question under debate: the open amendment, else the substantive motion. */
export function currentQuestionOf(item: DebateItemState): DebateQuestion {
  return item.amendment ?? item.substantive;
}

export function applyDebateEvent(state: DebateState, event: DebateEvent): DebateState {
  const next: DebateState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'item_taken':
      return {
        ...next,
        openItemId: event.itemId,
        items: {
          ...state.items,
          [event.itemId]: newItem(
            event.itemId,
            event.motionId,
            event.kind,
            event.moverMemberId,
            event.seconderMemberId,
          ),
        },
      };
    case 'items_not_reached':
      return { ...next, notReachedItemIds: [...state.notReachedItemIds, ...event.itemIds] };
    case 'report_taken':
      return {
        ...next,
        openReportId: event.reportId,
        reports: {
          ...(state.reports ?? {}),
          [event.reportId]: {
            reportId: event.reportId,
            title: event.title,
            sections: event.sections,
            status: 'open',
            pending: null,
            referredBack: [],
            notReferredBack: [],
          },
        },
      };
    case 'reference_back_moved':
      return withReport(next, event.reportId, (report) => {
        report.pending = {
          referenceId: event.referenceId,
          sectionKey: event.sectionKey,
          memberId: event.memberId,
          majority: event.majority,
          put: false,
        };
      });
    case 'reference_back_put':
      return withReport(next, event.reportId, (report) => {
        if (report.pending) report.pending.put = true;
      });
    case 'reference_back_decided':
      return withReport(next, event.reportId, (report) => {
        report.pending = null;
        if (event.result === 'carried') report.referredBack.push(event.sectionKey);
        else report.notReferredBack.push(event.sectionKey);
      });
    case 'report_received':
      return {
        ...withReport(next, event.reportId, (report) => {
          report.status = 'received';
          report.pending = null;
        }),
        openReportId: null,
      };
    case 'point_ruled':
      return {
        ...next,
        rulings: [
          ...state.rulings,
          {
            rulingId: event.rulingId,
            itemId: event.itemId,
            speechId: event.speechId,
            memberId: event.memberId,
            ruling: event.ruling,
            at: event.at,
            status: 'standing',
          },
        ],
      };
    case 'procedural_decided':
      return withItem(applyRulingChallenge(withSuspension(next, event), event), event.itemId, (item) =>
        applyProceduralResult(item, event),
      );
    case 'speech_started':
      return withItem(withSpeechStarted(next, event), event.itemId, (item) => {
        if (isSpeakingRole(event.role)) {
          addSpoken(item, event.memberId);
          // Having spoken, any other request to speak from the member lapses (one speech per motion).
          item.queue = item.queue.filter((r) => r.kind !== 'speak' || r.memberId !== event.memberId);
        }
        if (event.role === 'right_of_reply') item.rightOfReplyGiven = true;
        if (event.role === 'mover') currentQuestionOf(item).moved = true;
        if (event.role === 'seconder') currentQuestionOf(item).seconded = 'speech';
        if (event.requestId !== null) item.queue = item.queue.filter((r) => r.requestId !== event.requestId);
        item.call = null;
        item.speech = {
          speechId: event.speechId,
          memberId: event.memberId,
          role: event.role,
          startedAt: event.startedAt,
          limitSeconds: event.limitSeconds,
          runningSince: event.startedAt,
          elapsedMsBefore: 0,
          warningAt: event.warningAt,
          endsAt: event.endsAt,
        };
      });
    case 'speech_ended':
      return withItem(
        withSpeechEnded(next, event.speechId, event.endedAt, event.overrunSeconds),
        event.itemId,
        (item) => {
          item.speech = null;
        },
      );
    case 'procedural_moved':
      return withItem(withProceduralRecord(next, event), event.itemId, (item) => {
        item.call = null;
        item.procedural = {
          proceduralId: event.proceduralId,
          kind: event.kind,
          memberId: event.memberId,
          majority: event.majority,
          rulingId: event.rulingId,
          suspension: event.suspension ?? null,
        };
      });
    default:
      return withItem(next, event.itemId, (item) => applyItemEvent(item, event));
  }
}

/** Applies `change` to a private copy of one report's business. */
function withReport(state: DebateState, reportId: string, change: (report: ReportBusiness) => void): DebateState {
  const current = state.reports?.[reportId];
  if (!current) return state;
  const report = structuredClone(current);
  change(report);
  return { ...state, reports: { ...state.reports, [reportId]: report } };
}

/** The report being taken, if any. */
export function openReportOf(state: DebateState): ReportBusiness | null {
  return state.openReportId ? (state.reports?.[state.openReportId] ?? null) : null;
}

function newItem(
  itemId: string,
  motionId: string,
  kind: DebateItemState['kind'],
  moverMemberId: string,
  seconderMemberId: string | null,
): DebateItemState {
  return {
    itemId,
    motionId,
    kind,
    status: 'open',
    outcome: null,
    outcomeReason: null,
    substantive: newQuestion(null, moverMemberId, seconderMemberId),
    amendment: null,
    amendmentsDealtWith: [],
    asAmended: false,
    spokenMemberIds: [],
    rightOfReplyGiven: false,
    queue: [],
    call: null,
    speech: null,
    procedural: null,
    questionPut: null,
    standingOrdersSuspended: false,
    parts: null,
  };
}

function newQuestion(
  amendmentId: string | null,
  moverMemberId: string,
  seconderMemberId: string | null,
): DebateQuestion {
  return {
    amendmentId,
    moverMemberId,
    seconderMemberId,
    moved: false,
    seconded: null,
    floorOpen: false,
    closure: false,
  };
}

/** Applies `change` to a private copy of one item, so the previous state is never touched. */
function withItem(state: DebateState, itemId: string, change: (item: DebateItemState) => void): DebateState {
  const current = state.items[itemId];
  if (!current) return state;
  const item = structuredClone(current);
  change(item);
  const openItemId =
    item.status === 'open' ? state.openItemId : state.openItemId === itemId ? null : state.openItemId;
  return { ...state, openItemId, items: { ...state.items, [itemId]: item } };
}

function addSpoken(item: DebateItemState, memberId: string): void {
  if (!item.spokenMemberIds.includes(memberId)) item.spokenMemberIds.push(memberId);
}

function applyItemEvent(
  item: DebateItemState,
  event: Exclude<
    DebateEvent,
    {
      type:
        | 'item_taken'
        | 'items_not_reached'
        | 'point_ruled'
        | 'procedural_decided'
        | 'speech_started'
        | 'speech_ended'
        | 'procedural_moved';
    }
  >,
): void {
  switch (event.type) {
    case 'mover_absent':
      // A motion whose mover is absent is not moved; the item or amendment is then concluded by its own event.
      return;
    case 'speaker_called':
      item.call = {
        memberId: event.memberId,
        role: event.role,
        requestId: event.requestId,
        attendanceMode: event.attendanceMode,
        suggestedMemberId: event.suggestedMemberId,
        followedSuggestion: event.followedSuggestion,
      };
      return;
    case 'formally_seconded':
      currentQuestionOf(item).seconded = 'formally';
      return;
    case 'floor_opened':
      currentQuestionOf(item).floorOpen = true;
      return;
    case 'speak_requested':
      item.queue.push({
        requestId: event.requestId,
        memberId: event.memberId,
        kind: 'speak',
        stance: event.stance,
        attendanceMode: event.attendanceMode,
        firstAgmEver: event.firstAgmEver,
        amendmentId: event.amendmentId,
        requestedAt: event.at,
      });
      return;
    case 'point_raised':
      item.queue.push({
        requestId: event.requestId,
        memberId: event.memberId,
        kind: event.kind,
        stance: null,
        attendanceMode: event.attendanceMode,
        firstAgmEver: false,
        amendmentId: event.amendmentId,
        requestedAt: event.at,
      });
      return;
    case 'request_withdrawn':
      item.queue = item.queue.filter((r) => r.requestId !== event.requestId);
      if (item.call?.requestId === event.requestId) item.call = null;
      return;
    case 'speech_paused':
      if (item.speech) {
        item.speech.elapsedMsBefore = event.elapsedSeconds * 1000;
        item.speech.runningSince = null;
      }
      return;
    case 'speech_resumed':
      if (item.speech) {
        item.speech.runningSince = event.resumedAt;
        item.speech.warningAt = event.warningAt;
        item.speech.endsAt = event.endsAt;
      }
      return;
    case 'amendment_taken':
      item.call = null;
      item.amendment = newQuestion(event.amendmentId, event.moverMemberId, event.seconderMemberId);
      return;
    case 'amendment_concluded':
      concludeAmendment(item, event.amendmentId, event.outcome);
      return;
    case 'question_put':
      item.call = null;
      item.questionPut = {
        subject: event.subject,
        amendmentId: event.amendmentId,
        proceduralId: event.proceduralId,
        ...(event.partId ? { partId: event.partId } : {}),
      };
      return;
    case 'motion_taken_in_parts':
      item.call = null;
      item.parts = { text: event.text, parts: event.parts, outcomes: {} };
      return;
    case 'part_decided':
      // Older states (folded before parts existed) have no `parts`; a part is only decided once taken.
      if (item.parts) item.parts.outcomes[event.partId] = event.outcome;
      item.questionPut = null;
      return;
    case 'question_withdrawn':
      // Back to the stage before the put: a procedural motion still waits for its vote, the debate resumes.
      item.questionPut = null;
      return;
    case 'item_concluded':
      item.status = 'concluded';
      item.outcome = event.outcome;
      item.outcomeReason = event.reason;
      item.call = null;
      item.speech = null;
      item.procedural = null;
      item.questionPut = null;
      item.queue = [];
      return;
  }
}

function concludeAmendment(
  item: DebateItemState,
  amendmentId: string,
  outcome: DebateItemState['amendmentsDealtWith'][number]['outcome'],
): void {
  item.amendmentsDealtWith.push({ amendmentId, outcome });
  // A carried amendment makes the motion "as amended"; the next amendment is to the amended motion.
  if (outcome === 'carried') item.asAmended = true;
  item.amendment = null;
  item.call = null;
  item.questionPut = null;
  // Requests to speak on that amendment lapse with it; points and requests on the motion stay.
  item.queue = item.queue.filter((r) => r.kind !== 'speak' || r.amendmentId !== amendmentId);
}

function applyProceduralResult(item: DebateItemState, event: ProceduralDecidedEvent): void {
  item.procedural = null;
  if (item.questionPut?.subject === 'procedural') item.questionPut = null;
  if (event.result !== 'carried') return;
  // The question be now put applies to the question under debate: the amendment if one is open.
  if (event.kind === 'question_be_now_put') currentQuestionOf(item).closure = true;
  if (event.kind === 'suspend_standing_orders') item.standingOrdersSuspended = true;
}

/** A carried suspension of standing orders takes effect for its business (the terms it was moved with). */
function withSuspension(state: DebateState, event: ProceduralDecidedEvent): DebateState {
  if (event.kind !== 'suspend_standing_orders' || event.result !== 'carried') return state;
  const terms = state.items[event.itemId]?.procedural?.suspension;
  if (!terms) return state;
  const carried = { ...terms, proceduralId: event.proceduralId, carriedAt: event.at };
  return { ...state, suspensions: [...(state.suspensions ?? []), carried] };
}

/** Whether an item's business has ended: concluded, or recorded as not reached. */
function businessEnded(state: DebateState, itemId: string): boolean {
  return state.items[itemId]?.status === 'concluded' || state.notReachedItemIds.includes(itemId);
}

/**
 * The suspension of `order` in force for an item, if any: the latest carried that names the item and
 * the order, while the item's business lasts. It ends by itself when the business ends (nothing to undo).
 */
export function suspensionInForce(
  state: DebateState,
  itemId: string,
  order: CarriedSuspension['orders'][number],
): CarriedSuspension | null {
  if (businessEnded(state, itemId)) return null;
  const named = (state.suspensions ?? []).filter((s) => s.itemIds.includes(itemId) && s.orders.includes(order));
  return named.at(-1) ?? null;
}

/** Suspensions with some business still to end: what the chair's screen and the floor show as in force. */
export function suspensionsInForce(state: DebateState): CarriedSuspension[] {
  return (state.suspensions ?? []).filter((s) => s.itemIds.some((itemId) => !businessEnded(state, itemId)));
}

function applyRulingChallenge(state: DebateState, event: ProceduralDecidedEvent): DebateState {
  if (event.kind !== 'challenge_chair' || event.rulingId === null) return state;
  // Two-thirds to overturn: a carried challenge overturns the ruling, a lost one upholds it.
  const status = event.result === 'carried' ? 'overturned' : 'upheld';
  return {
    ...state,
    rulings: state.rulings.map((r) => (r.rulingId === event.rulingId ? { ...r, status } : r)),
  };
}

function withSpeechStarted(
  state: DebateState,
  event: Extract<DebateEvent, { type: 'speech_started' }>,
): DebateState {
  const item = state.items[event.itemId];
  if (!item) return state;
  const record: SpeechRecord = {
    speechId: event.speechId,
    itemId: event.itemId,
    motionId: item.motionId,
    amendmentId: event.amendmentId,
    memberId: event.memberId,
    role: event.role,
    attendanceMode: event.attendanceMode,
    startedAt: event.startedAt,
    endedAt: null,
    limitSeconds: event.limitSeconds,
    overrunSeconds: null,
    followedSuggestion: event.followedSuggestion,
  };
  return { ...state, speeches: [...state.speeches, record] };
}

function withSpeechEnded(
  state: DebateState,
  speechId: string,
  endedAt: string,
  overrun: number,
): DebateState {
  return {
    ...state,
    speeches: state.speeches.map((s) =>
      s.speechId === speechId ? { ...s, endedAt, overrunSeconds: overrun } : s,
    ),
  };
}

/** A procedural motion is moved without a timed speech: an intervention that starts and ends at once. */
function withProceduralRecord(
  state: DebateState,
  event: Extract<DebateEvent, { type: 'procedural_moved' }>,
): DebateState {
  const item = state.items[event.itemId];
  if (!item) return state;
  const record: SpeechRecord = {
    speechId: event.proceduralId,
    itemId: event.itemId,
    motionId: item.motionId,
    amendmentId: event.amendmentId,
    memberId: event.memberId,
    role: 'procedural',
    attendanceMode: event.attendanceMode,
    startedAt: event.at,
    endedAt: event.at,
    limitSeconds: null,
    overrunSeconds: null,
    followedSuggestion: null,
  };
  return { ...state, speeches: [...state.speeches, record] };
}
