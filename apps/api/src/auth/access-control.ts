import { Action, can, Forbidden, mayViewConference, NotFound, Principal, Scope } from '@agm/domain';

/**
 * Refuses an action the person may not take. Someone who cannot see the conference at all gets
 * "not found" — the same answer as for a conference that does not exist — so nothing is revealed.
 */
export function assertCan(principal: Principal, action: Action, scope: Scope = {}): void {
  if (can(principal, action, scope)) return;
  if (scope.conferenceId && !mayViewConference(principal, scope.conferenceId)) {
    throw new NotFound(`No conference ${scope.conferenceId}.`);
  }
  throw new Forbidden(`You do not have permission to do this (${describe(action)}).`);
}

function describe(action: Action): string {
  const words: Record<Action, string> = {
    'conference.create': 'only head office creates conferences',
    'conference.manage': "only the conference's administrators change its set-up",
    'conference.view': 'only registered attendees and officials see this conference',
    'membership.manage': 'only head office manages the membership register',
    'registration.manage': "only the conference's administrators register attendees",
    'presence.record': 'only administrators and tellers record check-in',
    'motions.review': 'only the Standing Orders Committee rules on motions',
    'debate.chair': 'only the chair runs the debate',
    'vote.count': 'only tellers enter counts',
    'monitoring.view': 'only monitors see speaker statistics',
    'body.submit': "officers submit only for their own body",
  };
  return words[action];
}
