import { InvalidInput, StandingOrderViolation } from '../errors';
import {
  assertEmergencyTestsAnswered,
  recordEmergencyAdmissionVote,
  socDecideEmergencyMotion,
  startEmergencyAdmission,
} from './emergency-motion.rules';
import { transitionMotion } from './motion-lifecycle.rules';
import { MotionActor } from './motion.types';

const now = new Date('2025-10-01T09:00:00Z');
const soc: MotionActor = { id: 'soc-1', role: 'soc' };
const chair: MotionActor = { id: 'chair-1', role: 'chair' };
const answers = {
  aroseAfterDeadline: 'The visa threshold changed on 22 July, after the motions deadline.',
  cannotBeDealtWithOtherwise: 'Members face deportation before the next AGM; the NEC has no mandate.',
  graveEnoughToRearrangeBusiness: 'Livelihoods of members are at stake now.',
};

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('the three tests of SO 7', () => {
  it('takes an emergency motion that answers all three', () => {
    expect(startEmergencyAdmission('em1', answers)).toEqual({
      motionId: 'em1',
      stage: 'awaiting_soc',
      answers,
      socReason: null,
    });
  });

  it('refuses one that leaves a test blank, naming each unanswered test', () => {
    const error = refusal(() =>
      assertEmergencyTestsAnswered({
        ...answers,
        cannotBeDealtWithOtherwise: '  ',
        graveEnoughToRearrangeBusiness: undefined,
      }),
    );
    expect(error).toBeInstanceOf(InvalidInput);
    expect(Object.keys((error as InvalidInput).errors ?? {}).sort()).toEqual([
      'cannotBeDealtWithOtherwise',
      'graveEnoughToRearrangeBusiness',
    ]);
  });
});

describe('admitting an emergency motion', () => {
  const fresh = () => startEmergencyAdmission('em1', answers);

  it('goes from the SOC to the meeting, and is admitted when the meeting votes to admit it', () => {
    const accepted = socDecideEmergencyMotion(fresh(), { accept: true }, soc, now);
    expect(accepted.admission.stage).toBe('awaiting_meeting_vote');
    expect(accepted.followUp).toBeNull();
    const admitted = recordEmergencyAdmissionVote(accepted.admission, true, chair, now);
    expect(admitted.admission.stage).toBe('admitted_by_meeting');
    expect(admitted.audit).toMatchObject({
      action: 'meeting_admit',
      who: 'chair-1',
      from: 'awaiting_meeting_vote',
      to: 'admitted_by_meeting',
    });
    expect(admitted.followUp).toEqual({ action: 'admit' });
    const motion = {
      id: 'em1',
      kind: 'emergency_motion' as const,
      status: 'submitted' as const,
      emergencyStage: admitted.admission.stage,
    };
    expect(transitionMotion(motion, 'admit', chair, undefined, now).status).toBe('admitted');
  });

  it('is refused when the meeting votes against admitting it, and the chair records it ruled out', () => {
    const accepted = socDecideEmergencyMotion(fresh(), { accept: true }, soc, now);
    const refused = recordEmergencyAdmissionVote(accepted.admission, false, chair, now);
    expect(refused.admission.stage).toBe('refused_by_meeting');
    expect(refused.followUp).toEqual({
      action: 'rule_out_of_order',
      reason: 'The meeting voted not to admit it (SO 7)',
    });
    const motion = {
      id: 'em1',
      kind: 'emergency_motion' as const,
      status: 'submitted' as const,
      emergencyStage: refused.admission.stage,
    };
    expect(
      transitionMotion(motion, 'rule_out_of_order', chair, 'The meeting voted not to admit it (SO 7)', now)
        .status,
    ).toBe('ruled_out_of_order');
    expect(refusal(() => transitionMotion(motion, 'admit', chair, undefined, now))).toBeInstanceOf(
      StandingOrderViolation,
    );
  });

  it('needs a reason when the SOC rejects it', () => {
    expect(refusal(() => socDecideEmergencyMotion(fresh(), { accept: false }, soc, now))).toBeInstanceOf(
      InvalidInput,
    );
    const rejected = socDecideEmergencyMotion(
      fresh(),
      { accept: false, reason: 'It arose in March, before the deadline.' },
      soc,
      now,
    );
    expect(rejected.admission).toMatchObject({
      stage: 'rejected_by_soc',
      socReason: 'It arose in March, before the deadline.',
    });
    expect(rejected.followUp).toEqual({
      action: 'rule_out_of_order',
      reason: 'Not accepted as an emergency motion: It arose in March, before the deadline.',
    });
  });

  it('does not go to the meeting before the SOC accepts it, nor twice', () => {
    expect(refusal(() => recordEmergencyAdmissionVote(fresh(), true, chair, now))).toBeInstanceOf(
      StandingOrderViolation,
    );
    const admitted = recordEmergencyAdmissionVote(
      socDecideEmergencyMotion(fresh(), { accept: true }, soc, now).admission,
      true,
      chair,
      now,
    );
    expect(refusal(() => recordEmergencyAdmissionVote(admitted.admission, false, chair, now))).toBeInstanceOf(
      StandingOrderViolation,
    );
  });

  it('is decided by the SOC only, and the vote recorded by the chair only', () => {
    expect(refusal(() => socDecideEmergencyMotion(fresh(), { accept: true }, chair, now))).toBeInstanceOf(
      StandingOrderViolation,
    );
    const accepted = socDecideEmergencyMotion(fresh(), { accept: true }, soc, now);
    expect(refusal(() => recordEmergencyAdmissionVote(accepted.admission, true, soc, now))).toBeInstanceOf(
      StandingOrderViolation,
    );
  });
});
