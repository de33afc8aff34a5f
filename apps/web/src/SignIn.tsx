import { useEffect, useState } from 'react';
import { ApplyToAttend } from './sign-in/ApplyToAttend';
import { LostCode } from './sign-in/LostCode';
import type { ConferenceResponseDto, SessionResponseDto } from '@agm/contracts';
import { get, post, saveSession } from './api';
import { navigate } from './router';
import { takeEndedReason } from './session';
import { ErrorAlert, Field, Frame, useAction } from './ui';

/** Sign in: attendees with their membership number and access code; officials with email and password. */
export function SignIn() {
  const [ended] = useState(() => takeEndedReason());
  const [conferences, setConferences] = useState<ConferenceResponseDto[] | null>(null);
  useEffect(() => {
    get<ConferenceResponseDto[]>('/api/conferences').then(setConferences, () => setConferences([]));
  }, []);
  return (
    <Frame role="Sign in">
      {ended && (
        <p role="alert" className="alert info" data-testid="ended-reason">
          {ended}
        </p>
      )}
      <div className="grid two">
        <AttendeeSignIn conferences={conferences} />
        <OfficialSignIn />
      </div>
    </Frame>
  );
}

function AttendeeSignIn({ conferences }: { conferences: ConferenceResponseDto[] | null }) {
  const { busy, error, run } = useAction();
  const [conferenceId, setConferenceId] = useState('');
  const [membershipNumber, setMembershipNumber] = useState('');
  const [accessCode, setAccessCode] = useState('');
  const chosen = conferenceId || conferences?.[0]?.id || '';
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const session = await post<SessionResponseDto>('/api/auth/attendee', {
        conferenceId: chosen,
        membershipNumber: membershipNumber.trim(),
        accessCode: accessCode.trim(),
      });
      saveSession({ ...session, kind: 'attendee', conferenceId: chosen });
      navigate(`/c/${chosen}/attendee`);
    });
  };
  return (
    <section className="card" aria-labelledby="attendee-sign-in">
      <h2 id="attendee-sign-in">Members attending</h2>
      <p className="muted">In the hall or remote: use the access code you were given at registration.</p>
      <form onSubmit={submit} noValidate>
        <Field label="Conference">
          {(id) => (
            <select id={id} value={chosen} onChange={(e) => setConferenceId(e.target.value)} required>
              {conferences === null && <option value="">Loading…</option>}
              {conferences?.length === 0 && <option value="">No conference yet</option>}
              {conferences?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Membership number">
          {(id) => (
            <input
              id={id}
              name="membershipNumber"
              autoComplete="username"
              value={membershipNumber}
              onChange={(e) => setMembershipNumber(e.target.value)}
              required
              maxLength={40}
            />
          )}
        </Field>
        <Field label="Access code" hint="For example K7QF-3MZD-8XWP. Dashes and capitals do not matter.">
          {(id, hint) => (
            <input
              id={id}
              name="accessCode"
              aria-describedby={hint}
              autoComplete="current-password"
              value={accessCode}
              onChange={(e) => setAccessCode(e.target.value)}
              required
              maxLength={40}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy || !chosen}>
          Sign in as a member
        </button>
      </form>
      <LostCode conferenceId={chosen} membershipNumber={membershipNumber} key={chosen} />
      <ApplyToAttend conferenceId={chosen} key={`apply-${chosen}`} />
    </section>
  );
}

function OfficialSignIn() {
  const { busy, error, run } = useAction();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const session = await post<SessionResponseDto>('/api/auth/official', { email: email.trim(), password });
      saveSession({ ...session, kind: 'account' });
      navigate('/home');
    });
  };
  return (
    <section className="card" aria-labelledby="official-sign-in">
      <h2 id="official-sign-in">Officials</h2>
      <p className="muted">
        Chair, standing orders committee, tellers, branch secretaries, monitors and head office.
      </p>
      <form onSubmit={submit} noValidate>
        <Field label="Email">
          {(id) => (
            <input
              id={id}
              name="email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              maxLength={254}
            />
          )}
        </Field>
        <Field label="Password">
          {(id) => (
            <input
              id={id}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              maxLength={200}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Sign in as an official
        </button>
      </form>
    </section>
  );
}
