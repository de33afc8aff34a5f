import { Injectable } from '@nestjs/common';
import { checkOfficersCsv } from '@agm/domain/membership';
import { MembershipRepository } from '@agm/persistence';
import { Transactions } from '../../events/transactions';
import { refuseIfProblems, requireCsvText } from '../register-import';

/**
 * Imports body officers, all or nothing. For each body the file names, the file is its whole list of
 * officers: appointments it no longer lists end. Bodies the file does not name keep their officers.
 */
@Injectable()
export class ImportOfficers {
  constructor(
    private readonly transactions: Transactions,
    private readonly membership: MembershipRepository,
  ) {}

  async execute(body: unknown): Promise<{ imported: number; updated: number; removed: number }> {
    const text = requireCsvText(body);
    return this.transactions.run(async ({ manager }) => {
      const [bodyCodes, membershipNumbers] = await Promise.all([
        this.membership.bodyCodes(manager),
        this.membership.membershipNumbers(manager),
      ]);
      const { rows, problems } = checkOfficersCsv(text, { bodyCodes, membershipNumbers });
      refuseIfProblems(problems, rows.length, 'officers');
      return this.membership.replaceOfficers(manager, rows);
    });
  }
}
