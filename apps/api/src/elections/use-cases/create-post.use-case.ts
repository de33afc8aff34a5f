import { Injectable } from '@nestjs/common';
import { assertValidPost, Conflict, InvalidInput, NotFound, Principal } from '@agm/domain';
import type { PostCreateDto } from '@agm/contracts';
import { ConferenceRepository, loadRuleset } from '@agm/persistence';
import { ElectionPostRepository, PostRow } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';

/** Head office or the returning officer sets up a post the conference elects (docs/elections.md, "Posts and nominations"). */
@Injectable()
export class CreatePost {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, command: PostCreateDto): Promise<PostRow> {
    assertCan(principal, 'elections.manage', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record }) => {
      const conference = await this.conferences.findById(manager, conferenceId, true);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      const definition = {
        conferenceId,
        title: command.title.trim(),
        seats: command.seats,
        method: command.method,
        eligibleCategories: [...new Set(command.eligibleCategories)],
        eligibleBodyIds: [...new Set(command.eligibleBodyIds)],
        nominatingBodyIds: [...new Set(command.nominatingBodyIds)],
        nominationsOpenAt: new Date(command.nominationsOpenAt),
        nominationsCloseAt: new Date(command.nominationsCloseAt),
        statementWordLimit: command.statementWordLimit,
        reservedSeats: command.reservedSeats.map((r) => ({ group: r.group.trim(), atLeast: r.atLeast })),
      };
      assertValidPost(definition);
      const known = await this.posts.bodyNames(manager, [
        ...definition.eligibleBodyIds,
        ...definition.nominatingBodyIds,
      ]);
      const unknown: Record<string, string> = {};
      // A misspelt category would silently let nobody stand.
      const categories = Object.keys((await loadRuleset(manager, conferenceId))?.categories ?? {});
      const unknownCategories = definition.eligibleCategories.filter((c) => !categories.includes(c));
      if (unknownCategories.length > 0) {
        unknown.eligibleCategories = `${unknownCategories.join(', ')}: not a membership category of this conference (${categories.join(', ')})`;
      }
      if (definition.eligibleBodyIds.some((id) => !known.has(id)))
        unknown.eligibleBodyIds = 'a body that is not on the register';
      if (definition.nominatingBodyIds.some((id) => !known.has(id)))
        unknown.nominatingBodyIds = 'a body that is not on the register';
      if (Object.keys(unknown).length > 0)
        throw new InvalidInput('Name only categories and bodies this conference knows.', unknown);
      if (await this.posts.titleTaken(manager, conferenceId, definition.title)) {
        throw new Conflict(
          `This conference already elects a post called "${definition.title}": give the new post another title.`,
          { title: 'already used in this conference' },
        );
      }
      const post = await this.posts.insertPost(manager, definition);
      record({
        conferenceId,
        type: 'election.post.created',
        payload: {
          postId: post.id,
          title: post.title,
          seats: post.seats,
          method: post.method,
          nominationsOpenAt: post.nominationsOpenAt.toISOString(),
          nominationsCloseAt: post.nominationsCloseAt.toISOString(),
          reservedSeats: post.reservedSeats,
        },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return post;
    });
  }
}
