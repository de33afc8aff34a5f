import { Injectable } from '@nestjs/common';
import { MotionPlacement, MotionPlacementRequest, NotFound, placeAdmittedMotion, Principal, StandingOrderViolation } from '@agm/domain';
import { MotionRepository } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { highestMotionNumber, labelledItem, publishedItems, writeAgendaOrder } from '../agenda-order';
import { announce } from '../motion-access';
import { stepMotion } from '../motion-steps';

/**
 * The SOC places a motion admitted after publication on the order of business (`placeAdmittedMotion` in
 * libs/domain holds the rules): it is placed with the next "Motion N", the items after it move down one
 * place, the reason goes in its audit, and `agenda.motion_placed` goes to everyone so the chair's and
 * attendees' agendas follow.
 */
@Injectable()
export class PlaceAdmittedMotion {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, motionId: string, request: MotionPlacementRequest): Promise<MotionPlacement> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.run(async ({ manager, record, now }) => {
      // The conference row is the lock: one change to its order of business at a time, so the stale check holds.
      if (!(await this.motions.conferenceSettings(manager, conferenceId, true))) throw new NotFound(`No conference ${conferenceId}.`);
      if (!(await this.motions.agenda(manager, conferenceId))) {
        throw new StandingOrderViolation('agenda', 'The order of business is not published yet: publishing places every admitted motion. Publish it first.');
      }
      const motion = await this.motions.find(manager, conferenceId, motionId, true);
      if (!motion || motion.status === 'draft') throw new NotFound(`No motion ${motionId} in this conference.`);
      const rows = await publishedItems(manager, this.motions, conferenceId);
      const placement = placeAdmittedMotion(
        rows.map(labelledItem),
        { motionId: motion.id, title: motion.title, kind: motion.kind, status: motion.status, sectionId: motion.sectionId },
        request,
        await highestMotionNumber(manager, this.motions, conferenceId),
      );
      const actor = { id: actorOf(principal), role: 'soc' as const };
      const why = `${placement.label}, placed on the order of business at place ${placement.position + 1} of ${placement.order.length}. ${placement.reason}`;
      const placed = await stepMotion(manager, this.motions, motion, 'place', actor, why, now, { agendaNumber: placement.number, agendaLabel: placement.label });
      await writeAgendaOrder(manager, this.motions, [...rows, placed], placement.order, now);
      announce(
        record,
        principal,
        placed,
        'agenda.motion_placed',
        { label: placement.label, position: placement.position, reason: placement.reason, order: placement.order.map((item) => item.motionId) },
        ['public'],
      );
      return placement;
    });
  }
}
