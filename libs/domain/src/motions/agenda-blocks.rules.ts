import { Conflict, InvalidInput, StandingOrderViolation } from '../errors';
import { ArrangedItem, assertFreshOrder, assertReasonGiven } from './agenda-arrangement.rules';

/**
 * Two changes to the order of business that move more than one item at a time: a whole section moved up
 * or down as a block, and a composite made after publication taking its originals' place. The same
 * guarantees hold as for a single move (agenda-arrangement.rules.ts): after publication a stale screen is
 * refused by the order it was looking at, and items already taken keep their places.
 */

export interface AgendaSection {
  id: string;
  name: string;
}

export interface SectionMove {
  sectionId: string;
  direction: 'up' | 'down';
  reason?: string;
  /** After publication: the order (motion ids) the SOC member was looking at. */
  expectedOrder?: readonly string[];
}

export interface SectionArrangement {
  sectionId: string;
  direction: 'up' | 'down';
  /** The sections in their new order (ids): the planned order before publication, the published one after. */
  sectionOrder: string[];
  /** After publication: every item in its new order; null before (publication orders the items). */
  order: ArrangedItem[] | null;
  /** What the section now comes before (moved up) or after (moved down): a section's name or an item's title. */
  passed: string;
  /** After publication: the section's first and last places (0-based) after the move. */
  firstPosition: number | null;
  lastPosition: number | null;
  reason: string | null;
}

/**
 * The SOC moves a whole section one step up or down the order of business.
 * - Before publication it swaps places with its neighbour in the planned section order (no reason needed:
 *   nothing is public yet).
 * - After publication the section's items move as one block past the neighbouring block: the next
 *   section's items, or an item of no section (an emergency motion) standing alone. The section's items
 *   must stand together (move a stray item back first), a reason is required and the order the SOC member
 *   saw must be the current one. Items already taken keep their places: a block holding one does not move,
 *   and no block moves past one.
 */
export function moveSection(
  state: { published: boolean; sections: readonly AgendaSection[]; items: readonly ArrangedItem[] },
  move: SectionMove,
): SectionArrangement {
  const section = state.sections.find((s) => s.id === move.sectionId);
  if (!section) throw new InvalidInput('That section is not one of this conference’s sections.', { sectionId: 'pick a section of this conference' });
  if (move.direction !== 'up' && move.direction !== 'down') throw new InvalidInput('Say which way the section moves: up or down.', { direction: 'up or down' });
  const up = move.direction === 'up';
  const reason = move.reason?.trim() || null;

  if (!state.published) {
    const ids = state.sections.map((s) => s.id);
    const at = ids.indexOf(section.id);
    const to = up ? at - 1 : at + 1;
    if (to < 0 || to >= ids.length) throw new InvalidInput(`${section.name} is already ${up ? 'first' : 'last'} in the order of business.`, { direction: up ? 'already first' : 'already last' });
    const neighbour = state.sections[to];
    [ids[at], ids[to]] = [ids[to], ids[at]];
    return { sectionId: section.id, direction: move.direction, sectionOrder: ids, order: null, passed: neighbour.name, firstPosition: null, lastPosition: null, reason };
  }

  assertFreshOrder(state.items, move.expectedOrder);
  assertReasonGiven(reason, 'moving the section');
  const blocks = blocksOf(state.items);
  const own = blocks.filter((b) => b.sectionId === section.id);
  if (own.length === 0) throw new InvalidInput(`${section.name} has no items on the order of business to move.`, { sectionId: 'a section with items on the order of business' });
  if (own.length > 1) {
    const stray = own[1].items[0];
    throw new StandingOrderViolation('agenda', `The items of ${section.name} do not stand together (“${stray.title}” is apart from the rest). Move it next to the others first, then move the section.`, { sectionId: 'its items must stand together' });
  }
  const at = blocks.indexOf(own[0]);
  const to = up ? at - 1 : at + 1;
  if (to < 0 || to >= blocks.length) throw new InvalidInput(`${section.name} is already ${up ? 'first' : 'last'} in the order of business.`, { direction: up ? 'already first' : 'already last' });
  const neighbour = blocks[to];
  for (const block of [own[0], neighbour]) {
    const taken = block.items.find((i) => i.status !== 'placed');
    if (taken) {
      throw new StandingOrderViolation('agenda', `“${taken.title}” has already been taken (${taken.status.replace(/_/g, ' ')}); it keeps its place, so ${section.name} cannot move ${move.direction} past it.`, { direction: 'past no item already taken' });
    }
  }
  const reordered = [...blocks];
  [reordered[at], reordered[to]] = [reordered[to], reordered[at]];
  const order = reordered.flatMap((b) => b.items);
  const first = order.findIndex((i) => i.sectionId === section.id);
  const sectionOrder = sectionsInOrder(order, state.sections);
  const passed = neighbour.sectionId !== null ? (state.sections.find((s) => s.id === neighbour.sectionId)?.name ?? neighbour.items[0].title) : neighbour.items[0].title;
  return { sectionId: section.id, direction: move.direction, sectionOrder, order, passed, firstPosition: first, lastPosition: first + own[0].items.length - 1, reason };
}

interface Block {
  sectionId: string | null;
  items: ArrangedItem[];
}

/** Consecutive items of one section make a block; an item of no section stands alone. */
function blocksOf(items: readonly ArrangedItem[]): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    const last = blocks.at(-1);
    if (last && item.sectionId !== null && last.sectionId === item.sectionId) last.items.push(item);
    else blocks.push({ sectionId: item.sectionId, items: [item] });
  }
  return blocks;
}

/** The sections as the items now come (first appearance), then those with no item, in their old order. */
function sectionsInOrder(items: readonly ArrangedItem[], sections: readonly AgendaSection[]): string[] {
  const seen = [...new Set(items.map((i) => i.sectionId).filter((id): id is string => id !== null))];
  return [...seen, ...sections.map((s) => s.id).filter((id) => !seen.includes(id))];
}

/** An item of the published order of business with its published label. */
export interface LabelledItem extends ArrangedItem {
  label: string;
  number: number;
  series: 'motion' | 'emergency';
}

export interface CompositePlacement {
  /** Every item in its new order, the composite included and its originals gone. */
  order: LabelledItem[];
  /** The composite's place (0-based). */
  position: number;
  label: string;
  number: number;
  /** The originals that were on the order of business and left it, in their old order. */
  replaced: LabelledItem[];
}

/**
 * A composite made after the agenda is published goes on the order of business at once, so it can be
 * debated: it takes the place and the label of the first of its originals on the order of business, and
 * those originals leave it (they are composited now). Made from motions none of which was on it (admitted
 * after publication), it goes after its section's last item, else at the end, and never before an item
 * already taken; it is then numbered after the highest motion number published (a composited original's
 * number is not used again). An original already taken keeps its place and
 * cannot be composited; a stale screen (the order it saw is not the current one) is refused.
 */
export function placeComposite(
  items: readonly LabelledItem[],
  composite: { motionId: string; title: string; sectionId: string | null },
  originalIds: readonly string[],
  expectedOrder: readonly string[] | undefined,
  /** The highest "Motion N" ever published, those composited since included, so no label is used twice. */
  highestMotionNumber = 0,
): CompositePlacement {
  if (items.some((i) => i.motionId === composite.motionId)) throw new Conflict(`“${composite.title}” is already on the order of business.`);
  assertFreshOrder(items, expectedOrder);
  const replaced = items.filter((i) => originalIds.includes(i.motionId));
  const taken = replaced.find((i) => i.status !== 'placed');
  if (taken) {
    throw new StandingOrderViolation('agenda', `“${taken.title}” has already been taken (${taken.status.replace(/_/g, ' ')}); it keeps its place on the order of business and cannot be composited.`, { motionIds: 'only motions not yet taken' });
  }
  const rest = items.filter((i) => !originalIds.includes(i.motionId));
  // A composite is numbered with the motions: it takes the first motion-series label among its originals
  // (an emergency motion's has its own series), else the next motion number.
  const inherited = replaced.find((i) => i.series === 'motion');
  const number = inherited?.number ?? nextMotionNumber(items, highestMotionNumber);
  const label = inherited?.label ?? `Motion ${number}`;
  const position = replaced.length > 0 ? rest.filter((i) => items.indexOf(i) < items.indexOf(replaced[0])).length : placeForNewItem(rest, composite.sectionId);
  const entry: LabelledItem = { motionId: composite.motionId, title: composite.title, sectionId: composite.sectionId, status: 'placed', label, number, series: 'motion' };
  return { order: [...rest.slice(0, position), entry, ...rest.slice(position)], position, label, number, replaced };
}

/** The next "Motion N" after every motion number published (`highest` counts those no longer on the order of business). */
export function nextMotionNumber(items: readonly LabelledItem[], highest = 0): number {
  return Math.max(highest, ...items.filter((i) => i.series === 'motion').map((i) => i.number)) + 1;
}

/**
 * Where an item new to the published order of business goes when the SOC names no place: after its
 * section's last item, else at the end; never before an item already taken (those keep their places).
 */
export function placeForNewItem(items: readonly ArrangedItem[], sectionId: string | null): number {
  const lastOfSection = sectionId === null ? -1 : items.map((i) => i.sectionId).lastIndexOf(sectionId);
  return Math.max(lastOfSection < 0 ? items.length : lastOfSection + 1, firstFreePlace(items));
}

/** The first place (0-based) after every item already taken: nothing new goes before one. */
export function firstFreePlace(items: readonly ArrangedItem[]): number {
  return items.map((i) => i.status !== 'placed').lastIndexOf(true) + 1;
}
