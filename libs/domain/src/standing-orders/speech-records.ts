import { SpeechRecord, DebateState } from './debate.types';

/**
 * Every speech and intervention (points of order, requests for information, procedural motions) with the
 * member, role, item, start, end and attendance mode at the time: what the monitoring statistics consume.
 * A speech in progress has `endedAt: null`.
 */
export function speechesOf(state: DebateState, filter: { itemId?: string } = {}): SpeechRecord[] {
  return state.speeches
    .filter((s) => filter.itemId === undefined || s.itemId === filter.itemId)
    .map((s) => ({ ...s }));
}
