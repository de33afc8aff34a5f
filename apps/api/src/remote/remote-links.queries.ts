import { Injectable } from '@nestjs/common';
import { can, foldDebate, NotFound, openItemOf, Principal } from '@agm/domain';
import type { RemoteLinksResponseDto, SpeakerRoomResponseDto } from '@agm/contracts';
import { DebateLogRepository } from '@agm/persistence/debate';
import { RemoteLinksRepository } from '@agm/persistence/remote';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';

/** Reads of the livestream and speakers' room, each for whom it is meant. */
@Injectable()
export class RemoteLinksQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: RemoteLinksRepository,
    private readonly log: DebateLogRepository,
  ) {}

  /**
   * Anyone in the conference sees the livestream; the speakers' room only remote attendees (a called
   * one joins it) and the conference's officials. A hall attendee speaks at the microphone, and a room
   * link passed round the hall would fill the room with echoes.
   */
  async forPrincipal(principal: Principal, conferenceId: string): Promise<RemoteLinksResponseDto> {
    assertCan(principal, 'conference.view', { conferenceId });
    return this.transactions.manager.transaction(async (manager) => {
      const links = await this.links.find(manager, conferenceId);
      if (!links) throw new NotFound('No such conference.');
      const official =
        can(principal, 'conference.manage', { conferenceId }) ||
        can(principal, 'debate.chair', { conferenceId });
      const remote =
        principal.kind === 'attendee' &&
        (await this.links.attendanceMode(manager, principal.registrationId)) === 'remote';
      return { livestreamUrl: links.livestreamUrl, roomUrl: official || remote ? links.roomUrl : null };
    });
  }

  /** The chair's: the member called or speaking now, whether remote, and whether they said they joined. */
  async speakerRoom(principal: Principal, conferenceId: string): Promise<SpeakerRoomResponseDto> {
    assertCan(principal, 'debate.chair', { conferenceId });
    return this.transactions.manager.transaction('REPEATABLE READ', async (manager) => {
      const links = await this.links.find(manager, conferenceId);
      if (!links) throw new NotFound('No such conference.');
      const state = foldDebate((await this.log.events(manager, conferenceId)).map((e) => e.event));
      const item = openItemOf(state);
      const memberId = item?.speech?.memberId ?? item?.call?.memberId;
      if (!item || !memberId) return { roomUrl: links.roomUrl, called: null };
      const modes = await this.links.attendanceModes(manager, conferenceId, [memberId]);
      const names = await this.log.names(manager, [memberId]);
      const joined = (await this.links.joined(manager, conferenceId, item.itemId)).filter(
        (j) => j.memberId === memberId,
      );
      return {
        roomUrl: links.roomUrl,
        called: {
          memberId,
          name: names.get(memberId) ?? null,
          remote: modes.get(memberId) === 'remote',
          joinedAt: joined.at(-1)?.at.toISOString() ?? null,
        },
      };
    });
  }
}
