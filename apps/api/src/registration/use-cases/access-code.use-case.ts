import { Injectable } from '@nestjs/common';
import { NotFound, Principal } from '@agm/domain';
import { AccessRepository, CodeDelivery, RegistrationRepository, RegistrationRow } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { SessionRevocations } from '../../auth/session-revocations';
import { Transactions } from '../../events/transactions';
import { newAccessCode } from '../access-codes';
import { CodeNotices } from '../code-notices';

/**
 * Reissue or revoke an attendee's access code. Either way the old code stops working and every
 * session signed in with it ends, live sockets included. A reissued code is emailed to the member where
 * it can be, and shown to head office once either way.
 */
@Injectable()
export class ChangeAccessCode {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationRepository,
    private readonly access: AccessRepository,
    private readonly revocations: SessionRevocations,
    private readonly notices: CodeNotices,
  ) {}

  async reissue(
    principal: Principal,
    conferenceId: string,
    registrationId: string,
  ): Promise<{ registration: RegistrationRow; accessCode: string; delivery: CodeDelivery }> {
    const { code, hash } = await newAccessCode();
    await this.change(principal, conferenceId, registrationId, hash);
    const { byRegistration } = await this.notices.deliver(conferenceId, new Map([[registrationId, code]]), 'reissued', 'shown');
    const registration = (await this.registrations.find(this.transactions.manager, conferenceId, registrationId)) as RegistrationRow;
    return { registration, accessCode: code, delivery: byRegistration.get(registrationId) ?? 'shown' };
  }

  revoke(principal: Principal, conferenceId: string, registrationId: string): Promise<RegistrationRow> {
    return this.change(principal, conferenceId, registrationId, null);
  }

  private async change(
    principal: Principal,
    conferenceId: string,
    registrationId: string,
    newHash: string | null,
  ): Promise<RegistrationRow> {
    assertCan(principal, 'registration.manage', { conferenceId });
    let revokedSessions: string[] = [];
    const registration = await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const existing = await this.registrations.find(manager, conferenceId, registrationId, true);
      if (!existing) throw new NotFound('No such registration in this conference.');
      await this.registrations.setAccessCode(manager, registrationId, newHash, now);
      revokedSessions = await this.access.revokeRegistrationSessions(manager, registrationId, now);
      record({
        conferenceId,
        type: newHash ? 'access_code.reissued' : 'access_code.revoked',
        payload: { registrationId },
        audience: 'admin',
        actorId: actorOf(principal),
      });
      return (await this.registrations.find(manager, conferenceId, registrationId)) as RegistrationRow;
    });
    this.revocations.publish(revokedSessions);
    return registration;
  }
}
