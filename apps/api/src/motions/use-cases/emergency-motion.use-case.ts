import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  InvalidInput,
  NotFound,
  Principal,
  recordEmergencyAdmissionVote,
  socDecideEmergencyMotion,
  EmergencyDecision,
  EmergencyAdmission,
} from '@agm/domain';
import type { NewConferenceEvent } from '@agm/persistence';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { announce, assertMayRead } from '../motion-access';
import { stepMotion } from '../motion-steps';

function admissionOf(motion: MotionRow): EmergencyAdmission {
  if (motion.kind !== 'emergency_motion' || !motion.emergencyStage || !motion.emergencyAnswers) {
    throw new InvalidInput('This is not a submitted emergency motion.');
  }
  return {
    motionId: motion.id,
    stage: motion.emergencyStage,
    answers: motion.emergencyAnswers,
    socReason: motion.emergencySocReason,
  };
}

async function applyDecision(
  manager: EntityManager,
  motions: MotionRepository,
  motion: MotionRow,
  decision: EmergencyDecision,
  now: Date,
): Promise<MotionRow> {
  const a = decision.audit;
  await motions.update(
    manager,
    motion.id,
    { emergencyStage: decision.admission.stage, emergencySocReason: decision.admission.socReason },
    now,
  );
  await motions.audit(manager, {
    motionId: motion.id,
    action: a.action,
    who: a.who,
    role: a.action.startsWith('soc') ? 'soc' : 'chair',
    at: a.when,
    why: a.why,
    fromStatus: motion.status,
    toStatus: motion.status,
  });
  let current = (await motions.find(manager, motion.conferenceId, motion.id)) as MotionRow;
  const follow = decision.followUp;
  if (follow) {
    const role = a.action.startsWith('soc') ? ('soc' as const) : ('chair' as const);
    current = await stepMotion(
      manager,
      motions,
      current,
      follow.action,
      { id: a.who, role },
      follow.action === 'rule_out_of_order' ? follow.reason : (a.why ?? undefined),
      now,
    );
  }
  return current;
}

/** [SO 7] The SOC accepts an emergency motion (it then goes to the meeting) or rejects it, with a reason. */
@Injectable()
export class DecideEmergencyMotion {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    accept: boolean,
    reason: string | undefined,
  ): Promise<MotionRow> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const motion = assertMayRead(
        principal,
        await this.motions.find(manager, conferenceId, motionId, true),
        motionId,
      );
      const decision = socDecideEmergencyMotion(
        admissionOf(motion),
        { accept, reason },
        { id: actorOf(principal), role: 'soc' },
        now,
      );
      const after = await applyDecision(manager, this.motions, motion, decision, now);
      // Accepted: everyone learns the meeting will be asked to admit it; rejected: the body and the SOC.
      announce(
        record,
        principal,
        after,
        accept ? 'motion.emergency_accepted' : 'motion.emergency_rejected',
        { stage: after.emergencyStage, socReason: after.emergencySocReason },
        accept ? ['public'] : undefined,
      );
      return after;
    });
  }
}

/**
 * [SO 7] The meeting's vote on admitting an emergency motion the SOC accepted. The voting/debate side
 * calls `apply` inside its own unit of work when the admission vote closes; the chair may also record
 * it over REST (`execute`). Carried: the motion is admitted; not carried: it is out of order.
 */
@Injectable()
export class RecordEmergencyAdmissionVote {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    carried: boolean,
  ): Promise<MotionRow> {
    assertCan(principal, 'debate.chair', { conferenceId });
    return this.transactions.runFor(conferenceId, (uow) =>
      this.apply(uow, { conferenceId, motionId, carried, actorId: actorOf(principal) }),
    );
  }

  async apply(
    uow: { manager: EntityManager; record: (event: NewConferenceEvent) => void; now: Date },
    input: { conferenceId: string; motionId: string; carried: boolean; actorId: string },
  ): Promise<MotionRow> {
    const { manager, record, now } = uow;
    const motion = await this.motions.find(manager, input.conferenceId, input.motionId, true);
    if (!motion) throw new NotFound('No such motion, or it is not yours to see.');
    const decision = recordEmergencyAdmissionVote(
      admissionOf(motion),
      input.carried,
      { id: input.actorId, role: 'chair' },
      now,
    );
    const after = await applyDecision(manager, this.motions, motion, decision, now);
    announce(
      record,
      { actorId: input.actorId },
      after,
      input.carried ? 'motion.emergency_admitted' : 'motion.emergency_refused',
      { stage: after.emergencyStage },
      ['public'],
    );
    return after;
  }
}
