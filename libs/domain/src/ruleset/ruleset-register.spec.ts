import { napoDefaultRuleset } from './ruleset';
import { findHeldCategoriesRemoved, findUnknownAmendmentBodies } from './ruleset-register';

describe('a ruleset against the register', () => {
  const withoutStudent = () => {
    const next = napoDefaultRuleset();
    delete next.categories.student;
    return next;
  };

  it('refuses to remove a category members hold, saying how many and what to do', () => {
    const problems = findHeldCategoriesRemoved(napoDefaultRuleset(), withoutStudent(), { full: 10, student: 3 });
    expect(problems).toEqual({ 'categories.student': expect.stringContaining('3 members of the register hold it') });
    expect(problems['categories.student']).toContain('Re-import the register with their new category first');
    expect(findHeldCategoriesRemoved(napoDefaultRuleset(), withoutStudent(), { student: 1 })['categories.student']).toContain(
      '1 member of the register holds it',
    );
  });

  it('lets an unused category go, and ignores categories held but never in the ruleset', () => {
    expect(findHeldCategoriesRemoved(napoDefaultRuleset(), withoutStudent(), { full: 10, student: 0 })).toEqual({});
    expect(findHeldCategoriesRemoved(napoDefaultRuleset(), napoDefaultRuleset(), { life: 4 })).toEqual({});
  });

  it('refuses body codes added that name no body, and keeps those already in force', () => {
    const next = napoDefaultRuleset();
    next.submission.constitutionalAmendmentBodyCodes = ['NEC', 'PCC', 'nec'];
    expect(findUnknownAmendmentBodies(napoDefaultRuleset(), next, ['PCC'])).toEqual({
      'submission.constitutionalAmendmentBodyCodes': expect.stringContaining("names no body: 'nec'"),
    });
    expect(findUnknownAmendmentBodies(napoDefaultRuleset(), napoDefaultRuleset(), [])).toEqual({});
  });
});
