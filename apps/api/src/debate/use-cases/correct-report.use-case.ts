import { Injectable } from '@nestjs/common';
import { assertReportMayChange, assertReportTitleFree, Conflict, foldDebate, NotFound, Principal, reportSetUp } from '@agm/domain';
import type { ReportUpdateDto } from '@agm/contracts';
import { DebateLogRepository, ReportRepository, ReportRow } from '@agm/persistence/debate';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { assertMaySetUpReports, NO_SUCH_REPORT } from '../report-access';

/**
 * The SOC (or the conference's administrators) corrects a report still to come: a slip in its title or a
 * section's number or title, checked as adding it is. Under the conference's lock, the lock the chair's
 * commands take, so the chair cannot take the report halfway through a correction. Announced as
 * `report.changed` (public), so every screen's order of business reads it again.
 */
@Injectable()
export class CorrectReport {
  constructor(
    private readonly transactions: Transactions,
    private readonly reports: ReportRepository,
    private readonly log: DebateLogRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, reportId: string, dto: ReportUpdateDto): Promise<ReportRow> {
    assertMaySetUpReports(principal, conferenceId);
    const { title, sections } = reportSetUp(dto);
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      const report = await this.reports.find(manager, conferenceId, reportId);
      if (!report) throw new NotFound(NO_SUCH_REPORT);
      assertReportMayChange(foldDebate((await this.log.events(manager, conferenceId)).map((e) => e.event)), report, 'correct');
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== report.version)
        throw new Conflict(
          `“${report.title}” was corrected by someone else after you read it. Reload the list to see it as it is now, then make your correction again.`,
        );
      assertReportTitleFree(title, await this.reports.byTitle(manager, conferenceId, title), report.id);
      const corrected = await this.reports.update(manager, report.id, { title, sections });
      record({
        conferenceId,
        type: 'report.changed',
        payload: { reportId: report.id, title, ...(title !== report.title ? { formerTitle: report.title } : {}) },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return corrected;
    });
  }
}
