import { Injectable } from '@nestjs/common';
import { NotFound, Principal } from '@agm/domain';
import { ProjectorLinkRepository } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { PROJECTOR_LINK_ENDED } from '../../auth/authenticator';
import { SessionRevocations } from '../../auth/session-revocations';
import { Transactions } from '../../events/transactions';

/** Revokes a projector link: its key stops working on HTTP at once and its live sockets are disconnected. */
@Injectable()
export class RevokeProjectorLink {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: ProjectorLinkRepository,
    private readonly revocations: SessionRevocations,
  ) {}

  async execute(principal: Principal, conferenceId: string, linkId: string): Promise<void> {
    assertCan(principal, 'projector.manage', { conferenceId });
    const actorId = actorOf(principal);
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const revoked = await this.links.revoke(
        manager,
        conferenceId,
        linkId,
        principal.kind === 'account' ? principal.accountId : null,
        now,
      );
      if (!revoked) throw new NotFound('No such projector link in force in this conference.');
      record({
        conferenceId,
        type: 'projector_link.revoked',
        payload: { linkId },
        audience: 'admin',
        actorId,
      });
    });
    // The link's id is its principal's session id: the gateway ends its sockets as it ends a session's.
    this.revocations.publish([linkId], PROJECTOR_LINK_ENDED);
  }
}
