import fc from 'fast-check';
import { Majority, MAJORITIES, VOTE_CHOICES, VOTE_METHODS, VoteChannel, VoteChoice, VoteMethod } from '../enums';
import { DomainError } from '../errors';
import { napoDefaultRuleset } from '../ruleset/ruleset';
import { decideBallot } from './ballot-decision';
import {
  buildEligibilitySnapshot,
  EligibilitySnapshot,
  findEligibility,
  VotingAttendee,
} from './eligibility';
import { outcomeOf, tallyVote, WeightedBallot } from './tally';
import { VoteState } from './vote-lifecycle';

const ruleset = napoDefaultRuleset();
const choiceArb = fc.constantFrom<VoteChoice>(...VOTE_CHOICES);

describe('the tally, for any mix of channels', () => {
  const ballotArb = fc.record({ choice: choiceArb, weight: fc.integer({ min: 1, max: 5000 }) });
  const countArb = fc.record({
    for: fc.nat({ max: 2000 }),
    against: fc.nat({ max: 2000 }),
    abstain: fc.nat({ max: 2000 }),
  });

  it('equals the sum of the valid ballots and the hall count, channel by channel', () => {
    fc.assert(
      fc.property(
        fc.array(ballotArb, { maxLength: 60 }),
        fc.option(countArb, { nil: undefined }),
        fc.option(fc.array(ballotArb, { maxLength: 20 }), { nil: undefined }),
        fc.constantFrom<Majority>(...MAJORITIES),
        (electronic, hall, cards, majority) => {
          const result = tallyVote({
            electronicBallots: electronic,
            hallCount: hall,
            cardBallots: cards,
            majority,
            tieRule: 'motion_falls',
            eligibleCount: 1_000_000,
          });
          const sum = (list: WeightedBallot[] | undefined, choice: VoteChoice) =>
            (list ?? []).filter((b) => b.choice === choice).reduce((total, b) => total + b.weight, 0);
          for (const choice of VOTE_CHOICES) {
            expect(result.channels.electronic[choice]).toBe(sum(electronic, choice));
            expect(result.channels.card[choice]).toBe(sum(cards, choice));
            expect(result.channels.hall[choice]).toBe(hall?.[choice] ?? 0);
            expect(result.totals[choice]).toBe(
              sum(electronic, choice) + sum(cards, choice) + (hall?.[choice] ?? 0),
            );
          }
          expect(result.turnout.voted).toBe(
            result.totals.for + result.totals.against + result.totals.abstain,
          );
          expect(result.outcome).toBe(outcomeOf(majority, 'motion_falls', result.totals, 1_000_000));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('the two-thirds majority', () => {
  // Up to 2^50 so that 3·for stays an exact double; BigInt is the exact rational reference.
  const votes = fc.oneof(fc.nat({ max: 400 }), fc.nat({ max: 2 ** 50 }));

  it('carries exactly when for / (for + against) ≥ 2/3, and never with no votes', () => {
    fc.assert(
      fc.property(votes, votes, (forVotes, against) => {
        const f = BigInt(forVotes);
        const n = BigInt(forVotes + against);
        const carriedByRational = n > 0n && f * 3n >= n * 2n;
        // The same line reached another way: the least for-vote count that carries is ceil(2n / 3).
        const carriedByCeiling = n > 0n && f >= (2n * n + 2n) / 3n;
        const outcome = outcomeOf('two_thirds', 'motion_falls', { for: forVotes, against });
        expect(outcome === 'carried').toBe(carriedByRational);
        expect(carriedByRational).toBe(carriedByCeiling);
        expect(outcome === 'carried' || outcome === 'lost').toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('carries every exact two-thirds split, and loses one vote short of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (k) => {
        expect(outcomeOf('two_thirds', 'motion_falls', { for: 2 * k, against: k })).toBe('carried');
        expect(outcomeOf('two_thirds', 'motion_falls', { for: 2 * k - 1, against: k })).toBe('lost');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the simple majority', () => {
  it('carries when more are for than against, and calls a tie only on equal non-zero votes', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (forVotes, against) => {
        const outcome = outcomeOf('simple', 'chair_casting_vote', { for: forVotes, against });
        expect(outcome === 'carried').toBe(forVotes > against);
        expect(outcome === 'tied_chair_casting_vote_needed').toBe(forVotes === against && forVotes > 0);
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- No voter counted twice: random attendees, random cast attempts, folded like the database would.

const categories = [...Object.keys(ruleset.categories), 'honorary'];
const attendeeArb = fc.record({
  category: fc.constantFrom(...categories),
  attendanceMode: fc.constantFrom('hall' as const, 'remote' as const),
  present: fc.boolean(),
  registered: fc.boolean(),
  holdsCard: fc.boolean(),
  cardWeight: fc.integer({ min: 1, max: 900 }),
});
const attemptArb = fc.record({
  /** An index into the attendees; beyond the end is someone who was not an attendee. */
  member: fc.nat({ max: 12 }),
  channel: fc.constantFrom<VoteChannel>('electronic', 'card', 'hall'),
  choice: fc.constantFrom<unknown>('for', 'against', 'abstain', 'maybe', 7),
  /** Which of the member's own devices / receipts the ballot comes from. */
  key: fc.nat({ max: 1 }),
  /** Now and then the chair closes the vote before this attempt. */
  closeBeforeThis: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});
type AttendeeSpec = typeof attendeeArb extends fc.Arbitrary<infer T> ? T : never;
type AttemptSpec = typeof attemptArb extends fc.Arbitrary<infer T> ? T : never;

interface StoredBallotRow {
  memberId: string; // the test oracle only: the real ballot row has no member id
  key: string;
  choice: VoteChoice;
  weight: number;
  channel: VoteChannel;
  acceptedWhile: VoteState;
}

function attendeesFrom(specs: AttendeeSpec[], method: VoteMethod): VotingAttendee[] {
  return specs.map((spec, index) => ({
    memberId: `m${index}`,
    category: spec.category,
    attendanceMode: spec.attendanceMode,
    present: spec.present,
    registered: spec.registered,
    ...(method === 'card_vote' && spec.holdsCard
      ? { bodyId: `body${index}`, cardWeight: spec.cardWeight }
      : {}),
  }));
}

/** Folds the attempts through decideBallot as the CastBallot use case and its unique constraints would. */
function castAll(snapshot: EligibilitySnapshot, attempts: AttemptSpec[], ballotsChangeable: boolean) {
  let state: VoteState = 'open';
  const ballots = new Map<string, StoredBallotRow>(); // by ballot key
  const participation = new Map<string, string>(); // member → key of their ballot (oracle)
  for (const attempt of attempts) {
    if (attempt.closeBeforeThis) state = 'closed';
    const memberId = `m${attempt.member}`;
    const key = `${memberId}/${attempt.key}`;
    const storedKey = participation.get(memberId);
    const stored = storedKey === undefined ? undefined : ballots.get(storedKey);
    try {
      const decision = decideBallot({
        entry: findEligibility(snapshot, memberId),
        voteState: state,
        existingParticipation:
          stored === undefined
            ? null
            : { sameBallotKey: storedKey === key, sameChoice: stored.choice === attempt.choice },
        ballotsChangeable,
        channel: attempt.channel,
        choice: attempt.choice,
      });
      if (decision.kind === 'duplicate') continue;
      if (decision.kind === 'accept' && participation.has(memberId))
        throw new Error('accepted a second participation');
      const row = {
        memberId,
        key,
        choice: decision.choice,
        weight: decision.weight,
        channel: decision.channel,
        acceptedWhile: state,
      };
      ballots.set(key, row);
      participation.set(memberId, key);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return [...ballots.values()];
}

describe('no voter is counted twice', () => {
  it('gives each member at most one ballot, through their own channel only, and never from the hall in a hybrid vote', () => {
    fc.assert(
      fc.property(
        fc.array(attendeeArb, { maxLength: 10 }),
        fc.constantFrom(...VOTE_METHODS),
        fc.subarray([...ruleset.topics]),
        fc.boolean(),
        fc.array(attemptArb, { maxLength: 40 }),
        (specs, method, topics, ballotsChangeable, attempts) => {
          const snapshot = buildEligibilitySnapshot(
            attendeesFrom(specs, method),
            { method, topics, subject: 'motion' },
            ruleset,
          );
          const ballots = castAll(snapshot, attempts, ballotsChangeable);

          const perMember = new Map<string, number>();
          for (const ballot of ballots)
            perMember.set(ballot.memberId, (perMember.get(ballot.memberId) ?? 0) + 1);
          for (const count of perMember.values()) expect(count).toBe(1);

          for (const ballot of ballots) {
            const entry = findEligibility(snapshot, ballot.memberId);
            expect(entry?.eligible).toBe(true);
            if (!entry?.eligible) continue;
            expect(ballot.channel).toBe(entry.channel);
            expect(ballot.channel).not.toBe('hall');
            expect(ballot.weight).toBe(entry.weight);
            expect(ballot.acceptedWhile).toBe('open');
            if (method === 'hybrid') expect(entry.attendanceMode).toBe('remote');
          }

          // Every counted ballot plus a full hall still cannot exceed the eligible register.
          const tally = tallyVote({
            electronicBallots: ballots.filter((b) => b.channel === 'electronic'),
            cardBallots: ballots.filter((b) => b.channel === 'card'),
            hallCount: { for: snapshot.hallHeadcount, against: 0, abstain: 0 },
            majority: 'simple',
            tieRule: 'motion_falls',
            eligibleCount: snapshot.eligibleWeight,
          });
          expect(tally.turnout.voted).toBeLessThanOrEqual(snapshot.eligibleWeight);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the first ballot when ballots cannot be changed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ choice: choiceArb, key: fc.nat({ max: 2 }) }), { minLength: 1, maxLength: 10 }),
        (sends) => {
          const attendees: VotingAttendee[] = [
            { memberId: 'm0', category: 'full', attendanceMode: 'remote', present: true, registered: true },
          ];
          const snapshot = buildEligibilitySnapshot(
            attendees,
            { method: 'hybrid', topics: [], subject: 'motion' },
            ruleset,
          );
          const ballots = castAll(
            snapshot,
            sends.map((send): AttemptSpec => ({
              member: 0,
              channel: 'electronic',
              choice: send.choice,
              key: send.key,
              closeBeforeThis: false,
            })),
            false,
          );
          expect(ballots).toHaveLength(1);
          expect(ballots[0].choice).toBe(sends[0].choice);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the eligibility snapshot, for any attendance', () => {
  it('lists every attendee once and counts the hall headcount as the eligible members in the hall', () => {
    fc.assert(
      fc.property(
        fc.array(attendeeArb, { maxLength: 30 }),
        fc.subarray([...ruleset.topics]),
        (specs, topics) => {
          const attendees = attendeesFrom(specs, 'hybrid');
          const snapshot = buildEligibilitySnapshot(
            attendees,
            { method: 'hybrid', topics, subject: 'motion' },
            ruleset,
          );
          expect(snapshot.entries.map((e) => e.memberId).sort()).toEqual(
            attendees.map((a) => a.memberId).sort(),
          );

          const mayVote = (a: VotingAttendee) =>
            a.registered &&
            a.present &&
            ruleset.categories[a.category] !== undefined &&
            !topics.some((topic) => ruleset.categories[a.category].excludedTopics.includes(topic));
          expect(snapshot.eligibleCount).toBe(attendees.filter(mayVote).length);
          expect(snapshot.hallHeadcount).toBe(
            attendees.filter((a) => mayVote(a) && a.attendanceMode === 'hall').length,
          );
          expect(snapshot.hallHeadcount + snapshot.electronicCount).toBe(snapshot.eligibleCount);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
