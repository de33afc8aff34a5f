import { useEffect, useState } from 'react';
import type { AccessCodeResponseDto, RegistrationResponseDto } from '@agm/contracts';
import { get, post } from './api';
import { Done, ErrorAlert, Field, Frame, LiveSection, useAction, useLiveConference } from './ui';
import { QuorumFigure } from './views';

/** Head office at the registration desk: register members, issue codes, check the hall in and out. */
export function Admin({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const [registrations, setRegistrations] = useState<RegistrationResponseDto[]>([]);
  const [filter, setFilter] = useState('');
  const { busy, error, done, run } = useAction();
  const base = `/api/conferences/${conferenceId}`;
  const reload = () =>
    get<RegistrationResponseDto[]>(`${base}/registrations`).then(setRegistrations, () => undefined);
  useEffect(() => {
    void reload();
  }, [conferenceId, state.quorum?.presentCounting]);
  const shown = registrations.filter(
    (r) => !filter || `${r.name} ${r.membershipNumber}`.toLowerCase().includes(filter.toLowerCase()),
  );
  const presence = (r: RegistrationResponseDto, into: boolean) =>
    void run(
      async () => {
        await post(`${base}/registrations/${r.id}/${into ? 'check-in' : 'check-out'}`);
        await reload();
      },
      `${r.name} checked ${into ? 'in' : 'out'}.`,
    );
  return (
    <Frame conferenceId={conferenceId} role="Registration and check-in" state={state} wide>
      <div className="grid two">
        <LiveSection state={state} title="Quorum">
          <QuorumFigure state={state} />
        </LiveSection>
        <Register base={base} onDone={() => void reload()} />
      </div>
      <section className="card" aria-labelledby="regs">
        <h2 id="regs">Registered attendees ({registrations.length})</h2>
        <Field label="Find by name or membership number">
          {(id) => <input id={id} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}
        </Field>
        <ErrorAlert error={error} />
        <Done message={done} />
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Number</th>
              <th scope="col">Mode</th>
              <th scope="col">Present</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, 200).map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{r.membershipNumber}</td>
                <td>{r.attendanceMode === 'hall' ? 'Hall' : 'Remote'}</td>
                <td>{r.present ? 'Yes' : 'No'}</td>
                <td>
                  {r.attendanceMode === 'hall' &&
                    (r.checkedIn ? (
                      <button
                        type="button"
                        className="small"
                        disabled={busy}
                        onClick={() => presence(r, false)}
                      >
                        Check out <span className="visually-hidden">{r.name}</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="small"
                        disabled={busy}
                        onClick={() => presence(r, true)}
                      >
                        Check in <span className="visually-hidden">{r.name}</span>
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </Frame>
  );
}

function Register({ base, onDone }: { base: string; onDone: () => void }) {
  const [membershipNumber, setMembershipNumber] = useState('');
  const [mode, setMode] = useState<'hall' | 'remote'>('hall');
  const [issued, setIssued] = useState<AccessCodeResponseDto | null>(null);
  const { busy, error, run } = useAction();
  return (
    <section className="card" aria-labelledby="register">
      <h2 id="register">Register a member</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            setIssued(
              await post<AccessCodeResponseDto>(`${base}/registrations`, {
                membershipNumber: membershipNumber.trim(),
                attendanceMode: mode,
              }),
            );
            setMembershipNumber('');
            onDone();
          });
        }}
      >
        <Field label="Membership number">
          {(id) => (
            <input
              id={id}
              value={membershipNumber}
              onChange={(e) => setMembershipNumber(e.target.value)}
              required
              maxLength={40}
            />
          )}
        </Field>
        <fieldset>
          <legend>Attending</legend>
          <label className="inline">
            <input type="radio" name="mode" checked={mode === 'hall'} onChange={() => setMode('hall')} /> In
            the hall
          </label>
          <label className="inline">
            <input type="radio" name="mode" checked={mode === 'remote'} onChange={() => setMode('remote')} />{' '}
            Remote
          </label>
        </fieldset>
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Register
        </button>
      </form>
      {issued && (
        <p role="status" className="alert ok">
          {issued.registration.name} is registered. Access code (shown once):{' '}
          <code className="receipt">{issued.accessCode}</code>
        </p>
      )}
    </section>
  );
}
