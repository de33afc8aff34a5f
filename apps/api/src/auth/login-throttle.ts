import { Injectable } from '@nestjs/common';
import { RateLimited } from '@agm/domain';

/**
 * Limits failed sign-ins per key: 5 a minute for the identifier tried, and a much larger number for
 * the caller's address, because a whole conference hall may share one address behind the venue's
 * wifi. In memory, per instance: with N instances an attacker gets N times the allowance, still a
 * handful of guesses a minute against an 80-bit code. A success clears the identifier's count.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  readonly windowMs = 60_000;

  private maxFailuresFor(key: string): number {
    return key.startsWith('ip:') ? 200 : 5;
  }

  assertAllowed(keys: string[], now = Date.now()): void {
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.maxFailuresFor(key)) {
        const retryAfterSeconds = Math.ceil((recent[0] + this.windowMs - now) / 1000);
        throw new RateLimited(`Too many failed sign-in attempts. Wait ${retryAfterSeconds} seconds and try again.`, retryAfterSeconds);
      }
    }
  }

  recordFailure(keys: string[], now = Date.now()): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
  }

  clear(keys: string[]): void {
    for (const key of keys) if (!key.startsWith('ip:')) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }
}
