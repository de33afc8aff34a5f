import { AttendanceMode } from '../enums';
import { Ruleset } from '../ruleset/ruleset';

export interface QuorumAttendee {
  category: string;
  attendanceMode: AttendanceMode;
}

export interface QuorumStatus {
  /** Present attendees who count toward quorum under the ruleset. */
  presentCounting: number;
  /** The larger of the minimum count and the share of the counting membership (0 when neither is set). */
  required: number;
  met: boolean;
  requiredByCount: number | null;
  requiredByShare: number | null;
  /** The membership of the categories that count toward quorum. */
  countingMembership: number;
}

/**
 * Quorum is configurable (DOMAIN "Conference"): a minimum count and/or a share of the membership, which
 * categories count, and whether remote attendees count. Pass only attendees present now.
 */
export function computeQuorum(
  presentAttendees: readonly QuorumAttendee[],
  membershipCountByCategory: Readonly<Record<string, number>>,
  ruleset: Ruleset,
): QuorumStatus {
  const counts = (category: string) => ruleset.categories[category]?.countsTowardQuorum === true;
  const presentCounting = presentAttendees.filter(
    (attendee) =>
      counts(attendee.category) && (attendee.attendanceMode === 'hall' || ruleset.quorum.remoteCounts),
  ).length;
  const countingMembership = Object.entries(membershipCountByCategory)
    .filter(([category]) => counts(category))
    .reduce((sum, [, count]) => sum + count, 0);

  const requiredByCount = ruleset.quorum.minimumCount;
  const share = ruleset.quorum.minimumShareOfMembership;
  const requiredByShare = share === null ? null : ceilShare(share, countingMembership);
  const required = Math.max(requiredByCount ?? 0, requiredByShare ?? 0);
  return {
    presentCounting,
    required,
    met: presentCounting >= required,
    requiredByCount,
    requiredByShare,
    countingMembership,
  };
}

/** ceil(share × n) without floating-point noise: 0.07 × 100 is 7.000000000000001 in binary. */
function ceilShare(share: number, n: number): number {
  return Math.ceil(Number((share * n).toFixed(9)));
}
