import { Injectable } from '@nestjs/common';
import { can, Conflict, Forbidden, InvalidInput, NotFound, Principal } from '@agm/domain';
import type { ReportCreateDto } from '@agm/contracts';
import { ReportRepository, ReportRow } from '@agm/persistence/debate';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';

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
    if (!can(principal, 'motions.review', { conferenceId }) && !can(principal, 'conference.manage', { conferenceId }))
      throw new Forbidden('Only the SOC or the conference’s administrators put reports on the order of business.');
    const title = dto.title.trim();
    const sections = dto.sections.map((s) => ({ key: s.key.trim(), title: s.title.trim() }));
    const keys = new Set<string>();
    sections.forEach((s, index) => {
      if (keys.has(s.key.toLowerCase()))
        throw new InvalidInput(`Two sections are numbered ${s.key}; give each its own number.`, { [`sections.${index}.key`]: 'used twice' });
      keys.add(s.key.toLowerCase());
    });
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      const exists = await manager.query('SELECT 1 FROM conference WHERE id = $1', [conferenceId]);
      if (exists.length === 0) throw new NotFound(`No conference ${conferenceId}.`);
      if (await this.reports.byTitle(manager, conferenceId, title))
        throw new Conflict(`A report called “${title}” is already on the order of business.`, { title: 'already used' });
      const report = await this.reports.insert(manager, { conferenceId, title, sections, createdBy: actorOf(principal) });
      record({ conferenceId, type: 'report.added', payload: { reportId: report.id, title }, audience: 'public', actorId: actorOf(principal) });
      return report;
    });
  }
}
