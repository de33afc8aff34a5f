import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Server } from 'socket.io';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@agm/config';
import type { BallotsCastMessage } from '@agm/contracts';
import { VoteRepository } from '@agm/persistence/voting';
import { APP_CONFIG } from '../common/app-config.token';
import { roomOf } from '../realtime/conference.gateway';

/**
 * DOMAIN: while a vote is open attendees see how many have voted, never how — at most twice a second.
 * Once a second here: each push is one write per connected socket, and in the 3,000-voter storm the
 * counter's writes outnumbered the acknowledgements themselves (bench/vote-storm, docs/voting.md).
 */
export const BALLOTS_CAST_INTERVAL_MS = 1000;
/**
 * Sockets written to in one turn of the event loop. A push to 3,000 sockets in one go held the loop
 * for 100 ms and more, and every ballot acknowledgement waiting behind it with it; in slices, acks
 * go out between them.
 */
export const PUSH_SLICE = 200;
/**
 * Socket writes a second the counter may cost an instance. With more sockets than this in the room the
 * count is pushed less often (3,000 sockets: every 3 s): in the 3,000-voter storm the counter's writes
 * were two thirds of all the server's socket writes, and they delay the acknowledgements that matter
 * more. DOMAIN sets a ceiling ("at most twice a second"), not a floor.
 */
export const COUNTER_WRITES_PER_SECOND = 1000;
/** The instance-to-instance message that asks every other instance to push a count to its own sockets. */
const PEER_EVENT = 'agm:vote.ballots';

/**
 * The live "ballots cast" counter. An ephemeral, throttled push to the public room, not a log entry.
 * The instance that stores ballots reads the count from the database (so it is right with several
 * instances) once per interval per vote, however many ballots arrive, and hands it to every instance;
 * each instance writes it to its own sockets in slices, at most once per interval per vote whatever
 * number of instances are storing ballots.
 */
@Injectable()
export class BallotsCastNotifier implements OnModuleDestroy {
  private readonly logger = new Logger('BallotsCast');
  private server?: Server;
  private stopped = false;
  private readonly reads = new Throttle({ leading: true });
  private readonly pushes = new Throttle({ leading: false });
  /** The newest count per vote waiting for its push: a later read replaces an older one. */
  private readonly latest = new Map<string, BallotsCastMessage>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly votes: VoteRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  attach(server: Server): void {
    this.server = server;
    // Counts read by other instances (serverSideEmit is a no-op without the Redis adapter).
    server.on(PEER_EVENT, (message: BallotsCastMessage) => this.pushLocally(message));
  }

  ballotCast(conferenceId: string, voteId: string): void {
    this.reads.schedule(voteId, BALLOTS_CAST_INTERVAL_MS, () => this.readAndShare(conferenceId, voteId));
  }

  private async readAndShare(conferenceId: string, voteId: string): Promise<void> {
    try {
      const figure = await this.votes.ballotsCastFigure(this.dataSource.manager, voteId);
      if (figure?.state !== 'open' || !this.server) return;
      const message: BallotsCastMessage = {
        conferenceId,
        voteId,
        ballotsCast: figure.ballotsCast,
        eligible: figure.eligible,
      };
      // Other instances exist only behind the Redis adapter (socket-adapter.ts).
      if (this.config.redisUrl) this.server.serverSideEmit(PEER_EVENT, message);
      this.pushLocally(message);
    } catch (error) {
      this.logger.warn(`ballots-cast counter for vote ${voteId} not sent: ${String(error)}`);
    }
  }

  private pushLocally(message: BallotsCastMessage): void {
    const current = this.latest.get(message.voteId);
    // Counts only grow while a vote is open; one arriving late from a slower instance is dropped.
    if (current && current.ballotsCast >= message.ballotsCast) return;
    if (this.latest.size > 1000) this.latest.clear();
    this.latest.set(message.voteId, message);
    const audience = this.localAudience(message.conferenceId).size;
    const interval = Math.max(BALLOTS_CAST_INTERVAL_MS, Math.ceil((audience / COUNTER_WRITES_PER_SECOND) * 1000));
    this.pushes.schedule(message.voteId, interval, async () => {
      const newest = this.latest.get(message.voteId);
      if (newest) await this.writeInSlices(newest);
    });
  }

  private async writeInSlices(message: BallotsCastMessage): Promise<void> {
    const server = this.server;
    if (!server) return;
    const socketIds = [...this.localAudience(message.conferenceId)];
    for (let start = 0; start < socketIds.length && !this.stopped; start += PUSH_SLICE) {
      // Every socket is in a room named by its id; `local` keeps the adapter from publishing this to peers.
      server.local.to(socketIds.slice(start, start + PUSH_SLICE)).emit('vote.ballots', message);
      if (start + PUSH_SLICE < socketIds.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The ids of this instance's sockets in the conference's public room. */
  private localAudience(conferenceId: string): ReadonlySet<string> {
    return this.server?.of('/').adapter.rooms.get(roomOf(conferenceId, 'public')) ?? new Set();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.reads.clear();
    this.pushes.clear();
  }
}

/**
 * Runs a task per key at most once per interval, trailing: a request while one is waiting is folded
 * into it, and a request while one is running runs once more after it, so the last change is never lost.
 */
class Throttle {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();
  /** Keys whose task is running; true when it was asked for again meanwhile. */
  private readonly running = new Map<string, boolean>();

  /** leading: false waits one interval before the first run too, so a burst's first event is not sent alone. */
  constructor(private readonly options: { leading: boolean }) {}

  schedule(key: string, intervalMs: number, task: () => Promise<void>): void {
    if (this.running.has(key)) {
      this.running.set(key, true);
      return;
    }
    if (this.timers.has(key)) return;
    const last = this.lastRun.get(key) ?? (this.options.leading ? 0 : Date.now());
    const wait = Math.max(0, last + intervalMs - Date.now());
    const timer = setTimeout(() => void this.run(key, intervalMs, task), wait);
    timer.unref();
    this.timers.set(key, timer);
  }

  private async run(key: string, intervalMs: number, task: () => Promise<void>): Promise<void> {
    this.timers.delete(key);
    this.lastRun.set(key, Date.now());
    this.running.set(key, false);
    try {
      await task();
    } finally {
      const again = this.running.get(key);
      this.running.delete(key);
      if (this.lastRun.size > 1000) this.lastRun.clear();
      if (again) this.schedule(key, intervalMs, task);
    }
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
