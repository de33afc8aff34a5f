import { EntityManager } from 'typeorm';
import { assertProposerAndSeconder, InvalidInput, MotionAction, MotionActor, Movers, NotFound, Ruleset, SubmissionContext, SubmittingBody, transitionMotion } from '@agm/domain';
import { loadRuleset } from '@agm/persistence';
import { ConferenceMotionSettings, MotionChanges, MotionRepository, MotionRow } from '@agm/persistence/motions';

/**
 * Moves a stored motion one step with the domain's lifecycle rule, writes the new status and reason,
 * and stores the audit entry, all in the caller's transaction. Returns the motion as it now stands.
 */
export async function stepMotion(
  manager: EntityManager,
  motions: MotionRepository,
  motion: MotionRow,
  action: MotionAction,
  actor: MotionActor,
  reason: string | undefined,
  now: Date,
  changes: MotionChanges = {},
): Promise<MotionRow> {
  const result = transitionMotion(
    { id: motion.id, kind: motion.kind, status: motion.status, emergencyStage: motion.emergencyStage ?? undefined },
    action,
    actor,
    reason,
    now,
  );
  const { audit } = result;
  await motions.update(manager, motion.id, { status: result.status, ...(audit.why !== null ? { statusReason: audit.why } : {}), ...changes }, now);
  await motions.audit(manager, { motionId: motion.id, action: audit.action, who: audit.who, role: audit.role, at: audit.when, why: audit.why, fromStatus: audit.from, toStatus: audit.to });
  return (await motions.find(manager, motion.conferenceId, motion.id)) as MotionRow;
}

export async function rulesetOf(manager: EntityManager, conferenceId: string): Promise<Ruleset> {
  const ruleset = await loadRuleset(manager, conferenceId);
  if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
  return ruleset;
}

/** A section must belong to the motion's conference. */
export async function assertSectionOf(manager: EntityManager, motions: MotionRepository, conferenceId: string, sectionId: string | undefined | null): Promise<void> {
  if (!sectionId) return;
  const sections = await motions.sections(manager, conferenceId);
  if (!sections.some((s) => s.id === sectionId)) {
    throw new InvalidInput('That section is not one of this conference’s sections.', { sectionId: 'pick a section of this conference' });
  }
}

/**
 * The proposer and seconder as they will stand (`movers`), for the body the motion or amendment is
 * submitted for, by the one rule drafting, editing and amending share (`assertProposerAndSeconder`):
 * only the fields the request gives (`given`) are checked against the body.
 */
export async function assertMoversOf(manager: EntityManager, motions: MotionRepository, body: SubmittingBody, given: Partial<Movers>, stored: Movers = { proposerMemberId: null, seconderMemberId: null }): Promise<void> {
  const named = (['proposerMemberId', 'seconderMemberId'] as const).filter((field) => given[field] !== undefined);
  const movers: Movers = { proposerMemberId: given.proposerMemberId ?? stored.proposerMemberId, seconderMemberId: given.seconderMemberId ?? stored.seconderMemberId };
  const ids = named.map((field) => movers[field]).filter((id): id is string => id !== null);
  const belonging = body.kind === 'joint_members' ? new Set<string>() : await motions.membersOfBody(manager, body.id, ids);
  assertProposerAndSeconder({ body, movers, named, belonging });
}

/** Topics must be ones the conference's ruleset knows, so eligibility can key on them. */
export function assertKnownTopics(ruleset: Ruleset, topics: string[] | undefined): void {
  const unknown = (topics ?? []).filter((t) => !ruleset.topics.includes(t));
  if (unknown.length > 0) {
    throw new InvalidInput(`Unknown topic(s): ${unknown.join(', ')}.`, { topics: `use the conference's topics: ${ruleset.topics.join(', ')}` });
  }
}

/** Two members submitting jointly, for no body. */
export const JOINT_SUBMISSION: SubmittingBody = { id: 'joint', kind: 'joint_members', code: null, name: 'A joint submission' };

/** The body a motion is submitted for, as the submission rules read it, or the joint pair's. */
export async function submitterOf(manager: EntityManager, motions: MotionRepository, motion: Pick<MotionRow, 'submittingBodyId'>): Promise<SubmittingBody> {
  const body = motion.submittingBodyId ? await motions.findBody(manager, motion.submittingBodyId) : null;
  return body ? { id: body.id, kind: body.kind, code: body.code, name: body.name } : JOINT_SUBMISSION;
}

/** A far-off instant standing for "no deadline set yet". */
const OPEN = new Date('9999-12-31T00:00:00Z');

/**
 * Who a motion is submitted by and when it may be, as the submission rules read them: its body (or the
 * two members jointly), the conference's deadlines (none set means open) and constitutional year.
 * Submitting a motion and changing a draft's kind decide on the same facts.
 */
export async function submissionSettingOf(
  manager: EntityManager,
  motions: MotionRepository,
  conference: ConferenceMotionSettings,
  motion: MotionRow,
): Promise<Pick<SubmissionContext, 'body' | 'deadlines' | 'timeZone' | 'conference'>> {
  return {
    body: await submitterOf(manager, motions, motion),
    deadlines: {
      motions: conference.motionsDeadline ?? OPEN,
      amendments: conference.amendmentsDeadline ?? OPEN,
      emergency: conference.emergencyDeadline,
    },
    timeZone: conference.timeZone,
    conference: { acceptsConstitutionalAmendments: conference.acceptsConstitutionalAmendments },
  };
}
