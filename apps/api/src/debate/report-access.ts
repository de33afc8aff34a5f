import { can, Forbidden, mayViewConference, NotFound, Principal } from '@agm/domain';

/**
 * The SOC (or the conference's administrators) set up the reports to conference: add, correct, remove.
 * Someone who cannot see the conference at all is told it is not there, as `assertCan` tells them.
 */
export function assertMaySetUpReports(principal: Principal, conferenceId: string): void {
  if (can(principal, 'motions.review', { conferenceId }) || can(principal, 'conference.manage', { conferenceId })) return;
  if (!mayViewConference(principal, conferenceId)) throw new NotFound('No such conference, or it is not yours to see.');
  throw new Forbidden('Only the SOC or the conference’s administrators put reports on the order of business.');
}

export const NO_SUCH_REPORT = 'No such report on this conference’s order of business; it may have been removed. Reload the list.';
