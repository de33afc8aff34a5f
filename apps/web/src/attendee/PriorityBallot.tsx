import { useEffect, useState } from 'react';
import type { AgendaResponseDto, MotionResponseDto } from '@agm/contracts';
import { get, post } from '../api';
import { Done, ErrorAlert, useAction } from '../ui';

const MAX_PICKS = 9;

/** The motions the ballot is over, as the api counts them: admitted, not amendments or emergency motions. */
const onBallot = (m: MotionResponseDto) =>
  m.status === 'admitted' && m.kind !== 'amendment' && m.kind !== 'emergency_motion';

/**
 * [Napo] The priority ballot: before the order of business is published, a member picks 1 to 9 motions
 * they most want debated, in order of preference; the order ticked is the order sent. Casting again
 * replaces the last ballot. The ballot cast earlier (on this device or another) is read back and shown,
 * its picks ticked, so casting again starts from it.
 */
export function PriorityBallot({ conferenceId, revision }: { conferenceId: string; revision: number }) {
  const base = `/api/conferences/${conferenceId}`;
  const [motions, setMotions] = useState<MotionResponseDto[] | null>(null);
  const [published, setPublished] = useState<boolean | null>(null);
  const [picks, setPicks] = useState<string[]>([]);
  const [cast, setCast] = useState<string[] | null>(null);
  const { busy, error, done, run } = useAction();
  useEffect(() => {
    let current = true;
    Promise.all([
      get<MotionResponseDto[]>(`${base}/motions`),
      get<AgendaResponseDto>(`${base}/agenda`),
      get<{ picks: string[] }>(`${base}/priority-ballot/mine`),
    ]).then(
      ([all, agenda, mine]) => {
        if (!current) return;
        setMotions(all.filter(onBallot));
        setPublished(!!agenda.publishedAt);
        if (mine.picks.length > 0) {
          setCast(mine.picks);
          // Start from the ballot cast, unless the member has ticked something since.
          setPicks((ticked) => (ticked.length > 0 ? ticked : mine.picks));
        }
      },
      () => current && setMotions([]),
    );
    return () => {
      current = false;
    };
  }, [base, revision]);
  const title = (id: string) =>
    motions?.find((m) => m.id === id)?.title ?? 'a motion no longer on the ballot';
  const toggle = (id: string) =>
    setPicks(
      picks.includes(id) ? picks.filter((p) => p !== id) : picks.length < MAX_PICKS ? [...picks, id] : picks,
    );
  return (
    <section className="card" aria-labelledby="priority-heading">
      <h2 id="priority-heading">Priority ballot</h2>
      {published === null && motions === null && <p className="muted">Loading…</p>}
      {published && <p>The priority ballot closed when the order of business was published.</p>}
      {published === false && motions && motions.length === 0 && (
        <p className="muted">No motions are on the ballot yet.</p>
      )}
      {published === false && motions && motions.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              const answer = await post<{ picks: string[] }>(`${base}/priority-ballot`, { picks });
              setCast(answer.picks);
            }, 'Your priority ballot is recorded. Casting again replaces it, until the order of business is published.');
          }}
        >
          <p>
            Pick up to {MAX_PICKS} motions you most want debated, in order: the first you tick is your first
            choice. The Standing Orders Committee orders the motions in each section by the members’ picks.
          </p>
          <fieldset disabled={busy}>
            <legend>Motions on the ballot</legend>
            {motions.map((m) => {
              const place = picks.indexOf(m.id);
              return (
                <label key={m.id} className="radio-line">
                  <input
                    type="checkbox"
                    checked={place >= 0}
                    onChange={() => toggle(m.id)}
                    disabled={place < 0 && picks.length >= MAX_PICKS}
                  />{' '}
                  {m.title}
                  {place >= 0 && <span className="badge info">choice {place + 1}</span>}
                </label>
              );
            })}
          </fieldset>
          <button type="submit" className="primary" disabled={busy || picks.length === 0}>
            Cast my priority ballot
          </button>
        </form>
      )}
      {cast && (
        <div data-testid="priority-cast">
          <p>Your ballot, in order:</p>
          <ol>
            {cast.map((id) => (
              <li key={id}>{title(id)}</li>
            ))}
          </ol>
        </div>
      )}
      <ErrorAlert error={error} />
      <Done message={done} />
    </section>
  );
}
