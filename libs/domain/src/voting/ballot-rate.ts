import { RateLimited } from '../errors';

/**
 * How many ballot messages one signed-in device may send: a burst of `capacity`, then `perSecond`.
 * A voter sends one ballot, perhaps a few retries of it (same key) and a change or two; anything
 * beyond that is a broken or hostile client, and each message costs the server a database read.
 */
export interface BallotRate {
  capacity: number;
  perSecond: number;
}

export const DEFAULT_BALLOT_RATE: BallotRate = { capacity: 10, perSecond: 2 };

/** A token bucket: `tokens` left at `at` (ms). */
export interface BallotBucket {
  tokens: number;
  at: number;
}

/**
 * Takes one token for a ballot message at `now`, or refuses with how long to wait. Pure: the caller
 * keeps the bucket (per session) and stores the one returned.
 */
export function takeBallotToken(bucket: BallotBucket | undefined, now: number, rate: BallotRate = DEFAULT_BALLOT_RATE): BallotBucket {
  const refilled = bucket ? Math.min(rate.capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate.perSecond) : rate.capacity;
  if (refilled < 1) {
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - refilled) / rate.perSecond));
    throw new RateLimited(`Too many ballot messages from this device. Your ballot, if acknowledged, is counted; wait ${retryAfterSeconds} s before sending again.`, retryAfterSeconds);
  }
  return { tokens: refilled - 1, at: now };
}
