import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  LabelledItem,
  MotionPlacement,
  MotionPlacementRequest,
  NotFound,
  placeAdmittedMotion,
  Principal,
  slotEmergencyMotion,
  StandingOrderViolation,
  UnplacedMotion,
} from '@agm/domain';
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

  execute(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    request: MotionPlacementRequest,
  ): Promise<MotionPlacement> {
    return placeOnPublishedOrder(this.transactions, this.motions, principal, conferenceId, motionId, {
      event: 'agenda.motion_placed',
      notPublished:
        'The order of business is not published yet: publishing places every admitted motion. Publish it first.',
      place: async (items, motion, manager) =>
        placeAdmittedMotion(
          items,
          motion,
          request,
          await highestMotionNumber(manager, this.motions, conferenceId),
        ),
    });
  }
}

/**
 * [SO 7] The SOC slots an emergency motion the meeting admitted into the published order of business under
 * the same rule (`slotEmergencyMotion` in libs/domain): a reason, the order as loaded, never before an item
 * already taken; numbered "Emergency motion N"; `agenda.emergency_slotted` goes to everyone.
 */
@Injectable()
export class SlotEmergencyMotion {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  execute(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    request: MotionPlacementRequest,
  ): Promise<MotionPlacement> {
    return placeOnPublishedOrder(this.transactions, this.motions, principal, conferenceId, motionId, {
      event: 'agenda.emergency_slotted',
      notPublished: 'Publish the order of business before slotting emergency motions into it.',
      place: async (items, motion) => slotEmergencyMotion(items, motion, request),
    });
  }
}

/** The one flow both share: lock, load the published order, apply the rule, write the order, audit, announce. */
async function placeOnPublishedOrder(
  transactions: Transactions,
  motions: MotionRepository,
  principal: Principal,
  conferenceId: string,
  motionId: string,
  how: {
    event: 'agenda.motion_placed' | 'agenda.emergency_slotted';
    notPublished: string;
    place: (
      items: LabelledItem[],
      motion: UnplacedMotion,
      manager: EntityManager,
    ) => Promise<MotionPlacement>;
  },
): Promise<MotionPlacement> {
  assertCan(principal, 'motions.review', { conferenceId });
  return transactions.runFor(conferenceId, async ({ manager, record, now }) => {
    // The conference row is the lock: one change to its order of business at a time, so the stale check holds.
    if (!(await motions.conferenceSettings(manager, conferenceId, true)))
      throw new NotFound('No such conference, or it is not yours to see.');
    if (!(await motions.agenda(manager, conferenceId)))
      throw new StandingOrderViolation('agenda', how.notPublished);
    const motion = await motions.find(manager, conferenceId, motionId, true);
    if (!motion || motion.status === 'draft') throw new NotFound('No such motion in this conference.');
    const rows = await publishedItems(manager, motions, conferenceId);
    const placement = await how.place(
      rows.map(labelledItem),
      {
        motionId: motion.id,
        title: motion.title,
        kind: motion.kind,
        status: motion.status,
        sectionId: motion.sectionId,
      },
      manager,
    );
    const actor = { id: actorOf(principal), role: 'soc' as const };
    const why = `${placement.label}, placed on the order of business at place ${placement.position + 1} of ${placement.order.length}. ${placement.reason}`;
    const placed = await stepMotion(manager, motions, motion, 'place', actor, why, now, {
      agendaNumber: placement.number,
      agendaLabel: placement.label,
    });
    await writeAgendaOrder(manager, motions, [...rows, placed], placement.order, now);
    announce(
      record,
      principal,
      placed,
      how.event,
      {
        label: placement.label,
        position: placement.position,
        reason: placement.reason,
        order: placement.order.map((item) => item.motionId),
      },
      ['public'],
    );
    return placement;
  });
}
