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

describe('the codes a ruleset names', () => {
  it('accepts a category and a topic added as codes the register import can match', () => {
    const ruleset = napoDefaultRuleset();
    ruleset.categories.life_member = { mayAttend: true, maySpeak: true, mayVote: false, countsTowardQuorum: false, excludedTopics: ['pensions'] };
    ruleset.topics.push('pensions');
    ruleset.submission.constitutionalAmendmentBodyKinds.push('committee');
    expect(findRulesetProblems(ruleset)).toEqual({});
  });

  it('refuses a category or topic written as a name, a topic listed twice, and an unknown body kind', () => {
    const ruleset = napoDefaultRuleset();
    ruleset.categories['Life member'] = { ...ruleset.categories.retired };
    ruleset.topics.push('general');
    ruleset.submission.constitutionalAmendmentBodyKinds = ['branch', 'regional_council'];
    const problems = findRulesetProblems(ruleset);
    expect(problems).toEqual({
      'categories.Life member': expect.stringContaining('lowercase letters, digits and underscores'),
      topics: "lists 'general' twice; each topic once",
      'submission.constitutionalAmendmentBodyKinds': expect.stringContaining("unknown body kind 'regional_council'"),
    });
    const spaced = napoDefaultRuleset();
    spaced.topics.push('Pay rise');
    expect(findRulesetProblems(spaced)).toEqual({ topics: expect.stringContaining("'Pay rise' is not a code") });
  });
});
