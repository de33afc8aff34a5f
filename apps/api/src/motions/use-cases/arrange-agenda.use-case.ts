import { Injectable } from '@nestjs/common';
import { AgendaMove, Arrangement, arrangeOrderOfBusiness, NotFound, Principal } from '@agm/domain';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { arrangedItem, publishedItems, writeAgendaOrder } from '../agenda-order';
import { announce } from '../motion-access';
import { ON_AGENDA } from './agenda.use-case';

/**
 * The SOC sets the order of business by hand: one item to a new place and/or another section
 * (`arrangeOrderOfBusiness` in libs/domain holds the rules). Before publication only a motion's section
 * changes; after it, the placed items are renumbered in their new order, the reason is kept in the moved
 * motion's audit, and `agenda.rearranged` goes to everyone so the chair's and attendees' agendas follow.
 */
@Injectable()
export class ArrangeOrderOfBusiness {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, move: AgendaMove): Promise<Arrangement> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      // The conference row is the lock: one change to its order of business at a time, so the stale check holds.
      if (!(await this.motions.conferenceSettings(manager, conferenceId, true)))
        throw new NotFound('No such conference, or it is not yours to see.');
      const published = (await this.motions.agenda(manager, conferenceId)) !== null;
      const all = await this.motions.list(manager, conferenceId);
      const rows = published
        ? await publishedItems(manager, this.motions, conferenceId)
        : all.filter(ON_AGENDA);
      const sections = await this.motions.sections(manager, conferenceId);
      const result = arrangeOrderOfBusiness(
        { published, items: rows.map(arrangedItem), sectionIds: sections.map((s) => s.id) },
        move,
      );

      if (published) await writeAgendaOrder(manager, this.motions, rows, result.order, now);
      else if (result.fromSectionId !== result.toSectionId)
        await this.motions.update(manager, result.motionId, { sectionId: result.toSectionId }, now);

      const moved = (await this.motions.find(manager, conferenceId, result.motionId)) as MotionRow;
      const sectionName = (id: string | null) => sections.find((s) => s.id === id)?.name ?? null;
      const fromSection = sectionName(result.fromSectionId);
      const toSection = sectionName(result.toSectionId);
      const what = [
        result.fromPosition !== null && result.fromPosition !== result.toPosition
          ? `place ${(result.fromPosition ?? 0) + 1} → ${(result.toPosition ?? 0) + 1}`
          : null,
        result.fromSectionId !== result.toSectionId
          ? `section ${fromSection ?? 'none'} → ${toSection ?? 'none'}`
          : null,
      ].filter(Boolean);
      await this.motions.audit(manager, {
        motionId: moved.id,
        action: 'arrange_agenda',
        who: actorOf(principal),
        role: 'soc',
        at: now,
        why: `Order of business: ${what.join('; ')}${result.reason ? `. ${result.reason}` : ''}`,
        fromStatus: moved.status,
        toStatus: moved.status,
      });
      announce(
        record,
        principal,
        moved,
        'agenda.rearranged',
        {
          reason: result.reason,
          label: moved.agendaLabel,
          fromPosition: result.fromPosition,
          toPosition: result.toPosition,
          fromSection,
          toSection,
          order: published ? result.order.map((item) => item.motionId) : null,
        },
        ['public'],
      );
      return result;
    });
  }
}
