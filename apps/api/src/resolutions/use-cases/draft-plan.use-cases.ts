import { Injectable } from '@nestjs/common';
import { assertCitations, Conflict, InvalidInput, NotFound, Principal } from '@agm/domain';
import type { PlanCreateDto, PlanObjectiveDto, PlanSectionCreateDto } from '@agm/contracts';
import { PlanRepository, ResolutionRepository } from '@agm/persistence/resolutions';
import type { EntityManager } from 'typeorm';
import { assertCan } from '../../auth/access-control';
import { Transactions } from '../../events/transactions';
import { actorAccount, actorName } from '../resolution.mapper';

/**
 * Head office drafts the year's operational plan: its sections (the numbered objectives of Napo's plans),
 * and under them the objectives, each citing the resolutions it carries out. Each command below is one
 * use case; they share the plan's lookup and the audit.
 */
// Decorated so its constructor's parameter types are recorded: the commands below inherit it.
@Injectable()
abstract class PlanCommand {
  constructor(
    protected readonly transactions: Transactions,
    protected readonly plans: PlanRepository,
    protected readonly register: ResolutionRepository,
  ) {}

  protected async planOf(manager: EntityManager, year: number) {
    const plan = await this.plans.findByYear(manager, year, true);
    if (!plan) throw new NotFound(`No operational plan for ${year} yet: start one first.`);
    return plan;
  }

  protected audit(manager: EntityManager, principal: Principal, planId: string, said: string, now: Date) {
    return this.register.audit(manager, { planId, actorAccountId: actorAccount(principal), actorName: actorName(principal), action: 'plan', detail: { said: [said] }, at: now });
  }
}

@Injectable()
export class StartPlan extends PlanCommand {
  async execute(principal: Principal, body: PlanCreateDto): Promise<number> {
    assertCan(principal, 'register.manage');
    if (body.agmYear > body.year) throw new InvalidInput(`A plan for ${body.year} cannot carry out the resolutions of a later AGM (${body.agmYear}).`, { agmYear: `Choose ${body.year} or an earlier year.` });
    return this.transactions.run(async ({ manager, now }) => {
      if (await this.plans.findByYear(manager, body.year)) throw new Conflict(`There is already an operational plan for ${body.year}: open it to edit it.`);
      const id = await this.plans.create(manager, { year: body.year, agmYear: body.agmYear, title: body.title?.trim() || `Operational Plan ${body.year}`, introduction: body.introduction?.trim() || null });
      await this.audit(manager, principal, id, `Plan for ${body.year} started`, now);
      return body.year;
    });
  }
}

@Injectable()
export class AddPlanSection extends PlanCommand {
  async execute(principal: Principal, year: number, body: PlanSectionCreateDto): Promise<string> {
    assertCan(principal, 'register.manage');
    return this.transactions.run(async ({ manager, now }) => {
      const plan = await this.planOf(manager, year);
      const id = await this.plans.addSection(manager, plan.id, { title: body.title.trim(), description: body.description?.trim() || null });
      await this.plans.touch(manager, plan.id, now);
      await this.audit(manager, principal, plan.id, `Section added: ${body.title.trim()}`, now);
      return id;
    });
  }
}

@Injectable()
export class SavePlanObjective extends PlanCommand {
  /** Adds an objective, or replaces one (objectiveId given) with its text, area and citations. */
  async execute(principal: Principal, year: number, body: PlanObjectiveDto, objectiveId?: string): Promise<string> {
    assertCan(principal, 'register.manage');
    return this.transactions.run(async ({ manager, now }) => {
      const plan = await this.planOf(manager, year);
      const section = plan.sections.find((s) => s.id === body.sectionId);
      if (!section) throw new InvalidInput('That section is not in this plan.', { sectionId: 'Choose one of the plan’s sections.' });
      if (objectiveId && !plan.sections.some((s) => s.objectives.some((o) => o.id === objectiveId))) throw new NotFound('No such objective in this plan.');
      const cited = await this.register.findMany(manager, [...new Set(body.resolutionIds)]);
      if (cited.length !== new Set(body.resolutionIds).size) throw new InvalidInput('A cited resolution is not in the register.', { resolutionIds: 'Choose resolutions from the register.' });
      assertCitations(body.resolutionIds.map((rid) => cited.find((r) => r.id === rid)!).map((r) => ({ resolutionId: r.id, year: r.year, number: r.number, status: r.status })));
      const objective = { area: body.area?.trim() || null, text: body.text.trim() };
      let id = objectiveId;
      if (id) {
        // An objective moved to another section is re-added there (its position is the section's last).
        if (!section.objectives.some((o) => o.id === id)) {
          await this.plans.deleteObjective(manager, id);
          id = await this.plans.addObjective(manager, section.id, objective);
        } else await this.plans.updateObjective(manager, id, objective);
      } else id = await this.plans.addObjective(manager, section.id, objective);
      await this.plans.setCitations(manager, id, body.resolutionIds);
      await this.plans.touch(manager, plan.id, now);
      await this.audit(manager, principal, plan.id, `${objectiveId ? 'Objective changed' : 'Objective added'}: ${objective.text.slice(0, 80)}`, now);
      return id;
    });
  }
}

@Injectable()
export class RemovePlanObjective extends PlanCommand {
  async execute(principal: Principal, year: number, objectiveId: string): Promise<void> {
    assertCan(principal, 'register.manage');
    await this.transactions.run(async ({ manager, now }) => {
      const plan = await this.planOf(manager, year);
      const objective = plan.sections.flatMap((s) => s.objectives).find((o) => o.id === objectiveId);
      if (!objective) throw new NotFound('No such objective in this plan.');
      await this.plans.deleteObjective(manager, objectiveId);
      await this.plans.touch(manager, plan.id, now);
      await this.audit(manager, principal, plan.id, `Objective removed: ${objective.text.slice(0, 80)}`, now);
    });
  }
}
