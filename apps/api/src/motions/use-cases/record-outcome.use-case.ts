import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { applyAmendment, MotionActor, NotFound, Principal, StandingOrderViolation } from '@agm/domain';
import type { OutcomeAction } from '@agm/contracts';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions, UnitOfWork } from '../../events/transactions';
import { announce, assertMayRead } from '../motion-access';
import { stepMotion } from '../motion-steps';

/**
 * An amendment's own steps on the floor: debated, then carried or lost (a carried one amends the
 * motion). Withdrawn and fallen follow the motion lifecycle like any motion's.
 */
type AmendmentAction = 'open_debate' | 'carry' | 'lose';
const AMENDMENT_ACTIONS: readonly string[] = ['open_debate', 'carry', 'lose'];
const AMENDMENT_TO: Record<AmendmentAction, MotionRow['status']> = {
  open_debate: 'debated',
  carry: 'carried',
  lose: 'lost',
};
const AMENDMENT_VERB: Record<AmendmentAction, string> = {
  open_debate: 'debated',
  carry: 'carried',
  lose: 'lost',
};

export interface MotionOutcomeInput {
  conferenceId: string;
  motionId: string;
  action: OutcomeAction;
  reason?: string | null;
  /** The chair's account (REST) or whoever issued the debate command. */
  actorId: string;
  /** A motion carried in parts, some lost: the text it now reads, kept as its amended text. */
  carriedText?: string;
}

/**
 * The chair records what happened to a motion on the floor: debate opened, carried (as amended), lost,
 * remitted, referred back, fell, not reached, withdrawn with consent. The same `apply` serves the REST
 * endpoint and the debate (which calls it inside its own command's transaction when the engine takes or
 * concludes an item); for an amendment, "carry" also writes the motion's amended text.
 */
@Injectable()
export class RecordMotionOutcome {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    action: OutcomeAction,
    reason: string | undefined,
  ): Promise<MotionRow> {
    assertCan(principal, 'debate.chair', { conferenceId });
    return this.transactions.runFor(conferenceId, async (uow) => {
      assertMayRead(principal, await this.motions.find(uow.manager, conferenceId, motionId, true), motionId);
      return this.apply(uow, { conferenceId, motionId, action, reason, actorId: actorOf(principal) });
    });
  }

  /** One step of a motion (or amendment) on the floor, audited and announced, in the caller's unit of work. */
  async apply(uow: UnitOfWork, input: MotionOutcomeInput): Promise<MotionRow> {
    const { manager, record, now } = uow;
    const motion = await this.motions.find(manager, input.conferenceId, input.motionId, true);
    if (!motion) throw new NotFound('No such motion, or it is not yours to see.');
    const actor: MotionActor = { id: input.actorId, role: 'chair' };
    const after =
      motion.kind === 'amendment' && AMENDMENT_ACTIONS.includes(input.action)
        ? await this.amendmentOutcome(manager, actor, motion, input.action as AmendmentAction, now)
        : await stepMotion(
            manager,
            this.motions,
            motion,
            input.action,
            actor,
            input.reason ?? undefined,
            now,
          );
    if (input.carriedText !== undefined && motion.kind !== 'amendment') {
      // The resolution reads as the parts carried: the booklet and the register take the amended text.
      await this.motions.update(manager, motion.id, { amendedText: input.carriedText }, now);
      await this.motions.audit(manager, {
        motionId: motion.id,
        action: 'amended',
        who: input.actorId,
        role: 'chair',
        at: now,
        why: 'Taken in parts: the parts lost are struck out',
        fromStatus: after.status,
        toStatus: after.status,
      });
      const reread = (await this.motions.find(manager, input.conferenceId, motion.id, true)) as MotionRow;
      announce(record, { actorId: input.actorId }, reread, 'motion.outcome', { action: input.action }, ['public']);
      return reread;
    }
    announce(record, { actorId: input.actorId }, after, 'motion.outcome', { action: input.action }, [
      'public',
    ]);
    return after;
  }

  /** Amendments are debated and voted on before the motion; a carried one makes the motion "as amended". */
  private async amendmentOutcome(
    manager: EntityManager,
    actor: MotionActor,
    amendment: MotionRow,
    action: AmendmentAction,
    now: Date,
  ): Promise<MotionRow> {
    // Only an amendment the SOC or chair ruled admissible reaches the floor; the rest are decided there.
    const from = action === 'open_debate' ? ['admitted', 'placed'] : ['debated'];
    if (!from.includes(amendment.status) || amendment.amendmentRuling === 'inadmissible') {
      throw new StandingOrderViolation(
        'amendment-outcome',
        `An amendment that is ${amendment.status.replace(/_/g, ' ')} cannot be ${AMENDMENT_VERB[action]}; it must be ruled admissible${action === 'open_debate' ? '' : ' and debated'} first.`,
      );
    }
    const to = AMENDMENT_TO[action];
    await this.motions.update(manager, amendment.id, { status: to }, now);
    await this.motions.audit(manager, {
      motionId: amendment.id,
      action,
      who: actor.id,
      role: actor.role,
      at: now,
      why: null,
      fromStatus: amendment.status,
      toStatus: to,
    });
    if (action === 'carry') {
      const motion = (await this.motions.find(
        manager,
        amendment.conferenceId,
        amendment.parentMotionId!,
        true,
      )) as MotionRow;
      const amended = applyAmendment(motion.amendedText ?? motion.text, amendment.amendmentText!);
      await this.motions.update(manager, motion.id, { amendedText: amended }, now);
      await this.motions.audit(manager, {
        motionId: motion.id,
        action: 'amended',
        who: actor.id,
        role: actor.role,
        at: now,
        why: `The amendment "${amendment.title}" carried`,
        fromStatus: motion.status,
        toStatus: motion.status,
      });
    }
    return (await this.motions.find(manager, amendment.conferenceId, amendment.id)) as MotionRow;
  }
}
