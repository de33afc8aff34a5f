import fc from 'fast-check';
import { RateLimited } from '../errors';
import { BallotBucket, DEFAULT_BALLOT_RATE, takeBallotToken } from './ballot-rate';

describe('the ballot message rate', () => {
  it('allows a burst of the capacity at once, then refuses with how long to wait', () => {
    let bucket: BallotBucket | undefined;
    for (let i = 0; i < DEFAULT_BALLOT_RATE.capacity; i++) bucket = takeBallotToken(bucket, 1000);
    expect(() => takeBallotToken(bucket, 1000)).toThrow(RateLimited);
    try {
      takeBallotToken(bucket, 1000);
    } catch (error) {
      expect((error as RateLimited).retryAfterSeconds).toBe(1);
      expect((error as RateLimited).message).toMatch(/wait 1 s/);
    }
  });

  it('refills at the rate per second, never above the capacity', () => {
    let bucket: BallotBucket | undefined;
    for (let i = 0; i < DEFAULT_BALLOT_RATE.capacity; i++) bucket = takeBallotToken(bucket, 0);
    bucket = takeBallotToken(bucket, 500); // half a second: one token at 2 a second
    expect(() => takeBallotToken(bucket, 500)).toThrow(RateLimited);
    expect(takeBallotToken(undefined, 0).tokens).toBe(DEFAULT_BALLOT_RATE.capacity - 1);
    expect(takeBallotToken({ tokens: 0, at: 0 }, 3_600_000).tokens).toBe(DEFAULT_BALLOT_RATE.capacity - 1);
  });

  it('never lets more through in a window than the burst plus the refill (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 300 }), (gaps) => {
        let bucket: BallotBucket | undefined;
        let now = 0;
        let allowed = 0;
        for (const gap of gaps) {
          now += gap;
          try {
            bucket = takeBallotToken(bucket, now);
            allowed++;
          } catch (error) {
            expect(error).toBeInstanceOf(RateLimited);
          }
        }
        expect(allowed).toBeLessThanOrEqual(DEFAULT_BALLOT_RATE.capacity + Math.floor((now / 1000) * DEFAULT_BALLOT_RATE.perSecond) + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
