import { StandingOrderViolation } from '@agm/domain';
import type { VoteRow } from '@agm/persistence/voting';
import { assertAgreesWithVote, questionVoteOf } from './question-vote';

const vote = (id: string, over: Partial<VoteRow>): VoteRow =>
  ({ id, subject: 'motion', subjectRef: 'm1', state: 'open', result: null, ...over }) as VoteRow;
const declared = (id: string, outcome: string, over: Partial<VoteRow> = {}) =>
  vote(id, { state: 'declared', result: { outcome, totals: { for: 1, against: 1, abstain: 0 } } as never, ...over });
const substantive = { subject: 'substantive' as const, amendmentId: null, proceduralId: null };

describe('the vote on the question put', () => {
  it('is the latest vote not voided on the same subject and reference', () => {
    const votes = [declared('v1', 'lost', { state: 'voided' }), declared('v2', 'carried'), vote('a1', { subject: 'amendment', subjectRef: 'a1' }), vote('other', { subjectRef: 'm2' })];
    expect(questionVoteOf(votes, 'm1', substantive)).toMatchObject({ voteId: 'v2', outcome: 'carried' });
    expect(questionVoteOf(votes, 'm1', { subject: 'amendment', amendmentId: 'a1', proceduralId: null })).toMatchObject({ voteId: 'a1', state: 'open', outcome: null });
    expect(questionVoteOf([declared('p', 'carried', { subject: 'challenge_to_chair', subjectRef: 'procedural-1' })], 'm1', { subject: 'procedural', amendmentId: null, proceduralId: 'procedural-1' })).toMatchObject({ voteId: 'p' });
    expect(questionVoteOf(votes, 'm1', null)).toBeNull();
    expect(questionVoteOf([vote('x', { subject: 'amendment' })], 'm1', substantive)).toBeNull();
  });

  it('refuses a result that contradicts the declared vote, and leaves a casting vote or an undeclared vote to the chair', () => {
    const at = (outcome: string) => questionVoteOf([declared('v', outcome)], 'm1', substantive);
    expect(() => assertAgreesWithVote(at('lost'), 'carried')).toThrow(StandingOrderViolation);
    expect(() => assertAgreesWithVote(at('tied_falls'), 'carried_as_amended')).toThrow(/declared tied falls/);
    expect(() => assertAgreesWithVote(at('carried'), 'lost')).toThrow(StandingOrderViolation);
    expect(() => assertAgreesWithVote(at('carried'), 'carried')).not.toThrow();
    expect(() => assertAgreesWithVote(at('tied_falls'), 'lost')).not.toThrow();
    expect(() => assertAgreesWithVote(at('tied_chair_casting_vote_needed'), 'lost')).not.toThrow();
    expect(() => assertAgreesWithVote(at('tied_chair_casting_vote_needed'), 'carried')).not.toThrow();
    expect(() => assertAgreesWithVote(questionVoteOf([vote('v', { state: 'closed' })], 'm1', substantive), 'lost')).not.toThrow();
    expect(() => assertAgreesWithVote(null, 'carried')).not.toThrow();
    expect(() => assertAgreesWithVote(at('lost'), 'remitted')).not.toThrow();
  });
});
