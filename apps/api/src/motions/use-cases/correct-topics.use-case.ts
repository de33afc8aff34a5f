import { Injectable } from '@nestjs/common';
import { correctTopics, Principal } from '@agm/domain';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { announce, assertMayRead } from '../motion-access';
import { rulesetOf } from '../motion-steps';

/**
 * The SOC sets or corrects a motion's topics with a reason (issue 19 item 3): the change is audited
 * (who, when, "Topics changed from … to …: reason") and announced to the submitting body in its room,
 * or to everyone once the motion is public, as the SOC's rulings are.
 */
@Injectable()
export class CorrectMotionTopics {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  execute(principal: Principal, conferenceId: string, motionId: string, topics: string[], reason: string): Promise<MotionRow> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const motion = assertMayRead(principal, await this.motions.find(manager, conferenceId, motionId, true), motionId);
      const ruleset = await rulesetOf(manager, conferenceId);
      const change = correctTopics(motion, topics, reason, ruleset.topics);
      await this.motions.update(manager, motion.id, { topics: change.to }, now);
      await this.motions.audit(manager, {
        motionId: motion.id,
        action: 'topics_corrected',
        who: actorOf(principal),
        role: 'soc',
        at: now,
        why: change.why,
        fromStatus: motion.status,
        toStatus: motion.status,
      });
      const after: MotionRow = { ...motion, topics: change.to };
      announce(record, principal, after, 'motion.topics_corrected', { from: change.from, to: change.to, topicsReason: change.reason, why: change.why });
      return after;
    });
  }
}
