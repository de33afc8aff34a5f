import { Injectable } from '@nestjs/common';
import { napoDefaultRuleset } from '@agm/domain';
import { checkMembersCsv } from '@agm/domain/membership';
import { MembershipRepository, UpsertCounts } from '@agm/persistence';
import { Transactions } from '../../events/transactions';
import { refuseIfProblems, requireCsvText } from '../register-import';

export interface ImportProgress {
  (written: number, total: number): void;
}

/**
 * Imports the membership register, all or nothing: every line is checked first and any problem
 * refuses the whole file; a good file is written in batches in one transaction. A membership number
 * already on the register is updated (name, email, category, branch), because head office
 * re-imports the whole register when it changes. Members missing from the file are left alone.
 */
@Injectable()
export class ImportMembers {
  constructor(
    private readonly transactions: Transactions,
    private readonly membership: MembershipRepository,
  ) {}

  async execute(body: unknown, onProgress?: ImportProgress): Promise<UpsertCounts> {
    const text = requireCsvText(body);
    return this.transactions.run(async ({ manager }) => {
      // The register is the union's, not one conference's: its categories are the ruleset defaults.
      const categories = Object.keys(napoDefaultRuleset().categories);
      const { rows, problems } = checkMembersCsv(text, {
        categories,
        branchCodes: await this.membership.branchCodes(manager),
      });
      refuseIfProblems(problems, rows.length, 'membership register');
      onProgress?.(0, rows.length);
      return this.membership.upsertMembers(manager, rows, (written) => onProgress?.(written, rows.length));
    });
  }
}
