import type { ConferenceRole } from '../enums';
import type { Principal } from './principal';

/**
 * Every permission in one place. HTTP guards and socket handlers both ask `can()`, so a rule is
 * never enforced on one transport and forgotten on the other.
 */
export type Action =
  | 'conference.create'
  | 'conference.manage' // set-up, ruleset, sections, deadlines
  | 'conference.view'
  | 'conference.watch' // read what the public room sees: the hall projector's screen (floor, votes, quorum)
  | 'projector.manage' // issue and revoke the hall's read-only projector links
  | 'membership.manage' // import the register, bodies, officers
  | 'registration.manage' // register attendees, issue and revoke codes
  | 'presence.record' // check attendees in and out of the hall
  | 'motions.review' // SOC
  | 'debate.chair'
  | 'debate.queue' // put a hall member without a device in the speakers' queue: the chair and stewards
  | 'vote.count' // tellers
  | 'monitoring.view'
  | 'body.submit' // an officer for their own body
  | 'register.read' // the resolution register: every member and official
  | 'register.manage' // head office: owners, statuses, links, imports, the operational plan
  | 'sign-in.unblock' // see and lift sign-in blocks (head office)
  | 'elections.manage'; // posts, nominations on a candidate's behalf, the close of nominations (returning officer)

export interface Scope {
  conferenceId?: string;
  bodyId?: string;
}

const ROLES_FOR: Record<Action, ConferenceRole[]> = {
  'conference.create': [],
  'conference.manage': ['admin'],
  'conference.view': ['admin', 'soc', 'chair', 'teller', 'monitor', 'returning_officer', 'steward'],
  'conference.watch': ['admin', 'soc', 'chair', 'teller', 'monitor', 'returning_officer', 'steward'],
  'projector.manage': ['admin', 'chair'],
  'membership.manage': [],
  'registration.manage': ['admin'],
  'presence.record': ['admin', 'teller'],
  'motions.review': ['soc'],
  'debate.chair': ['chair'],
  'debate.queue': ['chair', 'steward'],
  'vote.count': ['teller'],
  'monitoring.view': ['monitor'],
  'body.submit': [],
  'register.read': [],
  'register.manage': [],
  'sign-in.unblock': [],
  'elections.manage': ['admin', 'returning_officer'],
};

/** Head office may do everything except chair, count and read the equality statistics: those are personal roles. */
const HEAD_OFFICE_EXCLUDED: Action[] = ['debate.chair', 'debate.queue', 'vote.count', 'monitoring.view', 'body.submit'];

export function can(principal: Principal, action: Action, scope: Scope = {}): boolean {
  // A projector link reads its own conference's public screen and nothing else, whatever comes later.
  if (principal.kind === 'projector')
    return action === 'conference.watch' && scope.conferenceId === principal.conferenceId;
  // The register is the union's policy: every signed-in member and official reads it.
  if (action === 'register.read') return true;
  // Whoever may view a conference may also read its public screen.
  if (action === 'conference.watch') return can(principal, 'conference.view', scope);
  if (principal.kind === 'attendee') {
    return action === 'conference.view' && scope.conferenceId === principal.conferenceId;
  }
  if (action === 'body.submit') return !!scope.bodyId && principal.officerOf.includes(scope.bodyId);
  // Officers follow every conference they may submit to (deadlines, sections) without holding a role in it.
  if (action === 'conference.view')
    return !!scope.conferenceId && mayViewConference(principal, scope.conferenceId);
  if (principal.isHeadOffice && !HEAD_OFFICE_EXCLUDED.includes(action)) return true;
  const roles = ROLES_FOR[action];
  if (!scope.conferenceId) return false;
  return principal.roles.some((r) => r.conferenceId === scope.conferenceId && roles.includes(r.role));
}

/** True when the person may see anything of this conference at all. */
export function mayViewConference(principal: Principal, conferenceId: string): boolean {
  if (principal.kind === 'attendee' || principal.kind === 'projector')
    return principal.conferenceId === conferenceId;
  return (
    principal.isHeadOffice ||
    principal.roles.some((r) => r.conferenceId === conferenceId) ||
    principal.officerOf.length > 0
  );
}

/**
 * The event audiences a person receives for one conference. Audiences name who may read an event;
 * the socket rooms mirror them, and a resume reads only these from the log.
 */
export function audiencesFor(principal: Principal, conferenceId: string): string[] {
  if (!mayViewConference(principal, conferenceId)) return [];
  const audiences = ['public'];
  if (principal.kind === 'projector') return audiences;
  if (principal.kind === 'attendee') return [...audiences, `member:${principal.memberId}`];
  if (principal.memberId) audiences.push(`member:${principal.memberId}`);
  for (const body of principal.officerOf) audiences.push(`body:${body}`);
  const roles = new Set(principal.roles.filter((r) => r.conferenceId === conferenceId).map((r) => r.role));
  if (principal.isHeadOffice) roles.add('admin');
  if (roles.has('admin')) audiences.push('admin');
  if (roles.has('chair')) audiences.push('chair');
  if (roles.has('soc')) audiences.push('soc');
  if (roles.has('teller')) audiences.push('tellers');
  if (roles.has('monitor')) audiences.push('monitors');
  // Nominations not yet accepted are the returning officer's business, not the public's.
  if (roles.has('admin') || roles.has('returning_officer')) audiences.push('elections');
  return audiences;
}
