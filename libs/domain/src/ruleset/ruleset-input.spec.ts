import { napoDefaultRuleset } from './ruleset';
import { findRulesetInputProblems } from './ruleset-input';

describe('a ruleset sent from outside', () => {
  it("accepts Napo's defaults", () => {
    expect(findRulesetInputProblems(napoDefaultRuleset())).toEqual({});
  });

  it('names a misspelt rule and the rule it replaced', () => {
    const { speechLimitsSeconds, ...rest } = napoDefaultRuleset();
    expect(findRulesetInputProblems({ ...rest, speechLimitSeconds: speechLimitsSeconds })).toEqual({
      speechLimitsSeconds: 'is missing',
      speechLimitSeconds: expect.stringContaining('not a rule'),
    });
  });

  it('accepts a ruleset saved before the point limit existed, and a point limit left empty', () => {
    const ruleset = napoDefaultRuleset();
    const { point: _point, ...limits } = ruleset.speechLimitsSeconds;
    expect(findRulesetInputProblems({ ...ruleset, speechLimitsSeconds: limits })).toEqual({});
    expect(findRulesetInputProblems({ ...ruleset, speechLimitsSeconds: { ...limits, point: null } })).toEqual({});
    expect(findRulesetInputProblems({ ...ruleset, speechLimitsSeconds: { ...limits, point: 3 } })).toEqual({
      'speechLimitsSeconds.point': expect.stringContaining('10'),
    });
  });

  it('names wrong containers without crashing on them', () => {
    const problems = findRulesetInputProblems({
      ...napoDefaultRuleset(),
      topics: 5,
      quorum: 'many',
      categories: { full: 'yes' },
    });
    expect(Object.keys(problems).sort()).toEqual(['categories.full', 'quorum', 'topics']);
    expect(findRulesetInputProblems(null)).toEqual({ ruleset: expect.any(String) });
  });

  it('lets a union add its own category, with the category keys checked', () => {
    const ruleset = napoDefaultRuleset();
    const life = { ...ruleset.categories.full, countsTowardQuorum: false };
    expect(findRulesetInputProblems({ ...ruleset, categories: { ...ruleset.categories, life } })).toEqual({});
    expect(
      findRulesetInputProblems({
        ...ruleset,
        categories: { ...ruleset.categories, life: { ...life, mayShout: true } },
      }),
    ).toEqual({
      'categories.life.mayShout': expect.stringContaining('not a rule'),
    });
  });

  it('then applies every rule, each named by its path', () => {
    const ruleset = napoDefaultRuleset();
    const problems = findRulesetInputProblems({
      ...ruleset,
      speechLimitsSeconds: { ...ruleset.speechLimitsSeconds, mover: 'long' },
      majorities: { ...ruleset.majorities, motion: 'most' },
      quorum: { ...ruleset.quorum, minimumShareOfMembership: 2 },
    });
    expect(Object.keys(problems).sort()).toEqual([
      'majorities.motion',
      'quorum.minimumShareOfMembership',
      'speechLimitsSeconds.mover',
    ]);
  });
});
