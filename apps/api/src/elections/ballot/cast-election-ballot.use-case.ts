import { Injectable } from '@nestjs/common';
import {
  ballotInWords,
  Conflict,
  describeIneligibility,
  Forbidden,
  IneligibilityReason,
  NotFound,
  parseBallotPaper,
  Principal,
  StandingOrderViolation,
} from '@agm/domain';
import type { ElectionBallotAckDto, ElectionBallotCastDto } from '@agm/contracts';
import { ElectionBallotRepository, ElectionPostRepository } from '@agm/persistence/elections';
import { Transactions } from '../../events/transactions';
import { ElectionBallotBox } from './election-ballot-box';
import { noBallotNow } from './paper-ballots.use-case';

/**
 * A remote member casts their election ballot on their device. One short transaction, without the
 * conference's lock (a ballot is not a log entry): the ballot row is held FOR SHARE, so the close
 * (FOR UPDATE) waits for ballots in flight and every ballot after it sees the ballot closed. The
 * member's "has voted" row and their sealed ballot are written together; nothing in clear links them.
 */
@Injectable()
export class CastElectionBallot {
  constructor(
    private readonly transactions: Transactions,
    private readonly posts: ElectionPostRepository,
    private readonly ballots: ElectionBallotRepository,
    private readonly box: ElectionBallotBox,
  ) {}

  async execute(principal: Principal, conferenceId: string, postId: string, command: ElectionBallotCastDto): Promise<ElectionBallotAckDto> {
    if (principal.kind !== 'attendee') {
      throw new Forbidden('Only registered attendees cast ballots, each on their own device with their own access code. Officials who are members vote as attendees.');
    }
    if (principal.conferenceId !== conferenceId) throw new NotFound('No such conference, or it is not yours to see.');
    return this.transactions.run(async ({ manager }) => {
      const post = await this.posts.findPost(manager, conferenceId, postId);
      const ballot = post ? await this.ballots.findByPost(manager, post.id, 'share') : null;
      if (!post) throw new NotFound('There is no ballot for this post yet.');
      if (!ballot) throw await noBallotNow(manager, this.ballots, post);
      const keyHash = this.box.keyHash(ballot.id, command.idempotencyKey);
      const receiptCode = this.box.receiptCode(ballot.id, command.idempotencyKey);
      const numbers = parseBallotPaper(post.method, post.seats, ballot.candidates, command.preferences);
      const ack = (status: ElectionBallotAckDto['status']): ElectionBallotAckDto => ({
        postId,
        ballotText: ballotInWords(post.method, ballot.candidates, numbers),
        receiptCode,
        receiptHash: this.box.receiptHash(ballot.id, receiptCode, numbers),
        status,
      });

      // A retry of a ballot already cast gets its answer again, before the close and after it.
      const existing = await this.ballots.findByKey(manager, ballot.id, keyHash, this.box.countedKeyHash(ballot.id, keyHash));
      const earlier = existing.sealed ? this.box.openBallot(ballot.id, keyHash, existing.sealed).preferences : existing.counted;
      if (earlier) {
        const same = earlier.length === numbers.length && earlier.every((n, i) => n === numbers[i]);
        if (same && (await this.ballots.hasVoted(manager, ballot.id, principal.memberId))) return ack('duplicate');
        throw new Conflict('This ballot key was already used for another ballot. A ballot cannot be changed once cast; to cast one, send it with a new random idempotencyKey.', {
          idempotencyKey: 'already used',
        });
      }
      if (ballot.state !== 'open') {
        throw new StandingOrderViolation('ballot-closed', `The ballot for ${post.title} is closed; ballots are no longer accepted.`);
      }
      const voter = await this.ballots.voter(manager, ballot.id, principal.memberId);
      if (!voter) {
        throw new Forbidden('You were not registered for this conference when the ballot opened, so you cannot vote in it.');
      }
      if (!voter.eligible) {
        throw new Forbidden(
          describeIneligibility({ memberId: principal.memberId, category: voter.category, attendanceMode: voter.attendanceMode, eligible: false, reason: voter.reason as IneligibilityReason }).replace(
            'this vote',
            'this ballot',
          ),
        );
      }
      if (voter.channel === 'hall') {
        // DOMAIN: no double counting across channels; the attendance mode when the ballot opened decides.
        throw new Forbidden(`You were in the hall when the ballot for ${post.title} opened: vote on the paper ballot handed out in the hall. Each member votes once, in one way.`);
      }
      const answer = ack('accepted');
      const stored = await this.ballots.insertSealed(
        manager,
        ballot.id,
        principal.memberId,
        keyHash,
        this.box.sealBallot(ballot.id, keyHash, { preferences: numbers, receiptHash: answer.receiptHash }),
      );
      if (!stored) throw new Conflict('You have already voted in this ballot from another device; your first ballot stands.');
      return answer;
    });
  }
}
