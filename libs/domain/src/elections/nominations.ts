import { formatInConferenceTime } from '../conferences/conference.rules';
import { Conflict, DeadlinePassed, FieldErrors, InvalidInput, StandingOrderViolation } from '../errors';
import type { CountingMethod, ReservedSeats } from './election.types';

/**
 * Posts and nominations (issue 20): the rules for who may stand, who may nominate, when, and what a
 * candidate's acceptance must say; and the decision at the close of nominations. Pure: the api loads
 * the post and its nominations, asks these functions, and stores what they answer.
 */

export const POST_COUNTING_METHODS = [
  'first-past-the-post',
  'instant-runoff',
  'scottish-stv',
  'meek-stv',
] as const satisfies readonly CountingMethod[];

/** Unions commonly cap an election address at 250 words; each post may set its own. */
export const DEFAULT_STATEMENT_WORD_LIMIT = 250;

export interface PostDefinition {
  title: string;
  seats: number;
  method: CountingMethod;
  /** Who may stand: member categories (empty: any) and bodies the candidate belongs to (empty: any). */
  eligibleCategories: readonly string[];
  eligibleBodyIds: readonly string[];
  /** Bodies whose officers may nominate (empty: any body on the register). */
  nominatingBodyIds: readonly string[];
  nominationsOpenAt: Date;
  nominationsCloseAt: Date;
  statementWordLimit: number;
  reservedSeats: readonly ReservedSeats[];
}

/** A post as the rules see it: its definition, and whether head office has closed its nominations. */
export interface PostForRules extends PostDefinition {
  closedAt: Date | null;
  /** The outcome recorded at the close: no ballot needed, or a ballot of the accepted candidates. */
  outcome: 'uncontested' | 'ballot' | null;
}

export type NominationStatus = 'nominated' | 'accepted' | 'withdrawn';

export interface NominationForRules {
  candidateMemberId: string;
  status: NominationStatus;
}

/** What the rules know of a member who is nominated. */
export interface CandidateFacts {
  name: string;
  category: string;
  /** Their branch and every body they hold office in. */
  bodyIds: readonly string[];
}

/** A candidate's own declaration for a post with reserved seats. */
export interface GroupDeclaration {
  /** The reserved groups they self-identify with; empty when none. */
  groups: readonly string[];
  /** Whether the declaration may be shown to everyone; otherwise only the returning officer sees it. */
  showPublicly: boolean;
}

/** Refuses a post that could never be counted: every problem at once, keyed by field. */
export function assertValidPost(post: PostDefinition): void {
  const errors: FieldErrors = {};
  if (!post.title.trim()) errors.title = 'give the post a title';
  if (!Number.isInteger(post.seats) || post.seats < 1) errors.seats = 'a post has at least one seat';
  if (post.method === 'instant-runoff' && post.seats !== 1) {
    errors.method = `instant runoff fills one seat; for ${post.seats} seats choose the single transferable vote (Scottish rules or Meek) or first past the post`;
  }
  // A year the database cannot store (0000) or nobody means (9999) is a typing slip, not a window.
  for (const field of ['nominationsOpenAt', 'nominationsCloseAt'] as const) {
    const year = post[field].getUTCFullYear();
    if (!(year >= 1900 && year <= 2999))
      errors[field] =
        `the year ${year} is not a year of this union's elections: give a date between 1900 and 2999`;
  }
  if (!(post.nominationsOpenAt.getTime() < post.nominationsCloseAt.getTime()))
    errors.nominationsCloseAt = 'nominations must close after they open';
  if (!Number.isInteger(post.statementWordLimit) || post.statementWordLimit < 1)
    errors.statementWordLimit = 'the word limit is a whole number of at least 1';
  const groups = new Set<string>();
  let reserved = 0;
  post.reservedSeats.forEach((reservation, i) => {
    const group = reservation.group.trim().toLowerCase();
    if (!group) errors[`reservedSeats.${i}.group`] = 'name the group the seats are reserved for';
    else if (groups.has(group))
      errors[`reservedSeats.${i}.group`] =
        `"${reservation.group}" is reserved twice: give one reservation per group`;
    groups.add(group);
    if (!Number.isInteger(reservation.atLeast) || reservation.atLeast < 1)
      errors[`reservedSeats.${i}.atLeast`] = 'reserve at least one seat';
    reserved += reservation.atLeast;
  });
  if (reserved > post.seats)
    errors.reservedSeats = `${reserved} seats are reserved but the post has only ${post.seats}`;
  if (Object.keys(errors).length > 0)
    throw new InvalidInput(`The post "${post.title}" cannot be set up as given.`, errors);
}

/** Whether nominations are being taken at `now`: inside the window and not closed early by head office. */
export function assertNominationsOpen(post: PostForRules, now: Date, timeZone: string): void {
  const window = `Nominations for ${post.title} open at ${formatInConferenceTime(post.nominationsOpenAt, timeZone)} and close at ${formatInConferenceTime(post.nominationsCloseAt, timeZone)}`;
  if (post.closedAt) {
    throw new DeadlinePassed(
      `Nominations for ${post.title} were closed at ${formatInConferenceTime(post.closedAt, timeZone)}. ${window}.`,
    );
  }
  if (now.getTime() < post.nominationsOpenAt.getTime())
    throw new DeadlinePassed(`${window}: they are not open yet.`);
  if (now.getTime() >= post.nominationsCloseAt.getTime())
    throw new DeadlinePassed(`${window}: they have closed.`);
}

/** Who may stand: refuses naming the rule the member does not meet. */
export function assertMayStand(
  post: PostDefinition,
  candidate: CandidateFacts,
  bodyNames: ReadonlyMap<string, string>,
): void {
  if (post.eligibleCategories.length > 0 && !post.eligibleCategories.includes(candidate.category)) {
    throw new StandingOrderViolation(
      'eligibility',
      `${candidate.name} may not stand for ${post.title}: only members in the ${listInWords(post.eligibleCategories.map(categoryInWords))} ${post.eligibleCategories.length === 1 ? 'category' : 'categories'} may stand, and they are a ${categoryInWords(candidate.category)} member.`,
      { candidateMemberId: 'not in a category that may stand' },
    );
  }
  if (post.eligibleBodyIds.length > 0 && !post.eligibleBodyIds.some((id) => candidate.bodyIds.includes(id))) {
    throw new StandingOrderViolation(
      'eligibility',
      `${candidate.name} may not stand for ${post.title}: only members of ${listInWords(
        post.eligibleBodyIds.map((id) => bodyNames.get(id) ?? 'a body no longer on the register'),
        'or',
      )} may stand.`,
      { candidateMemberId: 'not a member of a body that may stand' },
    );
  }
}

/** Only a body the post lists (any body when it lists none) nominates. */
export function assertMayNominate(
  post: PostDefinition,
  bodyId: string,
  bodyName: string,
  bodyNames: ReadonlyMap<string, string>,
): void {
  if (post.nominatingBodyIds.length === 0 || post.nominatingBodyIds.includes(bodyId)) return;
  throw new StandingOrderViolation(
    'nominating-body',
    `${bodyName} may not nominate for ${post.title}: nominations come from ${listInWords(
      post.nominatingBodyIds.map((id) => bodyNames.get(id) ?? 'a body no longer on the register'),
      'or',
    )}.`,
    { bodyId: 'not a body that nominates for this post' },
  );
}

/** One live nomination per candidate per post: a second is refused until the first is withdrawn. */
export function assertNotAlreadyNominated(
  post: PostDefinition,
  nominations: readonly NominationForRules[],
  candidateMemberId: string,
  candidateName: string,
): void {
  if (nominations.some((n) => n.candidateMemberId === candidateMemberId && n.status !== 'withdrawn')) {
    throw new Conflict(`${candidateName} is already nominated for ${post.title}.`, {
      candidateMemberId: 'already nominated for this post',
    });
  }
}

/**
 * Words as a reader counts them: runs of characters between spaces that hold a letter or a digit, so
 * a dash or bullet standing alone is not a word and "co-operative" is one. The same count as a
 * motion's 200 words (motions/submission.rules.ts), so members meet one way of counting.
 */
export function countStatementWords(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * The candidate's acceptance: a statement within the post's word limit and, where seats are reserved,
 * a declaration naming only the reserved groups. Every problem is reported at once.
 */
export function assertValidAcceptance(
  post: PostDefinition,
  statement: string,
  declaration: GroupDeclaration | undefined,
): void {
  const errors: FieldErrors = {};
  const words = countStatementWords(statement);
  if (words > post.statementWordLimit) {
    const over = words - post.statementWordLimit;
    errors.statement = `${words} words: ${over} ${over === 1 ? 'word' : 'words'} over the limit of ${post.statementWordLimit}; shorten it by ${over}`;
  }
  const reservedGroups = post.reservedSeats.map((r) => r.group);
  if (reservedGroups.length === 0 && declaration) {
    errors.declaration = `${post.title} reserves no seats, so there is nothing to declare: leave the declaration out`;
  } else if (reservedGroups.length > 0 && !declaration) {
    errors.declaration = `${post.title} reserves seats for ${listInWords(reservedGroups)}: say which of these you self-identify as (or none), and whether it may be shown publicly`;
  } else if (declaration) {
    const unknown = declaration.groups.filter((g) => !reservedGroups.includes(g));
    if (unknown.length > 0)
      errors['declaration.groups'] =
        `${listInWords(unknown.map((g) => `"${g}"`))} ${unknown.length === 1 ? 'is' : 'are'} not reserved for this post; choose among ${listInWords(reservedGroups)}`;
  }
  if (Object.keys(errors).length > 0)
    throw new InvalidInput(`The acceptance for ${post.title} needs changing before it is recorded.`, errors);
}

/** What the public reads of a declaration: the groups only when the candidate chose to show them. */
export function publicDeclaration(declaration: GroupDeclaration | null): readonly string[] | null {
  return declaration?.showPublicly ? declaration.groups : null;
}

/** A candidate withdraws until the ballot: not after an uncontested declaration, and not twice. */
export function assertMayWithdraw(
  post: PostForRules,
  nomination: NominationForRules,
  candidateName: string,
): void {
  if (nomination.status === 'withdrawn')
    throw new Conflict(`${candidateName} has already withdrawn from ${post.title}.`);
  if (post.outcome === 'uncontested') {
    throw new StandingOrderViolation(
      'declared',
      `${candidateName} was declared elected to ${post.title} unopposed at the close of nominations; a withdrawal now is a resignation, which this system does not record.`,
    );
  }
}

export type CloseDecision =
  | { outcome: 'uncontested'; elected: string[]; vacantSeats: number; summary: string }
  | { outcome: 'ballot'; ballot: string[]; summary: string };

/**
 * The close of nominations. The accepted candidates form the ballot; when they are no more than the
 * seats there is nothing to vote on, so they are declared elected unopposed and any seats left over
 * stay vacant. `accepted` is the candidates' names in ballot order.
 */
export function decideAtClose(
  post: Pick<PostDefinition, 'title' | 'seats'>,
  accepted: readonly string[],
): CloseDecision {
  if (accepted.length > post.seats) {
    return {
      outcome: 'ballot',
      ballot: [...accepted],
      summary: `${accepted.length} candidates stand for ${seatsInWords(post.seats)} on ${post.title}: a ballot is needed.`,
    };
  }
  const vacantSeats = post.seats - accepted.length;
  const elected =
    accepted.length === 0
      ? `Nobody stood for ${post.title}`
      : `${listInWords(accepted)} ${accepted.length === 1 ? 'is' : 'are'} elected unopposed to ${post.title}`;
  const vacant =
    vacantSeats === 0
      ? ''
      : accepted.length === 0
        ? `: ${seatsInWords(vacantSeats)} ${vacantSeats === 1 ? 'stays' : 'stay'} vacant`
        : `; ${seatsInWords(vacantSeats)} of ${post.seats} ${vacantSeats === 1 ? 'stays' : 'stay'} vacant`;
  return { outcome: 'uncontested', elected: [...accepted], vacantSeats, summary: `${elected}${vacant}.` };
}

export const POST_STATES = ['not_yet_open', 'open', 'closed', 'uncontested', 'awaiting_ballot'] as const;
export type PostState = (typeof POST_STATES)[number];

/** Where a post stands at `now`; "closed" is the time past with head office yet to record the close. */
export function postState(post: PostForRules, now: Date): PostState {
  if (post.outcome === 'uncontested') return 'uncontested';
  if (post.outcome === 'ballot') return 'awaiting_ballot';
  if (now.getTime() < post.nominationsOpenAt.getTime()) return 'not_yet_open';
  if (now.getTime() < post.nominationsCloseAt.getTime()) return 'open';
  return 'closed';
}

export function postStateInWords(state: PostState): string {
  const words: Record<PostState, string> = {
    not_yet_open: 'Nominations not yet open',
    open: 'Nominations open',
    closed: 'Nominations closed; the returning officer has still to declare the result of the close',
    uncontested: 'Elected unopposed: no ballot',
    awaiting_ballot: 'Nominations closed: awaiting the ballot',
  };
  return words[state];
}

function seatsInWords(n: number): string {
  return `${n} ${n === 1 ? 'seat' : 'seats'}`;
}

function categoryInWords(category: string): string {
  return category.replace(/_/g, ' ');
}

function listInWords(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
