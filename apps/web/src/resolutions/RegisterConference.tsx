import { useEffect, useState } from 'react';
import type { ConferenceResponseDto, RegisteredResolutionsDto } from '@agm/contracts';
import { get, post } from '../api';
import { Outcome, useForm } from '../forms';
import { SelectField } from '../ui';

/**
 * Head office, at the close of the AGM: the conference's carried motions become the year's resolutions,
 * numbered as the booklet numbers them. Done once per conference; the api refuses a second time.
 */
export function RegisterConference(props: { onRegistered: () => void }) {
  const form = useForm();
  const [conferences, setConferences] = useState<ConferenceResponseDto[]>([]);
  const [conferenceId, setConferenceId] = useState('');
  useEffect(() => {
    get<ConferenceResponseDto[]>('/api/conferences').then(
      (all) => {
        setConferences(all);
        setConferenceId((chosen) => chosen || (all[0]?.id ?? ''));
      },
      () => setConferences([]),
    );
  }, []);
  if (conferences.length === 0) return null;
  return (
    <form
      aria-label="Register an AGM's resolutions"
      className="card"
      onSubmit={form.onSubmit(
        async () => {
          const done = await post<RegisteredResolutionsDto>(`/api/conferences/${conferenceId}/resolutions`);
          props.onRegistered();
          return done;
        },
        (done) => {
          const numbers = done.resolutions.map((r) => r.number);
          return `Registered Resolutions ${numbers[0]}–${numbers[numbers.length - 1]} of ${done.year}.`;
        },
      )}
    >
      <h2>At the close of an AGM</h2>
      <p>Its carried motions, composites and emergency motions (as amended) become the year’s resolutions, numbered as the resolutions booklet numbers them. This is done once, when the AGM’s business is over.</p>
      <SelectField label="Conference" value={conferenceId} options={conferences.map((c) => [c.id, `${c.name} (${c.startsOn})`] as const)} onChange={setConferenceId} />
      <button type="submit" disabled={form.busy || !conferenceId}>
        Register its resolutions
      </button>
      <Outcome of={form} />
    </form>
  );
}
