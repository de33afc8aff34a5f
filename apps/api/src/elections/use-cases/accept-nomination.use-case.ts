import { Injectable } from '@nestjs/common';
import {
  assertNominationsOpen,
  assertValidAcceptance,
  Conflict,
  Principal,
  publicDeclaration,
} from '@agm/domain';
import type { NominationAcceptDto } from '@agm/contracts';
import { ConferenceRepository } from '@agm/persistence';
import { ElectionPostRepository } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { assertCandidateOrReturningOfficer, loadNomination, loadPost } from '../election-commands';

/**
 * The candidate accepts their nomination with a statement (and, where seats are reserved, their own
 * declaration), before nominations close. The returning officer may record a signed paper acceptance.
 */
@Injectable()
export class AcceptNomination {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    postId: string,
    nominationId: string,
    command: NominationAcceptDto,
  ): Promise<void> {
    // Someone with no part in the conference learns nothing of its posts: 404, as for no conference.
    assertCan(principal, 'conference.view', { conferenceId });
    const actorId = actorOf(principal);
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const { conference, post } = await loadPost(
        manager,
        this.conferences,
        this.posts,
        conferenceId,
        postId,
      );
      const nomination = await loadNomination(manager, this.posts, post, nominationId);
      assertCandidateOrReturningOfficer(principal, conferenceId, nomination);
      if (nomination.status === 'accepted')
        throw new Conflict(
          `${nomination.candidateName} has already accepted the nomination for ${post.title}.`,
        );
      if (nomination.status === 'withdrawn')
        throw new Conflict(
          `${nomination.candidateName} withdrew from ${post.title}; a body must nominate them again before they can accept.`,
        );
      // The acceptance is part of a valid nomination, so it too must be in by the close.
      assertNominationsOpen(post, now, conference.timeZone);
      const statement = command.statement.trim();
      const declaration = command.declaration
        ? {
            groups: [...new Set(command.declaration.groups.map((g) => g.trim()))],
            showPublicly: command.declaration.showPublicly,
          }
        : undefined;
      assertValidAcceptance(post, statement, declaration);
      await this.posts.recordAcceptance(manager, nomination.id, {
        statement,
        declaration: declaration ?? null,
        at: now,
        recordedBy: actorId,
      });
      record({
        conferenceId,
        type: 'election.candidate.accepted',
        payload: {
          postId: post.id,
          title: post.title,
          nominationId: nomination.id,
          name: nomination.candidateName,
          body: nomination.nominatingBodyName,
          statement,
          declaredGroups: publicDeclaration(declaration ?? null),
        },
        audience: 'public',
        actorId,
      });
    });
  }
}
