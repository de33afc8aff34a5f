import { findRulesetProblems, napoDefaultRuleset, assertValidRuleset, speechLimitFor } from './ruleset';
import { InvalidInput } from '../errors';

describe('the standing-orders ruleset', () => {
  it('accepts the Napo defaults as they are', () => {
    expect(findRulesetProblems(napoDefaultRuleset())).toEqual({});
  });

  it('lets only full members vote on pay and conditions by default', () => {
    const { categories } = napoDefaultRuleset();
    const mayVoteOnPay = Object.entries(categories)
      .filter(([, rule]) => rule.mayVote && !rule.excludedTopics.includes('pay_and_conditions'))
      .map(([code]) => code);
    expect(mayVoteOnPay).toEqual(['full']);
  });

  it('names every broken rule at once', () => {
    const ruleset = napoDefaultRuleset();
    ruleset.speechLimitsSeconds.mover = 0;
    ruleset.quorum.minimumShareOfMembership = 1.5;
    ruleset.majorities.procedural.challenge_chair = 'three_quarters' as never;
    ruleset.categories.retired.excludedTopics = ['fishing'];
    expect(Object.keys(findRulesetProblems(ruleset)).sort()).toEqual([
      'categories.retired.excludedTopics',
      'majorities.procedural.challenge_chair',
      'quorum.minimumShareOfMembership',
      'speechLimitsSeconds.mover',
      'speechLimitsSeconds.warningBefore',
    ]);
  });

  it('throws InvalidInput carrying the problems', () => {
    const ruleset = napoDefaultRuleset();
    ruleset.monitoring.suppressionThreshold = 0;
    expect(() => assertValidRuleset(ruleset)).toThrow(InvalidInput);
  });

  it('gives the mover five minutes and other speakers three by default', () => {
    const ruleset = napoDefaultRuleset();
    expect(speechLimitFor(ruleset, 'mover')).toBe(300);
    expect(speechLimitFor(ruleset, 'against')).toBe(180);
  });
});
