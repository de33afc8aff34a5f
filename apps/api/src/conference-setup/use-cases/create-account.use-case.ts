import { Injectable } from '@nestjs/common';
import { hashSecret } from '../../auth/passwords';
import { EntityManager } from 'typeorm';
import { can, Conflict, Forbidden, InvalidInput, Principal } from '@agm/domain';
import type { AccountResponseDto } from '@agm/contracts';
import { AccessRepository } from '@agm/persistence';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { Transactions } from '../../events/transactions';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  memberId?: string;
  headOffice?: boolean;
}

/** Minimum password length for officials; the DTO says the same to HTTP callers. */
export const MIN_PASSWORD_LENGTH = 12;

/** Taken (on PostgreSQL) while the very first account is made, so two instances cannot both bootstrap. */
const FIRST_ACCOUNT_LOCK = 7_716_330_001;

/** Head office creates the accounts of officials: SOC, chairs, tellers, monitors and body officers. */
@Injectable()
export class CreateAccount {
  constructor(
    private readonly transactions: Transactions,
    private readonly access: AccessRepository,
    private readonly setup: ConferenceSetupRepository,
  ) {}

  async execute(principal: Principal, input: NewAccount): Promise<AccountResponseDto> {
    // Accounts belong to the union, not to one conference: only head office makes them.
    if (!can(principal, 'membership.manage'))
      throw new Forbidden('Only head office creates official accounts.');
    const hash = await hashPassword(input.password);
    return this.transactions.run(({ manager }) => this.insert(manager, input, hash));
  }

  /**
   * The first head office account of an empty system (the demo seed, or an operator's first start).
   * Answers null, writing nothing, when any account already exists.
   */
  async createFirst(input: NewAccount, onPostgres: boolean): Promise<AccountResponseDto | null> {
    const hash = await hashPassword(input.password);
    return this.transactions.run(async ({ manager }) => {
      if (onPostgres) await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ACCOUNT_LOCK]);
      if ((await this.access.countAccounts(manager)) > 0) return null;
      return this.insert(manager, { ...input, headOffice: true }, hash);
    });
  }

  private async insert(
    manager: EntityManager,
    input: NewAccount,
    passwordHash: string,
  ): Promise<AccountResponseDto> {
    const email = input.email.trim();
    if (await this.access.findAccountByEmail(manager, email))
      throw new Conflict(`An account for ${email} already exists.`);
    if (input.memberId && !(await this.setup.memberExists(manager, input.memberId))) {
      throw new InvalidInput('No member has that id.', {
        memberId: 'no member with this id; import the register first',
      });
    }
    try {
      await manager.query('SAVEPOINT account_insert');
      const account = await this.access.insertAccount(manager, {
        email,
        name: input.name.trim(),
        passwordHash,
        memberId: input.memberId ?? null,
        isHeadOffice: input.headOffice ?? false,
      });
      return {
        id: account.id,
        email: account.email,
        name: account.name,
        memberId: account.memberId,
        isHeadOffice: account.isHeadOffice,
      };
    } catch (error) {
      // 23505: another request made the same email between our check and the insert.
      if ((error as { code?: string }).code === '23505') {
        await manager.query('ROLLBACK TO SAVEPOINT account_insert');
        throw new Conflict(`An account for ${email} already exists.`);
      }
      throw error;
    }
  }
}

async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInput('The password is too short.', {
      password: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
    });
  }
  return hashSecret(password);
}
