import { Action, can, Forbidden, mayViewConference, NotFound, Principal, Scope } from '@agm/domain';

/**
 * Refuses an action the person may not take. Someone who cannot see the conference at all gets
 * "not found" — the same answer as for a conference that does not exist — so nothing is revealed.
 */
export function assertCan(principal: Principal, action: Action, scope: Scope = {}): void {
  if (can(principal, action, scope)) return;
  if (scope.conferenceId && !mayViewConference(principal, scope.conferenceId)) {
    throw new NotFound('No such conference, or it is not yours to see.');
  }
  if (principal.kind === 'projector') throw new Forbidden(PROJECTOR_ONLY);
  throw new Forbidden(`You do not have permission to do this (${describe(action)}).`);
}

/** What a projector link is told when it asks for anything but the hall screen. */
export const PROJECTOR_ONLY =
  'A projector link only shows the hall screen (the floor, votes and quorum); it cannot do or read anything else. Sign in to do this.';

function describe(action: Action): string {
  const words: Record<Action, string> = {
    'conference.create': 'only head office creates conferences',
    'conference.manage': "only the conference's administrators change its set-up",
    'conference.view': 'only registered attendees and officials see this conference',
    'conference.watch': 'only registered attendees, officials and its projector links see this conference',
    'projector.manage': "only the chair and the conference's administrators issue projector links",
    'membership.manage': 'only head office manages the membership register',
    'registration.manage': "only the conference's administrators register attendees",
    'presence.record': 'only administrators and tellers record check-in',
    'motions.review': 'only the Standing Orders Committee rules on motions',
    'debate.chair': 'only the chair runs the debate',
    'debate.queue': 'only the chair and stewards put a hall member in the speakers’ queue',
    'vote.count': 'only tellers enter counts',
    'monitoring.view': 'only monitors see speaker statistics',
    'body.submit': 'officers submit only for their own body',
    'register.read': 'members and officials read the resolution register',
    'register.manage': 'only head office edits the resolution register and the operational plan',
    'sign-in.unblock': 'only head office sees and lifts sign-in blocks',
    'elections.manage':
      "only head office, the conference's administrators and its returning officer run its elections",
  };
  return words[action];
}
