import { Injectable } from '@nestjs/common';
import { moveSection, NotFound, Principal, SectionArrangement, SectionMove } from '@agm/domain';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { MotionRepository } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { sectionView } from '../../conference-setup/conference-setup.queries';
import { arrangedItem, publishedItems, sectionsInOrder, writeAgendaOrder } from '../agenda-order';

/**
 * The SOC moves a whole section one place up or down the order of business (`moveSection` in libs/domain
 * holds the rules). Before publication it changes the order publishing will take the sections in; after,
 * the section's items move as a block, renumbered in place, each audited with the reason, and
 * `agenda.section_moved` goes to everyone so the chair's and attendees' agendas follow. Either way the
 * conference's one order of sections (`section.position`, the set-up screen's) is what changes, so
 * `sections.changed` goes out too and the set-up screen follows.
 */
@Injectable()
export class MoveSectionOnAgenda {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
    private readonly setup: ConferenceSetupRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, move: SectionMove): Promise<SectionArrangement> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      // The conference row is the lock: one change to its order of business at a time, so the stale check holds.
      const conference = await this.motions.conferenceSettings(manager, conferenceId, true);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      const published = (await this.motions.agenda(manager, conferenceId)) !== null;
      const sections = await sectionsInOrder(manager, this.motions, conferenceId);
      const rows = published ? await publishedItems(manager, this.motions, conferenceId) : [];
      const result = moveSection({ published, sections, items: rows.map(arrangedItem) }, move);
      const name = (id: string) => sections.find((s) => s.id === id)?.name as string;
      const section = name(result.sectionId);
      const who = actorOf(principal);

      await this.setup.setSectionOrder(manager, conferenceId, result.sectionOrder);
      if (published) {
        await writeAgendaOrder(manager, this.motions, rows, result.order ?? [], now);
        await this.motions.setPublishedSectionOrder(manager, conferenceId, result.sectionOrder.map(name));
        // Each moved item's history says why it moved, as a single move's does.
        for (const row of rows.filter((m) => m.sectionId === result.sectionId)) {
          await this.motions.audit(manager, {
            motionId: row.id,
            action: 'arrange_agenda',
            who,
            role: 'soc',
            at: now,
            why: `Order of business: section ${section} moved ${result.direction}, ${result.direction === 'up' ? 'before' : 'after'} ${result.passed}. ${result.reason}`,
            fromStatus: row.status,
            toStatus: row.status,
          });
        }
      }
      record({
        conferenceId,
        type: 'agenda.section_moved',
        payload: {
          sectionId: result.sectionId,
          section,
          direction: result.direction,
          passed: result.passed,
          reason: result.reason,
          sectionOrder: result.sectionOrder.map(name),
          firstPosition: result.firstPosition,
          lastPosition: result.lastPosition,
          order: result.order ? result.order.map((item) => item.motionId) : null,
        },
        audience: 'public',
        actorId: who,
      });
      const sectionList = (await this.setup.listSections(manager, conferenceId)).map(sectionView);
      record({
        conferenceId,
        type: 'sections.changed',
        payload: { change: 'reordered', sectionId: result.sectionId, sections: sectionList },
        audience: 'public',
        actorId: who,
      });
      return result;
    });
  }
}
