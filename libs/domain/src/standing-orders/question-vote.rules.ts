import { Conflict, StandingOrderViolation } from '../errors';
import { openItemOf } from './debate.fold';
import { DebateItemState, DebateState, QuestionVoteFigures } from './debate.types';

/**
 * "Open the vote" on a question already put: the recovery when the vote failed to open with the
 * question (not quorate, say) and the cause is now fixed, or after its vote was voided. Allowed only
 * while the item is open with that question put and no vote (not voided) is held on it: one question,
 * one live vote. Returns the item.
 */
export function assertVoteMayOpenOnQuestion(
  state: DebateState,
  itemId: string,
  questionVote: QuestionVoteFigures | null,
): DebateItemState {
  const item = openItemOf(state);
  if (!item || item.itemId !== itemId) {
    throw new StandingOrderViolation(
      'order-of-business',
      'That item is not open for debate; the vote on a question is opened while its item is open.',
    );
  }
  if (!item.questionPut) {
    throw new StandingOrderViolation(
      'question-put',
      'No question has been put on this item; put the question first (it opens the vote).',
    );
  }
  if (questionVote) {
    throw new Conflict(
      questionVote.state === 'open'
        ? 'The vote on this question is already open.'
        : 'A vote on this question has already been held; record its result, or void it and re-run it.',
    );
  }
  return item;
}
