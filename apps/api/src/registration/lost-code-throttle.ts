import { Injectable } from '@nestjs/common';
import { RateLimited } from '@agm/domain';

/**
 * Lost-code requests are counted whether or not the number exists, so the limit itself tells nothing:
 * 3 an hour for one membership number in one conference (a new code each time would lock the member out
 * of the last one), 20 an hour from one address. In memory, per instance, like the sign-in throttle.
 */
@Injectable()
export class LostCodeThrottle {
  private readonly requests = new Map<string, number[]>();
  readonly windowMs = 60 * 60 * 1000;
  readonly perNumber = 3;
  readonly perAddress = 20;

  take(identifier: string, address: string, now = Date.now(), what = 'requests for a new code'): void {
    const keys: Array<[string, number]> = [
      [`id|${identifier}`, this.perNumber],
      [`ip|${address}`, this.perAddress],
    ];
    for (const [key, limit] of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= limit) {
        const minutes = Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 60_000));
        throw new RateLimited(`Too many ${what}. Try again in ${minutes} minutes, or ask head office.`, minutes * 60);
      }
    }
    for (const [key] of keys) this.requests.set(key, [...this.recent(key, now), now]);
    if (this.requests.size > 10_000) for (const key of [...this.requests.keys()]) if (this.recent(key, now).length === 0) this.requests.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.requests.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }
}
