import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConferenceRole, InvalidInput, NotFound, Principal } from '@agm/domain';
import type { RoleAssignmentResponseDto } from '@agm/contracts';
import { AccessRepository } from '@agm/persistence';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { AccessChanges } from '../../auth/access-changes';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';

/**
 * A conference's administrators give officials their roles for it (admin, SOC, chair, teller,
 * monitor). Roles are read at each request, so a change applies from the official's next request;
 * their open sockets are told after the commit (AccessChanges), so a removed role's live audience is
 * left at once rather than at their next message.
 */
@Injectable()
export class AssignRoles {
  constructor(
    private readonly transactions: Transactions,
    private readonly setup: ConferenceSetupRepository,
    private readonly access: AccessRepository,
    private readonly accessChanges: AccessChanges,
  ) {}

  /** Idempotent: giving a role someone already holds changes nothing and records nothing. */
  async assign(
    principal: Principal,
    conferenceId: string,
    input: { accountId?: string; email?: string; role: ConferenceRole },
  ): Promise<RoleAssignmentResponseDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      if (!(await this.setup.find(manager, conferenceId, true)))
        throw new NotFound('No such conference, or it is not yours to see.');
      const account = await this.account(manager, input);
      const added = await this.setup.assignRole(manager, conferenceId, account.id, input.role);
      if (added)
        record({
          conferenceId,
          type: 'role.assigned',
          payload: { accountId: account.id, role: input.role },
          audience: 'admin',
          actorId: actorOf(principal),
        });
      return { accountId: account.id, email: account.email, name: account.name, role: input.role };
    });
  }

  async remove(
    principal: Principal,
    conferenceId: string,
    accountId: string,
    role: ConferenceRole,
  ): Promise<void> {
    assertCan(principal, 'conference.manage', { conferenceId });
    await this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      if (!(await this.setup.find(manager, conferenceId, true)))
        throw new NotFound('No such conference, or it is not yours to see.');
      const removed = await this.setup.removeRole(manager, conferenceId, accountId, role);
      if (!removed) throw new NotFound(`That account does not hold the ${role.replace(/_/g, ' ')} role in this conference.`);
      record({
        conferenceId,
        type: 'role.removed',
        payload: { accountId, role },
        audience: 'admin',
        actorId: actorOf(principal),
      });
    });
    this.accessChanges.publish(accountId);
  }

  private async account(manager: EntityManager, input: { accountId?: string; email?: string }) {
    if (!!input.accountId === !!input.email) {
      throw new InvalidInput('Name the official by accountId or by email, not both.', {
        accountId: 'give exactly one of accountId and email',
      });
    }
    const account = input.accountId
      ? await this.access.findAccount(manager, input.accountId)
      : await this.access.findAccountByEmail(manager, input.email!);
    if (!account) {
      throw new InvalidInput('No official account matches.', {
        [input.accountId ? 'accountId' : 'email']:
          'no official account; head office creates it first (POST /api/accounts)',
      });
    }
    return account;
  }
}
