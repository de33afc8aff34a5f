import { MotionStatus } from '../enums';

/**
 * Who acts on a motion, and in which capacity. The capacity decides what they may do: a body's officer
 * submits and withdraws, the SOC rules and composites, the chair records what the meeting decided.
 */
export const MOTION_ACTOR_ROLES = ['officer', 'soc', 'chair'] as const;
export type MotionActorRole = (typeof MOTION_ACTOR_ROLES)[number];

export interface MotionActor {
  /** The member (or account) acting. */
  id: string;
  role: MotionActorRole;
}

/** One audited step of a motion's life (DOMAIN.md: each step audited: who, when, why). */
export interface MotionAuditEntry {
  motionId: string;
  action: string;
  who: string;
  role: MotionActorRole;
  when: Date;
  why: string | null;
  from: MotionStatus;
  to: MotionStatus;
}
