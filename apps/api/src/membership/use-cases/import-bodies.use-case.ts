import { Injectable } from '@nestjs/common';
import { checkBodiesCsv } from '@agm/domain/membership';
import { MembershipRepository, UpsertCounts } from '@agm/persistence';
import { Transactions } from '../../events/transactions';
import { refuseIfProblems, requireCsvText } from '../register-import';

/** Imports branches, networks, committees and forums, all or nothing; a known code is updated. */
@Injectable()
export class ImportBodies {
  constructor(
    private readonly transactions: Transactions,
    private readonly membership: MembershipRepository,
  ) {}

  async execute(body: unknown): Promise<UpsertCounts> {
    const text = requireCsvText(body);
    const { rows, problems } = checkBodiesCsv(text);
    refuseIfProblems(problems, rows.length, 'bodies');
    return this.transactions.run(({ manager }) => this.membership.upsertBodies(manager, rows));
  }
}
