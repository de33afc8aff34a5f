import { Injectable } from '@nestjs/common';
import {
  assertPaperBallotsConfirmed,
  Conflict,
  countElection,
  electionInputOf,
  METHOD_NAMES,
  Principal,
  publishCount,
  rejectedPapersOf,
  resultSummary,
} from '@agm/domain';
import { ConferenceRepository } from '@agm/persistence';
import { ElectionBallotRepository, ElectionPostRepository } from '@agm/persistence/elections';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { shuffleInPlace } from '../../voting/ballot-seal';
import { loadPost } from '../election-commands';
import { ElectionBallotBox } from './election-ballot-box';
import { noBallotNow } from './paper-ballots.use-case';

/**
 * The returning officer closes the ballot and the count runs at once, with the post's method. In one
 * transaction, as a secret motion vote's close (CloseVote): the sealed ballots are opened, written with
 * the confirmed hall papers as counted ballots in random order, the sealed rows deleted, the count
 * stored and published. A count that cannot finish (a draw by lot without a seed) changes nothing.
 */
@Injectable()
export class CloseElectionBallot {
  constructor(
    private readonly transactions: Transactions,
    private readonly conferences: ConferenceRepository,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
    private readonly box: ElectionBallotBox,
  ) {}

  async execute(principal: Principal, conferenceId: string, postId: string, lotSeed: string | undefined): Promise<void> {
    assertCan(principal, 'elections.manage', { conferenceId });
    await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const { post } = await loadPost(manager, this.conferences, this.posts, conferenceId, postId);
      const ballot = await this.ballots.findByPost(manager, post.id, 'update');
      if (!ballot) throw await noBallotNow(manager, this.ballots, post);
      if (ballot.state !== 'open') throw new Conflict(`The ballot for ${post.title} is already closed and counted.`);
      const papers = await this.ballots.paperBallots(manager, ballot.id);
      assertPaperBallotsConfirmed(papers.filter((p) => p.confirmedBy === null).map((p) => p.number));

      const remote = (await this.ballots.takeSealed(manager, ballot.id)).map(({ ballotKeyHash, sealed }) => {
        const opened = this.box.openBallot(ballot.id, ballotKeyHash, sealed);
        return { preferences: opened.preferences, channel: 'electronic' as const, receiptHash: opened.receiptHash, ballotKeyHash: this.box.countedKeyHash(ballot.id, ballotKeyHash) };
      });
      // Spoilt papers stay in the tellers' record as rejected papers: they are never counted ballots.
      const hall = papers
        .filter((p) => p.reading.spoilt === null)
        .map((p) => ({ preferences: p.reading.numbers, channel: 'paper' as const, receiptHash: null, ballotKeyHash: null }));
      const rejected = rejectedPapersOf(post.method, papers.map((p) => p.reading.spoilt));
      const counted = shuffleInPlace([...remote, ...hall]);
      await this.ballots.insertCounted(manager, ballot.id, counted);

      const count = countElection(
        post.method,
        electionInputOf(ballot.candidates, post.seats, post.reservedSeats, counted.map((b) => b.preferences), lotSeed?.trim() || undefined),
      );
      const actor = actorOf(principal);
      await this.ballots.recordCount(manager, ballot.id, actor, now, lotSeed?.trim() || null, count);
      const summary = resultSummary(count);
      await this.posts.recordBallotResult(manager, post.id, summary);
      record({
        conferenceId,
        type: 'election.ballot_closed',
        payload: { postId: post.id, title: post.title, closedAt: now.toISOString(), remoteBallots: remote.length, paperBallots: hall.length, rejectedPapers: rejected.total },
        audience: 'public',
        actorId: actor,
      });
      record({
        conferenceId,
        type: 'election.result',
        payload: { postId: post.id, title: post.title, summary, result: publishCount(count, METHOD_NAMES[post.method], { rejected, eligible: ballot.eligibleCount }) },
        audience: 'public',
        actorId: actor,
      });
    });
  }
}
