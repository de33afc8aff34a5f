import { InvalidInput } from '../errors';
import type { ResolutionStatus } from './register.rules';

/**
 * The operational plan: head office's objectives for the year, each citing the resolutions it carries
 * out, in the layout of Napo's published plans (2016, 2019, 2023):
 *
 *   OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS' INTERESTS    a section, numbered, with a description
 *   Cafcass and Probation                                       an area within it (optional)
 *   • Negotiate … (Resolution 12)                               an objective, its citations at the end
 */
export interface PlanCitation {
  resolutionId: string;
  year: number;
  number: number;
}

export interface PlanObjective {
  id: string;
  area: string | null;
  text: string;
  citations: PlanCitation[];
}

export interface PlanSection {
  id: string;
  title: string;
  description: string | null;
  objectives: PlanObjective[];
}

export interface OperationalPlan {
  year: number;
  /** The AGM whose resolutions the plan mainly carries out: citations of that year read "(Resolution N)". */
  agmYear: number;
  title: string;
  introduction: string | null;
  sections: PlanSection[];
}

/**
 * "(Resolution 12)", "(Resolutions 3 and 4)"; a resolution of another year than the plan's AGM keeps its
 * year, "(Resolution 7 of 2024)", so a citation never points at the wrong year's resolution.
 */
export function citationText(citations: readonly PlanCitation[], agmYear: number): string {
  if (citations.length === 0) return '';
  const sorted = [...citations].sort((a, b) => b.year - a.year || a.number - b.number);
  const names = sorted.map((c) => (c.year === agmYear ? `${c.number}` : `${c.number} of ${c.year}`));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `(Resolution${names.length > 1 ? 's' : ''} ${list})`;
}

/** An objective as printed: its text, then its citations. */
export function objectiveLine(objective: Pick<PlanObjective, 'text' | 'citations'>, agmYear: number): string {
  const citation = citationText(objective.citations, agmYear);
  return citation ? `${objective.text.trim()} ${citation}` : objective.text.trim();
}

/** "OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS' INTERESTS", as the plans head their sections. */
export function sectionHeading(section: Pick<PlanSection, 'title'>, index: number): string {
  return `OBJECTIVE ${index + 1}: ${section.title.toUpperCase()}`;
}

/** An objective cites each resolution once, and only resolutions in force (not rescinded or superseded). */
export function assertCitations(citations: ReadonlyArray<{ resolutionId: string; year: number; number: number; status: ResolutionStatus }>): void {
  const seen = new Set<string>();
  for (const c of citations) {
    if (seen.has(c.resolutionId)) throw new InvalidInput(`Resolution ${c.number} of ${c.year} is cited twice.`, { resolutionIds: 'Cite each resolution once.' });
    seen.add(c.resolutionId);
    if (c.status === 'rescinded' || c.status === 'superseded') {
      throw new InvalidInput(`Resolution ${c.number} of ${c.year} is ${c.status}: a plan carries out resolutions in force.`, {
        resolutionIds: `Cite the resolution that ${c.status === 'rescinded' ? 'rescinded' : 'superseded'} it, if it asks for this work.`,
      });
    }
  }
}

/**
 * The resolutions of the given years that no objective of the plan carries out yet and whose work is
 * still open: what head office still has to place in the plan.
 */
export function uncarriedResolutions<T extends { id: string; status: ResolutionStatus }>(resolutions: readonly T[], plan: Pick<OperationalPlan, 'sections'>): T[] {
  const cited = new Set(plan.sections.flatMap((s) => s.objectives.flatMap((o) => o.citations.map((c) => c.resolutionId))));
  return resolutions.filter((r) => !cited.has(r.id) && (r.status === 'not_started' || r.status === 'in_progress'));
}
