import { FieldErrors } from '../errors';
import { findRulesetProblems, napoDefaultRuleset, Ruleset } from './ruleset';

const NOT_A_RULE = 'is not a rule of the ruleset; check the spelling';
/** Rules added after rulesets were first saved: a ruleset may leave them out (they then read as none). */
const OPTIONAL_RULES = new Set([
  'quorum.minimumBodiesRepresented',
  'quorum.minimumShareOfRegistered',
  'speechLimitsSeconds.point',
]);

/**
 * Checks a ruleset sent from outside (JSON of any shape) before `findRulesetProblems` reads it:
 * a missing or misspelt rule, an extra key, or a wrong container type is named by its path, so a
 * typo such as `speechLimitSeconds` is refused instead of stored and ignored. Then every rule of
 * `findRulesetProblems` is applied. Empty when the ruleset is valid.
 */
export function findRulesetInputProblems(input: unknown): FieldErrors {
  if (!isObject(input)) return { ruleset: 'must be an object with the standing-orders rules' };
  const problems: FieldErrors = {};
  const defaults = napoDefaultRuleset();
  const template = defaults as unknown as Record<string, unknown>;
  const categoryTemplate = defaults.categories.full as unknown as Record<string, unknown>;
  compareKeys('', input, template, problems);

  if (!isObject(input.categories)) problems['categories'] = 'must be an object keyed by category code';
  else {
    for (const [code, rule] of Object.entries(input.categories)) {
      if (!isObject(rule))
        problems[`categories.${code}`] =
          'must be an object with mayAttend, maySpeak, mayVote, countsTowardQuorum, excludedTopics';
      else {
        compareKeys(`categories.${code}.`, rule, categoryTemplate, problems);
        if (!isStringArray(rule.excludedTopics))
          problems[`categories.${code}.excludedTopics`] = 'must be a list of topic codes';
      }
    }
  }
  if (!isStringArray(input.topics)) problems['topics'] = 'must be a list of topic codes';
  if (isObject(input.submission)) {
    for (const key of [
      'constitutionalAmendmentBodyKinds',
      'constitutionalAmendmentBodyCodes',
      'jointSubmissionCategories',
    ]) {
      if (!isStringArray(input.submission[key])) problems[`submission.${key}`] = 'must be a list of codes';
    }
  }
  // The rules themselves can be read once every container has the right shape; an extra key alone does not stop them.
  const blocking = Object.values(problems).some((why) => why !== NOT_A_RULE);
  if (!blocking) Object.assign(problems, findRulesetProblems(input as unknown as Ruleset));
  return problems;
}

/** Object-valued rules must have exactly the template's keys; `categories` is open (unions add their own). */
function compareKeys(
  prefix: string,
  value: Record<string, unknown>,
  template: Record<string, unknown>,
  problems: FieldErrors,
): void {
  for (const key of Object.keys(template)) {
    if (!(key in value)) {
      if (!OPTIONAL_RULES.has(`${prefix}${key}`)) problems[`${prefix}${key}`] = 'is missing';
    }
    else if (key !== 'categories' && isObject(template[key]) && !Array.isArray(template[key])) {
      if (!isObject(value[key])) problems[`${prefix}${key}`] = 'must be an object';
      else compareKeys(`${prefix}${key}.`, value[key], template[key], problems);
    }
  }
  for (const key of Object.keys(value)) {
    if (!(key in template)) problems[`${prefix}${key}`] = NOT_A_RULE;
  }
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
