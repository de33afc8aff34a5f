import { useRef, useState } from 'react';
import type { RegistrationResponseDto } from '@agm/contracts';
import { get } from '../api';
import { RowButton } from '../forms';
import { MODE_TEXT } from '../admin/registration/labels';
import { SwitchMode } from '../admin/registration/SwitchMode';
import { Done, ErrorAlert, Field } from '../ui';

const SHOWN = 10;

/**
 * A teller moves an attendee between the hall and remote attendance from the teller's own screen, as
 * head office does from the registration screen (the same form, the same reason, the same refusal
 * while an open vote holds them): a remote registrant who walks up to the tellers' table is checked in
 * at the hall there. Found by name or membership number; the register is read when the teller first
 * looks someone up, and again after each switch.
 */
export function SwitchAttendee({ conferenceId }: { conferenceId: string }) {
  const base = `/api/conferences/${conferenceId}`;
  const [search, setSearch] = useState('');
  const [registrations, setRegistrations] = useState<RegistrationResponseDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [switching, setSwitching] = useState<RegistrationResponseDto | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const requested = useRef(false);
  const term = search.trim().toLowerCase();
  const load = () =>
    get<RegistrationResponseDto[]>(`${base}/registrations`).then(
      (list) => (setRegistrations(list), setLoadError(null)),
      () => {
        requested.current = false; // the next letter typed tries again
        setLoadError('The register could not be read. Check your connection and try again.');
      },
    );
  const matches = term
    ? (registrations ?? []).filter((r) => `${r.name} ${r.membershipNumber}`.toLowerCase().includes(term))
    : [];
  return (
    <section className="card" aria-labelledby="switch-attendee" data-testid="switch-attendee">
      <h2 id="switch-attendee">Hall or remote</h2>
      <p className="hint">
        Check in at the hall a remote attendee who has come to the venue, or switch a hall attendee to remote.
        Not while a vote they are on is open: switch them after it closes.
      </p>
      <Field label="Find an attendee by name or membership number">
        {(id, describedBy) => (
          <input
            id={id}
            ref={searchRef}
            type="search"
            value={search}
            aria-describedby={describedBy}
            onChange={(e) => {
              setSearch(e.target.value);
              setDone(null);
              // Read once, on the first letter typed (not once per letter while the first read is under way).
              if (!requested.current && e.target.value.trim()) {
                requested.current = true;
                void load();
              }
            }}
          />
        )}
      </Field>
      <ErrorAlert error={loadError} />
      <Done message={done} />
      {switching && (
        <SwitchMode
          base={base}
          registration={switching}
          onClose={(switched) => {
            const who = switching;
            setSwitching(null);
            if (switched) {
              setDone(
                who.attendanceMode === 'hall'
                  ? `${who.name} is switched to remote: absent until their phone confirms.`
                  : `${who.name} is checked in at the hall.`,
              );
              void load();
            }
            searchRef.current?.focus();
          }}
        />
      )}
      {term && registrations !== null && (
        <>
          <p className="muted" role="status">
            {matches.length === 0
              ? 'No registered attendee matches.'
              : `${matches.length} match${matches.length === 1 ? 'es' : ''}${matches.length > SHOWN ? `; the first ${SHOWN} shown` : ''}.`}
          </p>
          <ul className="plain" aria-label="Attendees found">
            {matches.slice(0, SHOWN).map((r) => (
              <li key={r.id}>
                {r.name} <span className="muted">{r.membershipNumber}</span> · {MODE_TEXT[r.attendanceMode]}
                {r.present ? ', present' : ', not present'}{' '}
                <RowButton
                  action={r.attendanceMode === 'hall' ? 'Switch to remote' : 'Check in at the hall'}
                  target={r.name}
                  disabled={switching !== null}
                  onClick={() => setSwitching(r)}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
