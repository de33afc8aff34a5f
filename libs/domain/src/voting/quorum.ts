import { AttendanceMode } from '../enums';
import { StandingOrderViolation } from '../errors';
import { Ruleset } from '../ruleset/ruleset';

export interface QuorumAttendee {
  category: string;
  attendanceMode: AttendanceMode;
  /** The attendee's branch in the register, when they have one: what "bodies represented" counts. */
  bodyId?: string | null;
}

/** The rules a quorum may be made of, by their path in the ruleset (what a refusal or a screen names). */
export type QuorumRule =
  | 'quorum.minimumCount'
  | 'quorum.minimumShareOfMembership'
  | 'quorum.minimumBodiesRepresented'
  | 'quorum.minimumShareOfRegistered';

/** One part of the quorum: what it needs, what there is, and the two in words. */
export interface QuorumPart {
  rule: QuorumRule;
  required: number;
  present: number;
  met: boolean;
  /** "3 branches represented, of 5 needed", for the chair's screen and a refusal. */
  description: string;
}

export interface QuorumStatus {
  /** Present attendees who count toward quorum under the ruleset. */
  presentCounting: number;
  /**
   * Counting members needed present: the largest of the parts counted in members (a number, a share of
   * the membership, a share of those registered); 0 when none is set. Bodies are a part of their own.
   */
  required: number;
  /** Every part met. */
  met: boolean;
  requiredByCount: number | null;
  requiredByShare: number | null;
  /** The membership of the categories that count toward quorum. */
  countingMembership: number;
  /** The parts the ruleset sets, in the ruleset's order; none is a quorum of nobody. */
  parts: QuorumPart[];
  /** Bodies with a counting member present. */
  bodiesRepresented: number;
  /** Registered attendees who would count if present: the base of a share of those registered. */
  countingRegistered: number;
  /** The whole quorum in words: "Quorate: …" or "Not quorate: " and each part not met. */
  description: string;
}

/**
 * Quorum is configurable (DOMAIN "Conference"; issue 19 item 4): made of any of a minimum number of
 * counting members present, a share of the counting membership, a number of bodies (branches)
 * represented, and a share of the counting attendees registered. Every part set must be met. Which
 * categories count, and whether remote attendees count, apply to every part. Pass only attendees
 * present now as `presentAttendees`, and every registered attendee, present or not, as `registered`.
 */
export function computeQuorum(
  presentAttendees: readonly QuorumAttendee[],
  membershipCountByCategory: Readonly<Record<string, number>>,
  ruleset: Ruleset,
  registered: readonly QuorumAttendee[] = presentAttendees,
): QuorumStatus {
  const rule = ruleset.quorum;
  const counts = (attendee: QuorumAttendee) =>
    ruleset.categories[attendee.category]?.countsTowardQuorum === true &&
    (attendee.attendanceMode === 'hall' || rule.remoteCounts);
  const counting = presentAttendees.filter(counts);
  const presentCounting = counting.length;
  const countingMembership = Object.entries(membershipCountByCategory)
    .filter(([category]) => ruleset.categories[category]?.countsTowardQuorum === true)
    .reduce((sum, [, count]) => sum + count, 0);
  const countingRegistered = registered.filter(counts).length;
  const bodiesRepresented = new Set(counting.map((a) => a.bodyId).filter((id): id is string => !!id)).size;

  const parts: QuorumPart[] = [];
  const part = (ruleName: QuorumRule, required: number, present: number, words: string) =>
    parts.push({ rule: ruleName, required, present, met: present >= required, description: words });
  const counted = (n: number) => `${n} ${n === 1 ? 'member who counts' : 'members who count'} present`;

  const requiredByCount = rule.minimumCount;
  if (requiredByCount !== null)
    part(
      'quorum.minimumCount',
      requiredByCount,
      presentCounting,
      `${counted(presentCounting)}, of ${requiredByCount} needed`,
    );
  const share = rule.minimumShareOfMembership;
  const requiredByShare = share === null ? null : ceilShare(share, countingMembership);
  if (share !== null && requiredByShare !== null)
    part(
      'quorum.minimumShareOfMembership',
      requiredByShare,
      presentCounting,
      `${counted(presentCounting)}, of ${requiredByShare} needed (${percent(share)} of the ${countingMembership} members who count)`,
    );
  const bodies = rule.minimumBodiesRepresented ?? null;
  if (bodies !== null)
    part(
      'quorum.minimumBodiesRepresented',
      bodies,
      bodiesRepresented,
      `${bodiesRepresented} ${bodiesRepresented === 1 ? 'branch' : 'branches'} represented, of ${bodies} needed`,
    );
  const registeredShare = rule.minimumShareOfRegistered ?? null;
  const requiredByRegistered = registeredShare === null ? null : ceilShare(registeredShare, countingRegistered);
  if (registeredShare !== null && requiredByRegistered !== null)
    part(
      'quorum.minimumShareOfRegistered',
      requiredByRegistered,
      presentCounting,
      `${counted(presentCounting)}, of ${requiredByRegistered} needed (${percent(registeredShare)} of the ${countingRegistered} registered who count)`,
    );

  const required = Math.max(0, ...parts.filter((p) => p.rule !== 'quorum.minimumBodiesRepresented').map((p) => p.required));
  const met = parts.every((p) => p.met);
  const unmet = parts.filter((p) => !p.met);
  const description =
    parts.length === 0
      ? 'Quorate: these standing orders set no quorum.'
      : met
        ? `Quorate: ${parts.map((p) => p.description).join('; ')}.`
        : `Not quorate: ${unmet.map((p) => p.description).join('; ')}.`;
  return {
    presentCounting,
    required,
    met,
    requiredByCount,
    requiredByShare,
    countingMembership,
    parts,
    bodiesRepresented,
    countingRegistered,
    description,
  };
}

/**
 * The AGM opens only when quorate (issue 19): its business cannot start without the quorum its standing
 * orders set. Refused with each part not met, keyed by its rule, so head office sees what to wait for.
 */
export function assertQuorateToOpen(quorum: Pick<QuorumStatus, 'met' | 'parts'>): void {
  if (quorum.met) return;
  const unmet = quorum.parts.filter((part) => !part.met);
  throw new StandingOrderViolation(
    'quorum',
    `The AGM cannot be opened: it is not quorate (${unmet.map((part) => part.description).join('; ')}). Wait for more members to check in or connect; the quorum is set in the standing orders.`,
    Object.fromEntries(unmet.map((part) => [part.rule, part.description])),
  );
}

/** ceil(share × n) without floating-point noise: 0.07 × 100 is 7.000000000000001 in binary. */
function ceilShare(share: number, n: number): number {
  return Math.ceil(Number((share * n).toFixed(9)));
}

/** 0.25 → "25%", 0.075 → "7.5%". */
function percent(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}
