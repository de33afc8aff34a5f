import { Injectable } from '@nestjs/common';
import { applyAmendment, Principal, StandingOrderViolation } from '@agm/domain';
import type { OutcomeAction } from '@agm/contracts';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { announce, assertMayRead } from '../motion-access';
import { stepMotion } from '../motion-steps';

/**
 * The chair records what happened to a motion on the floor: debate opened, carried (as amended), lost,
 * remitted, referred back, fell, not reached, withdrawn with consent. The debate engine may drive these
 * too; for an amendment, "carry" also writes the motion's amended text.
 */
@Injectable()
export class RecordMotionOutcome {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, motionId: string, action: OutcomeAction, reason: string | undefined): Promise<MotionRow> {
    assertCan(principal, 'debate.chair', { conferenceId });
    return this.transactions.run(async ({ manager, record, now }) => {
      const motion = assertMayRead(principal, await this.motions.find(manager, conferenceId, motionId, true), motionId);
      let after: MotionRow;
      if (motion.kind === 'amendment' && ['carry', 'lose', 'open_debate'].includes(action)) {
        after = await this.amendmentOutcome(manager, principal, motion, action as 'carry' | 'lose' | 'open_debate', now);
      } else {
        after = await stepMotion(manager, this.motions, motion, action, { id: actorOf(principal), role: 'chair' }, reason, now);
      }
      announce(record, principal, after, 'motion.outcome', { action }, ['public']);
      return after;
    });
  }

  /** Amendments are debated and voted on before the motion; a carried one makes the motion "as amended". */
  private async amendmentOutcome(manager: import('typeorm').EntityManager, principal: Principal, amendment: MotionRow, action: 'carry' | 'lose' | 'open_debate', now: Date): Promise<MotionRow> {
    const from = action === 'open_debate' ? ['admitted', 'placed'] : ['debated'];
    if (!from.includes(amendment.status) || amendment.amendmentRuling !== 'admissible') {
      throw new StandingOrderViolation('amendment-outcome', `An amendment that is ${amendment.status.replace(/_/g, ' ')} cannot be ${action === 'open_debate' ? 'debated' : action === 'carry' ? 'carried' : 'lost'}; it must be ruled admissible${action === 'open_debate' ? '' : ' and debated'} first.`);
    }
    const to = action === 'open_debate' ? 'debated' : action === 'carry' ? 'carried' : 'lost';
    await this.motions.update(manager, amendment.id, { status: to }, now);
    await this.motions.audit(manager, { motionId: amendment.id, action, who: actorOf(principal), role: 'chair', at: now, why: null, fromStatus: amendment.status, toStatus: to });
    if (action === 'carry') {
      const motion = (await this.motions.find(manager, amendment.conferenceId, amendment.parentMotionId!, true)) as MotionRow;
      const amended = applyAmendment(motion.amendedText ?? motion.text, amendment.amendmentText!);
      await this.motions.update(manager, motion.id, { amendedText: amended }, now);
      await this.motions.audit(manager, { motionId: motion.id, action: 'amended', who: actorOf(principal), role: 'chair', at: now, why: `Amendment ${amendment.id} carried`, fromStatus: motion.status, toStatus: motion.status });
    }
    return (await this.motions.find(manager, amendment.conferenceId, amendment.id)) as MotionRow;
  }
}
