import { MotionStatus } from '../enums';
import { Forbidden, InvalidInput, StandingOrderViolation } from '../errors';
import { availableMotionActions, MotionForTransition, transitionMotion } from './motion-lifecycle.rules';
import { MotionActor } from './motion.types';

const now = new Date('2025-08-20T10:00:00Z');
const officer: MotionActor = { id: 'sec-london', role: 'officer' };
const soc: MotionActor = { id: 'soc-chair', role: 'soc' };
const chair: MotionActor = { id: 'chair-1', role: 'chair' };
const motion = (status: MotionStatus, kind: MotionForTransition['kind'] = 'motion'): MotionForTransition => ({
  id: 'm1',
  kind,
  status,
});

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('a motion from draft to outcome', () => {
  it('goes draft → submitted → admitted → placed → debated → carried, auditing each step', () => {
    let current = motion('draft');
    const steps: [Parameters<typeof transitionMotion>[1], MotionActor, MotionStatus][] = [
      ['submit', officer, 'submitted'],
      ['admit', soc, 'admitted'],
      ['place', soc, 'placed'],
      ['open_debate', chair, 'debated'],
      ['carry', chair, 'carried'],
    ];
    for (const [action, actor, expected] of steps) {
      const result = transitionMotion(current, action, actor, undefined, now);
      expect(result.status).toBe(expected);
      expect(result.audit).toEqual({
        motionId: 'm1',
        action,
        who: actor.id,
        role: actor.role,
        when: now,
        why: null,
        from: current.status,
        to: expected,
      });
      current = { ...current, status: result.status };
    }
  });

  it('records every outcome the chair can declare after debate', () => {
    const outcomes = {
      carry: 'carried',
      carry_as_amended: 'carried_as_amended',
      lose: 'lost',
      refer_back: 'referred_back',
      withdraw: 'withdrawn',
    } as const;
    for (const [action, status] of Object.entries(outcomes)) {
      expect(
        transitionMotion(motion('debated'), action as keyof typeof outcomes, chair, undefined, now).status,
      ).toBe(status);
    }
    expect(transitionMotion(motion('debated'), 'remit', chair, 'to the NEC', now).status).toBe('remitted');
    expect(
      transitionMotion(motion('debated'), 'fall', chair, 'an earlier motion was carried', now).status,
    ).toBe('fell');
  });

  it('marks a placed motion not reached when time runs out', () => {
    expect(transitionMotion(motion('placed'), 'mark_not_reached', chair, undefined, now).status).toBe(
      'not_reached',
    );
  });

  it('lets a motion returned for editing be edited and submitted again', () => {
    const edited = transitionMotion(motion('returned_for_editing'), 'edit', officer, 'cut to 200 words', now);
    expect(edited.status).toBe('returned_for_editing');
    expect(edited.audit.why).toBe('cut to 200 words');
    expect(transitionMotion(motion('returned_for_editing'), 'submit', officer, undefined, now).status).toBe(
      'submitted',
    );
  });

  it('records into which composite a motion was merged', () => {
    const result = transitionMotion(
      motion('admitted'),
      { name: 'composite', into: 'c-7' },
      soc,
      undefined,
      now,
    );
    expect(result).toMatchObject({
      status: 'composited',
      compositeId: 'c-7',
      audit: { action: 'composite', to: 'composited' },
    });
  });
});

describe('refusals', () => {
  it('refuses to edit a submitted motion and says how to get it back', () => {
    const error = refusal(() => transitionMotion(motion('submitted'), 'edit', officer, undefined, now));
    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect(error.message).toContain('cannot be edited');
    expect(error.message).toContain('return it for editing');
  });

  it('refuses to rule a motion out of order without a reason', () => {
    for (const reason of [undefined, '', '   ']) {
      const error = refusal(() =>
        transitionMotion(motion('submitted'), 'rule_out_of_order', soc, reason, now),
      );
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).errors).toHaveProperty('reason');
    }
    const ruled = transitionMotion(
      motion('submitted'),
      'rule_out_of_order',
      soc,
      ' not within the objects of the union ',
      now,
    );
    expect(ruled.audit.why).toBe('not within the objects of the union');
  });

  it('requires a reason to return a motion for editing, to remit it and to declare it fallen', () => {
    expect(
      refusal(() => transitionMotion(motion('submitted'), 'return_for_editing', soc, undefined, now)),
    ).toBeInstanceOf(InvalidInput);
    expect(refusal(() => transitionMotion(motion('debated'), 'remit', chair, undefined, now))).toBeInstanceOf(
      InvalidInput,
    );
    expect(refusal(() => transitionMotion(motion('placed'), 'fall', chair, undefined, now))).toBeInstanceOf(
      InvalidInput,
    );
  });

  it.each([
    ['draft', 'admit'],
    ['submitted', 'place'],
    ['admitted', 'carry'],
    ['placed', 'carry'],
    ['carried', 'withdraw'],
    ['lost', 'open_debate'],
    ['composited', 'admit'],
    ['withdrawn', 'submit'],
    ['ruled_out_of_order', 'place'],
    ['not_reached', 'open_debate'],
  ] as const)('refuses to take a %s motion to %s', (status, action) => {
    expect(
      refusal(() =>
        transitionMotion(
          motion(status),
          action,
          action === 'admit' || action === 'place' ? soc : chair,
          'r',
          now,
        ),
      ),
    ).toBeInstanceOf(StandingOrderViolation);
  });

  it('refuses a composite without saying into which composite', () => {
    expect(
      refusal(() =>
        transitionMotion(motion('admitted'), { name: 'composite', into: ' ' }, soc, undefined, now),
      ),
    ).toBeInstanceOf(InvalidInput);
  });

  it('lets only the SOC rule on a motion and only the chair declare an outcome', () => {
    expect(
      refusal(() => transitionMotion(motion('submitted'), 'admit', officer, undefined, now)),
    ).toBeInstanceOf(Forbidden);
    expect(
      refusal(() => transitionMotion(motion('submitted'), 'admit', chair, undefined, now)),
    ).toBeInstanceOf(Forbidden);
    expect(refusal(() => transitionMotion(motion('debated'), 'carry', soc, undefined, now))).toBeInstanceOf(
      Forbidden,
    );
  });

  it('lets the body withdraw its motion before debate, but in debate only the chair records a withdrawal', () => {
    expect(transitionMotion(motion('placed'), 'withdraw', officer, undefined, now).status).toBe('withdrawn');
    expect(
      refusal(() => transitionMotion(motion('debated'), 'withdraw', officer, undefined, now)),
    ).toBeInstanceOf(Forbidden);
  });

  it("refuses one body withdrawing a composite it shares with others: the SOC rules, or the chair in debate", () => {
    const error = refusal(() => transitionMotion(motion('admitted', 'composite'), 'withdraw', officer, undefined, now));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.message).toMatch(/one body cannot withdraw it\. Ask the SOC/);
    expect(transitionMotion(motion('admitted', 'composite'), 'rule_out_of_order', soc, 'Both branches asked', now).status).toBe('ruled_out_of_order');
    expect(transitionMotion(motion('debated', 'composite'), 'withdraw', chair, undefined, now).status).toBe('withdrawn');
  });
});

describe('emergency motions in the lifecycle (SO 7)', () => {
  it('are not admitted by the SOC alone: the meeting must vote to admit them', () => {
    const em = {
      ...motion('submitted', 'emergency_motion'),
      emergencyStage: 'awaiting_meeting_vote' as const,
    };
    const error = refusal(() => transitionMotion(em, 'admit', soc, undefined, now));
    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect((error as StandingOrderViolation).rule).toBe('SO 7');
  });

  it('are admitted, recorded by the chair, once the meeting has voted to admit them', () => {
    const em = { ...motion('submitted', 'emergency_motion'), emergencyStage: 'admitted_by_meeting' as const };
    expect(transitionMotion(em, 'admit', chair, undefined, now).status).toBe('admitted');
  });

  it('cannot be ruled out by the SOC once it has sent them to the meeting', () => {
    const em = {
      ...motion('submitted', 'emergency_motion'),
      emergencyStage: 'awaiting_meeting_vote' as const,
    };
    expect(
      refusal(() => transitionMotion(em, 'rule_out_of_order', soc, 'changed our mind', now)),
    ).toBeInstanceOf(StandingOrderViolation);
  });
});

describe('available actions', () => {
  it('offers the SOC its rulings on a submitted motion and nothing to an officer but withdrawal', () => {
    expect(availableMotionActions(motion('submitted'), soc)).toEqual([
      'admit',
      'rule_out_of_order',
      'return_for_editing',
      'composite',
    ]);
    expect(availableMotionActions(motion('submitted'), officer)).toEqual(['withdraw']);
  });
});
