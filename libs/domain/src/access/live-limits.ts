/**
 * What one person may take from the live channel, so that no attendee (a script, a phone stuck in a
 * reconnect loop, a page opened in 300 tabs) can slow the hall or `/health` for everyone else.
 * Each is refused with a 429 that says what to do (docs/REALTIME.md, "Limits").
 */
export const LIVE_LIMITS = {
  /** Open sockets of one session on one instance: a phone, a few tabs and a laptop are far below it. */
  socketsPerSession: 10,
  /** `conference.join` messages per socket per minute: a client joins once and after each reconnect. */
  joinsPerSocketPerMinute: 30,
  /**
   * Events replayed to one session per minute, over all its sockets: five full replays. A resume is
   * refused when less than one full replay (1,000) is left; joining without lastSeq (a snapshot over
   * HTTP) is still allowed, and a phone's usual resume of a few events charges only those.
   */
  replayedEventsPerSessionPerMinute: 5000,
} as const;

const MINUTE_MS = 60_000;

/**
 * A count of uses in fixed one-minute windows. Pure: the caller gives the time, so the tests need
 * no clock. Fixed windows let a burst of twice the limit straddle a boundary; that is still bounded,
 * and it is what a person reads in the message ("wait a minute").
 */
export class MinuteBudget {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    readonly limit: number,
    private readonly windowMs = MINUTE_MS,
  ) {}

  private roll(now: number): void {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
  }

  /** What is left in the window that holds `now`. */
  remaining(now: number): number {
    this.roll(now);
    return Math.max(0, this.limit - this.used);
  }

  /** Takes one use; false, and nothing taken, when the window is used up. */
  tryTake(now: number): boolean {
    this.roll(now);
    if (this.used >= this.limit) return false;
    this.used++;
    return true;
  }

  /** Charges what was actually used (a replay's length), even past the limit. */
  charge(now: number, amount: number): void {
    this.roll(now);
    this.used += amount;
  }

  /** Whole seconds until the window that holds `now` ends (at least 1). */
  secondsUntilReset(now: number): number {
    this.roll(now);
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
  }
}
