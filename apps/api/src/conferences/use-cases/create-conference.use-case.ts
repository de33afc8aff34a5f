import { Injectable } from '@nestjs/common';
import { assertValidConferenceDates, napoDefaultRuleset, Principal } from '@agm/domain';
import { assertCan } from '../../auth/access-control';
import { ConferenceFields, ConferenceRecord, ConferenceRepository } from '@agm/persistence';
import { Transactions } from '../../events/transactions';

@Injectable()
export class CreateConference {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
  ) {}

  async execute(fields: ConferenceFields, principal: Principal): Promise<ConferenceRecord> {
    assertCan(principal, 'conference.create');
    assertValidConferenceDates(fields);
    const actorId = principal.kind === 'account' ? principal.accountId : null;
    return this.transactions.run(
      async ({ manager, record }) => {
        // Every conference starts on Napo's documented standing orders; admins adjust them per conference.
        const conference = await this.conferences.insert(manager, fields, napoDefaultRuleset());
        record({
          conferenceId: conference.id,
          type: 'conference.created',
          payload: { ...fields },
          audience: 'public',
          actorId,
        });
        return conference;
      },
      { newConference: true },
    );
  }
}
