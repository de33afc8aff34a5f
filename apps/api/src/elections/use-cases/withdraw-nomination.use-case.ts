import { Injectable } from '@nestjs/common';
import { assertMayWithdraw, Principal, StandingOrderViolation } from '@agm/domain';
import type { NominationWithdrawDto } from '@agm/contracts';
import { ConferenceRepository } from '@agm/persistence';
import { ElectionBallotRepository, ElectionPostRepository } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import {
  assertCandidateOrReturningOfficer,
  loadNomination,
  loadPost,
  recordCloseDecision,
} from '../election-commands';

/**
 * A candidate withdraws, with a reason, any time before the ballot. After the close a withdrawal
 * shortens the ballot list; if it leaves no more candidates than seats, they are declared elected
 * unopposed then, exactly as at the close.
 */
@Injectable()
export class WithdrawNomination {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    postId: string,
    nominationId: string,
    command: NominationWithdrawDto,
  ): Promise<void> {
    // Someone with no part in the conference learns nothing of its posts: 404, as for no conference.
    assertCan(principal, 'conference.view', { conferenceId });
    const actorId = actorOf(principal);
    await this.transactions.runFor(conferenceId, async (uow) => {
      const { conference, post } = await loadPost(
        uow.manager,
        this.conferences,
        this.posts,
        conferenceId,
        postId,
      );
      const nomination = await loadNomination(uow.manager, this.posts, post, nominationId);
      assertCandidateOrReturningOfficer(principal, conferenceId, nomination);
      assertMayWithdraw(post, nomination, nomination.candidateName);
      // Issue 20: withdrawal is before the ballot; once it opens the papers are out and the name stays on them.
      if (await this.ballots.findByPost(uow.manager, post.id)) {
        throw new StandingOrderViolation(
          'ballot-opened',
          `The ballot for ${post.title} has opened, so ${nomination.candidateName} can no longer withdraw: their name stays on the ballot. If elected, they may resign under the union's rules.`,
        );
      }
      const reason = command.reason.trim();
      await this.posts.recordWithdrawal(uow.manager, nomination.id, uow.now, reason);
      const payload = {
        postId: post.id,
        title: post.title,
        nominationId: nomination.id,
        name: nomination.candidateName,
      };
      uow.record({
        conferenceId,
        type: 'election.nomination.withdrawn',
        payload: { ...payload, reason },
        audience: 'elections',
        actorId,
      });
      // A candidate the public saw accept is seen to withdraw; the reason stays with the returning officer.
      if (nomination.status === 'accepted')
        uow.record({
          conferenceId,
          type: 'election.candidate.withdrawn',
          payload,
          audience: 'public',
          actorId,
        });
      if (post.outcome === 'ballot') await recordCloseDecision(uow, this.posts, conference, post, actorId);
    });
  }
}
