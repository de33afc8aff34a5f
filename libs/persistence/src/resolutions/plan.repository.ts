import { EntityManager } from 'typeorm';
import type { OperationalPlan, PlanSection } from '@agm/domain';

export interface PlanRow extends OperationalPlan {
  id: string;
  updatedAt: Date;
}

/** Operational plans: sections (the numbered objectives), their objectives, and the resolutions each cites. */
export class PlanRepository {
  async create(manager: EntityManager, plan: { year: number; agmYear: number; title: string; introduction: string | null }): Promise<string> {
    const [row] = await manager.query('INSERT INTO operational_plan (year, agm_year, title, introduction) VALUES ($1, $2, $3, $4) RETURNING id', [
      plan.year,
      plan.agmYear,
      plan.title,
      plan.introduction,
    ]);
    return row.id;
  }

  async years(manager: EntityManager): Promise<Array<{ year: number; agmYear: number; title: string }>> {
    const rows = await manager.query('SELECT year, agm_year, title FROM operational_plan ORDER BY year DESC');
    return rows.map((r: any) => ({ year: r.year, agmYear: r.agm_year, title: r.title }));
  }

  /** The whole plan in print order, or null. */
  async findByYear(manager: EntityManager, year: number, lock = false): Promise<PlanRow | null> {
    const [plan] = await manager.query(`SELECT id, year, agm_year, title, introduction, updated_at FROM operational_plan WHERE year = $1${lock ? ' FOR UPDATE' : ''}`, [year]);
    if (!plan) return null;
    const sections = await manager.query('SELECT id, title, description FROM plan_section WHERE plan_id = $1 ORDER BY position, id', [plan.id]);
    const objectives = await manager.query(
      `SELECT o.id, o.section_id, o.area, o.text
         FROM plan_objective o JOIN plan_section s ON s.id = o.section_id
        WHERE s.plan_id = $1 ORDER BY o.position, o.id`,
      [plan.id],
    );
    const citations = await manager.query(
      `SELECT c.objective_id, r.id AS resolution_id, r.year, r.number
         FROM plan_citation c JOIN resolution r ON r.id = c.resolution_id
         JOIN plan_objective o ON o.id = c.objective_id JOIN plan_section s ON s.id = o.section_id
        WHERE s.plan_id = $1 ORDER BY r.year DESC, r.number`,
      [plan.id],
    );
    const built: PlanSection[] = sections.map((s: any) => ({
      id: s.id,
      title: s.title,
      description: s.description,
      objectives: objectives
        .filter((o: any) => o.section_id === s.id)
        .map((o: any) => ({
          id: o.id,
          area: o.area,
          text: o.text,
          citations: citations.filter((c: any) => c.objective_id === o.id).map((c: any) => ({ resolutionId: c.resolution_id, year: c.year, number: c.number })),
        })),
    }));
    return { id: plan.id, year: plan.year, agmYear: plan.agm_year, title: plan.title, introduction: plan.introduction, updatedAt: plan.updated_at, sections: built };
  }

  async touch(manager: EntityManager, planId: string, now: Date): Promise<void> {
    await manager.query('UPDATE operational_plan SET updated_at = $2 WHERE id = $1', [planId, now]);
  }

  async addSection(manager: EntityManager, planId: string, section: { title: string; description: string | null }): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO plan_section (plan_id, position, title, description)
       VALUES ($1, (SELECT COALESCE(max(position), 0) + 1 FROM plan_section WHERE plan_id = $1), $2, $3) RETURNING id`,
      [planId, section.title, section.description],
    );
    return row.id;
  }

  async addObjective(manager: EntityManager, sectionId: string, objective: { area: string | null; text: string }): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO plan_objective (section_id, position, area, text)
       VALUES ($1, (SELECT COALESCE(max(position), 0) + 1 FROM plan_objective WHERE section_id = $1), $2, $3) RETURNING id`,
      [sectionId, objective.area, objective.text],
    );
    return row.id;
  }

  async updateObjective(manager: EntityManager, objectiveId: string, objective: { area: string | null; text: string }): Promise<void> {
    await manager.query('UPDATE plan_objective SET area = $2, text = $3 WHERE id = $1', [objectiveId, objective.area, objective.text]);
  }

  async deleteObjective(manager: EntityManager, objectiveId: string): Promise<void> {
    await manager.query('DELETE FROM plan_objective WHERE id = $1', [objectiveId]);
  }

  async setCitations(manager: EntityManager, objectiveId: string, resolutionIds: string[]): Promise<void> {
    await manager.query('DELETE FROM plan_citation WHERE objective_id = $1', [objectiveId]);
    for (const resolutionId of resolutionIds) await manager.query('INSERT INTO plan_citation (objective_id, resolution_id) VALUES ($1, $2)', [objectiveId, resolutionId]);
  }

  /** The plans whose objectives cite this resolution: "carried by the 2026 plan". */
  async plansCiting(manager: EntityManager, resolutionId: string): Promise<number[]> {
    const rows = await manager.query(
      `SELECT DISTINCT p.year FROM plan_citation c JOIN plan_objective o ON o.id = c.objective_id
         JOIN plan_section s ON s.id = o.section_id JOIN operational_plan p ON p.id = s.plan_id
        WHERE c.resolution_id = $1 ORDER BY p.year`,
      [resolutionId],
    );
    return rows.map((r: any) => r.year);
  }
}
