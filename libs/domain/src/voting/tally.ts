import { InvalidInput } from '../errors';
import { Majority, MotionKind, ProceduralMotion, TieRule, VoteChoice, VoteSubject } from '../enums';
import { Ruleset } from '../ruleset/ruleset';
import { HallCount } from './teller-count';

export interface WeightedBallot {
  choice: VoteChoice;
  /** 1 for a member; the body's membership for a card. */
  weight: number;
}

export interface ChoiceCounts {
  for: number;
  against: number;
  abstain: number;
}

export interface TallyInput {
  electronicBallots: readonly WeightedBallot[];
  /** The validated teller count of the hall (hybrid or show of cards). */
  hallCount?: HallCount;
  cardBallots?: readonly WeightedBallot[];
  majority: Majority;
  tieRule: TieRule;
  /** The turnout base: the snapshot's eligibleCount, or its eligibleWeight for a card vote. */
  eligibleCount: number;
}

export type VoteOutcome = 'carried' | 'lost' | 'tied_falls' | 'tied_chair_casting_vote_needed';

export interface TallyResult {
  /** Published per channel so anyone can check the totals (a known failure is never publishing them). */
  channels: { electronic: ChoiceCounts; hall: ChoiceCounts; card: ChoiceCounts };
  totals: ChoiceCounts;
  turnout: { voted: number; eligible: number; percent: number; description: string };
  threshold: { majority: Majority; forNeeded: number; description: string };
  outcome: VoteOutcome;
  /** Set when the hall count was declared without a second teller: the chair's reason (issue 19). */
  unconfirmedHallCountReason?: string;
}

/** Adds up every channel and applies the majority. Abstentions are reported, never counted in the majority. */
export function tallyVote(input: TallyInput): TallyResult {
  assertWholeNumber('eligibleCount', input.eligibleCount, 0);
  const electronic = sumBallots(input.electronicBallots, 'electronicBallots');
  const card = sumBallots(input.cardBallots ?? [], 'cardBallots');
  const hall = input.hallCount ? checkedHallCount(input.hallCount) : zeroCounts();
  const totals = addCounts(addCounts(electronic, hall), card);
  return {
    channels: { electronic, hall, card },
    totals,
    turnout: turnoutOf(totals, input.eligibleCount),
    threshold: thresholdOf(input.majority, totals),
    outcome: outcomeOf(input.majority, input.tieRule, totals),
  };
}

/**
 * Simple: carried when for > against; equal is a tie settled by the ruleset's tie rule.
 * Two-thirds: carried when for ≥ ⅔ of (for + against), in integers: 3·for ≥ 2·(for + against).
 * With no votes for or against at all, nothing was carried: lost, under either majority.
 */
export function outcomeOf(
  majority: Majority,
  tieRule: TieRule,
  counts: Pick<ChoiceCounts, 'for' | 'against'>,
): VoteOutcome {
  const decisive = counts.for + counts.against;
  if (decisive === 0) return 'lost';
  if (majority === 'two_thirds') return 3 * counts.for >= 2 * decisive ? 'carried' : 'lost';
  if (counts.for > counts.against) return 'carried';
  if (counts.for < counts.against) return 'lost';
  return tieRule === 'chair_casting_vote' ? 'tied_chair_casting_vote_needed' : 'tied_falls';
}

/** Applies the chair's casting vote to a tie; refused unless the outcome is waiting for one. */
export function applyCastingVote(outcome: VoteOutcome, castingVote: 'for' | 'against'): 'carried' | 'lost' {
  if (outcome !== 'tied_chair_casting_vote_needed') {
    throw new InvalidInput('The chair has a casting vote only on a tie under the casting-vote rule.', {
      castingVote: 'not a tie awaiting a casting vote',
    });
  }
  return castingVote === 'for' ? 'carried' : 'lost';
}

function thresholdOf(majority: Majority, totals: ChoiceCounts): TallyResult['threshold'] {
  const decisive = totals.for + totals.against;
  if (majority === 'two_thirds') {
    // Smallest f with 3f ≥ 2n is ceil(2n / 3).
    const forNeeded = Math.max(1, Math.ceil((2 * decisive) / 3));
    return {
      majority,
      forNeeded,
      description: `Two-thirds majority: at least two-thirds of the ${decisive} votes for and against (${forNeeded} needed); abstentions not counted.`,
    };
  }
  const forNeeded = totals.against + 1;
  return {
    majority,
    forNeeded,
    description: `Simple majority: more votes for than against (${forNeeded} needed against ${totals.against}); abstentions not counted.`,
  };
}

function turnoutOf(totals: ChoiceCounts, eligible: number): TallyResult['turnout'] {
  const voted = totals.for + totals.against + totals.abstain;
  const percent = eligible === 0 ? 0 : Math.round((voted * 1000) / eligible) / 10;
  return {
    voted,
    eligible,
    percent,
    description: `${voted} of ${eligible} eligible voted (${percent.toFixed(1)}%)`,
  };
}

function sumBallots(ballots: readonly WeightedBallot[], field: string): ChoiceCounts {
  const counts = zeroCounts();
  ballots.forEach((ballot, index) => {
    assertWholeNumber(`${field}[${index}].weight`, ballot.weight, 1);
    if (!(ballot.choice in counts))
      throw new InvalidInput(`A ballot has an unknown choice '${String(ballot.choice)}'.`, {
        [`${field}[${index}].choice`]: 'unknown choice',
      });
    counts[ballot.choice] += ballot.weight;
  });
  return counts;
}

function checkedHallCount(count: HallCount): ChoiceCounts {
  for (const field of ['for', 'against', 'abstain'] as const)
    assertWholeNumber(`hallCount.${field}`, count[field], 0);
  return { for: count.for, against: count.against, abstain: count.abstain };
}

function assertWholeNumber(field: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidInput(`Cannot count the vote: ${field} must be a whole number of at least ${min}.`, {
      [field]: `must be a whole number of at least ${min}`,
    });
  }
}

function zeroCounts(): ChoiceCounts {
  return { for: 0, against: 0, abstain: 0 };
}

function addCounts(a: ChoiceCounts, b: ChoiceCounts): ChoiceCounts {
  return { for: a.for + b.for, against: a.against + b.against, abstain: a.abstain + b.abstain };
}

/**
 * The majority a vote needs, set per kind in the ruleset: constitutional amendments two-thirds by
 * default, suspending standing orders and overturning the chair's ruling two-thirds, the rest simple.
 */
export function majorityFor(
  ruleset: Ruleset,
  subject: VoteSubject,
  motionKind?: MotionKind,
  proceduralMotion?: ProceduralMotion,
): Majority {
  const majorities = ruleset.majorities;
  switch (subject) {
    case 'motion':
      if (motionKind === 'constitutional_amendment') return majorities.constitutional_amendment;
      if (motionKind === 'amendment') return majorities.amendment;
      return majorities.motion;
    case 'amendment':
      return majorities.amendment;
    case 'procedural_motion':
      if (proceduralMotion === undefined) {
        throw new InvalidInput('Name the procedural motion being voted on, so its majority can be set.', {
          proceduralMotion: 'required for a procedural motion',
        });
      }
      return majorities.procedural[proceduralMotion];
    case 'challenge_to_chair':
      return majorities.procedural.challenge_chair;
    case 'emergency_admission':
      return majorities.emergency_admission;
    case 'custom':
    case 'test':
      return majorities.custom;
  }
}
