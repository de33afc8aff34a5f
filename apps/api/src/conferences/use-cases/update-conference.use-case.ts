import { Injectable } from '@nestjs/common';
import { assertValidConferenceDates, NotFound, Principal } from '@agm/domain';
import { assertCan } from '../../auth/access-control';
import { ConferenceFields, ConferenceRecord, ConferenceRepository } from '@agm/persistence';
import { Transactions } from '../../events/transactions';

@Injectable()
export class UpdateConference {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
  ) {}

  async execute(id: string, changes: Partial<ConferenceFields>, principal: Principal): Promise<ConferenceRecord> {
    assertCan(principal, 'conference.manage', { conferenceId: id });
    const actorId = principal.kind === 'account' ? principal.accountId : null;
    return this.transactions.run(async ({ manager, record }) => {
      const existing = await this.conferences.findById(manager, id, true);
      if (!existing) throw new NotFound(`No conference ${id}.`);
      // The dates are checked as they will be after the change, not field by field.
      assertValidConferenceDates({ ...existing, ...changes });
      const updated = await this.conferences.update(manager, id, changes);
      record({ conferenceId: id, type: 'conference.updated', payload: { ...changes }, audience: 'public', actorId });
      return updated;
    });
  }
}
