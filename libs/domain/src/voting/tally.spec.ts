import { VoteChoice } from '../enums';
import { InvalidInput } from '../errors';
import { napoDefaultRuleset } from '../ruleset/ruleset';
import { applyCastingVote, majorityFor, outcomeOf, tallyVote, WeightedBallot } from './tally';

const ballots = (choice: VoteChoice, n: number, weight = 1): WeightedBallot[] =>
  Array.from({ length: n }, () => ({ choice, weight }));

describe('counting a vote', () => {
  it('adds the hall count to the remote ballots in a hybrid vote and publishes each channel', () => {
    // Hall 120 for, 40 against, 5 abstain; remote 30 for, 25 against, 2 abstain → 150 for, 65 against.
    const result = tallyVote({
      electronicBallots: [...ballots('for', 30), ...ballots('against', 25), ...ballots('abstain', 2)],
      hallCount: { for: 120, against: 40, abstain: 5 },
      majority: 'simple',
      tieRule: 'motion_falls',
      eligibleCount: 300,
    });

    expect(result.channels.hall).toEqual({ for: 120, against: 40, abstain: 5 });
    expect(result.channels.electronic).toEqual({ for: 30, against: 25, abstain: 2 });
    expect(result.totals).toEqual({ for: 150, against: 65, abstain: 7 });
    // 222 of 300 = 74.0%
    expect(result.turnout).toEqual({
      voted: 222,
      eligible: 300,
      percent: 74,
      description: '222 of 300 eligible voted (74.0%)',
    });
    expect(result.outcome).toBe('carried');
  });

  it('reports abstentions without counting them in the majority', () => {
    const result = tallyVote({
      electronicBallots: [...ballots('for', 3), ...ballots('against', 2), ...ballots('abstain', 50)],
      majority: 'simple',
      tieRule: 'motion_falls',
      eligibleCount: 60,
    });
    expect(result.totals.abstain).toBe(50);
    expect(result.outcome).toBe('carried');
  });

  it('weights a card vote by each body membership', () => {
    // 412 + 97 for, 600 against → lost although two cards were for and one against.
    const result = tallyVote({
      electronicBallots: [],
      cardBallots: [
        { choice: 'for', weight: 412 },
        { choice: 'for', weight: 97 },
        { choice: 'against', weight: 600 },
      ],
      majority: 'simple',
      tieRule: 'motion_falls',
      eligibleCount: 1200,
    });
    expect(result.channels.card).toEqual({ for: 509, against: 600, abstain: 0 });
    expect(result.outcome).toBe('lost');
  });

  it('carries a constitutional amendment with exactly two-thirds of those voting for and against', () => {
    // 100 for, 50 against: 3·100 = 300 ≥ 2·150 = 300.
    expect(outcomeOf('two_thirds', 'motion_falls', { for: 100, against: 50 })).toBe('carried');
    // 99 for, 50 against: 297 < 298.
    expect(outcomeOf('two_thirds', 'motion_falls', { for: 99, against: 50 })).toBe('lost');
  });

  it('describes the two-thirds threshold with the number of votes needed', () => {
    const result = tallyVote({
      electronicBallots: [...ballots('for', 99), ...ballots('against', 50)],
      majority: 'two_thirds',
      tieRule: 'motion_falls',
      eligibleCount: 200,
    });
    // ceil(2·149 / 3) = ceil(99.33) = 100
    expect(result.threshold).toEqual({
      majority: 'two_thirds',
      forNeeded: 100,
      description:
        'Two-thirds majority: at least two-thirds of the 149 votes for and against (100 needed); abstentions not counted.',
    });
    expect(result.outcome).toBe('lost');
  });

  it('lets the motion fall on a tie when the ruleset says so', () => {
    expect(outcomeOf('simple', 'motion_falls', { for: 40, against: 40 })).toBe('tied_falls');
  });

  it("asks for the chair's casting vote on a tie when the ruleset gives the chair one", () => {
    const outcome = outcomeOf('simple', 'chair_casting_vote', { for: 40, against: 40 });
    expect(outcome).toBe('tied_chair_casting_vote_needed');
    expect(applyCastingVote(outcome, 'against')).toBe('lost');
    expect(() => applyCastingVote('carried', 'for')).toThrow(InvalidInput);
  });

  it('treats a vote with nobody for or against as lost, under either majority', () => {
    expect(outcomeOf('simple', 'chair_casting_vote', { for: 0, against: 0 })).toBe('lost');
    expect(outcomeOf('two_thirds', 'motion_falls', { for: 0, against: 0 })).toBe('lost');
  });

  it('refuses to count a ballot of weight zero or a negative hall count', () => {
    const base = { majority: 'simple', tieRule: 'motion_falls', eligibleCount: 10 } as const;
    expect(() => tallyVote({ ...base, electronicBallots: [{ choice: 'for', weight: 0 }] })).toThrow(
      InvalidInput,
    );
    expect(() =>
      tallyVote({ ...base, electronicBallots: [], hallCount: { for: -1, against: 0, abstain: 0 } }),
    ).toThrow(InvalidInput);
  });

  it('reports a turnout of 0% when nobody was eligible rather than dividing by zero', () => {
    const result = tallyVote({
      electronicBallots: [],
      majority: 'simple',
      tieRule: 'motion_falls',
      eligibleCount: 0,
    });
    expect(result.turnout.percent).toBe(0);
  });
});

describe('the majority each vote needs', () => {
  const ruleset = napoDefaultRuleset();

  it('needs two-thirds for a constitutional amendment and a simple majority for a motion', () => {
    expect(majorityFor(ruleset, 'motion', 'constitutional_amendment')).toBe('two_thirds');
    expect(majorityFor(ruleset, 'motion', 'motion')).toBe('simple');
    expect(majorityFor(ruleset, 'motion', 'emergency_motion')).toBe('simple');
    expect(majorityFor(ruleset, 'amendment')).toBe('simple');
  });

  it('needs two-thirds to suspend standing orders or overturn the chair, and simple for next business', () => {
    expect(majorityFor(ruleset, 'procedural_motion', undefined, 'suspend_standing_orders')).toBe(
      'two_thirds',
    );
    expect(majorityFor(ruleset, 'challenge_to_chair')).toBe('two_thirds');
    expect(majorityFor(ruleset, 'procedural_motion', undefined, 'next_business')).toBe('simple');
  });

  it('follows a union whose ruleset sets a different majority', () => {
    const other = napoDefaultRuleset();
    other.majorities.emergency_admission = 'two_thirds';
    expect(majorityFor(other, 'emergency_admission')).toBe('two_thirds');
  });

  it('asks which procedural motion is being voted on', () => {
    expect(() => majorityFor(ruleset, 'procedural_motion')).toThrow(InvalidInput);
  });
});
