import { FieldErrors } from '../errors';

/**
 * Rules about motions that the shared `Ruleset` does not carry yet. Kept here, with Napo's defaults,
 * until the lead folds them into the ruleset (every number stays configurable per conference).
 */
export interface MotionsRulesetExtension {
  priorityBallot: {
    /** [Napo] each member picks 1 to 9 motions. */
    minPicks: number;
    maxPicks: number;
  };
  /**
   * [Napo SO 7] an emergency motion concerns an issue that arose after the motions deadline, so none is
   * taken while ordinary motions can still be submitted.
   */
  emergencyOnlyAfterMotionsDeadline: boolean;
}

export function napoMotionsRulesetExtension(): MotionsRulesetExtension {
  return { priorityBallot: { minPicks: 1, maxPicks: 9 }, emergencyOnlyAfterMotionsDeadline: true };
}

export function findMotionsRulesetProblems(rules: MotionsRulesetExtension): FieldErrors {
  const problems: FieldErrors = {};
  const { minPicks, maxPicks } = rules.priorityBallot ?? ({} as MotionsRulesetExtension['priorityBallot']);
  if (!Number.isInteger(minPicks) || minPicks < 1)
    problems['priorityBallot.minPicks'] = 'must be a whole number of at least 1';
  if (!Number.isInteger(maxPicks) || maxPicks < minPicks)
    problems['priorityBallot.maxPicks'] = 'must be a whole number no smaller than minPicks';
  if (typeof rules.emergencyOnlyAfterMotionsDeadline !== 'boolean')
    problems['emergencyOnlyAfterMotionsDeadline'] = 'must be true or false';
  return problems;
}
