import { Injectable } from '@nestjs/common';
import { assertValidConferenceDates } from '@agm/domain';
import { ConferenceFields, ConferenceRecord, ConferenceRepository } from '@agm/persistence';
import { Transactions } from '../../events/transactions';

@Injectable()
export class CreateConference {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
  ) {}

  async execute(fields: ConferenceFields, actorId: string | null = null): Promise<ConferenceRecord> {
    assertValidConferenceDates(fields);
    return this.transactions.run(async ({ manager, record }) => {
      const conference = await this.conferences.insert(manager, fields);
      record({ conferenceId: conference.id, type: 'conference.created', payload: { ...fields }, audience: 'public', actorId });
      return conference;
    });
  }
}
