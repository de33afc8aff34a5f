import { EntityManager } from 'typeorm';
import { ArrangedItem, LabelledItem } from '@agm/domain';
import { MotionChanges, MotionRepository, MotionRow, SectionRow } from '@agm/persistence/motions';

/** Positions are spaced by 100 so an emergency motion slots between two without renumbering the rest. */
export const AGENDA_SPACING = 100;

/** The published order of business: the motions with a label, by their place. */
export async function publishedItems(manager: EntityManager, motions: MotionRepository, conferenceId: string): Promise<MotionRow[]> {
  return (await motions.list(manager, conferenceId)).filter((m) => m.agendaLabel !== null).sort((a, b) => (a.agendaPosition ?? 0) - (b.agendaPosition ?? 0));
}

export const arrangedItem = (m: MotionRow): ArrangedItem => ({ motionId: m.id, title: m.title, sectionId: m.sectionId, status: m.status });

export const labelledItem = (m: MotionRow): LabelledItem => ({
  ...arrangedItem(m),
  label: m.agendaLabel as string,
  number: m.agendaNumber ?? 0,
  series: m.kind === 'emergency_motion' ? 'emergency' : 'motion',
});

/**
 * The highest "Motion N" ever published, those composited since included (they keep their number as
 * history), so a motion placed after publication never takes a number used before.
 */
export async function highestMotionNumber(manager: EntityManager, motions: MotionRepository, conferenceId: string): Promise<number> {
  return Math.max(0, ...(await motions.list(manager, conferenceId)).filter((m) => m.kind !== 'emergency_motion').map((m) => m.agendaNumber ?? 0));
}

/**
 * The sections in the order publishing takes (or took) them: as published once it is; before, the
 * conference's one order of sections (`section.position`: set on the set-up screen, where head office
 * rotates it for the year, and moved by the SOC with `POST /agenda/move-section`; docs/DECISIONS.md).
 */
export async function sectionsInOrder(manager: EntityManager, motions: MotionRepository, conferenceId: string): Promise<SectionRow[]> {
  const sections = await motions.sections(manager, conferenceId);
  const published = await motions.agenda(manager, conferenceId);
  if (!published) return sections;
  const rank = (s: SectionRow) => (published.sectionOrder.includes(s.name) ? published.sectionOrder.indexOf(s.name) : published.sectionOrder.length);
  return [...sections].sort((a, b) => rank(a) - rank(b));
}

/**
 * Writes a new order of the published items: each item's place (spaced), and its section where the new
 * order changed it. Rows not in `order` are left as they are.
 */
export async function writeAgendaOrder(manager: EntityManager, motions: MotionRepository, rows: readonly MotionRow[], order: readonly ArrangedItem[], now: Date): Promise<void> {
  for (const [index, item] of order.entries()) {
    const row = rows.find((m) => m.id === item.motionId);
    if (!row) continue;
    const changes: MotionChanges = {};
    if (row.agendaPosition !== (index + 1) * AGENDA_SPACING) changes.agendaPosition = (index + 1) * AGENDA_SPACING;
    if (item.sectionId !== row.sectionId) changes.sectionId = item.sectionId;
    if (Object.keys(changes).length > 0) await motions.update(manager, row.id, changes, now);
  }
}
