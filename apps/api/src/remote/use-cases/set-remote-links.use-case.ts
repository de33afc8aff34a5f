import { Injectable } from '@nestjs/common';
import { NotFound, Principal } from '@agm/domain';
import type { RemoteLinksDto, RemoteLinksResponseDto } from '@agm/contracts';
import { RemoteLinksRepository } from '@agm/persistence/remote';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';

/** Head office sets the livestream and the speakers' room (addresses validated as https by the DTO). */
@Injectable()
export class SetRemoteLinks {
  constructor(
    private readonly transactions: Transactions,
    private readonly links: RemoteLinksRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    input: RemoteLinksDto,
  ): Promise<RemoteLinksResponseDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    const actorId = actorOf(principal);
    const links = {
      livestreamUrl: input.livestreamUrl?.trim() || null,
      roomUrl: input.roomUrl?.trim() || null,
    };
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      if (!(await this.links.find(manager, conferenceId))) throw new NotFound('No such conference.');
      await this.links.set(manager, conferenceId, links);
      // Only that they changed goes to everyone (screens read the links again); the room's address is
      // not put in the public log, since hall attendees and projectors do not get it.
      record({
        conferenceId,
        type: 'conference.remote_links_changed',
        payload: { livestream: links.livestreamUrl !== null, room: links.roomUrl !== null },
        audience: 'public',
        actorId,
      });
      return links;
    });
  }
}
