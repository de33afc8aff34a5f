import type { DebateFloorView, DebateQuestionVoteView } from '@agm/contracts';

type FloorItem = NonNullable<DebateFloorView['item']>;

/** The chair's buttons whose use depends on the stage of the debate. */
export type ChairAction =
  | 'callMover'
  | 'markMoverAbsent'
  | 'callSeconder'
  | 'formallySeconded'
  | 'openFloor'
  | 'startSpeech'
  | 'pauseSpeech'
  | 'endSpeech'
  | 'callRightOfReply'
  | 'putTheQuestion'
  | 'openQuestionVote'
  | 'withdrawQuestion'
  | 'moveToAmendment'
  | 'takeInParts'
  | 'partOutcome'
  | 'recordOutcome';

/**
 * Why each chair button is not usable now, in words (shown as the disabled button's description), or
 * null when it is. It mirrors the standing orders the api applies, so the chair sees the way on rather
 * than a refusal; the api still decides (a second chair may have moved the debate on).
 * `questionVote`: the vote held on the question put (undefined while it is being read).
 */
export function whyNot(
  item: FloorItem,
  questionVote: DebateQuestionVoteView | null | undefined,
): Record<ChairAction, string | null> {
  const { stage, speech, call, procedural, questionPut } = item;
  const what = item.amendment ? 'The amendment' : 'The motion';
  const speaking = speech ? 'A speech is under way; end it first.' : null;
  const put = questionPut
    ? 'The question is put: open its vote, record the result, or withdraw the question.'
    : null;
  const pending = procedural ? 'A procedural motion is waiting for its result.' : null;
  const debating = speaking ?? pending ?? put;
  const notMoved = stage.moved ? null : `${what} has not been moved: call the mover first.`;
  const seconder = item.amendment ? item.amendment.seconderMemberId : item.seconderMemberId;
  const noVote = questionVote === null;
  // A motion taken in parts: once a part is voted on, only the remaining parts are put.
  const partsBegun = (item.parts ?? []).some((p) => p.outcome !== null)
    ? 'The meeting has voted on part of the motion: put the remaining parts.'
    : null;
  return {
    callMover: stage.moved ? `${what} has already been moved.` : debating,
    markMoverAbsent: stage.moved ? `${what} has already been moved.` : speaking,
    callSeconder:
      debating ??
      notMoved ??
      (stage.seconded
        ? `${what} has already been seconded.`
        : seconder
          ? null
          : 'No seconder is named: record a formal seconding.'),
    formallySeconded: debating ?? notMoved ?? (stage.seconded ? `${what} has already been seconded.` : null),
    openFloor:
      debating ??
      notMoved ??
      (stage.seconded ? null : `${what} has not been seconded yet.`) ??
      (stage.floorOpen ? 'The floor is already open.' : null),
    startSpeech: speech ? 'A speech is under way.' : call ? null : 'Call a speaker first.',
    pauseSpeech: speech ? null : 'No speech is under way.',
    endSpeech: speech ? null : 'No speech is under way.',
    callRightOfReply: debating ?? (stage.rightOfReplyGiven ? 'The mover has already replied.' : null),
    putTheQuestion:
      put ??
      speaking ??
      (procedural ? null : notMoved) ??
      (procedural || stage.seconded ? null : `${what} has not been seconded yet.`),
    openQuestionVote: !questionPut
      ? 'No question has been put.'
      : questionVote === undefined
        ? 'Reading the vote on the question…'
        : noVote
          ? null
          : 'A vote is already held on this question.',
    withdrawQuestion: !questionPut
      ? 'No question has been put.'
      : noVote
        ? null
        : 'A vote is held on this question: record its result, or void it first.',
    moveToAmendment:
      debating ??
      (item.amendment ? 'An amendment is being debated; they are taken one at a time.' : null) ??
      (item.parts ? 'The motion has been taken in parts: its amendments come first.' : null) ??
      (stage.floorOpen ? null : 'Open the floor on the motion before taking its amendments.'),
    takeInParts:
      (item.parts ? 'The motion has already been taken in parts.' : null) ??
      (item.amendment ? 'An amendment is being debated: deal with it before taking the motion in parts.' : null) ??
      debating ??
      notMoved ??
      (stage.seconded ? null : 'The motion has not been seconded yet.'),
    partOutcome: questionPut?.partId
      ? questionVote === undefined
        ? 'Reading the vote on the question…'
        : null
      : 'Put the question on the next part first.',
    recordOutcome: speaking ?? partsBegun,
  };
}
