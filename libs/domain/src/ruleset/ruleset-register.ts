import { FieldErrors } from '../errors';
import { Ruleset } from './ruleset';

/**
 * Rules that tie a ruleset to the membership register and the bodies: a save may not take away a
 * category members still hold, nor name a body that does not exist as one that may submit
 * constitutional amendments. Only what the save changes is checked, so a ruleset already in force
 * (Napo's defaults name the NEC before any body is imported) can still be saved with other edits.
 */

/**
 * The categories the new ruleset removes that members of the register still hold, each named at
 * `categories.<code>` with how many members hold it and what to do. `heldCategories` counts the
 * register's members by category code. Empty when nothing held is removed.
 */
export function findHeldCategoriesRemoved(
  previous: Ruleset,
  next: Ruleset,
  heldCategories: Record<string, number>,
): FieldErrors {
  const problems: FieldErrors = {};
  for (const code of Object.keys(previous.categories)) {
    const held = heldCategories[code] ?? 0;
    if (code in next.categories || held === 0) continue;
    problems[`categories.${code}`] =
      `cannot be removed: ${held} member${held === 1 ? '' : 's'} of the register ${held === 1 ? 'holds' : 'hold'} it. ` +
      `Re-import the register with their new category first, then remove '${code}'`;
  }
  return problems;
}

/**
 * The body codes the new ruleset adds to those that may submit constitutional amendments that name
 * no body, at `submission.constitutionalAmendmentBodyCodes`. `bodyCodes` are the bodies that exist.
 */
export function findUnknownAmendmentBodies(previous: Ruleset, next: Ruleset, bodyCodes: string[]): FieldErrors {
  const known = new Set(bodyCodes);
  const before = new Set(previous.submission.constitutionalAmendmentBodyCodes);
  const unknown = next.submission.constitutionalAmendmentBodyCodes.filter((code) => !before.has(code) && !known.has(code));
  if (unknown.length === 0) return {};
  const named = unknown.map((code) => `'${code}'`).join(', ');
  return {
    'submission.constitutionalAmendmentBodyCodes': `${unknown.length === 1 ? 'names no body' : 'name no bodies'}: ${named}. Use the code of a body in the register (codes are case-sensitive), or import the body first`,
  };
}
