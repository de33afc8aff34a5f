import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { ApiError, loadSession } from './api';
import { isCurrent, LiveConference, useLive, type LiveState } from './live';
import { endSession, signOut, useConference } from './session';

/** Runs an action and keeps its error to show; `busy` disables the button meanwhile. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async <T,>(
    action: () => Promise<T>,
    doneMessage?: string | ((value: T) => string),
  ): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const value = await action();
      if (doneMessage) setDone(typeof doneMessage === 'function' ? doneMessage(value) : doneMessage);
      return value;
    } catch (e) {
      setError(e instanceof ApiError ? e.describe() : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run, setError };
}

export function ErrorAlert({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="alert error">
      {error}
    </p>
  );
}

export function Done({ message }: { message: string | null }) {
  return (
    <p role="status" className={message ? 'alert ok' : 'visually-hidden'}>
      {message ?? ''}
    </p>
  );
}

/** A labelled input: the label is a real <label>, the hint and the field's error are described by id. */
export function Field(props: {
  label: string;
  hint?: string;
  /** The api's reason for this field (its `errors` map), shown above the input. */
  error?: string;
  children: (id: string, describedBy?: string) => ReactNode;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className={props.error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} className="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      {props.children(id, [hintId, errorId].filter(Boolean).join(' ') || undefined)}
    </div>
  );
}

/** A labelled <input> with the field's error; other attributes (type, min, autoComplete...) pass through. */
export function InputField({
  label,
  hint,
  error,
  value,
  onChange,
  ...attributes
}: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(id, describedBy) => (
        <input
          {...attributes}
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled <select> over [value, text] pairs (or a value → text map), with the field's error. */
export function SelectField(props: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  options: Record<string, string> | Array<readonly [string, string]>;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const options = Array.isArray(props.options) ? props.options : Object.entries(props.options);
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(id, describedBy) => (
        <select
          id={id}
          value={props.value}
          disabled={props.disabled}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Opens the conference's live connection for the screen's lifetime. */
export function useLiveConference(conferenceId: string): { live: LiveConference; state: LiveState } {
  const [live] = useState(
    () => new LiveConference(conferenceId, loadSession()?.token ?? '', (reason) => endSession(reason)),
  );
  useEffect(() => () => live.close(), [live]);
  const state = useLive(live);
  return { live, state };
}

/** The offline banner: shown while the socket is down; everything live is marked out of date. */
export function ConnectionBanner({ state }: { state: LiveState }) {
  if (isCurrent(state))
    return (
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="online-status">
        Connected
      </div>
    );
  const text =
    state.status === 'connecting' && !state.synced
      ? 'Connecting…'
      : `Offline — reconnecting. What you see was current ${state.currentAt ? `at ${new Date(state.currentAt).toLocaleTimeString('en-GB')}` : 'earlier'} and may be out of date.`;
  return (
    <div
      role="status"
      aria-live="assertive"
      className={state.synced ? 'banner offline' : 'banner connecting'}
      data-testid="offline-banner"
    >
      {text}
    </div>
  );
}

/** A live region whose content is greyed and labelled "out of date" while offline. */
export function LiveSection(props: {
  state: LiveState;
  title: string;
  className?: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const stale = !isCurrent(props.state);
  const id = useId();
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  return (
    <section
      aria-labelledby={id}
      className={`card ${props.className ?? ''} ${stale ? 'stale' : ''}`}
      data-stale={stale ? 'true' : 'false'}
    >
      <Heading id={id}>
        {props.title}
        {stale && <span className="stale-tag"> (out of date)</span>}
      </Heading>
      {props.children}
    </section>
  );
}

/** The page frame: skip link, header with the conference and the person, sign out. */
export function Frame(props: {
  conferenceId?: string;
  role: string;
  children: ReactNode;
  state?: LiveState;
  wide?: boolean;
}) {
  const conference = useConference(props.conferenceId ?? '');
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="top">
        <div className="top-inner">
          <a
            href="/"
            className="brand"
            onClick={(e) => (
              e.preventDefault(),
              history.pushState(null, '', '/'),
              dispatchEvent(new PopStateEvent('popstate'))
            )}
          >
            AGM
          </a>
          <span className="conference-name">
            {props.conferenceId ? (conference?.name ?? 'Conference') : ''}
          </span>
          <span className="role-name">{props.role}</span>
          {loadSession() && (
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Sign out
            </button>
          )}
        </div>
      </header>
      {props.state && <ConnectionBanner state={props.state} />}
      <main id="main" className={props.wide ? 'wide' : ''}>
        <h1 tabIndex={-1} ref={headingRef} className="page-title">
          {props.role}
          {conference ? ` — ${conference.name}` : ''}
        </h1>
        {props.children}
      </main>
    </>
  );
}

/** Seconds left to a server time, ticking; the offset corrects our clock to the server's. */
export function useSecondsLeft(
  endsAt: string | null | undefined,
  offsetMs: number,
  frozenSeconds?: number,
): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!endsAt || frozenSeconds !== undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [endsAt, frozenSeconds]);
  if (frozenSeconds !== undefined) return frozenSeconds;
  if (!endsAt) return null;
  return Math.ceil((new Date(endsAt).getTime() - (now + offsetMs)) / 1000);
}

export function formatSeconds(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(seconds);
  return `${sign}${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export const STANCE_LABEL: Record<string, string> = { for: 'For', against: 'Against', to: 'To the motion' };
export const KIND_LABEL: Record<string, string> = {
  speak: 'To speak',
  point_of_order: 'Point of order',
  request_for_information: 'Request for information',
};
/** An official's role in a conference, in words (set-up's roles table, the start page). */
export const OFFICIAL_ROLE_LABEL: Record<string, string> = {
  admin: 'Conference administrator',
  soc: 'Standing Orders Committee',
  chair: 'Chair',
  teller: 'Teller',
  monitor: 'Equality monitor',
  returning_officer: 'Returning officer',
  steward: 'Steward',
};
export const ROLE_LABEL: Record<string, string> = {
  mover: 'Mover',
  seconder: 'Seconder',
  for: 'Speaking for',
  against: 'Speaking against',
  to: 'Speaking to the motion',
  right_of_reply: 'Right of reply',
  point_of_order: 'Point of order',
  request_for_information: 'Request for information',
  procedural_motion: 'Procedural motion',
};
export const label = (map: Record<string, string>, key: string | null | undefined) =>
  key ? (map[key] ?? key.replace(/_/g, ' ')) : '';
