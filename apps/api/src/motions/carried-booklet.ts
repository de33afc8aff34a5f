import { BookletModel, buildBookletModel } from '@agm/domain';
import type { MotionRepository, MotionRow } from '@agm/persistence/motions';

type SectionRow = Awaited<ReturnType<MotionRepository['sections']>>[number];

/**
 * Carried motions renumbered "Resolution N" under their section headings, sections in the order of
 * business (or their set order), "Proposer: X" where the proposer is not the section's own committee.
 * The booklet and the resolution register number from this one model, so Resolution N is the same in both.
 */
export function carriedBooklet(all: MotionRow[], sections: SectionRow[], conference: { venue: string; format: string; startsOn: string }, bodyNames: (ids: string[]) => string[]): BookletModel {
  const carried = all
    .filter((m) => m.kind !== 'amendment' && (m.status === 'carried' || m.status === 'carried_as_amended') && m.sectionId)
    .sort((a, b) => (a.agendaPosition ?? Number.MAX_SAFE_INTEGER) - (b.agendaPosition ?? Number.MAX_SAFE_INTEGER) || (a.agendaNumber ?? 0) - (b.agendaNumber ?? 0));
  const firstPosition = (sectionId: string) => carried.find((m) => m.sectionId === sectionId)?.agendaPosition ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...sections].sort((a, b) => firstPosition(a.id) - firstPosition(b.id) || a.position - b.position);
  return buildBookletModel(
    carried.map((m) => ({
      motionId: m.id,
      sectionId: m.sectionId as string,
      title: m.title,
      text: m.amendedText ?? m.text,
      status: m.status,
      proposers: m.submitterBodyIds.map((bodyId) => ({ bodyId, name: bodyNames([bodyId])[0] })),
    })),
    ordered.map((s) => ({ id: s.id, heading: s.name, ownerBodyId: s.owningBodyId })),
    // "Eastbourne and Hybrid 2025": the venue, the format when hybrid, and the year.
    { title: 'RESOLUTIONS', subtitle: `${conference.venue}${conference.format === 'hybrid' ? ' and Hybrid' : ''} ${conference.startsOn.slice(0, 4)}` },
  );
}
