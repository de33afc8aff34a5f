import fc from 'fast-check';
import {
  countInstantRunoff,
  countMeekStv,
  countScottishStv,
  ElectionCount,
  ElectionInput,
  VOTE_SCALE,
} from './index';

/** Small random elections: 2–7 candidates, each ballot ranks some of them in some order. */
const electionArbitrary = (seats: fc.Arbitrary<number>) =>
  fc.integer({ min: 2, max: 7 }).chain((n) =>
    fc.record({
      candidates: fc.constant(
        Array.from({ length: n }, (_, i) => ({ name: `Candidate ${String.fromCharCode(65 + i)}` })),
      ),
      seats: seats.map((s) => Math.min(s, n)),
      ballots: fc.array(
        fc.record({
          preferences: fc.shuffledSubarray(
            Array.from({ length: n }, (_, i) => i),
            { minLength: 1 },
          ),
          count: fc.integer({ min: 1, max: 3 }),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      lotSeed: fc.string({ minLength: 1, maxLength: 8 }),
    }),
  );

const stv = [
  ['Scottish STV', countScottishStv],
  ["Meek's STV", countMeekStv],
] as const;

describe('counting properties', () => {
  it('instant runoff and one-seat Scottish STV elect the same candidate, after the same exclusions', () => {
    fc.assert(
      fc.property(electionArbitrary(fc.constant(1)), (input) => {
        const irv = countInstantRunoff(input);
        const stv = countScottishStv(input);
        expect(stv.elected).toEqual(irv.elected);
        // STV may go on excluding after instant runoff has found its majority, never differently before.
        expect(stv.excluded.slice(0, irv.excluded.length)).toEqual(irv.excluded);
      }),
      { numRuns: 300 },
    );
  });

  it.each(stv)('%s: a candidate with a quota of first preferences is elected', (_, count) => {
    fc.assert(
      fc.property(electionArbitrary(fc.integer({ min: 1, max: 4 })), (input) => {
        const result = count(input);
        const first = result.stages[0];
        for (let c = 0; c < input.candidates.length; c++) {
          if (first.votes[c] >= first.quota!) expect(result.elected).toContain(c);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each(stv)(
    '%s: every stage conserves the votes, up to the recorded non-transferable and rounding loss',
    (_, count) => {
      fc.assert(
        fc.property(electionArbitrary(fc.integer({ min: 1, max: 4 })), (input) => {
          const result = count(input);
          const total = result.validBallots * VOTE_SCALE;
          let previous = { nonTransferable: 0, roundingLoss: 0 };
          for (const stage of result.stages) {
            expect(stage.votes.reduce((a, b) => a + b, 0) + stage.nonTransferable + stage.roundingLoss).toBe(
              total,
            );
            expect(stage.nonTransferable).toBeGreaterThanOrEqual(previous.nonTransferable);
            expect(stage.roundingLoss).toBeGreaterThanOrEqual(0);
            // Each ballot paper loses less than 0.00001 to truncation at each stage (Meek: to reporting).
            expect(stage.roundingLoss).toBeLessThanOrEqual(
              result.validBallots * result.stages.length + input.candidates.length + 1,
            );
            previous = stage;
          }
          expect(result.elected.length).toBe(Math.min(input.seats, input.candidates.length));
          expect(new Set(result.elected).size).toBe(result.elected.length);
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each([...stv, ['instant runoff', countInstantRunoff] as const])(
    '%s: the order the ballots come in changes nothing',
    (_, count) => {
      fc.assert(
        fc.property(
          electionArbitrary(fc.integer({ min: 1, max: 3 })).chain((input) =>
            fc.tuple(
              fc.constant(input),
              fc.shuffledSubarray([...input.ballots], { minLength: input.ballots.length }),
            ),
          ),
          ([input, shuffled]) => {
            const single: ElectionInput = count === countInstantRunoff ? { ...input, seats: 1 } : input;
            const a: ElectionCount = count(single);
            const b: ElectionCount = count({ ...single, ballots: shuffled });
            expect(b).toEqual(a);
          },
        ),
        { numRuns: 150 },
      );
    },
  );
});
