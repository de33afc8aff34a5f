import type { Principal } from '@agm/domain';

/** The id recorded as the actor of an event: the account, or the attendee's member id. */
export function actorOf(principal: Principal): string {
  return principal.kind === 'account' ? principal.accountId : principal.memberId;
}
