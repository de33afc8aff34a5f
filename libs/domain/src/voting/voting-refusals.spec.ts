import {
  Conflict,
  DomainError,
  Forbidden,
  InvalidInput,
  StandingOrderViolation,
  VoteClosed,
} from '../errors';
import { decideBallot, BallotAttempt } from './ballot-decision';
import { findEligibility } from './eligibility';
import { computeQuorum } from './quorum';
import { validateTellerCount } from './teller-count';
import { assertCanOpen, openVote, VoteLifecycle } from './vote-lifecycle';
import { VotingTestContext } from './voting.test-context';

/** Runs `act` and returns the domain error it throws, failing the test when it does not throw. */
function refusalOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the action was allowed');
}

function attempt(overrides: Partial<BallotAttempt>): BallotAttempt {
  return {
    entry: undefined,
    voteState: 'open',
    existingParticipation: null,
    ballotsChangeable: false,
    channel: 'electronic',
    choice: 'for',
    ...overrides,
  };
}

describe('refusals a voter or official sees, and what they are told', () => {
  it('refuses a retired member a vote on pay and conditions, saying only full members vote on it', () => {
    const ctx = new VotingTestContext();
    const retired = ctx.newMember({ category: 'retired', attendanceMode: 'remote' });
    const snapshot = ctx.openSnapshot('electronic', ['pay_and_conditions']);

    const error = refusalOf(() =>
      decideBallot(attempt({ entry: findEligibility(snapshot, retired.memberId), ruleset: ctx.ruleset })),
    );

    expect(error).toBeInstanceOf(Forbidden);
    expect(error.message).toBe(
      'Only full members vote on pay and conditions; retired members may not vote on this motion. You may still follow the debate.',
    );
    expect(error.errors).toEqual({ reason: 'topic_excluded_for_category' });
  });

  it('lets the same retired member vote on a general motion', () => {
    const ctx = new VotingTestContext();
    const retired = ctx.newMember({ category: 'retired', attendanceMode: 'remote' });
    const snapshot = ctx.openSnapshot('electronic', ['general']);

    expect(decideBallot(attempt({ entry: findEligibility(snapshot, retired.memberId) })).kind).toBe('accept');
  });

  it('refuses an electronic ballot from a member counted in the hall in a hybrid vote', () => {
    const ctx = new VotingTestContext();
    const inHall = ctx.newMember({ attendanceMode: 'hall' });
    const snapshot = ctx.openSnapshot('hybrid');

    const error = refusalOf(() =>
      decideBallot(attempt({ entry: findEligibility(snapshot, inHall.memberId), channel: 'electronic' })),
    );

    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect((error as StandingOrderViolation).rule).toBe('one-channel-per-voter');
    expect(error.message).toMatch(
      /counted by the tellers .* cannot also vote electronically\. Raise your card in the hall\./,
    );
  });

  it('refuses an individual ballot sent as a hall vote, since the tellers count the hall', () => {
    const ctx = new VotingTestContext();
    const inHall = ctx.newMember({ attendanceMode: 'hall' });
    const snapshot = ctx.openSnapshot('show_of_cards');

    const error = refusalOf(() =>
      decideBallot(attempt({ entry: findEligibility(snapshot, inHall.memberId), channel: 'hall' })),
    );

    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.message).toContain('Enter a teller count instead');
  });

  it('refuses a second ballot when ballots cannot be changed, keeping the first', () => {
    const ctx = new VotingTestContext();
    const voter = ctx.newMember({ attendanceMode: 'remote' });
    const entry = findEligibility(ctx.openSnapshot('hybrid'), voter.memberId);

    const error = refusalOf(() =>
      decideBallot(
        attempt({
          entry,
          choice: 'against',
          existingParticipation: { sameBallotKey: false, sameChoice: false },
        }),
      ),
    );

    expect(error).toBeInstanceOf(Conflict);
    expect(error.message).toBe(
      'You have already voted in this vote, and ballots cannot be changed once cast. Your first ballot stands.',
    );
  });

  it('treats the same ballot sent twice as one ballot, not a second vote', () => {
    const ctx = new VotingTestContext();
    const voter = ctx.newMember({ attendanceMode: 'remote' });
    const entry = findEligibility(ctx.openSnapshot('hybrid'), voter.memberId);

    const decision = decideBallot(
      attempt({ entry, existingParticipation: { sameBallotKey: true, sameChoice: true } }),
    );

    expect(decision.kind).toBe('duplicate');
  });

  it('refuses a ballot after the chair has closed the vote', () => {
    const ctx = new VotingTestContext();
    const voter = ctx.newMember({ attendanceMode: 'remote' });
    const entry = findEligibility(ctx.openSnapshot('electronic'), voter.memberId);

    const error = refusalOf(() => decideBallot(attempt({ entry, voteState: 'closed' })));

    expect(error).toBeInstanceOf(VoteClosed);
    expect(error.message).toBe(
      'This vote is closed, so no more ballots can be taken. Your ballot was not recorded.',
    );
  });

  it('refuses a ballot whose choice is not for, against or abstain', () => {
    const ctx = new VotingTestContext();
    const voter = ctx.newMember({ attendanceMode: 'remote' });
    const entry = findEligibility(ctx.openSnapshot('electronic'), voter.memberId);

    const error = refusalOf(() => decideBallot(attempt({ entry, choice: 'yes please' })));

    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.errors).toEqual({ choice: 'must be one of for, against, abstain' });
  });

  it('refuses a teller count of more cards than eligible members in the hall', () => {
    const ctx = new VotingTestContext();
    for (let i = 0; i < 3; i++) ctx.newMember({ attendanceMode: 'hall' });
    ctx.newMember({ attendanceMode: 'remote' });
    const snapshot = ctx.openSnapshot('hybrid');

    const error = refusalOf(() =>
      validateTellerCount({ for: 2, against: 1, abstain: 1 }, snapshot.hallHeadcount),
    );

    expect(snapshot.hallHeadcount).toBe(3);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.message).toBe(
      'The tellers counted 4 cards but only 3 eligible members were in the hall when the vote opened. Recount the hall.',
    );
  });

  it('refuses to open a vote without a quorum, giving the numbers', () => {
    const ctx = new VotingTestContext();
    for (let i = 0; i < 149; i++) ctx.newMember();
    const quorum = computeQuorum(ctx.attendees, { full: 2000 }, ctx.ruleset); // Napo cites 150
    const vote: VoteLifecycle = { state: 'draft', subject: 'motion' };

    const error = refusalOf(() => assertCanOpen(vote, quorum));

    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect((error as StandingOrderViolation).rule).toBe('quorum');
    expect(error.message).toContain('not quorate (149 members who count present, of 150 needed)');
  });

  it('opens a test vote without a quorum, since a test vote is how attendance is registered', () => {
    const opened = openVote({ state: 'draft', subject: 'test' }, false, new Date('2025-10-02T09:00:00Z'));
    expect(opened.state).toBe('open');
    expect(opened.openedAt).toEqual(new Date('2025-10-02T09:00:00Z'));
  });
});
