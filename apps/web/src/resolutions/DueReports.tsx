import { useState } from 'react';
import type { ResolutionSummaryDto } from '@agm/contracts';
import { get } from '../api';
import { Outcome, useForm } from '../forms';
import { InputField } from '../ui';

/**
 * The NEC's meeting view: the open resolutions with no progress reported since the previous meeting,
 * those with a target date first, for the owners to report on.
 */
export function DueReports() {
  const form = useForm();
  const [since, setSince] = useState('');
  const [due, setDue] = useState<ResolutionSummaryDto[] | null>(null);
  return (
    <form
      aria-label="Resolutions due a report"
      className="card"
      onSubmit={form.onSubmit(async () => setDue(await get<ResolutionSummaryDto[]>(`/api/resolutions/due-report?since=${encodeURIComponent(since)}`)))}
    >
      <h2>Due a report at the next meeting</h2>
      <InputField label="Previous meeting" type="date" hint="Resolutions with no progress reported since then" value={since} onChange={setSince} error={form.errorFor('since')} required />
      <button type="submit" disabled={form.busy}>
        List the resolutions due a report
      </button>
      <Outcome of={form} />
      {due && (
        <ul aria-label="Due a report" aria-live="polite">
          {due.length === 0 && <li>Every open resolution has reported since {since}.</li>}
          {due.map((r) => (
            <li key={r.id}>
              {r.name}: {r.title} — {r.ownerName ?? 'no owner yet'}
              {r.targetDate ? `, target ${r.targetDate}` : ''}
              {r.latestProgressOn ? `, last reported ${r.latestProgressOn}` : ', nothing reported yet'}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
