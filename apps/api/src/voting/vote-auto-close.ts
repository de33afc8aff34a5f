import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { VoteRepository } from '@agm/persistence/voting';
import { EventBus } from '../events/event-bus';
import { Transactions } from '../events/transactions';
import { CloseVote } from './use-cases/close-vote.use-case';

/** How often every instance looks for timed votes it has not seen opened (another instance's, or from before a restart). */
export const AUTO_CLOSE_SWEEP_MS = 5000;
/** setTimeout's limit; a close further away is timed again by a later sweep. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * DOMAIN: a vote opened with an announced close time closes at that time, whether or not the chair
 * is there to close it; ballots after it are already refused (CastBallot). Each instance times the
 * votes opened through it to the millisecond, and sweeps for the others, so a vote still closes if
 * the instance that opened it went away. Several instances closing the same vote at once is safe:
 * the close takes the vote's lock and the second finds it no longer open.
 */
@Injectable()
export class VoteAutoClose implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('VoteAutoClose');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private subscription?: Subscription;
  private sweeper?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly bus: EventBus,
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly closeVote: CloseVote,
  ) {}

  onApplicationBootstrap(): void {
    this.subscription = this.bus.events$.subscribe((event) => {
      if (event.type !== 'vote.opened') return;
      const payload = event.payload as { voteId?: string; closesAt?: string | null };
      if (payload.voteId && payload.closesAt) this.schedule(payload.voteId, event.conferenceId, new Date(payload.closesAt));
    });
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), AUTO_CLOSE_SWEEP_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    clearInterval(this.sweeper);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async sweep(): Promise<void> {
    try {
      for (const vote of await this.votes.openVotesWithCloseTime(this.transactions.manager)) this.schedule(vote.id, vote.conferenceId, vote.closesAt);
    } catch (error) {
      if (!this.stopped) this.logger.warn(`could not look for votes to close: ${String(error)}`);
    }
  }

  private schedule(voteId: string, conferenceId: string, closesAt: Date): void {
    if (this.stopped || this.timers.has(voteId)) return;
    const wait = Math.max(0, closesAt.getTime() - Date.now());
    if (wait > MAX_TIMER_MS) return;
    // A millisecond after the announced time: a ballot stamped at that very moment is still in time.
    const timer = setTimeout(() => void this.close(voteId, conferenceId), wait + 1);
    timer.unref();
    this.timers.set(voteId, timer);
  }

  private async close(voteId: string, conferenceId: string): Promise<void> {
    try {
      const closed = await this.closeVote.closeAtAnnouncedTime(conferenceId, voteId);
      if (closed) this.logger.log(`vote ${voteId} closed at its announced time`);
    } catch (error) {
      if (!this.stopped) this.logger.warn(`vote ${voteId} not closed at its announced time: ${String(error)}`);
    } finally {
      this.timers.delete(voteId);
    }
  }
}
