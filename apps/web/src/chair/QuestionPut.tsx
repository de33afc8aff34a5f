import type { DebateQuestionVoteView } from '@agm/contracts';
import { ReasonCommand } from '../ChairControls';
import { label } from '../ui';
import { OUTCOME_LABEL } from '../views';

const QUESTION_VOTE_STATE: Record<string, string> = {
  open: 'open',
  closed: 'closed, waiting for the tellers’ count',
  declared: 'declared',
};

/**
 * The question put, and the way on from it. With a vote held: its state and figures (the result recorded
 * must agree). With none (the vote failed to open, say, because the meeting was not quorate): open the
 * vote once the cause is fixed, withdraw the question with a reason, or declare the result on a show of
 * hands, which the minutes record as such.
 */
export function QuestionPut({
  vote,
  openWhyNot,
  withdrawWhyNot,
  onOpen,
  onWithdraw,
  showOfHands,
  onShowOfHands,
  disabled,
}: {
  vote: DebateQuestionVoteView | null | undefined;
  openWhyNot: string | null;
  withdrawWhyNot: string | null;
  onOpen: () => void;
  onWithdraw: (reason: string) => Promise<unknown> | void;
  showOfHands: boolean;
  onShowOfHands: (on: boolean) => void;
  disabled: boolean;
}) {
  if (vote === undefined) return null;
  if (vote !== null) {
    return (
      <p data-testid="question-vote">
        The vote on this question is {label(QUESTION_VOTE_STATE, vote.state)}
        {vote.outcome && (
          <>
            : <strong>{label(OUTCOME_LABEL, vote.outcome)}</strong>
            {vote.totals &&
              ` (for ${vote.totals.for}, against ${vote.totals.against}, abstain ${vote.totals.abstain})`}
            . Record the outcome that agrees with it.
          </>
        )}
      </p>
    );
  }
  return (
    <div data-testid="question-no-vote">
      <p data-testid="question-vote">
        No vote is held on the question put. Open the vote (with the method above) once the meeting can vote,
        withdraw the question, or declare the result on a show of hands.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={disabled || openWhyNot !== null}
          title={openWhyNot ?? undefined}
          onClick={onOpen}
        >
          Open the vote
        </button>
      </div>
      <label className="inline">
        <input type="checkbox" checked={showOfHands} onChange={(e) => onShowOfHands(e.target.checked)} /> The
        chair declares the result on a show of hands (recorded as such)
      </label>
      <ReasonCommand
        summary="Withdraw the question"
        fieldLabel="Why the question is withdrawn (recorded in the minutes)"
        buttonText="Withdraw the question"
        maxLength={1000}
        onSubmit={onWithdraw}
        disabled={disabled || withdrawWhyNot !== null}
      />
    </div>
  );
}
