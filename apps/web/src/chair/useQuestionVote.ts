import { useEffect, useState } from 'react';
import type { DebateQuestionVoteView, DebateSnapshotResponseDto } from '@agm/contracts';
import { get } from '../api';

/**
 * The vote on the question put (the chair's debate snapshot's `questionVote`): the vote the api checks a
 * recorded result against. Read again whenever the debate or the current vote changes.
 */
export function useQuestionVote(
  conferenceId: string,
  key: string,
  put: boolean,
): DebateQuestionVoteView | null | undefined {
  const [questionVote, setQuestionVote] = useState<DebateQuestionVoteView | null | undefined>(undefined);
  useEffect(() => {
    if (!put) return setQuestionVote(undefined);
    let current = true;
    get<DebateSnapshotResponseDto>(`/api/conferences/${conferenceId}/debate`).then(
      (snapshot) => current && setQuestionVote(snapshot.questionVote ?? null),
      () => current && setQuestionVote(undefined),
    );
    return () => {
      current = false;
    };
  }, [conferenceId, key, put]);
  return questionVote;
}
