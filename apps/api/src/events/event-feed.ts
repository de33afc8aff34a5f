import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Subject, Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { EventLogRepository, StoredConferenceEvent } from '@agm/persistence';
import { EventBus } from './event-bus';
import { RedisLink } from './redis-link';

/** How often each instance reads the log for events committed elsewhere, whatever Redis says. */
export const FEED_POLL_MS = 1000;
/** Events kept in memory per conference, so a client back from a short drop resumes without a read. */
export const RECENT_EVENTS_KEPT = 5000;
/** Events read from the log in one go while catching up. */
const READ_BATCH = 1000;
/** A hole in the log that does not fill in this long is passed over (it cannot happen while seqs are taken under the counter's lock). */
const GAP_PATIENCE_MS = 10_000;
const HINT_CHANNEL = 'agm:conference-event';

interface Tail {
  conferenceId: string;
  /** Every event up to this seq has been delivered to this instance's sockets, in order. */
  head: number;
  /** False until `head` has been read from the log. */
  initialised: boolean;
  /** The newest events delivered, contiguous, ending at `head`. */
  recent: StoredConferenceEvent[];
  ready: Promise<void>;
  reading: boolean;
  readAgain: boolean;
  gapSince?: number;
  /** Callers waiting for `head` to reach a seq. */
  waiters: Array<{ seq: number; resolve: () => void }>;
}

export interface Resumed {
  replayed: number;
  headSeq: number;
  /** The client missed too much (or said nothing): it loads the state over HTTP instead of a replay. */
  snapshot: boolean;
}

/**
 * Ordered, gap-free delivery. Each instance follows every conference its sockets joined by reading
 * the log (`conference_event`) in seq order and delivering each event once to its own sockets, so
 * the order does not depend on which instance committed an event nor on Redis. Seqs are taken under
 * the conference counter's row lock and committed in seq order, so reading `seq > head` never skips
 * one that commits later. The local commit (EventBus), a hint from another instance over Redis and a
 * poll every second only say "read now".
 *
 * A join (`resume`) sends the events the client missed up to the tail's head and, in the same tick,
 * attaches the client to the live deliveries that follow: live pushes cannot overtake the replay and
 * nothing is sent twice.
 */
@Injectable()
export class EventFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('EventFeed');
  private readonly tails = new Map<string, Tail>();
  private readonly deliveredSubject = new Subject<StoredConferenceEvent[]>();
  /**
   * Each event once, in seq order per conference, for this instance's sockets: in groups (a commit's
   * events, or one read of the log), delivered in the same tick as the head moves past them.
   */
  readonly delivered$ = this.deliveredSubject.asObservable();
  private subscriptions: Subscription[] = [];
  private poller?: ReturnType<typeof setInterval>;
  private hintPublisher?: Redis;
  private pendingHints = new Map<string, number>();
  private stopped = false;
  private lastReadError = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly eventLog: EventLogRepository,
    private readonly bus: EventBus,
    private readonly redis: RedisLink,
  ) {}

  onModuleInit(): void {
    this.subscriptions.push(this.bus.commits$.subscribe((events) => this.committedHere(events)));
    if (this.redis.configured) {
      this.hintPublisher = this.redis.publisher('event-hints');
      const subscriber = this.redis.subscriber('event-hints-in');
      subscriber.on('message', (_channel: string, message: string) => this.hinted(message));
      void subscriber.subscribe(HINT_CHANNEL).catch(() => undefined);
      // Back from an outage: read at once rather than at the next poll.
      this.subscriptions.push(this.redis.restored$.subscribe(() => this.readAll()));
    }
    this.poller = setInterval(() => void this.poll(), FEED_POLL_MS);
    this.poller.unref();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.poller);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** The newest seq delivered on this instance for a conference it follows. */
  headOf(conferenceId: string): number | undefined {
    return this.tails.get(conferenceId)?.head;
  }

  /**
   * Brings a client up to date from `lastSeq` and attaches it to the live deliveries: `send` gets
   * each missed event the client may see (its `audiences`), in order, then `attach` is called in the
   * same tick as the last check of the head, so the next delivered event is the next one it gets.
   * No `lastSeq`, or more than `replayLimit` events behind: nothing is replayed (`snapshot: true`).
   */
  async resume(
    conferenceId: string,
    lastSeq: number | undefined,
    audiences: string[],
    replayLimit: number,
    send: (event: StoredConferenceEvent) => void,
    attach: () => void,
  ): Promise<Resumed> {
    const tail = await this.follow(conferenceId);
    // A client that saw events this instance has not read yet (it came from a faster instance)
    // waits until they are read here, so they are not delivered to it a second time.
    if (lastSeq !== undefined && lastSeq > tail.head) {
      const logHead = await this.eventLog.lastSeq(this.dataSource.manager, conferenceId);
      // A client ahead of the log itself (a database restored from a backup) starts again from a snapshot.
      if (lastSeq > logHead) lastSeq = undefined;
      else await this.reach(tail, lastSeq);
    }
    if (lastSeq === undefined || tail.head - lastSeq > replayLimit) {
      attach();
      return { replayed: 0, headSeq: tail.head, snapshot: true };
    }
    const wanted = new Set(audiences);
    let cursor = lastSeq;
    let replayed = 0;
    for (;;) {
      const head = tail.head;
      if (cursor >= head) break;
      const oldestKept = tail.recent[0]?.seq;
      if (oldestKept !== undefined && oldestKept <= cursor + 1) {
        // Everything missed is still in memory: sent in this tick, before any further delivery.
        for (const event of tail.recent) {
          if (event.seq > cursor && wanted.has(event.audience)) {
            send(event);
            replayed++;
          }
        }
        cursor = head;
        break;
      }
      const missed = await this.eventLog.readAfter(this.dataSource.manager, conferenceId, cursor, audiences, head - cursor, head);
      for (const event of missed) send(event);
      replayed += missed.length;
      cursor = head;
    }
    attach();
    return { replayed, headSeq: tail.head, snapshot: false };
  }

  private async follow(conferenceId: string): Promise<Tail> {
    let tail = this.tails.get(conferenceId);
    if (!tail) {
      const created: Tail = { conferenceId, head: 0, initialised: false, recent: [], reading: false, readAgain: false, waiters: [], ready: Promise.resolve() };
      created.ready = this.eventLog.lastSeq(this.dataSource.manager, conferenceId).then((head) => {
        created.head = head;
        created.initialised = true;
        // Anything committed while the head was being read is picked up now.
        void this.read(created);
      });
      this.tails.set(conferenceId, created);
      tail = created;
      // A failed first read is tried again by the next join, not remembered.
      created.ready.catch(() => this.tails.get(conferenceId) === created && this.tails.delete(conferenceId));
    }
    await tail.ready;
    return tail;
  }

  private async reach(tail: Tail, seq: number): Promise<void> {
    const reached = new Promise<void>((resolve) => tail.waiters.push({ seq, resolve }));
    void this.read(tail);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('The conference log could not be read in time; please try again.')), 15_000);
    });
    try {
      await Promise.race([reached, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A transaction on this instance committed: deliver its events at once if they are next, else read. */
  private committedHere(events: StoredConferenceEvent[]): void {
    for (const event of events) this.hint(event);
    const accepted: StoredConferenceEvent[] = [];
    let tail: Tail | undefined;
    for (const event of events) {
      tail = this.tails.get(event.conferenceId);
      if (!tail?.initialised || event.seq <= tail.head) continue;
      if (!tail.reading && event.seq === tail.head + 1) {
        this.accept(tail, event);
        accepted.push(event);
      } else void this.read(tail);
    }
    this.deliver(accepted);
  }

  /** Tells the other instances to read now; batched per tick, one message per conference. */
  private hint(event: StoredConferenceEvent): void {
    if (!this.hintPublisher) return;
    const first = this.pendingHints.size === 0;
    this.pendingHints.set(event.conferenceId, Math.max(event.seq, this.pendingHints.get(event.conferenceId) ?? 0));
    if (!first) return;
    setImmediate(() => {
      const hints = this.pendingHints;
      this.pendingHints = new Map();
      for (const [conferenceId, seq] of hints) void this.hintPublisher?.publish(HINT_CHANNEL, JSON.stringify({ conferenceId, seq }));
    });
  }

  private hinted(message: string): void {
    try {
      const { conferenceId, seq } = JSON.parse(message) as { conferenceId: string; seq: number };
      const tail = this.tails.get(conferenceId);
      if (tail?.initialised && seq > tail.head) void this.read(tail);
    } catch {
      // not ours
    }
  }

  private readAll(): void {
    for (const tail of this.tails.values()) void this.read(tail);
  }

  /** One cheap read of every followed conference's newest seq; the ones behind are read. */
  private async poll(): Promise<void> {
    if (this.stopped || this.tails.size === 0) return;
    try {
      const heads = await this.eventLog.lastSeqs(this.dataSource.manager, [...this.tails.keys()]);
      for (const [conferenceId, seq] of heads) {
        const tail = this.tails.get(conferenceId);
        if (tail && seq > tail.head) void this.read(tail);
      }
    } catch (error) {
      this.readFailed(error);
    }
  }

  /** Reads and delivers everything after the head, one reader per conference at a time. */
  private async read(tail: Tail): Promise<void> {
    if (!tail.initialised) return;
    if (tail.reading) {
      tail.readAgain = true;
      return;
    }
    tail.reading = true;
    try {
      do {
        tail.readAgain = false;
        const events = await this.eventLog.readAllAfter(this.dataSource.manager, tail.conferenceId, tail.head, READ_BATCH);
        const accepted: StoredConferenceEvent[] = [];
        for (const event of events) {
          if (event.seq !== tail.head + 1 && !this.passGap(tail, event)) break;
          this.accept(tail, event);
          accepted.push(event);
        }
        this.deliver(accepted);
        if (events.length === READ_BATCH) tail.readAgain = true;
      } while (tail.readAgain && !this.stopped);
    } catch (error) {
      this.readFailed(error);
    } finally {
      tail.reading = false;
    }
  }

  private passGap(tail: Tail, event: StoredConferenceEvent): boolean {
    const now = Date.now();
    tail.gapSince ??= now;
    if (now - tail.gapSince < GAP_PATIENCE_MS) return false;
    this.logger.error(`Conference ${tail.conferenceId}: seqs ${tail.head + 1}–${event.seq - 1} are missing from the log; delivering on from ${event.seq}`);
    return true;
  }

  private accept(tail: Tail, event: StoredConferenceEvent): void {
    tail.head = event.seq;
    tail.gapSince = undefined;
    tail.recent.push(event);
    if (tail.recent.length > 2 * RECENT_EVENTS_KEPT) tail.recent.splice(0, tail.recent.length - RECENT_EVENTS_KEPT);
    if (tail.waiters.length) {
      tail.waiters = tail.waiters.filter((waiter) => (waiter.seq <= tail.head ? (waiter.resolve(), false) : true));
    }
  }

  /**
   * Called in the same tick as `accept` moved the head past these events: a join (`resume`) either
   * ran before (and gets them live) or after (and got them in its replay), never both.
   */
  private deliver(events: StoredConferenceEvent[]): void {
    if (events.length > 0) this.deliveredSubject.next(events);
  }

  private readFailed(error: unknown): void {
    // While the database is away every poll fails: say so every ten seconds, not every second.
    if (Date.now() - this.lastReadError < 10_000) return;
    this.lastReadError = Date.now();
    this.logger.warn(`Could not read the conference log (${error instanceof Error ? error.message : String(error)}); delivery resumes when the database answers`);
  }
}
