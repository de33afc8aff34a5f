import { Injectable } from '@nestjs/common';
import { assertMayEditAnswers, assertValidMonitoringAnswers, Forbidden, MonitoringAnswers, NotFound, Principal } from '@agm/domain';
import { MonitoringAnswerRepository, MonitoringSourceRepository } from '@agm/persistence/monitoring';
import { Transactions } from '../../events/transactions';
import { MonitoringData } from '../monitoring.data';
import { MonitoringKeys } from '../monitoring-keys';

/** Who may read or write a set of answers: the attendee themself, signed in for this conference. */
export function assertOwnAnswers(principal: Principal, conferenceId: string): string {
  if (principal.kind !== 'attendee') {
    throw new Forbidden('Monitoring answers are seen and changed only by the attendee who gave them, signed in with their access code.');
  }
  if (principal.conferenceId !== conferenceId) throw new NotFound('No such conference, or it is not yours to see.');
  return principal.memberId;
}

/**
 * An attendee saves their own equality answers, until the AGM opens. The change is deliberately not
 * logged: an audit entry would put the member, the time and the change side by side.
 */
@Injectable()
export class SaveMyAnswers {
  constructor(
    private readonly transactions: Transactions,
    private readonly data: MonitoringData,
    private readonly keys: MonitoringKeys,
    private readonly answers: MonitoringAnswerRepository,
    private readonly sources: MonitoringSourceRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, given: MonitoringAnswers): Promise<MonitoringAnswers> {
    const memberId = assertOwnAnswers(principal, conferenceId);
    return this.transactions.run(async ({ manager, now }) => {
      const conference = await this.data.conference(manager, conferenceId);
      if (!(await this.sources.isRegistered(manager, conferenceId, memberId))) throw new NotFound('You are no longer registered for this conference.');
      // The form is fixed once the AGM opens, so the profile cannot shift under the statistics.
      assertMayEditAnswers(conference.openedAt, now);
      const complete = assertValidMonitoringAnswers(await this.data.questions(manager, conferenceId), given);
      await this.answers.save(manager, conferenceId, this.keys.keyOf(conferenceId, memberId), complete);
      return complete;
    });
  }
}
