import { AttendanceMode, SpeechRole } from '../enums';
import { currentQuestionOf, isSpeakingRole, openItemOf } from './debate.fold';
import {
  DebateItemState,
  DebateState,
  SpeakRequest,
  SpeakerSuggestionRules,
  SpeakingStance,
} from './debate.types';

/**
 * The speaker the system suggests to the chair. The chair decides; the suggestion is deterministic so
 * two chairs' screens agree, and `callSpeaker` records whether it was followed.
 */

export interface SpeakerHistory {
  /** Members who made a speech at this AGM before the speeches folded into the state. */
  spokenAtThisAgm: ReadonlySet<string>;
  /** When given, members not present now are passed over. */
  attendanceOf?: (memberId: string) => AttendanceMode | null;
}

export interface SpeakerSuggestion {
  memberId: string;
  requestId: string;
  role: SpeechRole;
  reason: string;
}

export function defaultSpeakerSuggestionRules(): SpeakerSuggestionRules {
  return { recentSpeechWindow: 6 };
}

export function suggestNextSpeaker(
  state: DebateState,
  history: SpeakerHistory,
  rules: SpeakerSuggestionRules = defaultSpeakerSuggestionRules(),
): SpeakerSuggestion | null {
  const item = openItemOf(state);
  if (!item || item.speech !== null) return null;
  // A called point is still the next to be heard; a called speaker is already chosen, so look past them.
  const waiting = item.queue.filter(
    (r) => (r.kind !== 'speak' || r.requestId !== item.call?.requestId) && isHere(r, history),
  );
  return (
    suggestPoint(waiting) ??
    (floorIsTakingSpeakers(item) ? suggestSpeech(state, item, waiting, history, rules) : null)
  );
}

/** True when a speaker from the floor may be called on the question under debate. */
export function floorIsTakingSpeakers(item: DebateItemState): boolean {
  const question = currentQuestionOf(item);
  return (
    question.floorOpen &&
    !question.closure &&
    item.procedural === null &&
    item.questionPut === null &&
    !(item.amendment === null && item.rightOfReplyGiven)
  );
}

function isHere(request: SpeakRequest, history: SpeakerHistory): boolean {
  return history.attendanceOf === undefined || history.attendanceOf(request.memberId) !== null;
}

// SO 14: points of order, then requests for information, are taken ahead of the queue, in the order raised.
function suggestPoint(waiting: SpeakRequest[]): SpeakerSuggestion | null {
  const point =
    waiting.find((r) => r.kind === 'point_of_order') ??
    waiting.find((r) => r.kind === 'request_for_information');
  if (!point) return null;
  const role = point.kind === 'point_of_order' ? 'point_of_order' : 'request_for_information';
  const what = role === 'point_of_order' ? 'Point of order' : 'Request for information';
  return {
    memberId: point.memberId,
    requestId: point.requestId,
    role,
    reason: `${what}: taken ahead of the queue (SO 14)`,
  };
}

interface Ranked {
  request: SpeakRequest;
  position: number;
  ranks: number[];
  notes: string[];
}

function suggestSpeech(
  state: DebateState,
  item: DebateItemState,
  waiting: SpeakRequest[],
  history: SpeakerHistory,
  rules: SpeakerSuggestionRules,
): SpeakerSuggestion | null {
  const question = currentQuestionOf(item);
  const eligible = waiting.filter(
    (r) =>
      r.kind === 'speak' &&
      r.amendmentId === question.amendmentId &&
      !item.spokenMemberIds.includes(r.memberId),
  );
  if (eligible.length === 0) return null;
  const wanted = wantedStance(state, item);
  const spokenAtAgm = membersWhoSpokeAtAgm(state, history);
  const scarceMode = underRepresentedMode(state, rules.recentSpeechWindow);
  const ranked = eligible.map((request, position) =>
    rank(request, position, wanted, spokenAtAgm, scarceMode),
  );
  ranked.sort(compareRanked);
  const best = ranked[0];
  const stance = best.request.stance as SpeakingStance;
  return {
    memberId: best.request.memberId,
    requestId: best.request.requestId,
    role: stance,
    reason: [
      capitalise(stance),
      ...(best.notes.length > 0 ? best.notes : ['earliest request in the queue']),
    ].join('; '),
  };
}

function rank(
  request: SpeakRequest,
  position: number,
  wanted: SpeakingStance,
  spokenAtAgm: ReadonlySet<string>,
  scarceMode: AttendanceMode | null,
): Ranked {
  const notes: string[] = [];
  const stanceRank = request.stance === wanted ? 0 : request.stance === 'to' ? 1 : 2;
  if (stanceRank === 0)
    notes.push(`alternating: the last speaker was ${wanted === 'for' ? 'against' : 'for'}`);
  const newAtAgm = !spokenAtAgm.has(request.memberId);
  if (newAtAgm) notes.push('has not spoken at this AGM');
  if (request.firstAgmEver) notes.push('first AGM ever');
  const balances = scarceMode !== null && request.attendanceMode === scarceMode;
  if (balances) notes.push(`${request.attendanceMode} speakers are fewer in recent speeches`);
  return {
    request,
    position,
    ranks: [stanceRank, newAtAgm ? 0 : 1, request.firstAgmEver ? 0 : 1, balances ? 0 : 1],
    notes,
  };
}

function compareRanked(a: Ranked, b: Ranked): number {
  for (let i = 0; i < a.ranks.length; i++) {
    if (a.ranks[i] !== b.ranks[i]) return a.ranks[i] - b.ranks[i];
  }
  return a.position - b.position;
}

/** The opposite of the last speaker for or against on this item; the mover and seconder speak for. */
function wantedStance(state: DebateState, item: DebateItemState): SpeakingStance {
  const speeches = state.speeches.filter((s) => s.itemId === item.itemId);
  for (let i = speeches.length - 1; i >= 0; i--) {
    const role = speeches[i].role;
    if (role === 'against') return 'for';
    if (role === 'for' || role === 'mover' || role === 'seconder') return 'against';
  }
  return 'for';
}

function membersWhoSpokeAtAgm(state: DebateState, history: SpeakerHistory): ReadonlySet<string> {
  const members = new Set(history.spokenAtThisAgm);
  for (const speech of state.speeches) if (isSpeakingRole(speech.role)) members.add(speech.memberId);
  return members;
}

/** The attendance mode with fewer speeches among the most recent ones, or null when balanced. */
function underRepresentedMode(state: DebateState, window: number): AttendanceMode | null {
  const recent = state.speeches.filter((s) => isSpeakingRole(s.role)).slice(-window);
  const hall = recent.filter((s) => s.attendanceMode === 'hall').length;
  const remote = recent.length - hall;
  if (hall === remote) return null;
  return hall < remote ? 'hall' : 'remote';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
