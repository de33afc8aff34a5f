import { InvalidInput } from '../errors';
import { Majority, MAJORITIES, MotionKind, ProceduralMotion, TieRule, VoteChoice, VoteSubject } from '../enums';
import { Ruleset } from '../ruleset/ruleset';
import { HallCount } from './teller-count';
export { majorityInWords } from './majority-words';

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
  if (!MAJORITIES.includes(input.majority))
    throw new InvalidInput(`Cannot count the vote: '${String(input.majority)}' is not a majority this system knows.`, {
      majority: `must be one of ${MAJORITIES.join(', ')}`,
    });
  const electronic = sumBallots(input.electronicBallots, 'electronicBallots');
  const card = sumBallots(input.cardBallots ?? [], 'cardBallots');
  const hall = input.hallCount ? checkedHallCount(input.hallCount) : zeroCounts();
  const totals = addCounts(addCounts(electronic, hall), card);
  return {
    channels: { electronic, hall, card },
    totals,
    turnout: turnoutOf(totals, input.eligibleCount),
    threshold: thresholdOf(input.majority, totals, input.eligibleCount),
    outcome: outcomeOf(input.majority, input.tieRule, totals, input.eligibleCount),
  };
}

/**
 * Simple: carried when for > against; equal is a tie settled by the ruleset's tie rule.
 * Two-thirds: carried when for ≥ ⅔ of (for + against), in integers: 3·for ≥ 2·(for + against).
 * Votes cast: carried when for > half of for + against + abstain (2·for > cast). An abstention works
 * as a vote against; an even split with no abstentions is a tie, settled like a simple majority's.
 * Entitled: carried when for > half of those entitled to vote (2·for > eligible), whoever stayed away.
 * No tie rule: a casting vote breaks a tie between for and against, it cannot make up the entitled.
 * With no votes for or against at all, nothing was carried: lost, under every majority.
 */
export function outcomeOf(
  majority: Majority,
  tieRule: TieRule,
  counts: Pick<ChoiceCounts, 'for' | 'against'> & { abstain?: number },
  eligible?: number,
): VoteOutcome {
  const decisive = counts.for + counts.against;
  if (decisive === 0) return 'lost';
  const tie = (): VoteOutcome => (tieRule === 'chair_casting_vote' ? 'tied_chair_casting_vote_needed' : 'tied_falls');
  switch (majority) {
    case 'two_thirds':
      return 3 * counts.for >= 2 * decisive ? 'carried' : 'lost';
    case 'votes_cast': {
      const abstain = counts.abstain ?? 0;
      if (2 * counts.for > decisive + abstain) return 'carried';
      return counts.for === counts.against && abstain === 0 ? tie() : 'lost';
    }
    case 'entitled':
      if (eligible === undefined)
        throw new InvalidInput('A majority of those entitled to vote needs the number entitled.', {
          eligibleCount: 'required for this majority',
        });
      return 2 * counts.for > eligible ? 'carried' : 'lost';
    case 'simple':
      if (counts.for > counts.against) return 'carried';
      if (counts.for < counts.against) return 'lost';
      return tie();
  }
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

function thresholdOf(majority: Majority, totals: ChoiceCounts, eligible: number): TallyResult['threshold'] {
  const decisive = totals.for + totals.against;
  switch (majority) {
    case 'two_thirds': {
      // Smallest f with 3f ≥ 2n is ceil(2n / 3).
      const forNeeded = Math.max(1, Math.ceil((2 * decisive) / 3));
      return {
        majority,
        forNeeded,
        description: `Two-thirds majority: at least two-thirds of the ${decisive} votes for and against (${forNeeded} needed); abstentions not counted.`,
      };
    }
    case 'votes_cast': {
      // Smallest f with 2f > cast is floor(cast / 2) + 1.
      const cast = decisive + totals.abstain;
      const forNeeded = Math.floor(cast / 2) + 1;
      return {
        majority,
        forNeeded,
        description: `Majority of votes cast: more than half of all ${cast} votes, abstentions included (${forNeeded} needed).`,
      };
    }
    case 'entitled': {
      const forNeeded = Math.floor(eligible / 2) + 1;
      return {
        majority,
        forNeeded,
        description: `Majority of those entitled to vote: more than half of the ${eligible} entitled, however many voted (${forNeeded} needed).`,
      };
    }
    case 'simple': {
      const forNeeded = totals.against + 1;
      return {
        majority,
        forNeeded,
        description: `Simple majority: more votes for than against (${forNeeded} needed against ${totals.against}); abstentions not counted.`,
      };
    }
  }
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
  chosen?: Majority,
): Majority {
  const majorities = ruleset.majorities;
  // The standing orders fix the majority of a motion, amendment or procedural motion by its kind; only a
  // custom question (a question the meeting is asked outside them) may name its own.
  if (chosen !== undefined) {
    if (subject !== 'custom')
      throw new InvalidInput(
        'The standing orders set the majority for this kind of vote; only a custom question may name its own. Leave the majority out, or change it for the kind in the ruleset.',
        { majority: 'only for a custom question' },
      );
    return chosen;
  }
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
