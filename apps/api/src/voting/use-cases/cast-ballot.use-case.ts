import { Injectable } from '@nestjs/common';
import { Conflict, decideBallot, Forbidden, NotFound, Principal, VoteChannel, VoteChoice, VoteState } from '@agm/domain';
import type { BallotAckDto } from '@agm/contracts';
import { loadRuleset } from '@agm/persistence';
import { VoteRepository } from '@agm/persistence/voting';
import { Transactions } from '../../events/transactions';
import { BallotsCastNotifier } from '../ballots-cast.notifier';
import { ReceiptCodes } from '../receipt-codes';

export interface BallotCommand {
  /** Untrusted: the domain parses it. */
  choice: unknown;
  idempotencyKey: string;
}

const UNIQUE_VIOLATION = '23505';

/**
 * One ballot, one short transaction that never takes the conference's event-log lock (ballots are
 * not log entries). It share-locks the vote row, so the close (FOR UPDATE) waits for ballots in
 * flight and every ballot after it sees the vote closed. The answer is sent only after the commit.
 */
@Injectable()
export class CastBallot {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly receipts: ReceiptCodes,
    private readonly notifier: BallotsCastNotifier,
  ) {}

  async execute(principal: Principal, conferenceId: string, voteId: string, command: BallotCommand): Promise<BallotAckDto> {
    if (principal.kind !== 'attendee') {
      throw new Forbidden('Only registered attendees cast ballots, each with their own access code. Officials who are members vote as attendees.');
    }
    if (principal.conferenceId !== conferenceId) throw new NotFound(`No conference ${conferenceId}.`);
    const keyHash = this.receipts.ballotKeyHash(voteId, command.idempotencyKey);
    const receiptCode = this.receipts.receiptCode(voteId, command.idempotencyKey);

    const ack = await this.transactions.run(async ({ manager, now }) => {
      // A retry racing its own first attempt: the second waits on the participation key, finds
      // nothing written by it, and reads again (a new statement sees the first one's commit).
      for (let attempt = 0; attempt < 2; attempt++) {
        const context = await this.votes.ballotContext(manager, conferenceId, voteId, principal.memberId, keyHash);
        if (!context) throw new NotFound(`No vote ${voteId} in this conference.`);
        const { vote, entry, participated, keyedBallot } = context;
        // The announced close time binds even before the chair closes the vote.
        const state: VoteState = vote.state === 'open' && vote.closesAt && now.getTime() > vote.closesAt.getTime() ? 'closed' : vote.state;

        // A retry of a ballot already counted gets its answer again, even after the close.
        if (participated && keyedBallot && keyedBallot.choice === command.choice && entry?.eligible) {
          return this.ackOf(voteId, keyedBallot.choice, entry.channel, entry.weight, receiptCode, 'duplicate');
        }
        if (!participated && keyedBallot) {
          throw new Conflict('This ballot key was already used for another ballot. Send the ballot again with a new random idempotencyKey.', { idempotencyKey: 'already used' });
        }
        const ruleset = entry && !entry.eligible ? ((await loadRuleset(manager, conferenceId)) ?? undefined) : undefined;
        const channel: VoteChannel = vote.method === 'card_vote' ? 'card' : 'electronic';
        const decision = decideBallot({
          entry,
          voteState: state,
          existingParticipation: participated ? { sameBallotKey: keyedBallot !== null, sameChoice: keyedBallot?.choice === command.choice } : null,
          ballotsChangeable: vote.ballotsChangeable,
          channel,
          choice: command.choice,
          ruleset,
        });
        const receiptHash = this.receipts.receiptHash(voteId, receiptCode, decision.choice, decision.weight);
        if (decision.kind === 'duplicate') return this.ackOf(voteId, decision.choice, decision.channel, decision.weight, receiptCode, 'duplicate');
        if (decision.kind === 'replace') {
          await this.votes.replaceBallot(manager, keyedBallot!.id, decision.choice, receiptHash);
          return this.ackOf(voteId, decision.choice, decision.channel, decision.weight, receiptCode, 'replaced');
        }
        const stored = await this.votes
          .insertBallot(manager, {
            voteId,
            memberId: principal.memberId,
            choice: decision.choice,
            weight: decision.weight,
            channel: decision.channel,
            receiptHash,
            ballotKeyHash: keyHash,
            // DOMAIN: a secret vote stores no link from voter to choice; a named vote may.
            namedMemberId: vote.secret ? null : principal.memberId,
          })
          .catch((error: { code?: string }) => {
            if (error?.code === UNIQUE_VIOLATION) {
              throw new Conflict('This ballot key was already used for another ballot. Send the ballot again with a new random idempotencyKey.', { idempotencyKey: 'already used' });
            }
            throw error;
          });
        if (stored) return this.ackOf(voteId, decision.choice, decision.channel, decision.weight, receiptCode, 'accepted');
      }
      throw new Conflict('You have already voted in this vote from another device; your first ballot stands.');
    });
    if (ack.status !== 'duplicate') this.notifier.ballotCast(conferenceId, voteId);
    return ack;
  }

  private ackOf(voteId: string, choice: VoteChoice, channel: VoteChannel, weight: number, receiptCode: string, status: BallotAckDto['status']): BallotAckDto {
    return { voteId, choice, channel, weight, receiptCode, receiptHash: this.receipts.receiptHash(voteId, receiptCode, choice, weight), status };
  }
}
