import fc from 'fast-check';
import { Majority, MAJORITIES } from '../enums';
import { InvalidInput } from '../errors';
import { napoDefaultRuleset } from '../ruleset/ruleset';
import { majorityFor, majorityInWords, outcomeOf, tallyVote } from './tally';

/** Issue 19: a majority of votes cast (abstentions included) and of those entitled to vote. */
describe('a majority of votes cast, abstentions included', () => {
  it('loses a motion with more for than against when the abstentions make the for-votes half or less', () => {
    // 40 for, 30 against, 20 abstain: 90 cast, 46 needed. Simple majority would carry it.
    expect(outcomeOf('votes_cast', 'motion_falls', { for: 40, against: 30, abstain: 20 })).toBe('lost');
    expect(outcomeOf('simple', 'motion_falls', { for: 40, against: 30, abstain: 20 })).toBe('carried');
    expect(outcomeOf('votes_cast', 'motion_falls', { for: 46, against: 30, abstain: 14 })).toBe('carried');
  });

  it('settles an even split with no abstentions by the tie rule, and an even split with abstentions as lost', () => {
    expect(outcomeOf('votes_cast', 'chair_casting_vote', { for: 10, against: 10, abstain: 0 })).toBe(
      'tied_chair_casting_vote_needed',
    );
    expect(outcomeOf('votes_cast', 'motion_falls', { for: 10, against: 10, abstain: 0 })).toBe('tied_falls');
    expect(outcomeOf('votes_cast', 'chair_casting_vote', { for: 10, against: 10, abstain: 1 })).toBe('lost');
  });

  it('says in words what is needed', () => {
    const result = tallyVote({
      electronicBallots: [],
      hallCount: { for: 40, against: 30, abstain: 20 },
      majority: 'votes_cast',
      tieRule: 'motion_falls',
      eligibleCount: 200,
    });
    expect(result.threshold).toEqual({
      majority: 'votes_cast',
      forNeeded: 46,
      description: 'Majority of votes cast: more than half of all 90 votes, abstentions included (46 needed).',
    });
    expect(result.outcome).toBe('lost');
  });
});

describe('a majority of those entitled to vote', () => {
  it('needs more than half of those entitled, however many voted', () => {
    // 200 entitled: 101 needed. 100 for, 0 against is lost; 101 for, 99 against is carried.
    expect(outcomeOf('entitled', 'motion_falls', { for: 100, against: 0, abstain: 0 }, 200)).toBe('lost');
    expect(outcomeOf('entitled', 'motion_falls', { for: 101, against: 99, abstain: 0 }, 200)).toBe('carried');
  });

  it('has no tie to settle: an even split of everyone entitled is lost, casting vote or not', () => {
    expect(outcomeOf('entitled', 'chair_casting_vote', { for: 50, against: 50 }, 100)).toBe('lost');
  });

  it('counts a card vote against the entitled weight', () => {
    const result = tallyVote({
      electronicBallots: [],
      cardBallots: [
        { choice: 'for', weight: 600 },
        { choice: 'against', weight: 100 },
      ],
      majority: 'entitled',
      tieRule: 'motion_falls',
      eligibleCount: 1300,
    });
    expect(result.threshold.forNeeded).toBe(651);
    expect(result.threshold.description).toBe(
      'Majority of those entitled to vote: more than half of the 1300 entitled, however many voted (651 needed).',
    );
    expect(result.outcome).toBe('lost');
  });

  it('refuses to decide without the number entitled, rather than guess it', () => {
    expect(() => outcomeOf('entitled', 'motion_falls', { for: 5, against: 1 })).toThrow(InvalidInput);
  });
});

describe('every majority', () => {
  it('is refused by name when unknown, so a tampered export cannot be counted under a made-up rule', () => {
    expect(() =>
      tallyVote({
        electronicBallots: [],
        majority: 'most_shouts' as Majority,
        tieRule: 'motion_falls',
        eligibleCount: 3,
      }),
    ).toThrow("'most_shouts' is not a majority");
  });

  it('has words for every screen, and none of them is its code', () => {
    for (const majority of MAJORITIES) {
      expect(majorityInWords(majority)).not.toContain('_');
      expect(majorityInWords(majority)).toMatch(/majority/);
    }
  });
});

describe('the majorities, for any counts', () => {
  const count = fc.oneof(fc.nat({ max: 300 }), fc.nat({ max: 2 ** 40 }));

  it('votes cast: carried exactly when 2·for > for + against + abstain (exact in BigInt)', () => {
    fc.assert(
      fc.property(count, count, count, (f, a, x) => {
        const outcome = outcomeOf('votes_cast', 'chair_casting_vote', { for: f, against: a, abstain: x });
        const carried = f + a > 0 && 2n * BigInt(f) > BigInt(f) + BigInt(a) + BigInt(x);
        expect(outcome === 'carried').toBe(carried);
        expect(outcome === 'tied_chair_casting_vote_needed').toBe(f === a && f > 0 && x === 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('entitled: carried exactly when 2·for > entitled, and never a tie', () => {
    fc.assert(
      fc.property(count, count, count, count, (f, a, x, extra) => {
        // Those entitled are at least those who voted.
        const entitled = f + a + x + extra;
        const outcome = outcomeOf('entitled', 'chair_casting_vote', { for: f, against: a, abstain: x }, entitled);
        expect(outcome === 'carried').toBe(2n * BigInt(f) > BigInt(entitled));
        expect(outcome === 'carried' || outcome === 'lost').toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('are ordered: entitled ⇒ votes cast ⇒ simple, for the same counts', () => {
    fc.assert(
      fc.property(count, count, count, count, (f, a, x, extra) => {
        const entitled = f + a + x + extra;
        const carries = (m: Majority) =>
          outcomeOf(m, 'motion_falls', { for: f, against: a, abstain: x }, entitled) === 'carried';
        if (carries('entitled')) expect(carries('votes_cast')).toBe(true);
        if (carries('votes_cast')) expect(carries('simple')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('one more vote for never turns a carried motion into a lost one, under any majority', () => {
    fc.assert(
      fc.property(fc.constantFrom<Majority>(...MAJORITIES), count, count, count, (m, f, a, x) => {
        const entitled = f + a + x + 1;
        const before = outcomeOf(m, 'motion_falls', { for: f, against: a, abstain: x }, entitled);
        // The extra vote for comes from someone entitled who had not voted.
        const after = outcomeOf(m, 'motion_falls', { for: f + 1, against: a, abstain: x }, entitled);
        if (before === 'carried') expect(after).toBe('carried');
      }),
      { numRuns: 3000 },
    );
  });

  it('the threshold figure is the least number of votes for that carries, the others fixed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Majority>(...MAJORITIES),
        fc.nat({ max: 200 }),
        fc.nat({ max: 200 }),
        fc.nat({ max: 200 }),
        (m, a, x, extra) => {
          // Search every for-count from 0 up for the first that carries, with the entitled fixed.
          const entitled = 400 + a + x + extra;
          const { threshold } = tallyVote({
            electronicBallots: [],
            hallCount: { for: 0, against: a, abstain: x },
            majority: m,
            tieRule: 'motion_falls',
            eligibleCount: entitled,
          });
          if (m === 'votes_cast' || m === 'two_thirds') return; // their threshold moves with the for-votes themselves
          let f = 0;
          while (outcomeOf(m, 'motion_falls', { for: f, against: a, abstain: x }, entitled) !== 'carried') f++;
          expect(threshold.forNeeded).toBe(f);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('choosing the majority for one vote', () => {
  it("lets a custom question name its majority, and takes the ruleset's otherwise", () => {
    const ruleset = napoDefaultRuleset();
    expect(majorityFor(ruleset, 'custom', undefined, undefined, 'entitled')).toBe('entitled');
    expect(majorityFor(ruleset, 'custom')).toBe('simple');
  });

  it('refuses a majority named for a motion, whose majority the standing orders set by kind', () => {
    expect(() => majorityFor(napoDefaultRuleset(), 'motion', 'motion', undefined, 'simple')).toThrow(
      'only a custom question may name its own',
    );
  });

  it('follows the ruleset when it sets a new majority for a kind', () => {
    const ruleset = napoDefaultRuleset();
    ruleset.majorities.constitutional_amendment = 'entitled';
    ruleset.majorities.procedural.suspend_standing_orders = 'votes_cast';
    expect(majorityFor(ruleset, 'motion', 'constitutional_amendment')).toBe('entitled');
    expect(majorityFor(ruleset, 'procedural_motion', undefined, 'suspend_standing_orders')).toBe('votes_cast');
  });
});
