import { Injectable } from '@nestjs/common';
import { dueForReport, NotFound, objectiveLine, Principal, resolutionName, sectionHeading, uncarriedResolutions } from '@agm/domain';
import type { PlanResponseDto, ResolutionAuditEntryDto, ResolutionDetailDto, ResolutionListQueryDto, ResolutionSummaryDto } from '@agm/contracts';
import { PlanRepository, PlanRow, ResolutionRepository } from '@agm/persistence/resolutions';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';
import { toResolutionSummary } from './resolution.mapper';

/** Reading the register and the plans. Every member and official reads; the audit is head office's. */
@Injectable()
export class RegisterQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly register: ResolutionRepository,
    private readonly plans: PlanRepository,
  ) {}

  async list(principal: Principal, query: ResolutionListQueryDto): Promise<ResolutionSummaryDto[]> {
    assertCan(principal, 'register.read');
    const search = query.q?.trim() || undefined;
    const rows = await this.register.list(this.transactions.manager, { year: query.year, status: query.status, moverBodyId: query.bodyId, search });
    return rows.map((r) => toResolutionSummary(r, principal));
  }

  async detail(principal: Principal, id: string): Promise<ResolutionDetailDto> {
    assertCan(principal, 'register.read');
    const manager = this.transactions.manager;
    const row = await this.register.find(manager, id);
    if (!row) throw new NotFound('No such resolution in the register.');
    const links = await this.register.linksOf(manager, id);
    const others = await this.register.findMany(manager, links.map((l) => (l.laterId === id ? l.earlierId : l.laterId)));
    const nameOf = (otherId: string) => {
      const other = others.find((o) => o.id === otherId);
      return other ? resolutionName(other) : 'a resolution no longer in the register';
    };
    return {
      ...toResolutionSummary(row, principal),
      progress: (await this.register.progressOf(manager, id)).map((p) => ({ id: p.id, reportedOn: p.reportedOn, text: p.text, authorName: p.authorName })),
      links: links.map((l) => {
        const isLater = l.laterId === id;
        const otherId = isLater ? l.earlierId : l.laterId;
        const relation = isLater ? l.kind : l.kind === 'supersedes' ? 'superseded_by' : 'rescinded_by';
        const words = { supersedes: 'Supersedes', rescinds: 'Rescinds', superseded_by: 'Superseded by', rescinded_by: 'Rescinded by' }[relation];
        return { relation, description: `${words} ${nameOf(otherId)}`, resolutionId: otherId, resolutionName: nameOf(otherId) };
      }),
      plannedIn: await this.plans.plansCiting(manager, id),
    };
  }

  async audit(principal: Principal, id: string): Promise<ResolutionAuditEntryDto[]> {
    assertCan(principal, 'register.manage');
    const rows = await this.register.auditOf(this.transactions.manager, id);
    return rows.map((a) => ({ at: a.at.toISOString(), actorName: a.actorName, description: describeAudit(a.action, a.detail) }));
  }

  /** The NEC's meeting view: open resolutions with no progress since the previous meeting. */
  async dueForReport(principal: Principal, since: string): Promise<ResolutionSummaryDto[]> {
    assertCan(principal, 'register.read');
    const open = await this.register.list(this.transactions.manager, {});
    return dueForReport(open, since).map((r) => toResolutionSummary(r, principal));
  }

  async plan(principal: Principal, year: number): Promise<PlanResponseDto> {
    assertCan(principal, 'register.read');
    const manager = this.transactions.manager;
    const plan = await this.plans.findByYear(manager, year);
    if (!plan) throw new NotFound(`No operational plan for ${year} yet.`);
    const ofAgm = await this.register.list(manager, { year: plan.agmYear });
    return {
      year: plan.year,
      agmYear: plan.agmYear,
      title: plan.title,
      introduction: plan.introduction,
      sections: plan.sections.map((s, i) => ({
        id: s.id,
        heading: sectionHeading(s, i),
        title: s.title,
        description: s.description,
        objectives: s.objectives.map((o) => ({ ...o, printed: objectiveLine(o, plan.agmYear) })),
      })),
      uncarried: uncarriedResolutions(ofAgm, plan).map((r) => toResolutionSummary(r, principal)),
    };
  }

  async planForExport(principal: Principal, year: number): Promise<PlanRow> {
    assertCan(principal, 'register.read');
    const plan = await this.plans.findByYear(this.transactions.manager, year);
    if (!plan) throw new NotFound(`No operational plan for ${year} yet.`);
    return plan;
  }

  async planYears(principal: Principal): Promise<Array<{ year: number; agmYear: number; title: string }>> {
    assertCan(principal, 'register.read');
    return this.plans.years(this.transactions.manager);
  }

  /** The year's resolutions for the report to the next AGM, in number order. */
  async ofYear(principal: Principal, year: number) {
    assertCan(principal, 'register.read');
    return this.register.list(this.transactions.manager, { year });
  }
}

function describeAudit(action: string, detail: Record<string, unknown>): string {
  const said = Array.isArray(detail.said) ? (detail.said as string[]).join('; ') : null;
  if (said) return said;
  if (action === 'registered') return `Registered at the close of ${String(detail.conference ?? 'the AGM')}`;
  if (action === 'imported') return `Imported from the ${String(detail.year ?? '')} resolutions booklet`.replace('  ', ' ');
  return action;
}
