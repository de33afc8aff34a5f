import { MotionStatus } from '../enums';
import { Conflict, InvalidInput, NotFound, StandingOrderViolation } from '../errors';
import { MotionsRulesetExtension, napoMotionsRulesetExtension } from './motions-ruleset';
import { PriorityBallotMotion, rankByPriorityBallot, SectionPriority } from './order-of-business.rules';

/** One item of the order of business as the SOC arranges it. */
export interface ArrangedItem {
  motionId: string;
  title: string;
  sectionId: string | null;
  status: MotionStatus;
}

/** The SOC's change by hand: a new place (0-based) and/or a new section for one item. */
export interface AgendaMove {
  motionId: string;
  toPosition?: number;
  toSectionId?: string | null;
  reason?: string;
  /** The order (motion ids) the SOC member was looking at; a different current order is a stale edit. */
  expectedOrder?: readonly string[];
}

export interface Arrangement {
  /** The items in their new order (before publication: as given, with the section changed). */
  order: ArrangedItem[];
  motionId: string;
  fromPosition: number | null;
  toPosition: number | null;
  fromSectionId: string | null;
  toSectionId: string | null;
  reason: string | null;
}

/**
 * The SOC sets the order of business (DOMAIN.md: "sets the order of business").
 * - Before publication there is no order yet: publishing orders each section by the members' priority
 *   ballot, so the SOC may only move a motion to another section (freely, no reason needed).
 * - After publication the agenda is the members' too: a move needs a reason (recorded and announced),
 *   and is refused when the order changed since the SOC member loaded it (a stale edit).
 * - Items already taken keep their places: an item being debated or decided is not moved, and nothing is
 *   moved past one, so the order of what has happened never changes.
 * Published labels ("Motion 3") stay with their motions, as when an emergency motion is slotted.
 */
export function arrangeOrderOfBusiness(
  state: { published: boolean; items: readonly ArrangedItem[]; sectionIds: readonly string[] },
  move: AgendaMove,
): Arrangement {
  const { items } = state;
  const index = items.findIndex((item) => item.motionId === move.motionId);
  if (index < 0) throw new NotFound('The motion moved is not on the order of business.');
  const item = items[index];
  const reason = move.reason?.trim() || null;
  const sectionChange = move.toSectionId !== undefined && move.toSectionId !== item.sectionId;
  if (move.toSectionId !== undefined && move.toSectionId !== null && !state.sectionIds.includes(move.toSectionId)) {
    throw new InvalidInput('That section is not one of this conference’s sections.', { toSectionId: 'pick a section of this conference' });
  }
  if (move.toPosition === undefined && move.toSectionId === undefined) {
    throw new InvalidInput('Say where the item goes: a new place (toPosition) or a new section (toSectionId).', { toPosition: 'a place or a section' });
  }

  if (!state.published) {
    if (move.toPosition !== undefined) {
      throw new StandingOrderViolation(
        'agenda',
        'The order of business is not published yet: publishing orders each section by the members’ priority ballot. Move the motion to another section now, or publish and then reorder by hand.',
        { toPosition: 'only after publication' },
      );
    }
    if (!sectionChange) throw new InvalidInput(`“${item.title}” is already in that section.`, { toSectionId: 'pick another section' });
    const order = items.map((i) => (i === item ? { ...i, sectionId: move.toSectionId ?? null } : i));
    return { order, motionId: item.motionId, fromPosition: null, toPosition: null, fromSectionId: item.sectionId, toSectionId: move.toSectionId ?? null, reason };
  }

  assertFreshOrder(items, move.expectedOrder);
  if (item.status !== 'placed') {
    throw new StandingOrderViolation('agenda', `“${item.title}” has already been taken (${item.status.replace(/_/g, ' ')}); it keeps its place on the order of business.`);
  }
  assertReasonGiven(reason, 'changing it');
  const toSectionId = sectionChange ? (move.toSectionId ?? null) : item.sectionId;
  const rest = items.filter((i) => i !== item);
  let to: number;
  if (move.toPosition !== undefined) {
    if (!Number.isInteger(move.toPosition) || move.toPosition < 0 || move.toPosition >= items.length) {
      throw new InvalidInput(`Place ${move.toPosition} is outside the order of business (0 to ${items.length - 1}).`, { toPosition: `0 to ${items.length - 1}` });
    }
    to = move.toPosition;
  } else {
    // A new section without a place: after that section's last item, else at the end.
    const last = rest.map((i) => i.sectionId).lastIndexOf(toSectionId);
    to = last < 0 ? rest.length : last + 1;
  }
  if (to === index && !sectionChange) throw new InvalidInput(`“${item.title}” is already there.`, { toPosition: 'a different place' });
  // Nothing moves past an item already taken: the items between the old and the new place shift by one.
  const passed = to > index ? items.slice(index + 1, to + 1) : items.slice(to, index);
  const taken = passed.find((i) => i.status !== 'placed');
  if (taken) {
    throw new StandingOrderViolation('agenda', `“${taken.title}” has already been taken (${taken.status.replace(/_/g, ' ')}); nothing moves past it. Choose a place after it.`, { toPosition: 'after the items already taken' });
  }
  const moved = { ...item, sectionId: toSectionId };
  const order = [...rest.slice(0, to), moved, ...rest.slice(to)];
  return { order, motionId: item.motionId, fromPosition: index, toPosition: to, fromSectionId: item.sectionId, toSectionId, reason };
}

/** After publication every change of the order of business says why (recorded and shown to the conference); `doing` names the change. */
export function assertReasonGiven(reason: string | null | undefined, doing: string): asserts reason is string {
  if (!reason) {
    throw new InvalidInput(`The order of business is published: give the reason for ${doing}; it is recorded and shown to the conference.`, { reason: 'required after publication' });
  }
}

/** After publication a change is made against the order the SOC member saw: a different current order is a stale edit. */
export function assertFreshOrder(items: readonly { motionId: string }[], expected: readonly string[] | undefined): void {
  const current = items.map((i) => i.motionId);
  if (!expected || expected.length !== current.length || expected.some((id, i) => id !== current[i])) {
    throw new Conflict('The order of business has changed since you loaded it (another SOC member moved an item, or an emergency motion was slotted in). Reload it and make your change again.');
  }
}

export interface PriorityBallotTally {
  /** Ballots members have cast (each picks 1 to 9 motions). */
  ballots: number;
  sections: SectionPriority[];
}

/**
 * [Napo] The priority ballot's count so far: picks per motion, the most picked first in each section.
 * Picks of motions no longer on the ballot (withdrawn, composited, ruled out after the member voted) are
 * not counted; the rest of that member's ballot still is.
 */
export function tallyPriorityBallot(
  ballots: readonly (readonly string[])[],
  motions: readonly PriorityBallotMotion[],
  rules: MotionsRulesetExtension = napoMotionsRulesetExtension(),
): PriorityBallotTally {
  const ids = new Set(motions.map((m) => m.id));
  const counted = ballots.map((ballot) => [...new Set(ballot.filter((id) => ids.has(id)))].slice(0, rules.priorityBallot.maxPicks)).filter((ballot) => ballot.length > 0);
  const relaxed = { ...rules, priorityBallot: { ...rules.priorityBallot, minPicks: 1 } };
  return { ballots: ballots.length, sections: rankByPriorityBallot(counted, motions, relaxed) };
}
