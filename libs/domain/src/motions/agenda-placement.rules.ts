import { MotionKind, MotionStatus } from '../enums';
import { Conflict, InvalidInput, StandingOrderViolation } from '../errors';
import { assertFreshOrder, assertReasonGiven } from './agenda-arrangement.rules';
import { firstFreePlace, LabelledItem, nextMotionNumber, placeForNewItem } from './agenda-blocks.rules';

/** A motion admitted after publication, not yet on the order of business. */
export interface UnplacedMotion {
  motionId: string;
  title: string;
  kind: MotionKind;
  status: MotionStatus;
  sectionId: string | null;
}

export interface MotionPlacementRequest {
  /** 0-based place; omitted, after its section's last item (else at the end). */
  position?: number;
  reason?: string;
  /** The order (motion ids) the SOC member was looking at; a different current order is a stale edit. */
  expectedOrder?: readonly string[];
}

export interface MotionPlacement {
  /** Every item in its new order, the motion included. */
  order: LabelledItem[];
  /** The motion's place (0-based). */
  position: number;
  label: string;
  number: number;
  reason: string;
}

/** Kinds publishing places; an emergency motion is slotted in its own series, an amendment rides with its motion. */
const PLACED_BY_THE_SOC: readonly MotionKind[] = ['motion', 'constitutional_amendment', 'composite'];

/** The label a newly placed item takes. */
type NewLabel = Pick<LabelledItem, 'label' | 'number' | 'series'>;

/**
 * Publication places the admitted motions once; one admitted after it (the SOC ruled on it late, or a
 * returned motion came back) would otherwise never be debated. The SOC places it by hand, as an emergency
 * motion is slotted (`slotEmergencyMotion`, the same rule), with the guarantees of a move
 * (agenda-arrangement.rules.ts). It is numbered in the motion series after every "Motion N" published (a
 * number published for a motion composited since is not used again); the other items keep their labels.
 */
export function placeAdmittedMotion(
  items: readonly LabelledItem[],
  motion: UnplacedMotion,
  request: MotionPlacementRequest,
  /** The highest "Motion N" ever published, those composited since included. */
  highestMotionNumber = 0,
): MotionPlacement {
  if (!PLACED_BY_THE_SOC.includes(motion.kind)) {
    throw new InvalidInput(
      motion.kind === 'emergency_motion'
        ? `“${motion.title}” is an emergency motion: slot it in once the meeting admits it (POST /agenda/emergency), in the emergency series.`
        : `“${motion.title}” is an amendment: it is debated with the motion it amends, not on the order of business by itself.`,
      { motionId: 'an ordinary motion, constitutional amendment or composite' },
    );
  }
  const number = nextMotionNumber(items, highestMotionNumber);
  return placeOnPublishedOrder(items, motion, request, 'placing the motion', { label: `Motion ${number}`, number, series: 'motion' });
}

/**
 * [SO 7] An emergency motion the meeting admitted is slotted into the published order of business by the
 * SOC under the same rule as any motion placed after publication, numbered in its own series ("Emergency
 * motion N", after the highest published) so no published "Motion N" changes.
 */
export function slotEmergencyMotion(items: readonly LabelledItem[], motion: UnplacedMotion, request: MotionPlacementRequest): MotionPlacement {
  if (motion.kind !== 'emergency_motion') {
    throw new InvalidInput(`“${motion.title}” is not an emergency motion: place it on the order of business with POST /agenda/place.`, { motionId: 'an emergency motion' });
  }
  const number = Math.max(0, ...items.filter((i) => i.series === 'emergency').map((i) => i.number)) + 1;
  return placeOnPublishedOrder(items, motion, request, 'slotting the emergency motion', { label: `Emergency motion ${number}`, number, series: 'emergency' });
}

/**
 * One rule for an item new to the published order of business: a reason (it changes the members' agenda),
 * the order the SOC member saw (a stale screen is refused), and items already taken keep their places, so
 * it goes after the last of them. `doing` names the change in the reason's refusal.
 */
function placeOnPublishedOrder(items: readonly LabelledItem[], motion: UnplacedMotion, request: MotionPlacementRequest, doing: string, label: NewLabel): MotionPlacement {
  if (items.some((i) => i.motionId === motion.motionId)) throw new Conflict(`“${motion.title}” is already on the order of business.`);
  if (motion.status !== 'admitted') {
    throw new StandingOrderViolation('agenda', `“${motion.title}” is ${motion.status.replace(/_/g, ' ')}: only a motion the SOC has admitted goes on the order of business.`, { motionId: 'an admitted motion' });
  }
  assertFreshOrder(items, request.expectedOrder);
  const reason = request.reason?.trim();
  assertReasonGiven(reason, doing);
  const free = firstFreePlace(items);
  let position: number;
  if (request.position === undefined) {
    position = placeForNewItem(items, motion.sectionId);
  } else {
    if (!Number.isInteger(request.position) || request.position < 0 || request.position > items.length) {
      throw new InvalidInput(`Place ${request.position} is outside the order of business (0 to ${items.length}; ${items.length} puts it last).`, { position: `0 to ${items.length}` });
    }
    if (request.position < free) {
      const taken = items[free - 1];
      throw new StandingOrderViolation('agenda', `“${taken.title}” has already been taken (${taken.status.replace(/_/g, ' ')}); nothing goes before it. Choose a place after it.`, { position: 'after the items already taken' });
    }
    position = request.position;
  }
  const entry: LabelledItem = { motionId: motion.motionId, title: motion.title, sectionId: motion.sectionId, status: 'placed', ...label };
  return { order: [...items.slice(0, position), entry, ...items.slice(position)], position, label: label.label, number: label.number, reason };
}
