import { Injectable } from '@nestjs/common';
import { assertReportTitleFree, NotFound, Principal, reportSetUp } from '@agm/domain';
import type { ReportCreateDto } from '@agm/contracts';
import { ReportRepository, ReportRow } from '@agm/persistence/debate';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { assertMaySetUpReports } from '../report-access';

/**
 * The SOC (or the conference's administrators) puts a report to conference on the order of business, with
 * its sections, so that a delegate may move to refer back any of them. Announced as `report.added`.
 */
@Injectable()
export class CreateReport {
  constructor(
    private readonly transactions: Transactions,
    private readonly reports: ReportRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, dto: ReportCreateDto): Promise<ReportRow> {
    assertMaySetUpReports(principal, conferenceId);
    const { title, sections } = reportSetUp(dto);
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      const exists = await manager.query('SELECT 1 FROM conference WHERE id = $1', [conferenceId]);
      if (exists.length === 0) throw new NotFound('No such conference, or it is not yours to see.');
      assertReportTitleFree(title, await this.reports.byTitle(manager, conferenceId, title));
      const report = await this.reports.insert(manager, { conferenceId, title, sections, createdBy: actorOf(principal) });
      record({ conferenceId, type: 'report.added', payload: { reportId: report.id, title }, audience: 'public', actorId: actorOf(principal) });
      return report;
    });
  }
}
