import { Injectable } from '@nestjs/common';
import { foldDebate, Forbidden, openItemOf, Principal, StandingOrderViolation } from '@agm/domain';
import { DebateLogRepository } from '@agm/persistence/debate';
import { RemoteLinksRepository } from '@agm/persistence/remote';
import { assertCan } from '../../auth/access-control';
import { Transactions } from '../../events/transactions';

/**
 * A called remote speaker says they have joined the speakers' room, so the chair knows they can be heard
 * before starting the speech. Only the member called (or speaking) now, attending remotely, may say so;
 * it is a log entry for the chair, read back by the chair's console.
 */
@Injectable()
export class SayRoomJoined {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: RemoteLinksRepository,
    private readonly log: DebateLogRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string): Promise<{ joinedAt: string }> {
    assertCan(principal, 'conference.view', { conferenceId });
    if (principal.kind !== 'attendee')
      throw new Forbidden('Only the member called to speak says they have joined the speakers’ room.');
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const links = await this.links.find(manager, conferenceId);
      if (!links?.roomUrl)
        throw new StandingOrderViolation(
          'speaker-room',
          'This conference has no speakers’ room set: the chair will hear you another way. Head office sets the room on the conference set-up screen.',
        );
      if ((await this.links.attendanceMode(manager, principal.registrationId)) !== 'remote')
        throw new StandingOrderViolation(
          'speaker-room',
          'You are attending in the hall: speak at the microphone when the chair calls you.',
        );
      // Read under the conference's lock: the call cannot move on between this check and the entry.
      const state = foldDebate((await this.log.events(manager, conferenceId)).map((e) => e.event));
      const item = openItemOf(state);
      const calledNow = item?.speech?.memberId ?? item?.call?.memberId;
      if (!item || calledNow !== principal.memberId)
        throw new StandingOrderViolation(
          'speaker-room',
          'The chair has not called you to speak just now. When you are called, join the room and tap “I have joined” then.',
        );
      record({
        conferenceId,
        type: 'speaker.room_joined',
        payload: { itemId: item.itemId, memberId: principal.memberId, name: principal.name },
        audience: 'chair',
        actorId: principal.memberId,
      });
      return { joinedAt: now.toISOString() };
    });
  }
}
