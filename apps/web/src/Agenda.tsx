import { useEffect, useState, type ReactNode } from 'react';
import type { AgendaResponseDto } from '@agm/contracts';
import { get } from './api';
import { ReportsOnAgenda } from './reports/ReportsOnAgenda';
import { useReports } from './reports/useReports';

/** What `useAgenda` gives: null while loading, 'none' when it could not be read. */
export type LoadedAgenda = AgendaResponseDto | null | 'none';

/**
 * The order of business (GET /agenda), refetched when a motion or agenda event arrives (`revision`): the
 * one source of its order on a screen, for the list and for anything that names its items in turn.
 */
export function useAgenda(conferenceId: string, revision: number): LoadedAgenda {
  const [agenda, setAgenda] = useState<LoadedAgenda>(null);
  useEffect(() => {
    let current = true;
    get<AgendaResponseDto>(`/api/conferences/${conferenceId}/agenda`).then(
      (loaded) => current && setAgenda(loaded),
      () => current && setAgenda('none'),
    );
    return () => {
      current = false;
    };
  }, [conferenceId, revision]);
  return agenda;
}

/** The order of business as published by the SOC; refetched when a motion or agenda event arrives. */
export function AgendaList(props: {
  conferenceId: string;
  revision: number;
  onPick?: (motionId: string) => void;
  pickLabel?: string;
}) {
  const reports = useReports(props.conferenceId, props.revision);
  return (
    <AgendaView
      agenda={useAgenda(props.conferenceId, props.revision)}
      onPick={props.onPick}
      pickLabel={props.pickLabel}
    >
      <ReportsOnAgenda reports={reports} />
    </AgendaView>
  );
}

/** The order of business already loaded (`useAgenda`), with an optional button per item. */
export function AgendaView({
  agenda,
  onPick,
  pickLabel,
  pickWhyNot,
  children,
}: {
  agenda: LoadedAgenda;
  onPick?: (motionId: string) => void;
  pickLabel?: string;
  /** Why picking is not possible now (shown as the disabled button's description), or null. */
  pickWhyNot?: string | null;
  /** More business on the order of business: the reports to conference. */
  children?: ReactNode;
}) {
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
                  <button
                    type="button"
                    className="small"
                    disabled={!!pickWhyNot}
                    title={pickWhyNot ?? undefined}
                    onClick={() => onPick(entry.motionId)}
                  >
                    {pickLabel ?? 'Take'} <span className="visually-hidden">{entry.label}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {children}
    </section>
  );
}
