import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import { DataSource } from 'typeorm';
import type { BallotsCastMessage } from '@agm/contracts';
import { VoteRepository } from '@agm/persistence/voting';
import { roomOf } from '../realtime/conference.gateway';

/**
 * DOMAIN: while a vote is open attendees see how many have voted, never how — at most twice a second.
 * Once a second here: each push is one write per connected socket, and in the 3,000-voter storm the
 * counter's writes outnumbered the acknowledgements themselves (bench/vote-storm, docs/voting.md).
 */
export const BALLOTS_CAST_INTERVAL_MS = 1000;

/**
 * The live "ballots cast" counter. An ephemeral, throttled push to the public room, not a log entry:
 * the count is read from the database (so it is right with several instances), once per interval
 * per vote however many ballots arrive.
 */
@Injectable()
export class BallotsCastNotifier implements OnModuleDestroy {
  private readonly logger = new Logger('BallotsCast');
  private server?: Server;
  private readonly scheduled = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<string, number>();
  /** Votes whose count is being read; true when another ballot arrived meanwhile. */
  private readonly sending = new Map<string, boolean>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly votes: VoteRepository,
  ) {}

  attach(server: Server): void {
    this.server = server;
  }

  ballotCast(conferenceId: string, voteId: string): void {
    if (this.sending.has(voteId)) {
      // Counted after the read that is in flight: send once more at the next interval.
      this.sending.set(voteId, true);
      return;
    }
    if (this.scheduled.has(voteId)) return;
    const wait = Math.max(0, (this.lastSent.get(voteId) ?? 0) + BALLOTS_CAST_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => void this.send(conferenceId, voteId), wait);
    timer.unref();
    this.scheduled.set(voteId, timer);
  }

  private async send(conferenceId: string, voteId: string): Promise<void> {
    this.lastSent.set(voteId, Date.now());
    this.scheduled.delete(voteId);
    this.sending.set(voteId, false);
    try {
      const figure = await this.votes.ballotsCastFigure(this.dataSource.manager, voteId);
      if (figure?.state === 'open' && this.server) {
        const message: BallotsCastMessage = { conferenceId, voteId, ballotsCast: figure.ballotsCast, eligible: figure.eligible };
        this.server.to(roomOf(conferenceId, 'public')).emit('vote.ballots', message);
      }
    } catch (error) {
      this.logger.warn(`ballots-cast counter for vote ${voteId} not sent: ${String(error)}`);
    } finally {
      const again = this.sending.get(voteId);
      this.sending.delete(voteId);
      if (this.lastSent.size > 1000) this.lastSent.clear();
      if (again) this.ballotCast(conferenceId, voteId);
    }
  }

  onModuleDestroy(): void {
    for (const timer of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
  }
}
