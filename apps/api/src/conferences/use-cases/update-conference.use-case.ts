import { Injectable } from '@nestjs/common';
import { assertValidConferenceDates, Conflict, InvalidInput, NotFound, Principal } from '@agm/domain';
import { findDeadlineClashes } from '@agm/domain/conferences/deadlines.rules';
import { assertCan } from '../../auth/access-control';
import { ConferenceFields, ConferenceRecord, ConferenceRepository } from '@agm/persistence';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { Transactions } from '../../events/transactions';

@Injectable()
export class UpdateConference {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly setup: ConferenceSetupRepository,
  ) {}

  /** `expectedVersion`, when given, is the conference's version the changes were made from: a newer one is refused. */
  async execute(
    id: string,
    input: Partial<ConferenceFields> & { expectedVersion?: number },
    principal: Principal,
  ): Promise<ConferenceRecord> {
    assertCan(principal, 'conference.manage', { conferenceId: id });
    const { expectedVersion, ...changes } = input;
    const actorId = principal.kind === 'account' ? principal.accountId : null;
    return this.transactions.runFor(id, async ({ manager, record }) => {
      const existing = await this.conferences.findById(manager, id, true);
      if (!existing) throw new NotFound('No such conference, or it is not yours to see.');
      if (expectedVersion !== undefined && expectedVersion !== existing.version) {
        throw new Conflict(
          `The conference's details were changed by someone else after you read them (version ${expectedVersion}; version ${existing.version} is saved now). Reload them and make your change again.`,
        );
      }
      const after = { ...existing, ...changes };
      // The dates are checked as they will be after the change, not field by field.
      assertValidConferenceDates(after);
      // The deadlines already set must still fall before the conference opens (and ends), in its zone.
      const setup = await this.setup.find(manager, id);
      if (setup) {
        // Named at the field that moved: the date, or else the zone that moved the day's midnight.
        const differs = (field: keyof ConferenceFields) =>
          changes[field] !== undefined && changes[field] !== existing[field];
        const moved = (field: 'startsOn' | 'endsOn') =>
          differs(field) || !differs('timeZone') ? field : 'timeZone';
        const clashes = findDeadlineClashes(
          {
            motions: setup.motionsDeadline,
            amendments: setup.amendmentsDeadline,
            emergency: setup.emergencyDeadline,
          },
          after,
          { opening: moved('startsOn'), closing: moved('endsOn') },
        );
        if (Object.keys(clashes).length > 0)
          throw new InvalidInput(
            'The conference was not changed: its deadlines would no longer fall before it.',
            clashes,
          );
      }
      const updated = await this.conferences.update(manager, id, changes);
      record({
        conferenceId: id,
        type: 'conference.updated',
        payload: { ...changes },
        audience: 'public',
        actorId,
      });
      return updated;
    });
  }
}
