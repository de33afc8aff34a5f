import { formatInConferenceTime } from '../conferences/conference.rules';
import { BodyKind, MotionKind, MotionStatus } from '../enums';
import { DeadlinePassed, Forbidden, InvalidInput, StandingOrderViolation } from '../errors';
import { Ruleset } from '../ruleset/ruleset';
import { MotionsRulesetExtension, napoMotionsRulesetExtension } from './motions-ruleset';

/** A branch, network, committee or forum that submits motions, or two members submitting jointly. */
export interface SubmittingBody {
  id: string;
  kind: BodyKind;
  /** A short code naming a particular body, e.g. 'NEC'; null when it has none. */
  code: string | null;
  /** For messages, e.g. 'London Branch'. */
  name?: string;
}

/** The conference's deadlines as instants; messages show them in the conference's time zone. */
export interface SubmissionDeadlines {
  /** Motions and constitutional amendments. */
  motions: Date;
  amendments: Date;
  /** null: emergency motions are taken until the conference decides otherwise. */
  emergency: Date | null;
}

/** What the body has already submitted to this conference (withdrawn ones excluded by the caller). */
export interface BodySubmissionCounts {
  motions: number;
  constitutionalAmendments: number;
}

export interface JointSubmitter {
  memberId: string;
  category: string;
  /** The member's name, for refusals (a person reads them; an id says nothing to them). */
  name?: string;
}

/** A category code in words: `professional_associate` reads "professional associate". */
const categoryInWords = (category: string) => category.replace(/_/g, ' ');
/** "a full member", "an associate member". */
const aMemberOf = (category: string) => `${/^[aeiou]/i.test(category) ? 'an' : 'a'} ${categoryInWords(category)} member`;

export interface SubmissionContext {
  body: SubmittingBody;
  kind: MotionKind;
  now: Date;
  deadlines: SubmissionDeadlines;
  timeZone: string;
  conference: { acceptsConstitutionalAmendments: boolean };
  existingCountsForBody: BodySubmissionCounts;
  ruleset: Ruleset;
  /** Required when the body is two members submitting jointly. */
  jointMembers?: JointSubmitter[];
  /**
   * A motion the SOC returned for editing, submitted again. Its deadline was met when it was first
   * submitted (this check ran then): the SOC returns motions after the deadline as a matter of course
   * (an over-length motion is edited with the proposer), and the body must be able to send it back.
   */
  resubmittingReturned?: boolean;
  motionsRules?: MotionsRulesetExtension;
}

/**
 * Refuses a submission the rules do not allow, with a message saying which rule and what to do:
 * composites come only from the SOC; constitutional amendments only from the bodies the ruleset names and
 * only in a constitutional year; nothing after its deadline (an emergency motion is the late route),
 * except a returned motion sent back; no more than the per-body limits.
 */
export function assertMaySubmit(ctx: SubmissionContext): void {
  if (ctx.kind === 'composite') {
    throw new Forbidden(
      'Composite motions are made by the Standing Orders Committee from submitted motions; submit a motion instead.',
    );
  }
  if (ctx.body.kind === 'joint_members') assertValidJointSubmission(ctx.jointMembers ?? [], ctx.ruleset);
  if (ctx.kind === 'constitutional_amendment') assertMaySubmitConstitutionalAmendment(ctx);
  if (!ctx.resubmittingReturned) assertBeforeDeadline(ctx);
  assertWithinBodyLimits(ctx);
}

/** [Napo] Any two full or professional associate members may submit jointly: two distinct members, both of those categories. */
export function assertValidJointSubmission(
  members: JointSubmitter[],
  ruleset: Pick<Ruleset, 'submission'>,
): void {
  const distinct = new Set(members.map((m) => m.memberId));
  if (members.length !== 2 || distinct.size !== 2) {
    throw new InvalidInput('A joint submission needs exactly two different members.', {
      jointMembers: `name two different members (got ${members.length}, ${distinct.size} different)`,
    });
  }
  const allowed = ruleset.submission.jointSubmissionCategories;
  const outside = members.filter((m) => !allowed.includes(m.category));
  if (outside.length > 0) {
    throw new Forbidden(
      `Only members of these categories may submit jointly: ${allowed.map(categoryInWords).join(', ')}. ` +
        `${outside.map((m) => `${m.name ?? 'One of the two members'} is ${aMemberOf(m.category)}`).join('; ')}.`,
    );
  }
}

/**
 * The other member of a joint motion, as the member naming them (drafting it, or changing the partner of
 * their draft) gives them: the same rule as the pair's ([Napo] both full or professional associate),
 * but a partner who does not qualify is a wrong answer at `field` (400), as finding them by number says;
 * only the asker's own category is a refusal of the person (403).
 */
export function assertJointPartner(
  self: JointSubmitter | null,
  partner: JointSubmitter | null,
  ruleset: Pick<Ruleset, 'submission'>,
  field = 'jointWithMemberId',
): void {
  const allowed = ruleset.submission.jointSubmissionCategories;
  const categories = allowed.map(categoryInWords).join(' or ');
  if (allowed.length === 0) throw new Forbidden('This conference takes no joint motions: submit for a body you are an officer of.');
  if (!self) throw new Forbidden('A joint submission is made by a member: sign in with an account linked to your membership.');
  if (!allowed.includes(self.category)) {
    throw new Forbidden(`Only members of these categories may submit jointly: ${allowed.map(categoryInWords).join(', ')}; you are ${aMemberOf(self.category)}.`);
  }
  if (!partner) throw new InvalidInput('The other member is not in the register: pick them by membership number and surname.', { [field]: 'no such member' });
  if (partner.memberId === self.memberId) {
    throw new InvalidInput('That is you: a joint submission names the other member.', { [field]: "your own membership: name the other member" });
  }
  if (!allowed.includes(partner.category)) {
    throw new InvalidInput(`The other member cannot submit jointly: only ${categories} members may.`, {
      [field]: `not a ${categories} member (they are ${aMemberOf(partner.category)})`,
    });
  }
}

/** Who moves and who seconds a motion or amendment; either may be named later, before it is debated. */
export interface Movers {
  proposerMemberId: string | null;
  seconderMemberId: string | null;
}

export interface MoversCheck {
  /** The body it is submitted for; a joint motion's is `joint_members`. */
  body: SubmittingBody;
  /** The proposer and seconder as they will stand: the request's, else the stored ones. */
  movers: Movers;
  /** The fields this request names (creating: those given; editing: those it changes). */
  named: ReadonlyArray<keyof Movers>;
  /** Of the members named, those who belong to the body: a branch's members and the body's officers. */
  belonging: ReadonlySet<string>;
}

/**
 * A body's motion or amendment is moved and seconded by the body's own people, the ones an officer picks
 * from (`GET /membership/bodies/:id/members`: a branch's members and any body's officers), and by two
 * different people. Each member named is checked against the body; the pair as it will stand must be two
 * people, so an edit naming only the seconder cannot make them the stored proposer too. A joint motion's
 * proposer and seconder are its two members, so it names neither: its other member is `jointWithMemberId`.
 * Creating and editing decide by this one rule; 400 at each field that is wrong.
 */
export function assertProposerAndSeconder(check: MoversCheck): void {
  const problems: Record<string, string> = {};
  if (check.body.kind === 'joint_members') {
    for (const field of check.named) problems[field] = 'omit it for a joint motion: its two members propose and second it (name the other member with jointWithMemberId)';
    if (check.named.length > 0) throw new InvalidInput('A joint motion is proposed and seconded by its two members; it names no other proposer or seconder.', problems);
    return;
  }
  for (const field of check.named) {
    const memberId = check.movers[field];
    if (memberId !== null && !check.belonging.has(memberId)) problems[field] = `not a member or officer of ${bodyName(check.body)}: pick one of its members`;
  }
  if (Object.keys(problems).length > 0) {
    throw new InvalidInput(`The proposer and seconder are ${bodyName(check.body)}'s own members or officers; pick them from its members.`, problems);
  }
  const { proposerMemberId, seconderMemberId } = check.movers;
  // A pair stored before this rule is left alone by an edit that names neither.
  if (check.named.length > 0 && proposerMemberId !== null && proposerMemberId === seconderMemberId) {
    // Named at the field this request changed: the seconder, unless it named only the proposer.
    const field = check.named.includes('seconderMemberId') ? 'seconderMemberId' : 'proposerMemberId';
    throw new InvalidInput('The proposer and the seconder must be two different members.', { [field]: 'the same member as the ' + (field === 'seconderMemberId' ? 'proposer' : 'seconder') + ': name someone else' });
  }
}

/** The kinds a body writes itself; composites are the SOC's and amendments have their own route. */
const DRAFTED_KINDS: readonly MotionKind[] = ['motion', 'constitutional_amendment', 'emergency_motion'];

export interface KindChange extends Omit<KindContext, 'kind'> {
  motion: { kind: MotionKind; status: MotionStatus };
  to: MotionKind;
}

/**
 * A draft may become another kind the body writes, where that kind could be submitted now: a
 * constitutional amendment only from the bodies the ruleset names and in a constitutional year; nothing
 * past its deadline; an emergency motion only once motions have closed (SO 7; its three answers are
 * the caller's to require). A motion the SOC returned keeps the kind it was reviewed as, so editing it
 * cannot turn a motion that missed the deadline into an emergency one. Refusals name the `kind` field.
 */
export function assertMayChangeKind(change: KindChange): void {
  const { motion, to } = change;
  if (to === motion.kind) return;
  if (!DRAFTED_KINDS.includes(motion.kind) || !DRAFTED_KINDS.includes(to)) {
    throw new InvalidInput(`A ${motion.kind.replace(/_/g, ' ')} cannot become a ${to.replace(/_/g, ' ')}.`, {
      kind: `one of ${DRAFTED_KINDS.join(', ')}, for a motion drafted as one of them`,
    });
  }
  if (motion.status !== 'draft') {
    const message =
      `Only a draft changes its kind; this one was submitted as a ${motion.kind.replace(/_/g, ' ')} and the SOC reviews it as that. ` +
      'Keep its kind, or withdraw it and draft a new one.';
    throw new StandingOrderViolation('motion-lifecycle', message, { kind: `keep it a ${motion.kind.replace(/_/g, ' ')}` });
  }
  const ctx: KindContext = { ...change, kind: to };
  if (to === 'constitutional_amendment') assertMaySubmitConstitutionalAmendment(ctx, 'kind');
  assertBeforeDeadline(ctx, 'kind');
}

/** Each body has officers who may submit for it; nobody else may. */
export function assertActsForBody(
  memberId: string,
  body: SubmittingBody,
  officerMemberIds: readonly string[],
): void {
  if (!officerMemberIds.includes(memberId)) {
    throw new Forbidden(`Only an officer of ${bodyName(body)} may submit or withdraw its motions.`);
  }
}

/** What deciding the kind's own rules needs: who submits, when, and the conference's standing orders. */
type KindContext = Pick<SubmissionContext, 'body' | 'kind' | 'now' | 'deadlines' | 'timeZone' | 'conference' | 'ruleset' | 'motionsRules'>;

/** Names the field a refusal is about, when the caller has one (the edit form's kind). */
const atField = (field: string | undefined, message: string) => (field ? { [field]: message } : undefined);

function assertMaySubmitConstitutionalAmendment(ctx: KindContext, field?: string): void {
  const { constitutionalAmendmentBodyKinds: kinds, constitutionalAmendmentBodyCodes: codes } =
    ctx.ruleset.submission;
  const allowed = kinds.includes(ctx.body.kind) || (ctx.body.code !== null && codes.includes(ctx.body.code));
  if (!allowed) {
    const who = [...codes, ...kinds.map(pluralKind)].join(' and ');
    const message = `Constitutional amendments may come only from ${who}; ${bodyName(ctx.body)} may submit a motion instead.`;
    throw new Forbidden(message, atField(field, message));
  }
  if (!ctx.conference.acceptsConstitutionalAmendments) {
    const message = 'This AGM does not take constitutional amendments; hold the amendment for the next constitutional year.';
    throw new StandingOrderViolation('constitutional-year', message, atField(field, message));
  }
}

const DEADLINE_NAMES: Record<Exclude<MotionKind, 'composite'>, string> = {
  motion: 'Motions',
  constitutional_amendment: 'Constitutional amendments',
  amendment: 'Amendments',
  emergency_motion: 'Emergency motions',
};

function assertBeforeDeadline(ctx: KindContext, field?: string): void {
  const kind = ctx.kind as Exclude<MotionKind, 'composite'>;
  const rules = ctx.motionsRules ?? napoMotionsRulesetExtension();
  if (
    kind === 'emergency_motion' &&
    rules.emergencyOnlyAfterMotionsDeadline &&
    ctx.now <= ctx.deadlines.motions
  ) {
    const message =
      `Motions are open until ${formatInConferenceTime(ctx.deadlines.motions, ctx.timeZone)}; ` +
      'submit this as an ordinary motion. Emergency motions are for issues that arise after that deadline.';
    throw new StandingOrderViolation('SO 7', message, atField(field, message));
  }
  const deadline = deadlineFor(kind, ctx.deadlines);
  // Submitted at the deadline instant itself is on time: "by 12:00" includes 12:00.
  if (deadline === null || ctx.now.getTime() <= deadline.getTime()) return;
  const closed = `${DEADLINE_NAMES[kind]} closed at ${formatInConferenceTime(deadline, ctx.timeZone)}.`;
  const route =
    kind === 'motion'
      ? ' If the issue arose after the deadline, submit it as an emergency motion (SO 7): say how it arose after the deadline, ' +
        'why it cannot be dealt with any other way, and why it is grave enough to rearrange business.'
      : '';
  throw new DeadlinePassed(closed + route, atField(field, closed));
}

function deadlineFor(kind: Exclude<MotionKind, 'composite'>, deadlines: SubmissionDeadlines): Date | null {
  if (kind === 'amendment') return deadlines.amendments;
  if (kind === 'emergency_motion') return deadlines.emergency;
  return deadlines.motions;
}

function assertWithinBodyLimits(ctx: SubmissionContext): void {
  const { maxMotionsPerBody, maxConstitutionalAmendmentsPerBody } = ctx.ruleset.submission;
  // Emergency motions and amendments are not counted against the limits: the ruleset limits motions and rule changes.
  if (
    ctx.kind === 'motion' &&
    maxMotionsPerBody !== null &&
    ctx.existingCountsForBody.motions >= maxMotionsPerBody
  ) {
    throw new StandingOrderViolation(
      'per-body-limit',
      `${bodyName(ctx.body)} has already submitted ${ctx.existingCountsForBody.motions} motions, the most one body may submit ` +
        `(${maxMotionsPerBody}); withdraw one to submit another.`,
    );
  }
  const cas = ctx.existingCountsForBody.constitutionalAmendments;
  if (
    ctx.kind === 'constitutional_amendment' &&
    maxConstitutionalAmendmentsPerBody !== null &&
    cas >= maxConstitutionalAmendmentsPerBody
  ) {
    throw new StandingOrderViolation(
      'per-body-limit',
      `${bodyName(ctx.body)} has already submitted ${cas} constitutional amendments, the most one body may submit ` +
        `(${maxConstitutionalAmendmentsPerBody}); withdraw one to submit another.`,
    );
  }
}

function pluralKind(kind: string): string {
  const words = kind.replace(/_/g, ' ');
  return /(ch|sh|s|x)$/.test(words) ? `${words}es` : `${words}s`;
}

function bodyName(body: SubmittingBody): string {
  return body.name ?? body.code ?? `this ${body.kind.replace('_', ' ')}`;
}

export interface WordCount {
  words: number;
  limit: number;
  /** [Napo] Over the limit the motion is flagged for the SOC to edit with the proposer, not refused. */
  overLimit: boolean;
}

/**
 * Counts the words of a motion's text (the title is not part of it). A word is a run of non-space
 * characters holding at least one letter or digit, so bullets and dashes are not words.
 */
export function countWords(text: string, ruleset: Pick<Ruleset, 'submission'>): WordCount {
  const words = text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
  const limit = ruleset.submission.wordLimit;
  return { words, limit, overLimit: words > limit };
}
