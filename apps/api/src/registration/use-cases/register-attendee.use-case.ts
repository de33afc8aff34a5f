import { Injectable } from '@nestjs/common';
import { AttendanceMode, Conflict, Forbidden, InvalidInput, NotFound, Principal } from '@agm/domain';
import { CodeDelivery, loadRuleset, RegistrationRepository, RegistrationRow } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { newAccessCode } from '../access-codes';
import { CodeNotices } from '../code-notices';

/**
 * Head office registers a member for a conference and receives the access code, once; the code is also
 * emailed to the member when the register has their address and SMTP is configured.
 */
@Injectable()
export class RegisterAttendee {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationRepository,
    private readonly notices: CodeNotices,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    membershipNumber: string,
    mode: AttendanceMode,
  ): Promise<{ registration: RegistrationRow; accessCode: string; delivery: CodeDelivery }> {
    assertCan(principal, 'registration.manage', { conferenceId });
    const { code, hash } = await newAccessCode();
    const made = await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const ruleset = await loadRuleset(manager, conferenceId);
      if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
      const member = await this.registrations.findMemberByNumber(manager, membershipNumber);
      if (!member)
        throw new InvalidInput('No member has that membership number.', {
          membershipNumber: `no member with number '${membershipNumber}'; check the register`,
        });
      if (!ruleset.categories[member.category]?.mayAttend) {
        throw new Forbidden(
          `Members in the ${member.category.replace(/_/g, ' ')} category may not attend this conference under its standing orders.`,
        );
      }
      const id = await this.registrations.insert(manager, conferenceId, member.id, mode, hash, now);
      if (!id)
        throw new Conflict(
          `${member.name} (${membershipNumber}) is already registered. Reissue their access code instead of registering again.`,
        );
      record({
        conferenceId,
        type: 'registration.created',
        payload: { registrationId: id, memberId: member.id, attendanceMode: mode },
        audience: 'admin',
        actorId: actorOf(principal),
      });
      return id;
    });
    // After the commit: a message must never carry a code whose registration was rolled back.
    const { byRegistration } = await this.notices.deliver(conferenceId, new Map([[made, code]]), 'registered', 'shown');
    const registration = (await this.registrations.find(this.transactions.manager, conferenceId, made)) as RegistrationRow;
    return { registration, accessCode: code, delivery: byRegistration.get(made) ?? 'shown' };
  }
}
