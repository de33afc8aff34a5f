import { InvalidInput } from '../errors';
import { AttendanceMode, VoteChannel, VoteMethod, VoteSubject } from '../enums';
import { Ruleset } from '../ruleset/ruleset';

/**
 * Eligibility is fixed when the vote opens and kept with the vote (DOMAIN "Voting"): registered, present,
 * category may vote, and the motion's topics do not exclude the category. The attendance mode at that
 * moment decides the channel, which is what stops double counting across hall and electronic.
 */
export interface VotingAttendee {
  memberId: string;
  category: string;
  attendanceMode: AttendanceMode;
  present: boolean;
  registered: boolean;
  /** The body whose card this attendee holds in a card vote. */
  bodyId?: string;
  /** The body's membership, carried as the card's weight in a card vote. */
  cardWeight?: number;
}

export interface VoteDefinition {
  method: VoteMethod;
  /** Topic codes of the motion, e.g. ['pay_and_conditions']. */
  topics: string[];
  subject: VoteSubject;
}

export const INELIGIBILITY_REASONS = [
  'not_registered',
  'unknown_category',
  'category_may_not_vote',
  'topic_excluded_for_category',
  'not_present',
  'not_card_holder',
] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

export interface EligibleVoter {
  memberId: string;
  eligible: true;
  category: string;
  attendanceMode: AttendanceMode;
  /** The only channel through which this member's vote is counted in this vote. */
  channel: VoteChannel;
  /** 1, except in a card vote where it is the body's membership. */
  weight: number;
  bodyId?: string;
}

export interface IneligibleVoter {
  memberId: string;
  eligible: false;
  category: string;
  attendanceMode: AttendanceMode;
  reason: IneligibilityReason;
  /** For 'topic_excluded_for_category': the first motion topic that excludes the category. */
  topic?: string;
}

export type EligibilityEntry = EligibleVoter | IneligibleVoter;

export interface EligibilitySnapshot {
  method: VoteMethod;
  subject: VoteSubject;
  topics: string[];
  /** One entry per attendee, sorted by member id. */
  entries: EligibilityEntry[];
  /** Members who may vote, through any channel: the turnout base for head-count votes. */
  eligibleCount: number;
  /** Sum of eligible weights: the turnout base for a card vote (equals eligibleCount otherwise). */
  eligibleWeight: number;
  /** Eligible members present in the hall: no teller count may exceed it. */
  hallHeadcount: number;
  /** Eligible members who vote on a device. */
  electronicCount: number;
}

/** Builds the register of who may vote, and how, at the moment the vote opens. */
export function buildEligibilitySnapshot(
  attendees: readonly VotingAttendee[],
  vote: VoteDefinition,
  ruleset: Ruleset,
): EligibilitySnapshot {
  assertNoDuplicateAttendees(attendees);
  if (vote.method === 'card_vote') assertCardHoldersValid(attendees);

  const entries = [...attendees]
    .sort((a, b) => compareIds(a.memberId, b.memberId))
    .map((attendee) => eligibilityOf(attendee, vote, ruleset));
  const eligible = entries.filter((entry): entry is EligibleVoter => entry.eligible);
  return {
    method: vote.method,
    subject: vote.subject,
    topics: [...vote.topics],
    entries,
    eligibleCount: eligible.length,
    eligibleWeight: eligible.reduce((sum, entry) => sum + entry.weight, 0),
    hallHeadcount: eligible.filter((entry) => entry.channel === 'hall').length,
    electronicCount: eligible.filter((entry) => entry.channel === 'electronic').length,
  };
}

/** The snapshot entry of one member, or undefined when they were not an attendee when the vote opened. */
export function findEligibility(
  snapshot: EligibilitySnapshot,
  memberId: string,
): EligibilityEntry | undefined {
  return snapshot.entries.find((entry) => entry.memberId === memberId);
}

function eligibilityOf(attendee: VotingAttendee, vote: VoteDefinition, ruleset: Ruleset): EligibilityEntry {
  const base = {
    memberId: attendee.memberId,
    category: attendee.category,
    attendanceMode: attendee.attendanceMode,
  };
  const refuse = (reason: IneligibilityReason, topic?: string): IneligibleVoter =>
    topic === undefined ? { ...base, eligible: false, reason } : { ...base, eligible: false, reason, topic };

  if (!attendee.registered) return refuse('not_registered');
  const rule = ruleset.categories[attendee.category];
  if (!rule) return refuse('unknown_category');
  if (!rule.mayVote) return refuse('category_may_not_vote');
  // A test vote only proves the device works, so topic exclusions do not apply to it.
  if (vote.subject !== 'test') {
    const excluded = vote.topics.find((topic) => rule.excludedTopics.includes(topic));
    if (excluded !== undefined) return refuse('topic_excluded_for_category', excluded);
  }
  // DOMAIN: a test vote registers attendance, so it is open to registered attendees not yet present.
  if (!attendee.present && vote.subject !== 'test') return refuse('not_present');
  if (vote.method === 'card_vote' && attendee.cardWeight === undefined) return refuse('not_card_holder');

  const voter: EligibleVoter = {
    ...base,
    eligible: true,
    channel: voteChannelFor(vote.method, attendee.attendanceMode),
    weight: vote.method === 'card_vote' ? (attendee.cardWeight as number) : 1,
  };
  if (attendee.bodyId !== undefined && vote.method === 'card_vote') voter.bodyId = attendee.bodyId;
  return voter;
}

/** Hybrid: the hall by show of cards, remote attendees on a device; never both for one member. */
export function voteChannelFor(method: VoteMethod, mode: AttendanceMode): VoteChannel {
  switch (method) {
    case 'electronic':
      return 'electronic';
    case 'show_of_cards':
      return 'hall';
    case 'card_vote':
      return 'card';
    case 'hybrid':
      return mode === 'hall' ? 'hall' : 'electronic';
  }
}

function assertNoDuplicateAttendees(attendees: readonly VotingAttendee[]): void {
  const seen = new Set<string>();
  for (const { memberId } of attendees) {
    if (seen.has(memberId)) {
      throw new InvalidInput(
        'A member appears twice in the attendance list; fix the register before opening the vote.',
        {
          attendees: 'a member is listed twice',
        },
      );
    }
    seen.add(memberId);
  }
}

/** Wrong vote weights are a known failure: refuse a card vote with a bad weight or two cards for one body. */
function assertCardHoldersValid(attendees: readonly VotingAttendee[]): void {
  const problems: Record<string, string> = {};
  const holderOfBody = new Map<string, string>();
  for (const attendee of attendees) {
    if (attendee.cardWeight === undefined) continue;
    if (!Number.isSafeInteger(attendee.cardWeight) || attendee.cardWeight < 1) {
      problems[`cardWeight.${attendee.memberId}`] = 'must be a whole number of at least 1';
    }
    if (attendee.bodyId === undefined) {
      problems[`bodyId.${attendee.memberId}`] = 'a card holder must hold the card of a body';
      continue;
    }
    const other = holderOfBody.get(attendee.bodyId);
    if (other !== undefined)
      problems[`bodyId.${attendee.memberId}`] = 'this body already has a card holder: one card per body';
    else holderOfBody.set(attendee.bodyId, attendee.memberId);
  }
  if (Object.keys(problems).length > 0) {
    throw new InvalidInput(
      'The card vote weights are wrong: each body needs one card holder with a whole-number weight. Fix the cards before opening the vote.',
      problems,
    );
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 'professional_associate' → 'professional associate'. */
function humanizeCode(code: string): string {
  return code.replace(/_/g, ' ');
}

/** What an ineligible member is told, with what they can do about it. */
export function describeIneligibility(entry: IneligibleVoter, ruleset?: Ruleset): string {
  const category = humanizeCode(entry.category);
  switch (entry.reason) {
    case 'not_registered':
      return 'You are not registered for this conference, so you cannot vote. Ask head office to register you before the next vote.';
    case 'unknown_category':
      return `Your membership category '${category}' is not in this conference's ruleset, so you cannot vote. Ask head office to check your membership record.`;
    case 'category_may_not_vote':
      return `Under this conference's standing orders ${category} members may not vote. You may still follow the debate.`;
    case 'topic_excluded_for_category': {
      const topic = humanizeCode(entry.topic ?? 'this topic');
      const allowed = ruleset ? categoriesAllowedOn(ruleset, entry.topic ?? '') : [];
      const who =
        allowed.length > 0
          ? `Only ${joinWithAnd(allowed.map(humanizeCode))} members vote on ${topic}`
          : `This vote is on ${topic}`;
      return `${who}; ${category} members may not vote on this motion. You may still follow the debate.`;
    }
    case 'not_present':
      return 'You were not recorded as present when this vote opened, so you cannot vote in it. Check in at the hall desk or confirm your remote connection before the next vote.';
    case 'not_card_holder':
      return "This is a card vote: only each body's card holder votes, with the body's membership as its weight. Ask your body's card holder to cast its card.";
  }
}

function categoriesAllowedOn(ruleset: Ruleset, topic: string): string[] {
  return Object.entries(ruleset.categories)
    .filter(([, rule]) => rule.mayVote && !rule.excludedTopics.includes(topic))
    .map(([code]) => code);
}

function joinWithAnd(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
