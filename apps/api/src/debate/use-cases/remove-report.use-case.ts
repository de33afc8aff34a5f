import { Injectable } from '@nestjs/common';
import { assertReportMayChange, foldDebate, NotFound, Principal } from '@agm/domain';
import { DebateLogRepository, ReportRepository } from '@agm/persistence/debate';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { assertMaySetUpReports, NO_SUCH_REPORT } from '../report-access';

/**
 * The SOC (or the conference's administrators) takes a report still to come off the order of business: one
 * added twice, or by mistake. Under the conference's lock, as the chair's commands are, so a report is never
 * removed as it is taken. Announced as `report.removed` (public).
 */
@Injectable()
export class RemoveReport {
  constructor(
    private readonly transactions: Transactions,
    private readonly reports: ReportRepository,
    private readonly log: DebateLogRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, reportId: string): Promise<void> {
    assertMaySetUpReports(principal, conferenceId);
    await this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      const report = await this.reports.find(manager, conferenceId, reportId);
      if (!report) throw new NotFound(NO_SUCH_REPORT);
      assertReportMayChange(foldDebate((await this.log.events(manager, conferenceId)).map((e) => e.event)), report, 'remove');
      await this.reports.delete(manager, report.id);
      record({ conferenceId, type: 'report.removed', payload: { reportId: report.id, title: report.title }, audience: 'public', actorId: actorOf(principal) });
    });
  }
}
