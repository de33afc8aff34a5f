import { Injectable } from '@nestjs/common';
import { NotFound, Principal, remoteGraceSeconds, StandingOrderViolation } from '@agm/domain';
import { loadRuleset, RegistrationRepository } from '@agm/persistence';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions, UnitOfWork } from '../../events/transactions';
import { QuorumQueries } from '../quorum.queries';
import { RecordCardNumber } from './record-card-number.use-case';

/** What the phone reads when the grace after a dropped connection ran out. */
export const PRESENCE_LAPSED =
  'You were disconnected for longer than the meeting allows, so you no longer count as present and cannot vote. Confirm your attendance again.';

/**
 * Presence: hall attendees are checked in and out by head office or tellers; a remote attendee is
 * present from confirming until their presence lease lapses: sockets of theirs on any instance renew
 * it, and it outlives a dropped connection, a reload or a dead instance by the ruleset's grace
 * (`presence.remoteGraceSeconds`). Each change that alters who is present is logged, with the new
 * quorum figure for everyone.
 */
@Injectable()
export class RecordPresence {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationRepository,
    private readonly quorum: QuorumQueries,
    private readonly cards: RecordCardNumber,
  ) {}

  async checkIn(principal: Principal, conferenceId: string, registrationId: string, checkedIn: boolean, cardNumber?: string) {
    assertCan(principal, 'presence.record', { conferenceId });
    return this.transactions.runFor(conferenceId, async (uow) => {
      const registration = await this.registrations.find(uow.manager, conferenceId, registrationId, true);
      if (!registration) throw new NotFound('No such registration in this conference.');
      if (registration.attendanceMode !== 'hall') {
        throw new StandingOrderViolation(
          'attendance-mode',
          `${registration.name} is registered to attend remotely; remote attendees are present while connected, not checked in. To check them in at the hall, switch them to the hall with a reason.`,
        );
      }
      // The card the member holds, read at the door: recorded with the check-in (issue 19).
      if (checkedIn && cardNumber) await this.cards.apply(uow.manager, conferenceId, registrationId, cardNumber);
      return this.apply(uow, conferenceId, registrationId, { checkedIn }, actorOf(principal));
    });
  }

  /** A remote attendee confirms attendance: present, with a lease of the conference's grace. */
  async confirmRemote(conferenceId: string, registrationId: string, instanceId: string) {
    return this.transactions.runFor(conferenceId, async (uow) => {
      const registration = await this.registrations.find(uow.manager, conferenceId, registrationId, true);
      if (!registration || registration.attendanceMode !== 'remote') return null;
      const ruleset = await loadRuleset(uow.manager, conferenceId);
      await this.registrations.holdLease(
        uow.manager,
        registrationId,
        remoteGraceSeconds(ruleset ?? {}),
        instanceId,
      );
      return this.apply(uow, conferenceId, registrationId, { remoteConfirmed: true }, null);
    });
  }

  /**
   * Sockets of remote attendees connected (a reload, a new tab, a reconnect to any instance): each
   * one's lease, if still live, goes on. Answers those still present, in one write for many sockets.
   */
  async resumeRemoteMany(registrationIds: string[], instanceId: string): Promise<Set<string>> {
    return this.registrations.resumeLeases(this.transactions.manager, registrationIds, instanceId);
  }

  async isPresent(conferenceId: string, registrationId: string): Promise<boolean> {
    return (
      (await this.registrations.find(this.transactions.manager, conferenceId, registrationId))?.present ??
      false
    );
  }

  /** Their last socket on this instance closed: they stay present for the whole grace from now. */
  async keepThroughDisconnect(registrationIds: string[]): Promise<void> {
    await this.registrations.extendLeases(this.transactions.manager, registrationIds);
  }

  /** Each instance's heartbeat for the remote attendees it serves. */
  async renew(registrationIds: string[], instanceId: string): Promise<void> {
    await this.registrations.renewLeases(this.transactions.manager, registrationIds, instanceId);
  }

  /**
   * Ends the presence of every remote attendee whose lease lapsed, on whichever instance runs it first
   * (each checks again under a row lock, so two sweepers record one change). The attendee is told on
   * their own audience, so a phone that comes back reads why and offers to confirm again.
   */
  async sweepLapsed(): Promise<number> {
    let ended = 0;
    for (const { conferenceId, registrationId } of await this.registrations.lapsedRemote(
      this.transactions.manager,
    )) {
      const done = await this.transactions.runFor(conferenceId, async (uow) => {
        if (!(await this.registrations.endLapsedLease(uow.manager, registrationId))) return false;
        const registration = await this.registrations.find(uow.manager, conferenceId, registrationId, true);
        if (!registration?.present) return false;
        await this.apply(uow, conferenceId, registrationId, { remoteConfirmed: false }, null);
        uow.record({
          conferenceId,
          type: 'presence.lapsed',
          payload: { present: false, reason: PRESENCE_LAPSED },
          audience: `member:${registration.memberId}`,
          actorId: null,
        });
        return true;
      });
      if (done) ended++;
    }
    return ended;
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
      const name = (await this.registrations.find(manager, conferenceId, registrationId))?.name;
      // The name, so the chair's and tellers' screens never show an id.
      record({
        conferenceId,
        type: 'presence.changed',
        payload: { registrationId, name, present },
        audience: 'admin',
        actorId,
      });
      record({ conferenceId, type: 'quorum.changed', payload: { ...quorum }, audience: 'public', actorId });
    }
    return { present, quorum };
  }
}
