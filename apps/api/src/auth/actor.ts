import { Forbidden, Principal } from '@agm/domain';
import { PROJECTOR_ONLY } from './access-control';

/** The id recorded as the actor of an event: the account, or the attendee's member id. A projector link never acts. */
export function actorOf(principal: Principal): string {
  if (principal.kind === 'projector') throw new Forbidden(PROJECTOR_ONLY);
  return principal.kind === 'account' ? principal.accountId : principal.memberId;
}
