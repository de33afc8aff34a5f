import { Injectable } from '@nestjs/common';
import { DeadlinePassed, defineMonitoringQuestions, MonitoringQuestion, Principal } from '@agm/domain';
import { MonitoringFormRepository } from '@agm/persistence/monitoring';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { MonitoringData } from '../monitoring.data';

/** Head office adds the union's own questions to the default form, before the AGM opens. */
@Injectable()
export class SetUnionQuestions {
  constructor(
    private readonly transactions: Transactions,
    private readonly data: MonitoringData,
    private readonly forms: MonitoringFormRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    unionQuestions: MonitoringQuestion[],
  ): Promise<MonitoringQuestion[]> {
    assertCan(principal, 'conference.manage', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, now, record }) => {
      const conference = await this.data.conference(manager, conferenceId);
      // The same rule as the answers: the form the attendees answered is the form the statistics use.
      if (conference.openedAt !== null && now >= conference.openedAt) {
        throw new DeadlinePassed(
          'The monitoring form cannot be changed once the AGM has opened: attendees answered the form as it was.',
        );
      }
      const questions = defineMonitoringQuestions(unionQuestions);
      const defaults = questions.length - unionQuestions.length;
      await this.forms.save(manager, conferenceId, questions.slice(defaults));
      record({
        conferenceId,
        type: 'monitoring.form_changed',
        payload: { questionCodes: questions.map((q) => q.code) },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return questions;
    });
  }
}
