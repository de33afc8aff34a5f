import { Injectable } from '@nestjs/common';
import { NotFound, Principal } from '@agm/domain';
import { resolveDeadlines } from '@agm/domain/conferences/deadlines.rules';
import type { DeadlinesResponseDto, DeadlinesUpdateDto } from '@agm/contracts';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { deadlinesView } from '../conference-setup.queries';

/**
 * Sets the motions, amendments and emergency-motion deadlines, entered as wall-clock times in the
 * conference's time zone, and whether this is a constitutional year. The server enforces them.
 */
@Injectable()
export class SetDeadlines {
  constructor(
    private readonly transactions: Transactions,
    private readonly setup: ConferenceSetupRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    input: DeadlinesUpdateDto,
  ): Promise<DeadlinesResponseDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      const conference = await this.setup.find(manager, conferenceId, true);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      const deadlines = resolveDeadlines(
        { motions: input.motions, amendments: input.amendments, emergency: input.emergency ?? null },
        conference,
      );
      await this.setup.setDeadlines(manager, conferenceId, {
        ...deadlines,
        acceptsConstitutionalAmendments: input.acceptsConstitutionalAmendments,
      });
      const view = deadlinesView({
        ...conference,
        motionsDeadline: deadlines.motions,
        amendmentsDeadline: deadlines.amendments,
        emergencyDeadline: deadlines.emergency,
        acceptsConstitutionalAmendments: input.acceptsConstitutionalAmendments,
      });
      record({
        conferenceId,
        type: 'deadlines.changed',
        payload: { ...view },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return view;
    });
  }
}
