import {
  applyAmendment,
  currentQuestionOf,
  DebateItemState,
  DebateState,
  isSpeakingRole,
  openItemOf,
  openReportOf,
  SpeakerSuggestion,
  suspensionInWords,
  suspensionsInForce,
} from '@agm/domain';
import type { DebateFloorView, DebateMyRequestsView, DebateQueueEntryView, DebateQueueView } from '@agm/contracts';
import type { DebateMotionRow } from '@agm/persistence/debate';

/**
 * Projections of the folded debate state for each audience. Pure: the use case and the snapshot query
 * load the motions and names they need and call these.
 */

export interface ViewInputs {
  motions: Map<string, DebateMotionRow>;
  names: Map<string, string>;
  attendanceOf: (memberId: string) => string | null;
}

/** Motion ids whose rows the views of this state need: the items open or last concluded, and their amendments. */
export function motionIdsFor(state: DebateState): string[] {
  const ids = new Set<string>();
  for (const item of [openItemOf(state), lastConcludedOf(state)]) {
    if (!item) continue;
    ids.add(item.motionId);
    if (item.amendment?.amendmentId) ids.add(item.amendment.amendmentId);
    for (const a of item.amendmentsDealtWith) ids.add(a.amendmentId);
  }
  // The business of each suspension in force, named by its label on the floor.
  for (const suspension of suspensionsInForce(state)) for (const itemId of suspension.itemIds) ids.add(itemId);
  return [...ids];
}

/** Member ids whose names the views of this state show. */
export function memberIdsFor(state: DebateState, suggestion: SpeakerSuggestion | null): string[] {
  const item = openItemOf(state);
  const ids = new Set<string>();
  if (item) {
    for (const r of item.queue) ids.add(r.memberId);
    if (item.call) ids.add(item.call.memberId);
    if (item.speech) ids.add(item.speech.memberId);
    if (item.procedural) ids.add(item.procedural.memberId);
  }
  if (suggestion) ids.add(suggestion.memberId);
  const pending = openReportOf(state)?.pending;
  if (pending) ids.add(pending.memberId);
  return [...ids];
}

/** The latest item concluded, by its place in the log order of items taken. */
export function lastConcludedOf(state: DebateState): DebateItemState | null {
  const concluded = Object.values(state.items).filter((i) => i.status === 'concluded');
  return concluded.at(-1) ?? null;
}

/** The item's text now before the meeting: the motion as amended by each amendment carried, in order. */
export function textAsAmended(item: DebateItemState, motions: Map<string, DebateMotionRow>): string | null {
  const motion = motions.get(item.motionId);
  if (!motion) return null;
  let text = motion.text;
  for (const dealt of item.amendmentsDealtWith) {
    if (dealt.outcome !== 'carried') continue;
    const amendment = motions.get(dealt.amendmentId)?.amendmentText;
    if (!amendment) continue;
    try {
      text = applyAmendment(text, amendment);
    } catch {
      // An instruction that no longer finds its words (an earlier amendment changed them): the chair
      // reads the amended text out; the text shown stays at the last one that applied.
    }
  }
  return text;
}

/**
 * The motion as it would read if the amendment under debate is carried, from the text now before the
 * meeting, so a second amendment shows what the first (carried) one left. null when its instruction no
 * longer finds its words: the chair reads the effect out, and a wrong "would read" is worse than none.
 */
function wouldRead(current: string | null, amendment: DebateMotionRow | undefined): string | null {
  if (current === null || !amendment?.amendmentText) return null;
  try {
    return applyAmendment(current, amendment.amendmentText);
  } catch {
    return null;
  }
}

export function floorView(state: DebateState, inputs: ViewInputs): DebateFloorView {
  const item = openItemOf(state);
  const last = lastConcludedOf(state);
  const name = (id: string) => inputs.names.get(id) ?? null;
  const lastMotion = last ? inputs.motions.get(last.motionId) : undefined;
  return {
    version: state.version,
    item: item ? openItemView(item, inputs, name) : null,
    report: reportView(state, name),
    lastConcluded: last ? { itemId: last.itemId, motionId: last.motionId, title: lastMotion?.title ?? null, outcome: last.outcome, reason: last.outcomeReason } : null,
    notReachedItemIds: [...state.notReachedItemIds],
    suspensions: suspensionsInForce(state).map((suspension) => ({
      proceduralId: suspension.proceduralId,
      orders: [...suspension.orders],
      itemIds: [...suspension.itemIds],
      speechLimitSeconds: suspension.speechLimitSeconds,
      description: suspensionInWords(suspension, (itemId) => {
        const motion = inputs.motions.get(itemId);
        return motion ? (motion.agendaLabel ?? `“${motion.title}”`) : 'this business';
      }),
    })),
  };
}

function reportView(state: DebateState, name: (id: string) => string | null): DebateFloorView['report'] {
  const report = openReportOf(state);
  if (!report) return null;
  const title = (key: string) => report.sections.find((s) => s.key === key)?.title ?? key;
  return {
    reportId: report.reportId,
    title: report.title,
    sections: report.sections.map((s) => ({ ...s })),
    pending: report.pending
      ? {
          sectionKey: report.pending.sectionKey,
          sectionTitle: title(report.pending.sectionKey),
          memberId: report.pending.memberId,
          name: name(report.pending.memberId),
          majority: report.pending.majority,
          put: report.pending.put,
        }
      : null,
    referredBack: report.sections.filter((s) => report.referredBack.includes(s.key)).map((s) => ({ ...s })),
  };
}

function openItemView(item: DebateItemState, inputs: ViewInputs, name: (id: string) => string | null): NonNullable<DebateFloorView['item']> {
  const motion = inputs.motions.get(item.motionId);
  const question = currentQuestionOf(item);
  const amendmentRow = item.amendment?.amendmentId ? inputs.motions.get(item.amendment.amendmentId) : undefined;
  const speech = item.speech;
  const text = textAsAmended(item, inputs.motions);
  return {
    itemId: item.itemId,
    motionId: item.motionId,
    kind: item.kind,
    title: motion?.title ?? null,
    agendaLabel: motion?.agendaLabel ?? null,
    originalText: motion?.text ?? null,
    text,
    asAmended: item.asAmended,
    carriedAmendmentIds: item.amendmentsDealtWith.filter((a) => a.outcome === 'carried').map((a) => a.amendmentId),
    moverMemberId: item.substantive.moverMemberId,
    seconderMemberId: item.substantive.seconderMemberId,
    stage: { moved: question.moved, seconded: question.seconded, floorOpen: question.floorOpen, closure: question.closure, rightOfReplyGiven: item.rightOfReplyGiven },
    amendment: item.amendment?.amendmentId
      ? {
          amendmentId: item.amendment.amendmentId,
          title: amendmentRow?.title ?? null,
          agendaLabel: amendmentRow?.agendaLabel ?? null,
          moverMemberId: item.amendment.moverMemberId,
          seconderMemberId: item.amendment.seconderMemberId,
          text: amendmentRow?.text ?? null,
          wouldRead: wouldRead(text, amendmentRow),
        }
      : null,
    call: item.call ? { memberId: item.call.memberId, name: name(item.call.memberId), role: item.call.role } : null,
    speech: speech
      ? {
          speechId: speech.speechId,
          memberId: speech.memberId,
          name: name(speech.memberId),
          role: speech.role,
          startedAt: speech.startedAt,
          runningSince: speech.runningSince,
          paused: speech.runningSince === null,
          elapsedSecondsBefore: speech.elapsedMsBefore / 1000,
          limitSeconds: speech.limitSeconds,
          warningAt: speech.warningAt,
          endsAt: speech.endsAt,
        }
      : null,
    procedural: item.procedural
      ? { proceduralId: item.procedural.proceduralId, kind: item.procedural.kind, memberId: item.procedural.memberId, name: name(item.procedural.memberId), majority: item.procedural.majority }
      : null,
    questionPut: item.questionPut ? { ...item.questionPut } : null,
    parts: item.parts
      ? item.parts.parts.map((part) => ({
          partId: part.partId,
          label: part.label,
          text: part.text,
          operative: part.operative,
          rest: part.rest,
          outcome: item.parts!.outcomes[part.partId] ?? null,
        }))
      : null,
  };
}

/** SO 14: points of order, then requests for information, ahead of the requests to speak; each in the order raised. */
function orderedQueue(item: DebateItemState) {
  const rank = (kind: string) => (kind === 'point_of_order' ? 0 : kind === 'request_for_information' ? 1 : 2);
  return item.queue.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.kind) - rank(b.r.kind) || a.i - b.i).map(({ r }) => r);
}

export function queueView(state: DebateState, suggestion: SpeakerSuggestion | null, inputs: ViewInputs): DebateQueueView {
  const item = openItemOf(state);
  const queue: DebateQueueEntryView[] = item
    ? orderedQueue(item).map((r, index) => ({
        position: index + 1,
        requestId: r.requestId,
        memberId: r.memberId,
        name: inputs.names.get(r.memberId) ?? null,
        kind: r.kind,
        stance: r.stance,
        attendanceMode: r.attendanceMode,
        firstAgmEver: r.firstAgmEver,
        amendmentId: r.amendmentId,
        requestedAt: r.requestedAt,
        present: inputs.attendanceOf(r.memberId) !== null,
        hasSpokenInThisDebate: item.spokenMemberIds.includes(r.memberId),
      }))
    : [];
  return {
    version: state.version,
    itemId: item?.itemId ?? null,
    queue,
    suggestion: suggestion ? { ...suggestion, name: inputs.names.get(suggestion.memberId) ?? null } : null,
  };
}

/** Each member's own requests with their places: what `debate.queue_position` tells them. */
export function requestsByMember(state: DebateState): Map<string, DebateMyRequestsView> {
  const item = openItemOf(state);
  const byMember = new Map<string, DebateMyRequestsView>();
  if (!item) return byMember;
  orderedQueue(item).forEach((r, index) => {
    const mine = byMember.get(r.memberId) ?? { itemId: item.itemId, requests: [] };
    mine.requests.push({ requestId: r.requestId, kind: r.kind, stance: r.stance, position: index + 1, ahead: index });
    byMember.set(r.memberId, mine);
  });
  return byMember;
}

export function myRequestsView(state: DebateState, memberId: string): DebateMyRequestsView {
  return requestsByMember(state).get(memberId) ?? { itemId: openItemOf(state)?.itemId ?? null, requests: [] };
}

/** Members who have made a speech at this AGM: every item of this conference's debate log. */
export function spokenAtThisAgm(state: DebateState): Set<string> {
  return new Set(state.speeches.filter((s) => isSpeakingRole(s.role)).map((s) => s.memberId));
}
