import { useEffect, useState } from 'react';
import type { ResolutionSummaryDto } from '@agm/contracts';
import { get } from '../api';
import { useMe } from '../session';
import { ErrorAlert, Frame, InputField, SelectField } from '../ui';
import { ResolutionCard } from './ResolutionCard';
import { ResolutionDetail } from './ResolutionDetail';
import { DueReports } from './DueReports';
import { RegisterConference } from './RegisterConference';
import { STATUS_OPTIONS } from './words';

interface Filters {
  q: string;
  year: string;
  status: string;
}

/**
 * The resolution register for every member and official: search across years, filter by year and
 * status, and open a resolution to read it whole, its progress and its links. Owners report progress
 * there; head office assigns owners and statuses.
 */
export function RegisterScreen() {
  const me = useMe();
  const [filters, setFilters] = useState<Filters>({ q: '', year: '', status: '' });
  const [applied, setApplied] = useState<Filters>(filters);
  const [list, setList] = useState<ResolutionSummaryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    const query = new URLSearchParams(Object.entries(applied).filter(([, v]) => v.trim() !== ''));
    get<ResolutionSummaryDto[]>(`/api/resolutions?${query}`).then(
      (found) => current && (setList(found), setError(null)),
      (e: Error) => current && setError(e.message),
    );
    // Only the newest read shows: an older one still in flight never lands after it.
    return () => {
      current = false;
    };
  }, [applied, version]);

  const years = [...new Set((list ?? []).map((r) => r.year))];
  return (
    <Frame role="Resolution register">
      <p>
        What the union’s AGMs decided, who is carrying each resolution out and how far it has got.
        {me?.isHeadOffice && (
          <>
            {' '}
            <a href={`/plans/${new Date().getFullYear() + 1}`}>Draft the operational plan</a>
          </>
        )}
      </p>
      <form
        role="search"
        aria-label="Search the register"
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
        }}
      >
        <InputField label="Words or a phrase" hint="Searches every year’s titles and texts" value={filters.q} onChange={(q) => setFilters({ ...filters, q })} type="search" />
        <InputField label="Year" value={filters.year} onChange={(year) => setFilters({ ...filters, year })} inputMode="numeric" />
        <SelectField label="Status" value={filters.status} options={[['', 'Any status'], ...STATUS_OPTIONS]} onChange={(status) => setFilters({ ...filters, status })} />
        <button type="submit">Search</button>
      </form>
      <ErrorAlert error={error} />
      <section aria-labelledby="register-results">
        <h2 id="register-results">
          {list === null ? 'Loading…' : `${list.length} resolution${list.length === 1 ? '' : 's'}${years.length === 1 ? ` of ${years[0]}` : ''}`}
        </h2>
        <ul className="plain-list" aria-live="polite">
          {(list ?? []).map((r) => (
            <li key={r.id}>
              <ResolutionCard resolution={r} open={openId === r.id} onToggle={() => setOpenId(openId === r.id ? null : r.id)} />
              {openId === r.id && <ResolutionDetail id={r.id} isHeadOffice={!!me?.isHeadOffice} onChanged={() => setVersion((v) => v + 1)} />}
            </li>
          ))}
        </ul>
      </section>
      <DueReports />
      {me?.isHeadOffice && <RegisterConference onRegistered={() => setVersion((v) => v + 1)} />}
    </Frame>
  );
}
