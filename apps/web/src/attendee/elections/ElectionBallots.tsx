import { useCallback, useEffect, useState } from 'react';
import type { ElectionBallotDto, PostDto } from '@agm/contracts';
import { ApiError, get } from '../../api';
import { ElectionBallotForm } from './ElectionBallotForm';

/** The member's elections: each post's ballot, to vote on this device, or what to do instead, and the result once counted. */
export function ElectionBallots({ conferenceId }: { conferenceId: string }) {
  const base = `/api/conferences/${conferenceId}/posts`;
  const [ballots, setBallots] = useState<ElectionBallotDto[] | null>(null);
  const load = useCallback(async () => {
    const posts = await get<PostDto[]>(base);
    const found = await Promise.all(
      posts
        .filter((p) => p.state === 'awaiting_ballot')
        .map((p) => get<ElectionBallotDto>(`${base}/${p.id}/ballot`).catch((e) => (e instanceof ApiError && e.statusCode === 404 ? null : Promise.reject(e)))),
    );
    setBallots(found.filter((b): b is ElectionBallotDto => b !== null));
  }, [base]);
  useEffect(() => {
    load().catch(() => setBallots([]));
  }, [load]);
  return (
    <section className="card" aria-labelledby="elections-heading">
      <h2 id="elections-heading">Elections</h2>
      {ballots === null && <p className="muted">Loading…</p>}
      {ballots?.length === 0 && <p className="muted">No ballot is open.</p>}
      {ballots?.map((ballot) =>
        ballot.state === 'open' && ballot.you?.votesHere ? (
          <ElectionBallotForm key={ballot.postId} conferenceId={conferenceId} ballot={ballot} onCast={() => undefined} />
        ) : (
          <div key={ballot.postId}>
            <h3>{ballot.title}</h3>
            <p>{ballot.result ? `Elected: ${ballot.result.elected.join(', ') || 'nobody'}.` : (ballot.you?.text ?? ballot.stateText)}</p>
          </div>
        ),
      )}
      <button type="button" onClick={() => void load().catch(() => undefined)}>
        Refresh
      </button>
    </section>
  );
}
