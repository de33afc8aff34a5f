import { Forbidden, InvalidInput, StandingOrderViolation } from '../errors';
import { MotionKind, MotionStatus } from '../enums';
import { MotionActor, MotionActorRole, MotionAuditEntry } from './motion.types';
import type { EmergencyStage } from './emergency-motion.rules';

/**
 * The life of a motion (DOMAIN.md "Motions"): draft → submitted → SOC: admitted, ruled out of order,
 * returned for editing, composited or withdrawn → placed → debated → an outcome.
 */
export const MOTION_ACTIONS = [
  'edit',
  'submit',
  'admit',
  'rule_out_of_order',
  'return_for_editing',
  'composite',
  'withdraw',
  'place',
  'open_debate',
  'carry',
  'carry_as_amended',
  'lose',
  'remit',
  'refer_back',
  'fall',
  'mark_not_reached',
] as const;
export type MotionActionName = (typeof MOTION_ACTIONS)[number];

/** Compositing needs to say into which composite; every other action is just its name. */
export type MotionAction = Exclude<MotionActionName, 'composite'> | { name: 'composite'; into: string };

interface TransitionRule {
  from: readonly MotionStatus[];
  /** null: the status does not change (an edit is audited but stays a draft). */
  to: MotionStatus | null;
  roles: readonly MotionActorRole[];
  /** What the reason must explain, when one is required. */
  reasonRequired?: string;
}

const BEFORE_DEBATE: readonly MotionStatus[] = [
  'draft',
  'submitted',
  'returned_for_editing',
  'admitted',
  'placed',
];

const TRANSITIONS: Record<MotionActionName, TransitionRule> = {
  edit: { from: ['draft', 'returned_for_editing'], to: null, roles: ['officer'] },
  submit: { from: ['draft', 'returned_for_editing'], to: 'submitted', roles: ['officer'] },
  admit: { from: ['submitted'], to: 'admitted', roles: ['soc'] },
  rule_out_of_order: {
    from: ['submitted', 'admitted'],
    to: 'ruled_out_of_order',
    roles: ['soc'],
    reasonRequired: 'why the motion is out of order',
  },
  return_for_editing: {
    from: ['submitted'],
    to: 'returned_for_editing',
    roles: ['soc'],
    reasonRequired: 'what the submitter must change',
  },
  // A motion placed on the published order of business but not yet taken may still be composited: the
  // composite takes its place (placeComposite in agenda-blocks.rules.ts).
  composite: { from: ['submitted', 'admitted', 'placed'], to: 'composited', roles: ['soc'] },
  // The chair records a withdrawal made in debate, with the meeting's consent; before debate the body withdraws it.
  withdraw: { from: [...BEFORE_DEBATE, 'debated'], to: 'withdrawn', roles: ['officer', 'chair'] },
  place: { from: ['admitted'], to: 'placed', roles: ['soc'] },
  open_debate: { from: ['placed'], to: 'debated', roles: ['chair'] },
  carry: { from: ['debated'], to: 'carried', roles: ['chair'] },
  carry_as_amended: { from: ['debated'], to: 'carried_as_amended', roles: ['chair'] },
  lose: { from: ['debated'], to: 'lost', roles: ['chair'] },
  remit: {
    from: ['debated'],
    to: 'remitted',
    roles: ['chair'],
    reasonRequired: 'to whom the motion is remitted',
  },
  refer_back: { from: ['debated'], to: 'referred_back', roles: ['chair'] },
  // A motion whose mover is absent is not moved; one overtaken by an earlier decision falls too.
  fall: { from: ['placed', 'debated'], to: 'fell', roles: ['chair'], reasonRequired: 'why the motion fell' },
  // Time ran out: not reached (and it goes to the NEC).
  mark_not_reached: { from: ['placed'], to: 'not_reached', roles: ['chair'] },
};

export interface MotionForTransition {
  id: string;
  kind: MotionKind;
  status: MotionStatus;
  /** Emergency motions only: where the SO 7 admission stands. */
  emergencyStage?: EmergencyStage;
}

export interface MotionTransitionResult {
  status: MotionStatus;
  /** Set when the motion was composited. */
  compositeId?: string;
  audit: MotionAuditEntry;
}

const STATUS_WORDS: Record<MotionStatus, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  admitted: 'admitted',
  ruled_out_of_order: 'ruled out of order',
  returned_for_editing: 'returned for editing',
  composited: 'composited',
  withdrawn: 'withdrawn',
  placed: 'placed on the order of business',
  debated: 'in debate',
  carried: 'carried',
  carried_as_amended: 'carried as amended',
  lost: 'lost',
  remitted: 'remitted',
  referred_back: 'referred back',
  fell: 'fallen',
  not_reached: 'not reached',
};

/** Moves a motion one step along its life, or refuses; the result carries the audit entry to store. */
export function transitionMotion(
  motion: MotionForTransition,
  action: MotionAction,
  actor: MotionActor,
  reason: string | undefined,
  now: Date,
): MotionTransitionResult {
  const name: MotionActionName = typeof action === 'string' ? action : action.name;
  const rule = TRANSITIONS[name];
  if (!rule) throw new InvalidInput(`'${String(name)}' is not something that can be done to a motion.`);

  assertLegalFrom(motion, name, rule);
  assertEmergencyAdmission(motion, name);
  assertActorMay(motion, name, rule, actor);
  const why = reason?.trim() || null;
  if (rule.reasonRequired && !why) {
    throw new InvalidInput(`A reason is required: say ${rule.reasonRequired}.`, {
      reason: `say ${rule.reasonRequired}`,
    });
  }
  const compositeId = typeof action === 'object' ? action.into.trim() : undefined;
  if (name === 'composite' && !compositeId) {
    throw new InvalidInput('Say which composite the motion is merged into.', {
      into: 'the composite is required',
    });
  }

  const to = rule.to ?? motion.status;
  const audit: MotionAuditEntry = {
    motionId: motion.id,
    action: name,
    who: actor.id,
    role: actor.role,
    when: now,
    why,
    from: motion.status,
    to,
  };
  return compositeId ? { status: to, compositeId, audit } : { status: to, audit };
}

/** The actions open to this actor on a motion in its current status (for offering buttons, not for deciding). */
export function availableMotionActions(motion: MotionForTransition, actor: MotionActor): MotionActionName[] {
  return MOTION_ACTIONS.filter((name) => {
    try {
      const rule = TRANSITIONS[name];
      assertLegalFrom(motion, name, rule);
      assertEmergencyAdmission(motion, name);
      assertActorMay(motion, name, rule, actor);
      return true;
    } catch {
      return false;
    }
  });
}

function assertLegalFrom(motion: MotionForTransition, name: MotionActionName, rule: TransitionRule): void {
  if (rule.from.includes(motion.status)) return;
  if (name === 'edit') {
    throw new StandingOrderViolation(
      'motion-lifecycle',
      `A motion that is ${STATUS_WORDS[motion.status]} cannot be edited; only a draft or a motion the SOC returned for editing can. ` +
        'Ask the SOC to return it for editing, or withdraw it and submit a new one before the deadline.',
    );
  }
  throw new StandingOrderViolation(
    'motion-lifecycle',
    `A motion that is ${STATUS_WORDS[motion.status]} cannot be ${describeAction(name)}; ` +
      `that needs a motion that is ${rule.from.map((s) => STATUS_WORDS[s]).join(' or ')}.`,
  );
}

function assertActorMay(
  motion: MotionForTransition,
  name: MotionActionName,
  rule: TransitionRule,
  actor: MotionActor,
): void {
  // SO 7: after the meeting's vote on admitting an emergency motion, the chair records the result.
  const meetingDecided =
    motion.kind === 'emergency_motion' &&
    ((name === 'admit' && motion.emergencyStage === 'admitted_by_meeting') ||
      (name === 'rule_out_of_order' && motion.emergencyStage === 'refused_by_meeting'));
  const roles = meetingDecided ? [...rule.roles, 'chair'] : rule.roles;
  const inDebate = motion.status === 'debated';
  // A composite speaks for every body merged into it (DOMAIN.md), so no one of them withdraws it alone.
  if (name === 'withdraw' && motion.kind === 'composite' && actor.role === 'officer') {
    throw new Forbidden(
      'A composite is moved for every body merged into it, so one body cannot withdraw it. Ask the SOC, who made it: ' +
        'before debate it can rule the composite out of order with its reason; in debate the chair takes a withdrawal with the meeting’s consent.',
    );
  }
  const allowed = name === 'withdraw' && inDebate ? ['chair'] : roles;
  if (!allowed.includes(actor.role)) {
    throw new Forbidden(
      `Only the ${allowed.map(roleWords).join(' or ')} may ${describeVerb(name)} a motion that is ${STATUS_WORDS[motion.status]}.`,
    );
  }
}

function assertEmergencyAdmission(motion: MotionForTransition, name: MotionActionName): void {
  if (motion.kind !== 'emergency_motion') return;
  if (name === 'rule_out_of_order' && motion.emergencyStage === 'awaiting_meeting_vote') {
    throw new StandingOrderViolation(
      'SO 7',
      'The SOC has accepted this emergency motion; now only the meeting decides whether to admit it.',
    );
  }
  if (name !== 'admit') return;
  if (motion.emergencyStage !== 'admitted_by_meeting') {
    throw new StandingOrderViolation(
      'SO 7',
      'An emergency motion is admitted only when the SOC has accepted it and the meeting has voted to admit it.',
    );
  }
}

function roleWords(role: string): string {
  return role === 'officer' ? "submitting body's officers" : role === 'soc' ? 'SOC' : role;
}

function describeAction(name: MotionActionName): string {
  const words: Record<MotionActionName, string> = {
    edit: 'edited',
    submit: 'submitted',
    admit: 'admitted',
    rule_out_of_order: 'ruled out of order',
    return_for_editing: 'returned for editing',
    composite: 'composited',
    withdraw: 'withdrawn',
    place: 'placed on the order of business',
    open_debate: 'debated',
    carry: 'declared carried',
    carry_as_amended: 'declared carried as amended',
    lose: 'declared lost',
    remit: 'remitted',
    refer_back: 'referred back',
    fall: 'declared fallen',
    mark_not_reached: 'marked not reached',
  };
  return words[name];
}

function describeVerb(name: MotionActionName): string {
  return name.replace(/_/g, ' ');
}
