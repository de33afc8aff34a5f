import { FieldErrors, InvalidInput } from '../errors';
import {
  BODY_KINDS,
  Majority,
  MAJORITIES,
  ProceduralMotion,
  PROCEDURAL_MOTIONS,
  TIE_RULES,
  TieRule,
} from '../enums';

/**
 * A category or topic code: what the register import makes of 'Professional Associate'
 * (professional_associate), so a category added here can match imported members.
 */
const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const codeProblem = (code: string) =>
  `'${code}' is not a code: use up to 40 lowercase letters, digits and underscores, starting with a letter (e.g. life_member)`;

/**
 * The standing-orders ruleset of one conference. Every number and rule of DOMAIN.md is a field here,
 * never a constant in code; `napoDefaultRuleset()` gives Napo's documented defaults.
 */
export interface CategoryRule {
  mayAttend: boolean;
  maySpeak: boolean;
  mayVote: boolean;
  countsTowardQuorum: boolean;
  /** Vote topics this category may not vote on, e.g. only full members vote on pay and conditions. */
  excludedTopics: string[];
}

export interface Ruleset {
  /** Membership categories in force, keyed by code ('full', 'retired', ...). */
  categories: Record<string, CategoryRule>;
  /** Topic codes a motion may carry. */
  topics: string[];
  submission: {
    /** Words in a motion's text (title excluded) before it is flagged for the SOC to edit. */
    wordLimit: number;
    /** null means no limit. */
    maxMotionsPerBody: number | null;
    maxConstitutionalAmendmentsPerBody: number | null;
    /** Body kinds that may submit constitutional amendments (Napo: branches). */
    constitutionalAmendmentBodyKinds: string[];
    /** Named bodies that may too, by code (Napo: the NEC). */
    constitutionalAmendmentBodyCodes: string[];
    /** Napo: any two full or professional associate members may submit jointly. */
    jointSubmissionCategories: string[];
  };
  speechLimitsSeconds: {
    mover: number;
    seconder: number;
    other: number;
    rightOfReply: number;
    /**
     * A point of order or a request for information (SO 14): short, not a speech. Optional: null or
     * absent (rulesets saved before it existed) gives them the 'other' limit, as before (issue 19).
     */
    point?: number | null;
    /**
     * How long before the end the speaker is warned. Shorter than every speech limit; a point's limit
     * may be shorter still, and then its speaker is warned half way (`warningBeforeSeconds`).
     */
    warningBefore: number;
  };
  majorities: {
    motion: Majority;
    constitutional_amendment: Majority;
    amendment: Majority;
    emergency_admission: Majority;
    custom: Majority;
    procedural: Record<ProceduralMotion, Majority>;
  };
  tieRule: TieRule;
  /** When true a voter may change their ballot before the close; the last one counts. */
  ballotsChangeable: boolean;
  quorum: {
    /** Minimum number of present attendees who count; null for no minimum. */
    minimumCount: number | null;
    /** Minimum share (0..1) of the counting membership; null for none. */
    minimumShareOfMembership: number | null;
    /** Whether remote attendees count toward quorum. */
    remoteCounts: boolean;
    /**
     * Minimum number of bodies (branches) with a counting member present; null for none. Optional:
     * absent from rulesets saved before it existed, which read as null (issue 19).
     */
    minimumBodiesRepresented?: number | null;
    /** Minimum share (0..1) of the counting attendees registered who are present; null for none. Optional likewise. */
    minimumShareOfRegistered?: number | null;
  };
  monitoring: {
    /** Statistics cells under this count are suppressed. */
    suppressionThreshold: number;
  };
  /** Absent from rulesets saved before it existed: `remoteGraceSeconds()` gives the default then. */
  presence?: {
    /**
     * How long a confirmed remote attendee stays present with no connection (a phone dropping, a
     * reload, an instance dying): past it they must confirm again.
     */
    remoteGraceSeconds: number;
  };
}

/** The default grace for a remote attendee's dropped connection: two minutes covers a lift or a train tunnel. */
export const DEFAULT_REMOTE_GRACE_SECONDS = 120;
/** Bounds of the grace: under 5 s a lease could lapse between two renewals (each instance renews every second). */
export const REMOTE_GRACE_BOUNDS = { min: 5, max: 3600 } as const;

export function remoteGraceSeconds(ruleset: Pick<Ruleset, 'presence'>): number {
  return ruleset.presence?.remoteGraceSeconds ?? DEFAULT_REMOTE_GRACE_SECONDS;
}

export function napoDefaultRuleset(): Ruleset {
  const open = { mayAttend: true, maySpeak: true, mayVote: true };
  return {
    categories: {
      // [Napo] only full members vote on pay and conditions of service.
      full: { ...open, countsTowardQuorum: true, excludedTopics: [] },
      // [Napo] professional associate members count toward quorum.
      professional_associate: { ...open, countsTowardQuorum: true, excludedTopics: ['pay_and_conditions'] },
      associate: { ...open, countsTowardQuorum: false, excludedTopics: ['pay_and_conditions'] },
      // [Napo 2019] retired members vote on everything except pay and industrial action.
      retired: {
        ...open,
        countsTowardQuorum: false,
        excludedTopics: ['pay_and_conditions', 'industrial_action'],
      },
      student: { ...open, countsTowardQuorum: false, excludedTopics: ['pay_and_conditions'] },
    },
    topics: ['pay_and_conditions', 'industrial_action', 'constitutional', 'general'],
    submission: {
      wordLimit: 200,
      maxMotionsPerBody: null,
      maxConstitutionalAmendmentsPerBody: null,
      constitutionalAmendmentBodyKinds: ['branch'],
      constitutionalAmendmentBodyCodes: ['NEC'],
      jointSubmissionCategories: ['full', 'professional_associate'],
    },
    speechLimitsSeconds: {
      mover: 300,
      seconder: 180,
      other: 180,
      rightOfReply: 180,
      point: 60,
      warningBefore: 60,
    },
    majorities: {
      motion: 'simple',
      constitutional_amendment: 'two_thirds',
      amendment: 'simple',
      emergency_admission: 'simple',
      custom: 'simple',
      procedural: {
        next_business: 'simple',
        question_be_now_put: 'simple',
        remit: 'simple',
        refer_back: 'simple',
        suspend_standing_orders: 'two_thirds',
        challenge_chair: 'two_thirds',
      },
    },
    tieRule: 'motion_falls',
    ballotsChangeable: false,
    quorum: {
      minimumCount: 150,
      minimumShareOfMembership: null,
      remoteCounts: true,
      minimumBodiesRepresented: null,
      minimumShareOfRegistered: null,
    },
    monitoring: { suppressionThreshold: 5 },
    presence: { remoteGraceSeconds: DEFAULT_REMOTE_GRACE_SECONDS },
  };
}

/** Lists every problem of a ruleset, keyed by the path of the rule ('speechLimitsSeconds.mover'). Empty when valid. */
export function findRulesetProblems(ruleset: Ruleset): FieldErrors {
  const problems: FieldErrors = {};
  const positiveInt = (path: string, value: unknown, min = 1) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
      problems[path] = `must be a whole number of at least ${min}`;
  };
  const nullablePositiveInt = (path: string, value: unknown) => {
    if (value !== null) positiveInt(path, value);
  };

  const categories = Object.entries(ruleset.categories ?? {});
  if (categories.length === 0) problems['categories'] = 'must list at least one membership category';
  for (const [code] of categories) if (!CODE.test(code)) problems[`categories.${code}`] = codeProblem(code);
  const topics = new Set(ruleset.topics ?? []);
  for (const topic of ruleset.topics ?? []) if (!CODE.test(topic)) problems['topics'] = codeProblem(topic);
  if (topics.size < (ruleset.topics ?? []).length) {
    const twice = (ruleset.topics ?? []).find((t, i, all) => all.indexOf(t) !== i);
    problems['topics'] = `lists '${twice}' twice; each topic once`;
  }
  for (const [code, rule] of categories) {
    for (const flag of ['mayAttend', 'maySpeak', 'mayVote', 'countsTowardQuorum'] as const) {
      if (typeof rule?.[flag] !== 'boolean') problems[`categories.${code}.${flag}`] = 'must be true or false';
    }
    for (const topic of rule?.excludedTopics ?? []) {
      if (!topics.has(topic))
        problems[`categories.${code}.excludedTopics`] =
          `names unknown topic '${topic}'; add it to topics first`;
    }
  }
  if (!categories.some(([, rule]) => rule?.mayVote))
    problems['categories'] = 'at least one category must be allowed to vote';

  positiveInt('submission.wordLimit', ruleset.submission?.wordLimit);
  nullablePositiveInt('submission.maxMotionsPerBody', ruleset.submission?.maxMotionsPerBody);
  nullablePositiveInt(
    'submission.maxConstitutionalAmendmentsPerBody',
    ruleset.submission?.maxConstitutionalAmendmentsPerBody,
  );
  for (const kind of ruleset.submission?.constitutionalAmendmentBodyKinds ?? []) {
    if (!(BODY_KINDS as readonly string[]).includes(kind))
      problems['submission.constitutionalAmendmentBodyKinds'] =
        `names unknown body kind '${kind}'; kinds are ${BODY_KINDS.join(', ')}`;
  }
  for (const cat of ruleset.submission?.jointSubmissionCategories ?? []) {
    if (!ruleset.categories?.[cat])
      problems['submission.jointSubmissionCategories'] = `names unknown category '${cat}'`;
  }

  const limits = ruleset.speechLimitsSeconds;
  for (const key of ['mover', 'seconder', 'other', 'rightOfReply'] as const)
    positiveInt(`speechLimitsSeconds.${key}`, limits?.[key], 10);
  if (limits?.point !== undefined && limits.point !== null)
    positiveInt('speechLimitsSeconds.point', limits.point, 10);
  positiveInt('speechLimitsSeconds.warningBefore', limits?.warningBefore, 0);
  if (
    limits &&
    limits.warningBefore >= Math.min(limits.mover, limits.seconder, limits.other, limits.rightOfReply)
  ) {
    problems['speechLimitsSeconds.warningBefore'] = 'must be shorter than every speech limit';
  }

  const majority = (path: string, value: unknown) => {
    if (!MAJORITIES.includes(value as Majority)) problems[path] = `must be one of ${MAJORITIES.join(', ')}`;
  };
  for (const key of [
    'motion',
    'constitutional_amendment',
    'amendment',
    'emergency_admission',
    'custom',
  ] as const) {
    majority(`majorities.${key}`, ruleset.majorities?.[key]);
  }
  for (const key of PROCEDURAL_MOTIONS)
    majority(`majorities.procedural.${key}`, ruleset.majorities?.procedural?.[key]);

  if (!TIE_RULES.includes(ruleset.tieRule)) problems['tieRule'] = `must be one of ${TIE_RULES.join(', ')}`;
  if (typeof ruleset.ballotsChangeable !== 'boolean') problems['ballotsChangeable'] = 'must be true or false';

  const quorum = ruleset.quorum;
  nullablePositiveInt('quorum.minimumCount', quorum?.minimumCount);
  const share = quorum?.minimumShareOfMembership;
  if (share !== null && (typeof share !== 'number' || !(share > 0 && share <= 1))) {
    problems['quorum.minimumShareOfMembership'] = 'must be a fraction above 0 and at most 1, or null';
  }
  if (typeof quorum?.remoteCounts !== 'boolean') problems['quorum.remoteCounts'] = 'must be true or false';
  if (quorum?.minimumBodiesRepresented !== undefined)
    nullablePositiveInt('quorum.minimumBodiesRepresented', quorum.minimumBodiesRepresented);
  const registeredShare = quorum?.minimumShareOfRegistered;
  if (
    registeredShare !== undefined &&
    registeredShare !== null &&
    (typeof registeredShare !== 'number' || !(registeredShare > 0 && registeredShare <= 1))
  ) {
    problems['quorum.minimumShareOfRegistered'] =
      'must be a fraction above 0 and at most 1 (0.25 for a quarter), or null';
  }

  positiveInt('monitoring.suppressionThreshold', ruleset.monitoring?.suppressionThreshold, 1);
  if (ruleset.presence !== undefined) {
    const grace = ruleset.presence?.remoteGraceSeconds;
    const { min, max } = REMOTE_GRACE_BOUNDS;
    if (typeof grace !== 'number' || !Number.isInteger(grace) || grace < min || grace > max) {
      problems['presence.remoteGraceSeconds'] = `must be a whole number of seconds from ${min} to ${max}`;
    }
  }
  return problems;
}

/** Throws `InvalidInput` naming every broken rule; returns the ruleset unchanged when valid. */
export function assertValidRuleset(ruleset: Ruleset): Ruleset {
  const problems = findRulesetProblems(ruleset);
  if (Object.keys(problems).length > 0) {
    throw new InvalidInput(
      `The ruleset is invalid: ${Object.keys(problems).length} rule(s) need fixing.`,
      problems,
    );
  }
  return ruleset;
}

/**
 * Time allowed for a speech by role, from the ruleset. A point of order or a request for information
 * has the point limit when the ruleset sets one, else the 'other' limit.
 */
export function speechLimitFor(
  ruleset: Ruleset,
  role: 'mover' | 'seconder' | 'right_of_reply' | 'point_of_order' | 'request_for_information' | string,
): number {
  const limits = ruleset.speechLimitsSeconds;
  if (role === 'mover') return limits.mover;
  if (role === 'seconder') return limits.seconder;
  if (role === 'right_of_reply') return limits.rightOfReply;
  if ((role === 'point_of_order' || role === 'request_for_information') && typeof limits.point === 'number')
    return limits.point;
  return limits.other;
}

/**
 * How long before the end of a speech of `limitSeconds` its speaker is warned: the ruleset's warning,
 * or half the time when the limit is no longer than the warning (a point's minute, or a limit the
 * meeting set when suspending standing orders), so the warning never comes before the speech starts.
 */
export function warningBeforeSeconds(ruleset: Ruleset, limitSeconds: number): number {
  const warning = ruleset.speechLimitsSeconds.warningBefore;
  return warning < limitSeconds ? warning : Math.floor(limitSeconds / 2);
}
