import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BallotBucket, Conflict, decideBallot, Forbidden, NotFound, Principal, takeBallotToken, Unauthenticated, VoteChannel, VoteChoice, VoteState } from '@agm/domain';
import type { BallotAckDto } from '@agm/contracts';
import { loadRuleset } from '@agm/persistence';
import { NewBallot, VoteRepository } from '@agm/persistence/voting';
import { Transactions } from '../../events/transactions';
import { BallotSeal } from '../ballot-seal';
import { BallotsCastNotifier } from '../ballots-cast.notifier';
import { ReceiptCodes } from '../receipt-codes';

export interface BallotCommand {
  /** Untrusted: the domain parses it. */
  choice: unknown;
  idempotencyKey: string;
}

const UNIQUE_VIOLATION = '23505';
/** Ballots of one vote written in one transaction, at most. */
const MAX_BATCH = 250;
/** Batches of one vote in flight at once (the pool has 20 connections on a server, 1 embedded). */
const MAX_CONCURRENT_BATCHES = 8;

interface PendingBallot {
  conferenceId: string;
  voteId: string;
  memberId: string;
  sessionId: string;
  choice: unknown;
  keyHash: string;
  receiptCode: string;
  resolve(ack: BallotAckDto): void;
  reject(error: unknown): void;
}

interface BallotQueue {
  pending: PendingBallot[];
  running: number;
}

/**
 * Ballots are written in short transactions (one per batch of ballots arriving together) that never
 * take the conference's event-log lock (ballots are not log entries). It holds the vote's ballot lock shared, so the close (exclusive) waits for
 * ballots in flight and every ballot after it sees the vote closed. The answer is sent only after
 * the commit.
 */
@Injectable()
export class CastBallot {
  private readonly logger = new Logger('CastBallot');
  private readonly queues = new Map<string, BallotQueue>();
  /** Ballot messages per session (DEFAULT_BALLOT_RATE), in memory: a device keeps to one instance's socket. */
  private readonly buckets = new Map<string, BallotBucket>();
  private bucketsSweptAt = 0;

  constructor(
    private readonly transactions: Transactions,
    private readonly dataSource: DataSource,
    private readonly votes: VoteRepository,
    private readonly receipts: ReceiptCodes,
    private readonly notifier: BallotsCastNotifier,
    private readonly seal: BallotSeal,
  ) {}

  async execute(principal: Principal, conferenceId: string, voteId: string, command: BallotCommand): Promise<BallotAckDto> {
    if (principal.kind !== 'attendee') {
      throw new Forbidden('Only registered attendees cast ballots, each with their own access code. Officials who are members vote as attendees.');
    }
    if (principal.conferenceId !== conferenceId) throw new NotFound('No such conference, or it is not yours to see.');
    this.takeToken(principal.sessionId);
    const ballot: PendingBallot = {
      conferenceId,
      voteId,
      memberId: principal.memberId,
      sessionId: principal.sessionId,
      choice: command.choice,
      keyHash: this.receipts.ballotKeyHash(voteId, command.idempotencyKey),
      receiptCode: this.receipts.receiptCode(voteId, command.idempotencyKey),
      resolve: () => undefined,
      reject: () => undefined,
    };
    const ack = await new Promise<BallotAckDto>((resolve, reject) => {
      ballot.resolve = resolve;
      ballot.reject = reject;
      this.enqueue(ballot);
    });
    if (ack.status !== 'duplicate') this.notifier.ballotCast(conferenceId, voteId);
    return ack;
  }

  private takeToken(sessionId: string): void {
    const now = Date.now();
    // Buckets idle for a minute (full again) are forgotten, at most once a minute so a large map is not
    // walked on every ballot.
    if (this.buckets.size > 20_000 && now - this.bucketsSweptAt > 60_000) {
      this.bucketsSweptAt = now;
      for (const [key, bucket] of this.buckets) if (now - bucket.at > 60_000) this.buckets.delete(key);
    }
    this.buckets.set(sessionId, takeBallotToken(this.buckets.get(sessionId), now));
  }

  /**
   * Ballots arriving together are written together: one transaction per batch of first ballots (same
   * lock, same checks, one INSERT), so a storm of thousands costs tens of commits, not thousands.
   * Each is still acknowledged only after the commit that stored it. Anything unusual in a batch —
   * a retry, a change, a voter twice in one batch, a lost race — goes through castOne on its own.
   */
  private enqueue(ballot: PendingBallot): void {
    const key = ballot.voteId;
    const queue = this.queues.get(key) ?? { pending: [], running: 0 };
    this.queues.set(key, queue);
    queue.pending.push(ballot);
    if (queue.running < MAX_CONCURRENT_BATCHES) {
      queue.running++;
      // Let the ballots that arrived in this same turn of the event loop join the batch.
      setImmediate(() => void this.drain(key, queue));
    }
  }

  private async drain(key: string, queue: BallotQueue): Promise<void> {
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0, MAX_BATCH);
      await this.castBatch(batch);
    }
    queue.running--;
    if (queue.running === 0 && queue.pending.length === 0) this.queues.delete(key);
  }

  private async castBatch(batch: PendingBallot[]): Promise<void> {
    const { conferenceId, voteId } = batch[0];
    const accepted: Array<{ ballot: PendingBallot; ack: BallotAckDto }> = [];
    const refused: Array<{ ballot: PendingBallot; error: unknown }> = [];
    const alone: PendingBallot[] = [];
    try {
      // Ballots are not log entries: no event to record, so not Transactions.run but the leaner ballot transaction.
      await this.votes.inBallotTransaction(this.dataSource, voteId, async (manager) => {
        const now = new Date();
        accepted.length = refused.length = alone.length = 0;
        const context = await this.votes.batchContext(manager, conferenceId, voteId, batch.map((b) => b.memberId), batch.map((b) => b.keyHash), batch.map((b) => b.sessionId));
        if (!context) throw new NotFound('No such vote in this conference.');
        const { vote } = context;
        const state: VoteState = vote.state === 'open' && vote.closesAt && now.getTime() > vote.closesAt.getTime() ? 'closed' : vote.state;
        const channel: VoteChannel = vote.method === 'card_vote' ? 'card' : 'electronic';
        const seenMembers = new Set<string>();
        const seenKeys = new Set<string>();
        const rows: NewBallot[] = [];
        const candidates: Array<{ ballot: PendingBallot; ack: BallotAckDto }> = [];
        for (const ballot of batch) {
          if (!context.liveSessions.has(ballot.sessionId)) {
            refused.push({ ballot, error: sessionEnded() });
            continue;
          }
          const usual = !context.participated.has(ballot.memberId) && !context.keyed.has(ballot.keyHash) && !seenMembers.has(ballot.memberId) && !seenKeys.has(ballot.keyHash);
          seenMembers.add(ballot.memberId);
          seenKeys.add(ballot.keyHash);
          const entry = context.entries.get(ballot.memberId);
          if (!usual || (entry && !entry.eligible)) {
            // Retries, changes and refusals that name the ruleset are answered one by one.
            alone.push(ballot);
            continue;
          }
          try {
            const decision = decideBallot({ entry, voteState: state, existingParticipation: null, ballotsChangeable: vote.ballotsChangeable, channel, choice: ballot.choice });
            const receiptHash = this.receipts.receiptHash(voteId, ballot.receiptCode, decision.choice, decision.weight);
            rows.push({
              voteId,
              memberId: ballot.memberId,
              choice: decision.choice,
              weight: decision.weight,
              channel: decision.channel,
              receiptHash,
              ballotKeyHash: ballot.keyHash,
              namedMemberId: vote.secret ? null : ballot.memberId,
              sealed: vote.secret ? this.seal.seal(voteId, ballot.keyHash, { choice: decision.choice, weight: decision.weight, channel: decision.channel, receiptHash }) : null,
            });
            candidates.push({ ballot, ack: { voteId, choice: decision.choice, channel: decision.channel, weight: decision.weight, receiptCode: ballot.receiptCode, receiptHash, status: 'accepted' } });
          } catch (error) {
            refused.push({ ballot, error });
          }
        }
        const stored = await this.votes.insertBallots(manager, voteId, rows);
        for (const candidate of candidates) {
          if (stored.has(candidate.ballot.memberId)) accepted.push(candidate);
          else alone.push(candidate.ballot); // voted meanwhile from another device: decided alone
        }
      });
    } catch (error) {
      // The batch could not be written (e.g. a reused ballot key): nothing of it was; try each alone.
      accepted.length = refused.length = 0;
      alone.splice(0, alone.length, ...batch);
      if (!(error instanceof NotFound)) this.logger.warn(`ballot batch of ${batch.length} retried one by one: ${String(error)}`);
    }
    for (const { ballot, ack } of accepted) ballot.resolve(ack);
    for (const { ballot, error } of refused) ballot.reject(error);
    await Promise.all(alone.map((ballot) => this.castOne(ballot).then(ballot.resolve, ballot.reject)));
  }

  /** One ballot in its own transaction: every case, including retries, changes and lost races. */
  private async castOne(ballot: PendingBallot): Promise<BallotAckDto> {
    const { conferenceId, voteId, keyHash, receiptCode } = ballot;
    const principal = { memberId: ballot.memberId };
    const command = { choice: ballot.choice };
    const ack = await this.transactions.run(async ({ manager, now }) => {
      await this.votes.lockForBallot(manager, voteId);
      // A retry racing its own first attempt: the second waits on the participation key, finds
      // nothing written by it, and reads again (a new statement sees the first one's commit).
      for (let attempt = 0; attempt < 2; attempt++) {
        const context = await this.votes.ballotContext(manager, conferenceId, voteId, principal.memberId, keyHash, this.seal.countedKeyHash(voteId, keyHash), ballot.sessionId);
        if (!context) throw new NotFound('No such vote in this conference.');
        if (!context.sessionLive) throw sessionEnded();
        const { vote, entry, participated, sealedBallot } = context;
        // A secret vote's ballot is sealed until the close; then it is a counted ballot, found by its counted key.
        const keyedBallot = context.keyedBallot ?? (sealedBallot ? { id: null, choice: this.seal.open(voteId, keyHash, sealedBallot).choice } : null);
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
          if (keyedBallot!.id === null) {
            await this.votes.replaceSealedBallot(manager, voteId, keyHash, this.seal.seal(voteId, keyHash, { choice: decision.choice, weight: decision.weight, channel: decision.channel, receiptHash }));
          } else {
            await this.votes.replaceBallot(manager, keyedBallot!.id, decision.choice, receiptHash);
          }
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
            sealed: vote.secret ? this.seal.seal(voteId, keyHash, { choice: decision.choice, weight: decision.weight, channel: decision.channel, receiptHash }) : null,
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
    return ack;
  }

  private ackOf(voteId: string, choice: VoteChoice, channel: VoteChannel, weight: number, receiptCode: string, status: BallotAckDto['status']): BallotAckDto {
    return { voteId, choice, channel, weight, receiptCode, receiptHash: this.receipts.receiptHash(voteId, receiptCode, choice, weight), status };
  }
}

/**
 * Checked in the ballot's own transaction, not only by the socket's principal: a sign-out or revoked
 * code on another instance while Redis was away reaches this instance's sockets only at its next sweep.
 */
function sessionEnded(): Unauthenticated {
  return new Unauthenticated('Your session was ended (signed out, or your access code was reissued or revoked), so this ballot was not recorded. Sign in again, then vote.');
}
