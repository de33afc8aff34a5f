import { Injectable } from '@nestjs/common';
import { assertQuorateToOpen, Conflict, formatInConferenceTime, NotFound, Principal } from '@agm/domain';
import type { ConferenceOpenedResponseDto } from '@agm/contracts';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { QuorumQueries } from '../../registration/quorum.queries';

/**
 * Opens the AGM, once it is quorate (issue 19: each part of the quorum is checked, and a refusal names
 * the parts not met). From then on a change to the standing orders must give its reason.
 */
@Injectable()
export class OpenConference {
  constructor(
    private readonly transactions: Transactions,
    private readonly setup: ConferenceSetupRepository,
    private readonly quorum: QuorumQueries,
  ) {}

  async execute(principal: Principal, conferenceId: string): Promise<ConferenceOpenedResponseDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const conference = await this.setup.find(manager, conferenceId, true);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      if (conference.openedAt) {
        throw new Conflict(
          `${conference.name} was already opened at ${formatInConferenceTime(conference.openedAt, conference.timeZone)}.`,
        );
      }
      // Read under the conference lock: a check-out cannot slip between this check and the opening.
      const quorum = await this.quorum.figure(manager, conferenceId);
      assertQuorateToOpen(quorum);
      await this.setup.markOpened(manager, conferenceId, now);
      record({
        conferenceId,
        type: 'conference.opened',
        payload: { openedAt: now.toISOString(), quorum: quorum.description },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return { conferenceId, openedAt: now.toISOString(), quorum: quorum.description };
    });
  }
}
