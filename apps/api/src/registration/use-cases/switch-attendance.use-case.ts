import { Injectable } from '@nestjs/common';
import { AttendanceMode, checkAttendanceSwitch, NotFound, Principal } from '@agm/domain';
import { RegistrationRepository, RegistrationRow } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { QuorumQueries } from '../quorum.queries';

/**
 * Head office or a teller moves an attendee between the hall and remote attendance, with a reason: a
 * remote registrant who turned up is checked in at the hall; a hall registrant who fell ill votes from
 * home once their phone confirms. Refused while an open vote holds them on its register
 * (`checkAttendanceSwitch`): a member votes through one channel only.
 */
@Injectable()
export class SwitchAttendance {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationRepository,
    private readonly quorum: QuorumQueries,
  ) {}

  async execute(principal: Principal, conferenceId: string, registrationId: string, to: AttendanceMode, reason: string): Promise<RegistrationRow> {
    assertCan(principal, 'presence.record', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      // The conference lock is held: no vote can open between the check and the switch.
      const registration = await this.registrations.find(manager, conferenceId, registrationId, true);
      if (!registration) throw new NotFound('No such registration in this conference.');
      const openVotes = await this.registrations.openVotesHolding(manager, conferenceId, registration.memberId);
      checkAttendanceSwitch({ name: registration.name, from: registration.attendanceMode, to, reason, openVotes });
      const { changed, present } = await this.registrations.switchMode(manager, registrationId, to);
      const actorId = actorOf(principal);
      const payload = { registrationId, name: registration.name, from: registration.attendanceMode, to, reason: reason.trim() };
      record({ conferenceId, type: 'attendance.switched', payload, audience: 'admin', actorId });
      // The member's own screens: a phone that was remote stops offering the electronic ballot, and the reverse.
      record({ conferenceId, type: 'attendance.switched', payload: { attendanceMode: to, reason: reason.trim() }, audience: `member:${registration.memberId}`, actorId });
      if (changed) {
        record({ conferenceId, type: 'presence.changed', payload: { registrationId, name: registration.name, present }, audience: 'admin', actorId });
        record({ conferenceId, type: 'quorum.changed', payload: { ...(await this.quorum.figure(manager, conferenceId)) }, audience: 'public', actorId });
      }
      return (await this.registrations.find(manager, conferenceId, registrationId)) as RegistrationRow;
    });
  }
}
