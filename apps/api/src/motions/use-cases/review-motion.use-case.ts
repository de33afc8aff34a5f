import { Injectable } from '@nestjs/common';
import { Forbidden, InvalidInput, Principal } from '@agm/domain';
import type { ReviewAction } from '@agm/contracts';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { actsForMotion, announce, assertMayRead, audiencesOf, PUBLIC_STATUSES } from '../motion-access';
import { stepMotion } from '../motion-steps';

const EVENT: Record<ReviewAction, string> = {
  admit: 'motion.admitted',
  rule_out_of_order: 'motion.ruled_out_of_order',
  return_for_editing: 'motion.returned_for_editing',
};

/** The SOC admits a submitted motion, rules it out of order, or returns it for editing; each step audited and pushed. */
@Injectable()
export class ReviewMotion {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    action: ReviewAction,
    reason: string | undefined,
  ): Promise<MotionRow> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const motion = assertMayRead(
        principal,
        await this.motions.find(manager, conferenceId, motionId, true),
        motionId,
      );
      if (motion.kind === 'amendment') {
        throw new InvalidInput(
          'Amendments are ruled admissible or inadmissible; use POST .../amendments/:id/ruling.',
        );
      }
      const before = motion.status;
      const after = await stepMotion(
        manager,
        this.motions,
        motion,
        action,
        { id: actorOf(principal), role: 'soc' },
        reason,
        now,
        action === 'admit' ? { statusReason: reason?.trim() || null } : {},
      );
      // The body hears the ruling on its motion with the reason (in its own room, or the public one once admitted).
      announce(record, principal, after, EVENT[action], { from: before });
      return after;
    });
  }

  /** Withdrawal at the body's request, before debate: its officer withdraws it. */
  async withdraw(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    reason: string | undefined,
  ): Promise<MotionRow> {
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const motion = assertMayRead(
        principal,
        await this.motions.find(manager, conferenceId, motionId, true),
        motionId,
      );
      if (!actsForMotion(principal, motion))
        throw new Forbidden('Only an officer of the submitting body may withdraw its motion.');
      const before = motion.status;
      const after = await stepMotion(
        manager,
        this.motions,
        motion,
        'withdraw',
        { id: actorOf(principal), role: 'officer' },
        reason,
        now,
      );
      // A motion the conference could already see is withdrawn in public view.
      announce(
        record,
        principal,
        after,
        'motion.withdrawn',
        { from: before },
        PUBLIC_STATUSES.includes(before) ? ['public'] : audiencesOf(after),
      );
      return after;
    });
  }
}
