import { useEffect, useState } from 'react';
import type { ElectionBallotDto, LatestElectionResultDto } from '@agm/contracts';
import { get } from '../api';
import type { LiveConference } from '../live';

/**
 * The count published last in the conference, read over HTTP when the page (re)loads its state: the
 * first sync and any resync that missed too much. A live `election.result` brings newer news itself;
 * a void reads it again, as the voided count is no longer the last. Works for a projector link too.
 */
export function useLatestResult(live: LiveConference): ElectionBallotDto | null {
  const [latest, setLatest] = useState<ElectionBallotDto | null>(null);
  useEffect(() => {
    const read = () =>
      void get<LatestElectionResultDto>(`/api/conferences/${live.conferenceId}/election-results/latest`).then(
        (answer) => setLatest(answer.ballot),
        () => undefined,
      );
    return live.onEvent((event) => {
      if (!event || event.type === 'election.ballot_voided') read();
    });
  }, [live]);
  return latest;
}
