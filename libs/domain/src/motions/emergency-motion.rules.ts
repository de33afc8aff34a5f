import { InvalidInput, StandingOrderViolation } from '../errors';
import { MotionActor } from './motion.types';

/**
 * [Napo SO 7] An emergency motion is one whose issue arose after the deadline, cannot be dealt with any
 * other way, and is grave enough to rearrange business. The submitter answers the three tests; the SOC
 * accepts or rejects it; an accepted one is admitted only if the meeting votes to admit it.
 */
export interface EmergencyTestAnswers {
  aroseAfterDeadline: string;
  cannotBeDealtWithOtherwise: string;
  graveEnoughToRearrangeBusiness: string;
}

const EMERGENCY_TESTS: Record<keyof EmergencyTestAnswers, string> = {
  aroseAfterDeadline: 'say how the issue arose after the motions deadline',
  cannotBeDealtWithOtherwise: 'say why it cannot be dealt with any other way',
  graveEnoughToRearrangeBusiness: 'say why it is grave enough to rearrange the business of the AGM',
};

export const EMERGENCY_STAGES = [
  'awaiting_soc',
  'rejected_by_soc',
  'awaiting_meeting_vote',
  'admitted_by_meeting',
  'refused_by_meeting',
] as const;
export type EmergencyStage = (typeof EMERGENCY_STAGES)[number];

export interface EmergencyAdmission {
  motionId: string;
  stage: EmergencyStage;
  answers: EmergencyTestAnswers;
  /** The SOC's reason for its decision (required for a rejection). */
  socReason: string | null;
}

export interface EmergencyAuditEntry {
  motionId: string;
  action: 'soc_accept' | 'soc_reject' | 'meeting_admit' | 'meeting_refuse';
  who: string;
  when: Date;
  why: string | null;
  from: EmergencyStage;
  to: EmergencyStage;
}

/**
 * What the motion's own status should do next, for the use case to apply with `transitionMotion`:
 * admitted by the meeting → 'admit'; rejected by the SOC or refused by the meeting → 'rule_out_of_order'.
 */
export type EmergencyFollowUp = { action: 'admit' } | { action: 'rule_out_of_order'; reason: string } | null;

export interface EmergencyDecision {
  admission: EmergencyAdmission;
  audit: EmergencyAuditEntry;
  followUp: EmergencyFollowUp;
}

/** Refuses an emergency motion unless all three SO 7 tests are answered; returns the trimmed answers. */
export function assertEmergencyTestsAnswered(
  answers: Partial<Record<keyof EmergencyTestAnswers, string | null>>,
): EmergencyTestAnswers {
  const errors: Record<string, string> = {};
  const trimmed = {} as EmergencyTestAnswers;
  for (const key of Object.keys(EMERGENCY_TESTS) as (keyof EmergencyTestAnswers)[]) {
    const answer = (answers[key] ?? '').trim();
    if (!answer) errors[key] = EMERGENCY_TESTS[key];
    trimmed[key] = answer;
  }
  if (Object.keys(errors).length > 0) {
    throw new InvalidInput(
      `An emergency motion must answer all three tests of SO 7; ${Object.keys(errors).length} unanswered.`,
      errors,
    );
  }
  return trimmed;
}

/** A newly submitted emergency motion waits for the SOC. */
export function startEmergencyAdmission(
  motionId: string,
  answers: Partial<EmergencyTestAnswers>,
): EmergencyAdmission {
  return { motionId, stage: 'awaiting_soc', answers: assertEmergencyTestsAnswered(answers), socReason: null };
}

/** The SOC accepts the emergency motion (it goes to the meeting to be admitted) or rejects it, with a reason. */
export function socDecideEmergencyMotion(
  admission: EmergencyAdmission,
  decision: { accept: boolean; reason?: string },
  actor: MotionActor,
  now: Date,
): EmergencyDecision {
  assertStage(admission, 'awaiting_soc', 'The SOC has already decided on this emergency motion.');
  if (actor.role !== 'soc')
    throw new StandingOrderViolation('SO 7', 'Only the SOC accepts or rejects an emergency motion.');
  const why = decision.reason?.trim() || null;
  if (!decision.accept && !why) {
    throw new InvalidInput('The SOC must give a reason for rejecting an emergency motion.', {
      reason: 'say why it is rejected',
    });
  }
  const to: EmergencyStage = decision.accept ? 'awaiting_meeting_vote' : 'rejected_by_soc';
  return {
    admission: { ...admission, stage: to, socReason: why },
    audit: entry(admission, decision.accept ? 'soc_accept' : 'soc_reject', actor, now, why, to),
    followUp: decision.accept
      ? null
      : { action: 'rule_out_of_order', reason: `Not accepted as an emergency motion: ${why}` },
  };
}

/** The chair records the meeting's vote on admitting an emergency motion the SOC accepted. */
export function recordEmergencyAdmissionVote(
  admission: EmergencyAdmission,
  carried: boolean,
  actor: MotionActor,
  now: Date,
): EmergencyDecision {
  assertStage(
    admission,
    'awaiting_meeting_vote',
    'Only an emergency motion the SOC has accepted goes to the meeting to be admitted.',
  );
  if (actor.role !== 'chair')
    throw new StandingOrderViolation(
      'SO 7',
      "The chair records the meeting's vote on admitting an emergency motion.",
    );
  const to: EmergencyStage = carried ? 'admitted_by_meeting' : 'refused_by_meeting';
  const why = carried ? 'The meeting voted to admit it' : 'The meeting voted not to admit it';
  return {
    admission: { ...admission, stage: to },
    audit: entry(admission, carried ? 'meeting_admit' : 'meeting_refuse', actor, now, why, to),
    followUp: carried ? { action: 'admit' } : { action: 'rule_out_of_order', reason: `${why} (SO 7)` },
  };
}

function assertStage(admission: EmergencyAdmission, expected: EmergencyStage, message: string): void {
  if (admission.stage !== expected) throw new StandingOrderViolation('SO 7', message);
}

function entry(
  admission: EmergencyAdmission,
  action: EmergencyAuditEntry['action'],
  actor: MotionActor,
  when: Date,
  why: string | null,
  to: EmergencyStage,
): EmergencyAuditEntry {
  return { motionId: admission.motionId, action, who: actor.id, when, why, from: admission.stage, to };
}
