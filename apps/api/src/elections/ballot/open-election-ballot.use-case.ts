import { Injectable } from '@nestjs/common';
import {
  assertMayOpenBallot,
  ballotOrder,
  buildEligibilitySnapshot,
  NotFound,
  Principal,
} from '@agm/domain';
import { ConferenceRepository, loadRuleset } from '@agm/persistence';
import { ElectionBallotRepository, ElectionPostRepository } from '@agm/persistence/elections';
import { VoteRepository } from '@agm/persistence/voting';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { loadPost } from '../election-commands';

/**
 * The returning officer opens the ballot for a post whose nominations closed with a contest. As for a
 * motion vote (OpenVote), the register of who may vote and through which channel is fixed now: members
 * present in the hall vote on paper, remote members on their device; nobody through both.
 */
@Injectable()
export class OpenElectionBallot {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
    private readonly votes: VoteRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, postId: string): Promise<void> {
    assertCan(principal, 'elections.manage', { conferenceId });
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const { post } = await loadPost(manager, this.conferences, this.posts, conferenceId, postId);
      const candidates = ballotOrder(
        (await this.posts.nominationsOf(manager, [post.id]))
          .filter((n) => n.status === 'accepted')
          .map((n) => ({ nominationId: n.id, name: n.candidateName, groups: [...(n.declaration?.groups ?? [])] })),
      );
      assertMayOpenBallot(post, candidates, (await this.ballots.findByPost(manager, post.id)) !== null);
      const ruleset = await loadRuleset(manager, conferenceId);
      if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
      const snapshot = buildEligibilitySnapshot(
        await this.votes.attendeesForSnapshot(manager, conferenceId),
        { method: 'hybrid', topics: [], subject: 'custom' },
        ruleset,
      );
      const ballot = await this.ballots.insertBallot(manager, {
        conferenceId,
        postId: post.id,
        candidates,
        openedBy: actorOf(principal),
        openedAt: now,
        eligibleCount: snapshot.eligibleCount,
        hallHeadcount: snapshot.hallHeadcount,
        electronicCount: snapshot.electronicCount,
      });
      await this.ballots.insertEligibility(manager, ballot.id, snapshot.entries);
      record({
        conferenceId,
        type: 'election.ballot_opened',
        payload: {
          postId: post.id,
          title: post.title,
          seats: post.seats,
          method: post.method,
          candidates: candidates.map((c) => ({ nominationId: c.nominationId, name: c.name })),
          openedAt: now.toISOString(),
          eligibleCount: snapshot.eligibleCount,
          hallHeadcount: snapshot.hallHeadcount,
          electronicCount: snapshot.electronicCount,
        },
        audience: 'public',
        actorId: actorOf(principal),
      });
    });
  }
}
