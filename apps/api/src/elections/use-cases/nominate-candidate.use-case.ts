import { Injectable } from '@nestjs/common';
import {
  assertMayNominate,
  assertMayStand,
  assertNominationsOpen,
  assertNotAlreadyNominated,
  InvalidInput,
  NotFound,
  Principal,
} from '@agm/domain';
import type { NominationCreateDto } from '@agm/contracts';
import { ConferenceRepository } from '@agm/persistence';
import { ElectionPostRepository } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { loadPost } from '../election-commands';

/**
 * An officer of a body nominates a member for a post: inside the nomination window, for a body the
 * post takes nominations from, a member who may stand, and not one already nominated.
 */
@Injectable()
export class NominateCandidate {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    postId: string,
    command: NominationCreateDto,
  ): Promise<{ id: string }> {
    assertCan(principal, 'conference.view', { conferenceId });
    // Nominations are a body's act, as motions are: only its officers make them (head office does not).
    assertCan(principal, 'body.submit', { conferenceId, bodyId: command.bodyId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const { conference, post } = await loadPost(
        manager,
        this.conferences,
        this.posts,
        conferenceId,
        postId,
      );
      assertNominationsOpen(post, now, conference.timeZone);
      const bodyNames = await this.posts.bodyNames(manager, [
        command.bodyId,
        ...post.eligibleBodyIds,
        ...post.nominatingBodyIds,
      ]);
      const bodyName = bodyNames.get(command.bodyId);
      if (!bodyName) throw new NotFound('There is no such body on the register.');
      assertMayNominate(post, command.bodyId, bodyName, bodyNames);
      const candidate = await this.posts.candidate(manager, command.candidateMemberId);
      if (!candidate)
        throw new InvalidInput('The candidate must be a member on the register.', {
          candidateMemberId: 'no such member on the register',
        });
      assertMayStand(post, candidate, bodyNames);
      assertNotAlreadyNominated(
        post,
        await this.posts.nominationsOf(manager, [post.id]),
        candidate.id,
        candidate.name,
      );
      const id = await this.posts.insertNomination(manager, {
        postId: post.id,
        candidateMemberId: candidate.id,
        nominatingBodyId: command.bodyId,
        nominatedBy: actorOf(principal),
        at: now,
      });
      // Not public until the candidate accepts: a member may decline to stand.
      record({
        conferenceId,
        type: 'election.nomination.made',
        payload: {
          nominationId: id,
          postId: post.id,
          title: post.title,
          candidateMemberId: candidate.id,
          candidateName: candidate.name,
          bodyName,
        },
        audience: 'elections',
        actorId: actorOf(principal),
      });
      record({
        conferenceId,
        type: 'election.nomination.made',
        payload: {
          nominationId: id,
          postId: post.id,
          title: post.title,
          bodyName,
          candidateName: candidate.name,
        },
        audience: `member:${candidate.id}`,
        actorId: actorOf(principal),
      });
      return { id };
    });
  }
}
