import { Injectable } from '@nestjs/common';
import { NotFound, Principal, StandingOrderViolation } from '@agm/domain';
import { RegistrationRepository } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions, UnitOfWork } from '../../events/transactions';
import { QuorumQueries } from '../quorum.queries';

/**
 * Presence: hall attendees are checked in and out by head office or tellers; remote attendees are
 * present while they have confirmed and are connected. Each change that alters who is present is
 * logged, with the new quorum figure for everyone.
 */
@Injectable()
export class RecordPresence {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationRepository,
    private readonly quorum: QuorumQueries,
  ) {}

  async checkIn(principal: Principal, conferenceId: string, registrationId: string, checkedIn: boolean) {
    assertCan(principal, 'presence.record', { conferenceId });
    return this.transactions.runFor(conferenceId, async (uow) => {
      const registration = await this.registrations.find(uow.manager, conferenceId, registrationId, true);
      if (!registration) throw new NotFound(`No registration ${registrationId} in this conference.`);
      if (registration.attendanceMode !== 'hall') {
        throw new StandingOrderViolation(
          'attendance-mode',
          `${registration.name} is registered to attend remotely; remote attendees are present while connected, not checked in.`,
        );
      }
      return this.apply(uow, conferenceId, registrationId, { checkedIn }, actorOf(principal));
    });
  }

  /** A remote attendee confirms attendance (true) or their last connection closes (false). */
  async remoteConnection(conferenceId: string, registrationId: string, connected: boolean) {
    return this.transactions.runFor(conferenceId, async (uow) => {
      const registration = await this.registrations.find(uow.manager, conferenceId, registrationId, true);
      if (!registration || registration.attendanceMode !== 'remote') return null;
      return this.apply(uow, conferenceId, registrationId, { remoteConfirmed: connected }, null);
    });
  }

  private async apply(
    { manager, record }: UnitOfWork,
    conferenceId: string,
    registrationId: string,
    change: { checkedIn?: boolean; remoteConfirmed?: boolean },
    actorId: string | null,
  ) {
    const { changed, present } = await this.registrations.setPresence(manager, registrationId, change);
    const quorum = await this.quorum.figure(manager, conferenceId);
    if (changed) {
      record({
        conferenceId,
        type: 'presence.changed',
        payload: { registrationId, present },
        audience: 'admin',
        actorId,
      });
      record({ conferenceId, type: 'quorum.changed', payload: { ...quorum }, audience: 'public', actorId });
    }
    return { present, quorum };
  }
}
