import { Conflict, InvalidInput, StandingOrderViolation } from '../errors';
import type { HashFunction } from '../voting/receipts';
import { formatVotes } from './fixed-point';
import type { CountingMethod, ElectionCount, ElectionInput, ReservedSeats } from './election.types';

/**
 * The ballot of a post (docs/elections.md "The ballot"): who is on it, how a ballot paper is filled in,
 * and what is published at the close. Pure: the api supplies the hash function and the clock.
 */

/** A candidate as printed on the ballot paper: the order is the ballot's (candidate number = index). */
export interface BallotCandidate {
  nominationId: string;
  name: string;
  /** Groups declared by the candidate, used by reserved seats (never shown unless the candidate chose). */
  groups: readonly string[];
}

/** 'voided': set aside by the returning officer with a reason (a candidate's death, an error); never counted, and the post may hold a new ballot. */
export type ElectionBallotState = 'open' | 'closed' | 'voided';

/** Ranked methods take an order of preference; first past the post takes up to `seats` marks. */
export function isRanked(method: CountingMethod): boolean {
  return method !== 'first-past-the-post';
}

/** How to fill in the ballot, in the words printed at its head. */
export function ballotInstructions(method: CountingMethod, seats: number): string {
  if (!isRanked(method)) {
    return seats === 1
      ? 'Mark one candidate.'
      : `Mark up to ${seats} candidates. A ballot with more than ${seats} marks cannot be counted.`;
  }
  return 'Rank the candidates in order of preference: 1 for your first choice, 2 for your second, and so on. Rank as many or as few as you wish.';
}

/**
 * The candidates on the ballot: those who accepted, in alphabetical order of name (as the Scottish
 * rules print them), so the order gives no one an advantage the returning officer chose.
 */
export function ballotOrder(candidates: readonly BallotCandidate[]): BallotCandidate[] {
  return [...candidates].sort(
    (a, b) => a.name.localeCompare(b.name, 'en-GB') || a.nominationId.localeCompare(b.nominationId),
  );
}

/** The returning officer opens a ballot only for a post whose nominations closed with a contest. */
export function assertMayOpenBallot(
  post: { title: string; outcome: 'uncontested' | 'ballot' | null },
  candidates: readonly BallotCandidate[],
  alreadyOpened: boolean,
): void {
  if (alreadyOpened) {
    throw new Conflict(`The ballot for ${post.title} has already been opened; there is one ballot per post at a time. To hold it again, void it first, with the reason.`);
  }
  if (post.outcome === null) {
    throw new StandingOrderViolation(
      'nominations-open',
      `Nominations for ${post.title} are not closed yet. Close nominations first; the ballot lists the candidates standing then.`,
    );
  }
  if (post.outcome === 'uncontested') {
    throw new StandingOrderViolation(
      'uncontested',
      `${post.title} was uncontested: its candidates were declared elected at the close of nominations, so there is no ballot.`,
    );
  }
  if (candidates.length < 2) {
    throw new StandingOrderViolation('uncontested', `${post.title} has fewer than two candidates standing; there is nothing to ballot on.`);
  }
}

/**
 * The returning officer voids a post's ballot, open or counted, with a reason the conference is told (a
 * candidate's death, an error in the ballot paper or the count): its ballots are never counted, and the
 * post goes back to awaiting a ballot, where a candidate may withdraw again and a new ballot is opened.
 */
export function assertMayVoidBallot(post: { title: string }, ballot: { state: ElectionBallotState }, reason: string): string {
  if (ballot.state === 'voided') throw new Conflict(`The ballot for ${post.title} is already voided.`);
  const trimmed = reason.trim();
  if (trimmed.length < 3) {
    throw new InvalidInput(`Say why the ballot for ${post.title} is voided (for example a candidate's death, or an error in the ballot paper): the conference is told.`, {
      reason: 'a reason in words',
    });
  }
  return trimmed;
}

/** What the post says once its ballot is voided: the reason, and that a new ballot is to come. */
export function voidedBallotInWords(title: string, reason: string, wasCounted: boolean): string {
  return `The ballot for ${title} was voided${wasCounted ? ' after its count' : ''}: ${reason}. Its ballots are not counted; a new ballot is to be held.`;
}

/**
 * Reads a filled-in ballot paper: nomination ids, most preferred first (first past the post: the marked
 * candidates, in any order). Returns candidate numbers. Every refusal says what to change.
 */
export function parseBallotPaper(
  method: CountingMethod,
  seats: number,
  candidates: readonly BallotCandidate[],
  preferences: readonly string[],
): number[] {
  const numberOf = new Map(candidates.map((c, i) => [c.nominationId, i]));
  if (preferences.length === 0) {
    throw new InvalidInput(
      isRanked(method) ? 'Rank at least one candidate (1 for your first choice).' : 'Mark at least one candidate.',
      { preferences: 'empty' },
    );
  }
  const numbers: number[] = [];
  for (const id of preferences) {
    const n = numberOf.get(id);
    if (n === undefined) {
      throw new InvalidInput('One of the chosen candidates is not on this ballot. Reload the ballot and choose again.', {
        preferences: 'a candidate not on this ballot',
      });
    }
    if (numbers.includes(n)) {
      throw new InvalidInput(
        isRanked(method)
          ? `${candidates[n].name} is ranked twice. Give each candidate at most one place.`
          : `${candidates[n].name} is marked twice. Mark each candidate at most once.`,
        { preferences: 'a candidate twice' },
      );
    }
    numbers.push(n);
  }
  if (!isRanked(method) && numbers.length > seats) {
    throw new InvalidInput(
      `You marked ${numbers.length} candidates; mark at most ${seats} (${seats === 1 ? 'one seat' : `${seats} seats`} to fill).`,
      { preferences: `at most ${seats} marks` },
    );
  }
  return numbers;
}

/** The ballot as words: "1. Ann Bell, 2. Cy Dee" (ranked) or "Ann Bell; Cy Dee" (marks). */
export function ballotInWords(method: CountingMethod, candidates: readonly { name: string }[], numbers: readonly number[]): string {
  return isRanked(method)
    ? numbers.map((n, i) => `${i + 1}. ${candidates[n].name}`).join(', ')
    : numbers.map((n) => candidates[n].name).join('; ');
}

export const ELECTION_RECEIPT_FORMAT = 'AGM election ballot receipt v1';

/**
 * The canonical receipt text of an electronic election ballot: one field a line, fixed order, the
 * preferences as candidate numbers from 1 (as in a BLT file), so any client can recompute it.
 */
export function electionReceiptText(ballotId: string, receiptCode: string, numbers: readonly number[]): string {
  return [ELECTION_RECEIPT_FORMAT, `ballot: ${ballotId}`, `code: ${receiptCode}`, `preferences: ${numbers.map((n) => n + 1).join(' ')}`].join('\n');
}

export function electionReceiptHash(ballotId: string, receiptCode: string, numbers: readonly number[], hash: HashFunction): string {
  return hash(electionReceiptText(ballotId, receiptCode, numbers));
}

/**
 * Why a hall paper is spoilt (rejected), in the categories of the Scottish count sheets' statement of
 * rejected papers (SSI 2007/42, rule 44): nothing marked; more marks than allowed (an X-vote with more
 * marks than seats, or a ranked paper with more than one first preference); writing or a mark by which
 * the voter can be identified; or void for uncertainty (the voter's intention cannot be made out).
 */
export type SpoiltReason = 'unmarked' | 'too-many-marks' | 'identifies-voter' | 'uncertain';
export const SPOILT_REASONS: readonly SpoiltReason[] = ['unmarked', 'too-many-marks', 'identifies-voter', 'uncertain'];

/** A spoilt paper's reason in the words of the count sheet. */
export function spoiltReasonInWords(reason: SpoiltReason, method: CountingMethod): string {
  switch (reason) {
    case 'unmarked':
      return 'unmarked';
    case 'too-many-marks':
      return isRanked(method) ? 'more than one first preference' : 'more marks than allowed';
    case 'identifies-voter':
      return 'writing or mark by which the voter can be identified';
    case 'uncertain':
      return 'void for uncertainty';
  }
}

/** A hall paper as the tellers read it: the candidates marked, or spoilt with its reason (and no candidate). */
export type PaperReading = { spoilt: null; numbers: number[] } | { spoilt: SpoiltReason; numbers: [] };

/**
 * Reads a teller's entry of one hall paper: either the preferences (read as any ballot paper) or the
 * reason it is spoilt, never both. A paper with nothing on it is spoilt as unmarked, not an empty ranking.
 */
export function readPaperEntry(
  method: CountingMethod,
  seats: number,
  candidates: readonly BallotCandidate[],
  entry: { preferences?: readonly string[] | null; spoilt?: string | null },
): PaperReading {
  const hasPreferences = entry.preferences !== undefined && entry.preferences !== null;
  if (entry.spoilt !== undefined && entry.spoilt !== null) {
    if (!(SPOILT_REASONS as readonly string[]).includes(entry.spoilt)) {
      throw new InvalidInput(`A spoilt paper's reason is one of: ${SPOILT_REASONS.map((r) => `${r} (${spoiltReasonInWords(r, method)})`).join(', ')}.`, {
        spoilt: `one of ${SPOILT_REASONS.join(', ')}`,
      });
    }
    if (hasPreferences && entry.preferences!.length > 0) {
      throw new InvalidInput('A spoilt paper counts for no candidate: give either the preferences read from the paper or the reason it is spoilt, not both.', {
        spoilt: 'not with preferences',
      });
    }
    return { spoilt: entry.spoilt as SpoiltReason, numbers: [] };
  }
  if (!hasPreferences) {
    throw new InvalidInput('Give the preferences read from the paper, or the reason it is spoilt (spoilt).', { preferences: 'or spoilt' });
  }
  try {
    return { spoilt: null, numbers: parseBallotPaper(method, seats, candidates, entry.preferences!) };
  } catch (error) {
    // The same refusals as on a phone, with what a teller does with such a paper.
    if (error instanceof InvalidInput && entry.preferences!.length === 0) {
      throw new InvalidInput(`${error.message} A paper with no mark is recorded as spoilt: unmarked.`, error.errors);
    }
    if (error instanceof InvalidInput && error.errors?.preferences === `at most ${seats} marks`) {
      throw new InvalidInput(`The paper has ${entry.preferences!.length} marks, more than the ${seats} allowed: record it as spoilt (more marks than allowed).`, error.errors);
    }
    throw error;
  }
}

/** A paper's entry in words: its ballot in words, or "Spoilt: unmarked". */
export function paperInWords(method: CountingMethod, candidates: readonly { name: string }[], reading: PaperReading): string {
  return reading.spoilt === null ? ballotInWords(method, candidates, reading.numbers) : `Spoilt: ${spoiltReasonInWords(reading.spoilt, method)}`;
}

/**
 * A hall ballot paper is entered by one teller and confirmed by another who keys it again from the same
 * paper, without seeing the first entry: a mistake by either shows as a difference. A spoilt paper is
 * confirmed the same way: the second teller must also find it spoilt, for the same reason.
 */
export function assertSecondTellerAgrees(
  entry: { number: number; enteredBy: string; reading: PaperReading; confirmed: boolean },
  confirmer: string,
  reading: PaperReading,
  describe: (reading: PaperReading) => string,
): void {
  if (entry.confirmed) throw new Conflict(`Paper ballot ${entry.number} is already confirmed.`);
  if (entry.enteredBy === confirmer) {
    throw new StandingOrderViolation(
      'second-teller',
      `You entered paper ballot ${entry.number}; a second teller must confirm it by entering it again from the paper.`,
    );
  }
  const first = entry.reading;
  const same =
    first.spoilt === reading.spoilt && first.numbers.length === reading.numbers.length && first.numbers.every((n, i) => n === reading.numbers[i]);
  if (!same) {
    throw new Conflict(
      // Both readings, now that the second has been keyed blind: the two tellers settle it at the paper.
      `Your entry of paper ballot ${entry.number} (${describe(reading)}) differs from the first teller's (${describe(entry.reading)}). Look at the paper together: if the first teller misread it, they discard their entry and enter the paper again; if you did, key it again.`,
    );
  }
}

/** The statement of rejected papers: how many hall papers were spoilt, by reason (every reason listed, as on the count sheet). */
export interface RejectedPapers {
  total: number;
  byReason: Array<{ reason: SpoiltReason; reasonText: string; papers: number }>;
}

export function rejectedPapersOf(method: CountingMethod, spoilt: readonly (SpoiltReason | null)[]): RejectedPapers {
  const byReason = SPOILT_REASONS.map((reason) => ({ reason, reasonText: spoiltReasonInWords(reason, method), papers: spoilt.filter((r) => r === reason).length }));
  return { total: byReason.reduce((sum, r) => sum + r.papers, 0), byReason };
}

/**
 * Turnout, as returning officers publish it: every ballot returned, valid or rejected, over the register
 * (docs/DECISIONS.md "Spoilt papers": a member who spoils a paper has taken part, though their paper
 * counts for no candidate and not towards the quota).
 */
export interface ElectionTurnout {
  ballots: number;
  eligible: number;
  percent: number;
  text: string;
}

export function electionTurnout(validBallots: number, rejected: number, eligible: number): ElectionTurnout {
  const ballots = validBallots + rejected;
  const percent = eligible === 0 ? 0 : Math.round((ballots / eligible) * 1000) / 10;
  const rejectedText = rejected === 0 ? '' : `, of which ${rejected} rejected`;
  return { ballots, eligible, percent, text: `Turnout: ${ballots} of ${eligible} members on the register voted (${percent.toFixed(1)}%${rejectedText}).` };
}

/** Paper ballots cannot outnumber the members who were in the hall and eligible when the ballot opened. */
export function assertRoomForPaperBallot(entered: number, hallHeadcount: number): void {
  if (entered >= hallHeadcount) {
    throw new StandingOrderViolation(
      'paper-ballots',
      `${hallHeadcount} ${hallHeadcount === 1 ? 'member was' : 'members were'} in the hall and eligible when the ballot opened, and ${entered} paper ballots are already entered. Check the papers for a ballot entered twice.`,
    );
  }
}

/** Before the count every paper ballot entered is confirmed, or discarded by the teller who entered it. */
export function assertPaperBallotsConfirmed(unconfirmed: readonly number[]): void {
  if (unconfirmed.length === 0) return;
  throw new StandingOrderViolation(
    'second-teller',
    `Paper ${unconfirmed.length === 1 ? 'ballot' : 'ballots'} ${unconfirmed.join(', ')} ${unconfirmed.length === 1 ? 'is' : 'are'} entered but not confirmed by a second teller. Confirm or discard ${unconfirmed.length === 1 ? 'it' : 'them'} before the count.`,
  );
}

/** What the count is given: the ballot's candidates (with their declared groups for reserved seats) and every counted ballot. */
export function electionInputOf(
  candidates: readonly BallotCandidate[],
  seats: number,
  reservedSeats: readonly ReservedSeats[],
  ballots: readonly (readonly number[])[],
  lotSeed: string | undefined,
): ElectionInput {
  return {
    candidates: candidates.map((c) => ({ name: c.name, groups: c.groups })),
    seats,
    ballots: ballots.map((preferences) => ({ preferences })),
    reservedSeats,
    ...(lotSeed ? { lotSeed } : {}),
  };
}

/** One stage as published: names, not numbers; votes with five decimal places, as the Scottish rules state them. */
export interface PublishedStage {
  number: number;
  description: string;
  quota: string | null;
  candidates: Array<{ name: string; votes: string; change: string; status: 'elected' | 'excluded' | 'continuing' }>;
  nonTransferable: string;
  nonTransferableThisStage: string;
  roundingLoss: string;
  electedThisStage: string[];
  excludedThisStage: string[];
}

export interface PublishedCount {
  methodText: string;
  seats: number;
  validBallots: number;
  invalidBallots: number;
  quota: string | null;
  elected: string[];
  stages: PublishedStage[];
  draws: string[];
  notes: string[];
  /** Hall papers rejected by the tellers, by reason; never counted for a candidate nor in the quota. */
  rejectedPapers: RejectedPapers;
  /** Valid and rejected ballots over the register; null where the register is not known (a count of a BLT file). */
  turnout: ElectionTurnout | null;
}

/**
 * The count as it is published on the projector, the phones and in the API, with the ballot's rejected
 * papers and the register's size where the ballot was held here.
 */
export function publishCount(
  count: ElectionCount,
  methodText: string,
  ballotBox: { rejected: RejectedPapers; eligible: number } | null = null,
): PublishedCount {
  const name = (c: number) => count.candidates[c];
  const electedSoFar = new Set<number>();
  const excludedSoFar = new Set<number>();
  const stages = count.stages.map((stage) => {
    const electedNow = stage.elected.filter((c) => !electedSoFar.has(c));
    const excludedNow = stage.excluded.filter((c) => !excludedSoFar.has(c));
    stage.elected.forEach((c) => electedSoFar.add(c));
    stage.excluded.forEach((c) => excludedSoFar.add(c));
    return {
      number: stage.number,
      description: stage.description,
      quota: stage.quota === null ? null : formatVotes(stage.quota),
      candidates: count.candidates.map((candidate, c) => ({
        name: candidate,
        votes: formatVotes(stage.votes[c]),
        change: stage.number === 1 ? '' : formatVotes(stage.transfers[c]),
        status: electedSoFar.has(c) ? ('elected' as const) : excludedSoFar.has(c) ? ('excluded' as const) : ('continuing' as const),
      })),
      nonTransferable: formatVotes(stage.nonTransferable),
      nonTransferableThisStage: formatVotes(stage.nonTransferableThisStage),
      roundingLoss: formatVotes(stage.roundingLoss),
      electedThisStage: electedNow.map(name),
      excludedThisStage: excludedNow.map(name),
    };
  });
  return {
    methodText,
    seats: count.seats,
    validBallots: count.validBallots,
    invalidBallots: count.invalidBallots,
    quota: count.quota === null ? null : formatVotes(count.quota),
    elected: count.elected.map(name),
    stages,
    draws: count.draws.map(
      (d) =>
        `Draw by lot ${d.number} at stage ${d.stage} (${d.purpose}) among ${d.among.map(name).join(', ')}: ${name(d.chosen)} drawn.`,
    ),
    notes: [...count.notes],
    rejectedPapers: ballotBox?.rejected ?? rejectedPapersOf(count.method, []),
    turnout: ballotBox ? electionTurnout(count.validBallots, ballotBox.rejected.total, ballotBox.eligible) : null,
  };
}

/** The post's result in one line, kept on the post. */
export function resultSummary(count: ElectionCount): string {
  const elected = count.elected.map((c) => count.candidates[c]);
  const vacant = count.seats - elected.length;
  return `Elected at the ballot: ${elected.join(', ') || 'nobody'}${vacant > 0 ? `; ${vacant} ${vacant === 1 ? 'seat' : 'seats'} unfilled` : ''}.`;
}
