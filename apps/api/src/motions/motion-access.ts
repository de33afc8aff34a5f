import { can, MotionStatus, NotFound, Principal } from '@agm/domain';
import type { NewConferenceEvent } from '@agm/persistence';
import type { MotionRow } from '@agm/persistence/motions';
import { actorOf } from '../auth/actor';

/** Statuses the whole conference may see: the SOC has let the motion onto the conference's business. */
export const PUBLIC_STATUSES: readonly MotionStatus[] = [
  'admitted',
  'placed',
  'debated',
  'carried',
  'carried_as_amended',
  'lost',
  'remitted',
  'referred_back',
  'fell',
  'not_reached',
];

/** True when the person acts for one of the motion's submitters: an officer of a submitting body, or a joint submitter. */
export function actsForMotion(principal: Principal, motion: MotionRow): boolean {
  if (motion.submitterBodyIds.some((bodyId) => can(principal, 'body.submit', { conferenceId: motion.conferenceId, bodyId }))) return true;
  const memberId = principal.memberId;
  return motion.submittingBodyId === null && memberId !== null && (motion.proposerMemberId === memberId || motion.seconderMemberId === memberId);
}

/** Officials who handle submitted motions: the SOC, the chair and the conference's administrators. */
export function handlesMotions(principal: Principal, conferenceId: string): boolean {
  return ['motions.review', 'debate.chair', 'conference.manage'].some((action) => can(principal, action as 'motions.review', { conferenceId }));
}

/**
 * Drafts are private to the body (or the joint submitters); once submitted the SOC and officials see a
 * motion; once admitted, everyone at the conference. Anything else is "not found", revealing nothing.
 */
export function mayRead(principal: Principal, motion: MotionRow): boolean {
  if (actsForMotion(principal, motion)) return true;
  if (motion.status === 'draft') return false;
  if (handlesMotions(principal, motion.conferenceId)) return true;
  return PUBLIC_STATUSES.includes(motion.status) && can(principal, 'conference.view', { conferenceId: motion.conferenceId });
}

export function assertMayRead(principal: Principal, motion: MotionRow | null, _id: string): MotionRow {
  if (!motion || !mayRead(principal, motion)) throw new NotFound('No such motion, or it is not yours to see.');
  return motion;
}

/** Who hears about a change to this motion: its submitters while a draft, and the SOC once submitted; everyone once admitted. */
export function audiencesOf(motion: Pick<MotionRow, 'status' | 'submitterBodyIds' | 'submittingBodyId' | 'proposerMemberId' | 'seconderMemberId'>): string[] {
  const audiences = motion.submitterBodyIds.map((id) => `body:${id}`);
  if (motion.submitterBodyIds.length === 0 && motion.submittingBodyId === null) {
    for (const member of [motion.proposerMemberId, motion.seconderMemberId]) if (member) audiences.push(`member:${member}`);
  }
  // Once public, one copy to everyone (officers and the SOC are in the public room too); before that, the SOC.
  if (PUBLIC_STATUSES.includes(motion.status)) return ['public'];
  if (motion.status !== 'draft') audiences.push('soc');
  return [...new Set(audiences)];
}

/** Records one event per audience (an event names one audience), all in the same transaction. */
export function announce(
  record: (event: NewConferenceEvent) => void,
  principal: Principal | { actorId: string },
  motion: MotionRow,
  type: string,
  extra: Record<string, unknown> = {},
  audiences: string[] = audiencesOf(motion),
): void {
  const actorId = 'actorId' in principal ? principal.actorId : actorOf(principal);
  const payload = {
    motionId: motion.id,
    kind: motion.kind,
    title: motion.title,
    status: motion.status,
    reason: motion.statusReason,
    parentMotionId: motion.parentMotionId,
    ...extra,
  };
  for (const audience of audiences) record({ conferenceId: motion.conferenceId, type, payload, audience, actorId });
}
