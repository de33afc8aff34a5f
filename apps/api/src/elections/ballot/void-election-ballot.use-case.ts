import { Injectable } from '@nestjs/common';
import { assertMayVoidBallot, NotFound, Principal, voidedBallotInWords } from '@agm/domain';
import { ConferenceRepository } from '@agm/persistence';
import { ElectionBallotRepository, ElectionPostRepository } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { loadPost } from '../election-commands';

/**
 * The returning officer voids a post's ballot, open or counted, with the reason (a candidate's death, an
 * error): the ballot row is locked for update, so ballots in flight finish first and later ones find no
 * ballot. The post goes back to awaiting a ballot: a candidate may withdraw (or be withdrawn) again, and
 * the returning officer opens a new ballot, with a new register and new papers.
 */
@Injectable()
export class VoidElectionBallot {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, postId: string, reason: string): Promise<void> {
    assertCan(principal, 'elections.manage', { conferenceId });
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const { post } = await loadPost(manager, this.conferences, this.posts, conferenceId, postId);
      const ballot = await this.ballots.findByPost(manager, post.id, 'update');
      if (!ballot) throw new NotFound(`There is no ballot for ${post.title} to void.`);
      const why = assertMayVoidBallot(post, ballot, reason);
      const actor = actorOf(principal);
      await this.ballots.voidBallot(manager, ballot.id, actor, now, why);
      const wasCounted = ballot.state === 'closed';
      const summary = voidedBallotInWords(post.title, why, wasCounted);
      // A counted result no longer stands: the post says so until the new ballot's count.
      await this.posts.recordBallotResult(manager, post.id, summary);
      record({
        conferenceId,
        type: 'election.ballot_voided',
        payload: { postId: post.id, title: post.title, ballotId: ballot.id, reason: why, wasCounted, voidedAt: now.toISOString(), summary },
        audience: 'public',
        actorId: actor,
      });
    });
  }
}
