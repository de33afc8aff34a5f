import { MotionKind } from '../enums';
import { Conflict, InvalidInput } from '../errors';
import { MotionsRulesetExtension, napoMotionsRulesetExtension } from './motions-ruleset';

/**
 * [Napo] Sections (the committee headings motions are grouped under) are taken in alphabetical order,
 * rotated by one place each year. `rotation` is the year, or any index: each step moves the first
 * section to the end, so consecutive years give consecutive rotations.
 */
const SECTION_COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base' });

export function rotateSections(sectionNames: readonly string[], rotation: number): string[] {
  if (!Number.isInteger(rotation))
    throw new InvalidInput('The rotation must be a whole number (a year, or an index).', {
      rotation: 'whole number',
    });
  const sorted = [...sectionNames].sort(SECTION_COLLATOR.compare);
  const dupe = sorted.find((name, i) => i > 0 && SECTION_COLLATOR.compare(name, sorted[i - 1]) === 0);
  if (dupe !== undefined)
    throw new InvalidInput(`The section '${dupe}' is listed twice.`, { sections: 'names must differ' });
  if (sorted.length === 0) return [];
  const start = ((rotation % sorted.length) + sorted.length) % sorted.length;
  return [...sorted.slice(start), ...sorted.slice(0, start)];
}

export interface PriorityBallotMotion {
  id: string;
  section: string;
}

/** [Napo] A member picks between 1 and 9 different motions from those on the priority ballot. */
export function assertValidPriorityBallot(
  picks: readonly string[],
  ballotMotionIds: readonly string[],
  rules: MotionsRulesetExtension = napoMotionsRulesetExtension(),
): void {
  const { minPicks, maxPicks } = rules.priorityBallot;
  if (picks.length < minPicks || picks.length > maxPicks) {
    throw new InvalidInput(
      `Pick between ${minPicks} and ${maxPicks} motions; this ballot picks ${picks.length}.`,
      { picks: `${minPicks} to ${maxPicks} motions` },
    );
  }
  if (new Set(picks).size !== picks.length) {
    throw new InvalidInput('Each motion can be picked only once on a priority ballot.', {
      picks: 'a motion is picked twice',
    });
  }
  const unknown = picks.filter((id) => !ballotMotionIds.includes(id));
  if (unknown.length > 0) {
    throw new InvalidInput(`${unknown.length === 1 ? 'One motion picked is' : `${unknown.length} motions picked are`} not on the priority ballot.`, {
      picks: 'pick only motions on the ballot',
    });
  }
}

export interface SectionPriority {
  section: string;
  /** The section's motions, the most picked first; ties keep the order the motions were given in. */
  order: string[];
  picks: Record<string, number>;
  /** [Napo] A section with one motion is taken automatically, whatever the ballot. */
  automatic: boolean;
}

/**
 * [Napo] The priority ballot decides which motion in each section is debated first. Sections come out in
 * the order their first motion was given; every ballot is validated first.
 */
export function rankByPriorityBallot(
  ballots: readonly (readonly string[])[],
  motions: readonly PriorityBallotMotion[],
  rules: MotionsRulesetExtension = napoMotionsRulesetExtension(),
): SectionPriority[] {
  const ids = motions.map((m) => m.id);
  const picks: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  ballots.forEach((ballot, i) => {
    try {
      assertValidPriorityBallot(ballot, ids, rules);
    } catch (error) {
      throw new InvalidInput(`Priority ballot ${i + 1} is invalid: ${(error as Error).message}`);
    }
    for (const id of ballot) picks[id]++;
  });

  const sections = [...new Set(motions.map((m) => m.section))];
  return sections.map((section) => {
    const inSection = motions.map((m, index) => ({ ...m, index })).filter((m) => m.section === section);
    const order = [...inSection]
      .sort((a, b) => picks[b.id] - picks[a.id] || a.index - b.index)
      .map((m) => m.id);
    return {
      section,
      order,
      picks: Object.fromEntries(order.map((id) => [id, picks[id]])),
      automatic: order.length === 1,
    };
  });
}

export interface AgendaMotion {
  id: string;
  section: string;
  kind: MotionKind;
}

/**
 * The order of business: sections in the given (rotated) order, and within a section the motions in the
 * given order (the priority ballot's, when there is one), else as listed.
 */
export function orderAgenda(
  sectionOrder: readonly string[],
  motions: readonly AgendaMotion[],
  withinSection: Readonly<Record<string, readonly string[]>> = {},
): AgendaMotion[] {
  const stray = motions.filter((m) => !sectionOrder.includes(m.section));
  if (stray.length > 0) {
    throw new InvalidInput(
      `${stray.length === 1 ? 'A motion is' : `${stray.length} motions are`} in no section of the order of business: give each its section.`,
    );
  }
  return sectionOrder.flatMap((section) => {
    const inSection = motions.filter((m) => m.section === section);
    const ranking = withinSection[section] ?? [];
    const rank = (id: string) => (ranking.includes(id) ? ranking.indexOf(id) : ranking.length);
    return inSection
      .map((m, index) => ({ m, index }))
      .sort((a, b) => rank(a.m.id) - rank(b.m.id) || a.index - b.index)
      .map(({ m }) => m);
  });
}

export interface AgendaEntry {
  motionId: string;
  section: string | null;
  kind: MotionKind;
  /** Ordinary items are numbered across the agenda ("Motion 1..N"); emergency motions in their own series. */
  series: 'motion' | 'emergency';
  number: number;
  label: string;
}

/** Numbers the agenda when it is published: "Motion 1" to "Motion N" across all sections. */
export function publishAgenda(ordered: readonly AgendaMotion[]): AgendaEntry[] {
  const seen = new Set<string>();
  let motionNumber = 0;
  let emergencyNumber = 0;
  return ordered.map((m) => {
    if (seen.has(m.id)) throw new Conflict('A motion is on the agenda twice; list each motion once.');
    seen.add(m.id);
    if (m.kind === 'emergency_motion') {
      emergencyNumber++;
      return {
        motionId: m.id,
        section: m.section,
        kind: m.kind,
        series: 'emergency',
        number: emergencyNumber,
        label: `Emergency motion ${emergencyNumber}`,
      };
    }
    motionNumber++;
    return {
      motionId: m.id,
      section: m.section,
      kind: m.kind,
      series: 'motion',
      number: motionNumber,
      label: `Motion ${motionNumber}`,
    };
  });
}
