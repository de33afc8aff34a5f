import { Injectable } from '@nestjs/common';
import { Conflict, InvalidInput, NotFound, Principal, Ruleset } from '@agm/domain';
import { findRulesetInputProblems } from '@agm/domain/ruleset/ruleset-input';
import { findHeldCategoriesRemoved, findUnknownAmendmentBodies } from '@agm/domain/ruleset/ruleset-register';
import type { RulesetResponseDto } from '@agm/contracts';
import { MembershipRepository } from '@agm/persistence';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';

/**
 * Puts a new standing-orders ruleset in force as the next version. Every version is kept with who
 * changed it, when and why; once the AGM has opened a reason is required, because changing standing
 * orders during the AGM is something the meeting decided and the record must say so.
 */
@Injectable()
export class ChangeRuleset {
  constructor(
    private readonly transactions: Transactions,
    private readonly setup: ConferenceSetupRepository,
    private readonly membership: MembershipRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    input: { ruleset: unknown; reason?: string; expectedVersion?: number },
  ): Promise<RulesetResponseDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    const problems = findRulesetInputProblems(input.ruleset);
    if (Object.keys(problems).length > 0) {
      throw new InvalidInput(
        `The ruleset was not changed: ${Object.keys(problems).length} rule(s) need fixing.`,
        prefix(problems),
      );
    }
    const ruleset = input.ruleset as Ruleset;
    const reason = input.reason?.trim() || null;
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const conference = await this.setup.find(manager, conferenceId, true);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      if (input.expectedVersion !== undefined && input.expectedVersion !== conference.rulesetVersion) {
        throw new Conflict(
          `The ruleset has changed since version ${input.expectedVersion}: version ${conference.rulesetVersion} is in force. Reload it and make your change again.`,
        );
      }
      if (conference.openedAt && !reason) {
        throw new InvalidInput(
          'The AGM has opened: say why the standing orders are changing, so the record shows it.',
          {
            reason:
              'required once the AGM has opened (e.g. the motion to suspend standing orders that was carried)',
          },
        );
      }
      const previous = await this.setup.currentRuleset(manager, conferenceId);
      if (previous) {
        // Members whose category is gone could no longer register or vote: the register changes first.
        const held = findHeldCategoriesRemoved(
          previous.ruleset,
          ruleset,
          await this.membership.categoryCounts(manager),
        );
        if (Object.keys(held).length > 0) {
          throw new Conflict(
            `The ruleset was not changed: members of the register still hold ${Object.keys(held)
              .map((path) => `'${path.slice('categories.'.length)}'`)
              .join(', ')}. Re-import the register with their new category first, then remove it.`,
            prefix(held),
          );
        }
        const unknownBodies = findUnknownAmendmentBodies(
          previous.ruleset,
          ruleset,
          await this.membership.bodyCodes(manager),
        );
        if (Object.keys(unknownBodies).length > 0) {
          throw new InvalidInput(
            'The ruleset was not changed: a body named as one that may submit constitutional amendments does not exist.',
            prefix(unknownBodies),
          );
        }
      }
      const version = conference.rulesetVersion + 1;
      const changedBy = principal.kind === 'account' ? principal.accountId : null;
      await this.setup.saveRulesetVersion(manager, conferenceId, {
        version,
        ruleset,
        changedBy,
        changedAt: now,
        reason,
      });
      const changed = previous ? changedPaths(previous.ruleset, ruleset) : [];
      record({
        conferenceId,
        type: 'ruleset.changed',
        payload: { version, reason, changed, duringAgm: conference.openedAt !== null },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return { conferenceId, version, ruleset };
    });
  }
}

/** Paths are named from the request body's point of view: `ruleset.speechLimitsSeconds.mover`. */
function prefix(problems: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(problems).map(([path, why]) => [path === 'ruleset' ? path : `ruleset.${path}`, why]),
  );
}

/** The leaf rules that differ between two rulesets, e.g. ['speechLimitsSeconds.mover']. */
export function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedPaths(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path];
}
