import { useEffect, useState } from 'react';
import type { AgendaResponseDto } from '@agm/contracts';
import { get } from './api';

/** The order of business as published by the SOC; refetched when a motion or agenda event arrives. */
export function AgendaList({
  conferenceId,
  revision,
  onPick,
  pickLabel,
}: {
  conferenceId: string;
  revision: number;
  onPick?: (motionId: string) => void;
  pickLabel?: string;
}) {
  const [agenda, setAgenda] = useState<AgendaResponseDto | null | 'none'>(null);
  useEffect(() => {
    get<AgendaResponseDto>(`/api/conferences/${conferenceId}/agenda`).then(setAgenda, () =>
      setAgenda('none'),
    );
  }, [conferenceId, revision]);
  return (
    <section className="card" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">Order of business</h2>
      {agenda === null && <p className="muted">Loading…</p>}
      {(agenda === 'none' || (agenda && agenda.entries.length === 0)) && (
        <p className="muted">The order of business has not been published yet.</p>
      )}
      {agenda && agenda !== 'none' && agenda.entries.length > 0 && (
        <ol className="agenda" data-testid="agenda">
          {agenda.entries.map((entry) => (
            <li key={entry.motionId}>
              <span className="agenda-label">{entry.label}</span> {entry.title}
              {entry.section && <span className="muted"> — {entry.section}</span>}
              {onPick && (
                <>
                  {' '}
                  <button type="button" className="small" onClick={() => onPick(entry.motionId)}>
                    {pickLabel ?? 'Take'} <span className="visually-hidden">{entry.label}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
