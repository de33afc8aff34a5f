import { Injectable } from '@nestjs/common';
import { RateLimited } from '@agm/domain';

/** Who is trying to sign in, as the throttle counts them: the identifier normalised, and the caller's address. */
export interface SignInAttempt {
  /** `email:chair@napo.org.uk` or `member:<conference id>:<membership number>`, normalised (see below). */
  identifier: string;
  address: string;
}

/** What head office sees of one identifier or address that failed recently. */
export interface SignInBlock {
  identifier: string | null;
  address: string | null;
  failures: number;
  /** Refused outright (one identifier from one address) until this time; null when only slowed. */
  refusedUntil: string | null;
  /** How long each further attempt is held before it is checked, in milliseconds. */
  delayMs: number;
}

const PAIR = '|';

/**
 * Slows guessing without locking out the real person. Three counts of failures in a one-minute window:
 *
 * - one identifier from one address: after 5 the pair is refused (429) for the rest of the minute. An
 *   attacker can no longer lock the chair out: the chair, signing in from anywhere else, is not refused;
 * - one identifier from any address: beyond 5, each attempt is held for a delay that doubles (0.25 s, 0.5 s,
 *   … up to 4 s) before it is checked, so a guesser spread over many addresses is slowed, and the real
 *   person still gets in, a few seconds later;
 * - one address, any identifier: beyond 200 the same growing delay, never a refusal, because a whole hall
 *   may share the venue's address.
 *
 * Keys are normalised by the callers (lower-cased email and conference id, upper-cased membership number),
 * so changing the case of what is typed gives no fresh allowance. In memory, per instance: with N instances
 * an attacker gets N times the allowance, and head office lifts a block on the instance that answers.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  readonly windowMs = 60_000;
  readonly pairLimit = 5;
  readonly identifierFreeFailures = 5;
  /** Writable so a test can reach it without 200 argon2 checks on a busy machine. */
  addressFreeFailures = 200;
  readonly maxDelayMs = 4_000;

  /** Refuses a blocked pair with 429, then holds the attempt for the delay its counts have earned. */
  async beforeAttempt(attempt: SignInAttempt, now = Date.now()): Promise<void> {
    const pair = this.recent(pairKey(attempt), now);
    if (pair.length >= this.pairLimit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((pair[0] + this.windowMs - now) / 1000));
      throw new RateLimited(`Too many failed sign-in attempts from here. Wait ${retryAfterSeconds} seconds and try again.`, retryAfterSeconds);
    }
    const delay = this.delayFor(attempt, now);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }

  recordFailure(attempt: SignInAttempt, now = Date.now()): void {
    for (const key of [pairKey(attempt), identifierKey(attempt), addressKey(attempt)]) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.sweep(now);
  }

  /** A success clears the identifier's counts (not the address's: the hall shares it). */
  recordSuccess(attempt: SignInAttempt): void {
    this.failures.delete(pairKey(attempt));
    this.failures.delete(identifierKey(attempt));
  }

  /** Every identifier and address that is refused or slowed now, most failures first. */
  blocks(now = Date.now()): SignInBlock[] {
    this.sweep(now);
    const out: SignInBlock[] = [];
    for (const [key, times] of this.failures) {
      const recent = times.filter((at) => at > now - this.windowMs);
      const [kind, ...rest] = key.split(PAIR);
      const value = rest.join(PAIR);
      if (kind === 'pair') {
        if (recent.length < this.pairLimit) continue;
        const [identifier, address] = splitPair(value);
        out.push({ identifier, address, failures: recent.length, refusedUntil: new Date(recent[0] + this.windowMs).toISOString(), delayMs: 0 });
      } else {
        const delayMs = this.delayAfter(recent.length, kind === 'id' ? this.identifierFreeFailures : this.addressFreeFailures);
        if (delayMs === 0) continue;
        out.push({ identifier: kind === 'id' ? value : null, address: kind === 'ip' ? value : null, failures: recent.length, refusedUntil: null, delayMs });
      }
    }
    return out.sort((a, b) => b.failures - a.failures);
  }

  /** Head office lifts a block: every count for that identifier, or that address, or that pair, is forgotten. */
  lift(target: { identifier?: string; address?: string }): number {
    let lifted = 0;
    for (const key of [...this.failures.keys()]) {
      const [kind, ...rest] = key.split(PAIR);
      const value = rest.join(PAIR);
      const [identifier, address] = kind === 'pair' ? splitPair(value) : kind === 'id' ? [value, null] : [null, value];
      const matches =
        (target.identifier === undefined || identifier === target.identifier) && (target.address === undefined || address === target.address) && (target.identifier !== undefined || target.address !== undefined);
      if (matches) {
        this.failures.delete(key);
        lifted++;
      }
    }
    return lifted;
  }

  private delayFor(attempt: SignInAttempt, now: number): number {
    return Math.max(
      this.delayAfter(this.recent(identifierKey(attempt), now).length, this.identifierFreeFailures),
      this.delayAfter(this.recent(addressKey(attempt), now).length, this.addressFreeFailures),
    );
  }

  private delayAfter(failures: number, free: number): number {
    const excess = failures - free;
    return excess <= 0 ? 0 : Math.min(this.maxDelayMs, 250 * 2 ** Math.min(excess - 1, 10));
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key, now).length === 0) this.failures.delete(key);
  }
}

function pairKey(attempt: SignInAttempt): string {
  return `pair${PAIR}${attempt.identifier}${PAIR}${attempt.address}`;
}
function identifierKey(attempt: SignInAttempt): string {
  return `id${PAIR}${attempt.identifier}`;
}
function addressKey(attempt: SignInAttempt): string {
  return `ip${PAIR}${attempt.address}`;
}
/** The address is the part after the last separator: identifiers may hold anything, addresses never hold it. */
function splitPair(value: string): [string, string] {
  const at = value.lastIndexOf(PAIR);
  return [value.slice(0, at), value.slice(at + 1)];
}

/** The identifier an official is counted under: the email as the account lookup reads it. */
export function officialIdentifier(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

/** The identifier an attendee is counted under: a UUID in any case is one conference, a number in any case one member. */
export function attendeeIdentifier(conferenceId: string, membershipNumber: string): string {
  return `member:${conferenceId.trim().toLowerCase()}:${membershipNumber.trim().toUpperCase()}`;
}
