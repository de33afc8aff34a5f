import { useEffect, useState } from 'react';
import type { DeadlinesResponseDto, MotionResponseDto } from '@agm/contracts';
import { get, post } from './api';
import { useMe } from './session';
import { Done, ErrorAlert, Field, Frame, useAction, useLiveConference } from './ui';

/** Words in a motion's text, title excluded, counted as the server does: runs of non-space characters. */
export const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const TOPICS = [
  ['pay_and_conditions', 'Pay and conditions of service'],
  ['industrial_action', 'Industrial action'],
] as const;
export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted: with the SOC',
  admitted: 'Admitted',
  ruled_out_of_order: 'Ruled out of order',
  returned_for_editing: 'Returned for editing',
  composited: 'Composited',
  withdrawn: 'Withdrawn',
  placed: 'On the order of business',
  debated: 'In debate',
  carried: 'Carried',
  carried_as_amended: 'Carried as amended',
  lost: 'Lost',
  remitted: 'Remitted',
  referred_back: 'Referred back',
  fell: 'Fell',
  not_reached: 'Not reached',
};

/** Branch secretaries and convenors: draft, submit and follow their body's motions. */
export function Secretary({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const me = useMe();
  const [motions, setMotions] = useState<MotionResponseDto[]>([]);
  const [deadlines, setDeadlines] = useState<DeadlinesResponseDto | null | 'unavailable'>(null);
  const base = `/api/conferences/${conferenceId}`;
  const reload = () => get<MotionResponseDto[]>(`${base}/motions`).then(setMotions, () => undefined);
  useEffect(() => {
    void reload();
  }, [conferenceId, state.motionsRevision]);
  useEffect(() => {
    get<DeadlinesResponseDto>(`${base}/deadlines`).then(setDeadlines, () => setDeadlines('unavailable'));
  }, [conferenceId]);
  const mine = motions.filter(
    (m) =>
      m.kind !== 'amendment' &&
      (me?.officerOf ?? []).some((b) => m.submitterBodyIds.includes(b) || m.submittingBodyId === b),
  );
  return (
    <Frame conferenceId={conferenceId} role="Motions for my branch or body" state={state}>
      <Deadline deadlines={deadlines} />
      <Draft base={base} bodies={me?.officerOf ?? []} onSaved={() => void reload()} />
      <section className="card" aria-labelledby="my-motions">
        <h2 id="my-motions">Your motions ({mine.length})</h2>
        {mine.length === 0 && <p className="muted">None yet.</p>}
        {mine.map((m) => (
          <MotionCard key={m.id} base={base} motion={m} onChanged={() => void reload()} />
        ))}
      </section>
    </Frame>
  );
}

function Deadline({ deadlines }: { deadlines: DeadlinesResponseDto | null | 'unavailable' }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30000);
    return () => clearInterval(timer);
  }, []);
  if (deadlines === 'unavailable')
    return (
      <p className="card muted" data-testid="deadline">
        The deadlines are not available to you here; the submission is refused with the deadline named if it
        has passed.
      </p>
    );
  const motions = deadlines?.motions;
  if (!motions) return <p className="card muted">The motions deadline has not been set yet.</p>;
  const left = new Date(motions.at).getTime() - now;
  const days = Math.floor(left / 86400000);
  const hours = Math.floor((left % 86400000) / 3600000);
  const minutes = Math.floor((left % 3600000) / 60000);
  return (
    <section className={`card ${left <= 0 ? 'closed' : ''}`} aria-labelledby="deadline">
      <h2 id="deadline">Motions deadline</h2>
      <p data-testid="deadline">
        {motions.text}:{' '}
        {left <= 0 ? (
          <strong>closed</strong>
        ) : (
          <strong>
            {days > 0 ? `${days} days ${hours} hours` : `${hours} hours ${minutes} minutes`} left
          </strong>
        )}
      </p>
      {deadlines?.amendments && <p className="muted">Amendments close {deadlines.amendments.text}.</p>}
    </section>
  );
}

function Draft({ base, bodies, onSaved }: { base: string; bodies: string[]; onSaved: () => void }) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState('motion');
  const [bodyId, setBodyId] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const { busy, error, done, run } = useAction();
  const words = wordCount(text);
  const limit = 200;
  const body = bodyId || bodies[0] || '';
  return (
    <section className="card" aria-labelledby="new-motion">
      <h2 id="new-motion">New motion</h2>
      {bodies.length === 0 && (
        <p className="alert warn">You are not an officer of any body, so you cannot submit motions.</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await post(`${base}/motions`, { kind, bodyId: body, title: title.trim(), text, topics });
            setTitle('');
            setText('');
            onSaved();
          }, 'Draft saved. Submit it when it is ready.');
        }}
      >
        {bodies.length > 1 && (
          <Field label="Submitting for">
            {(id) => (
              <select id={id} value={body} onChange={(e) => setBodyId(e.target.value)}>
                {bodies.map((b, i) => (
                  <option key={b} value={b}>
                    Body {i + 1}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Kind">
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="motion">Motion</option>
              <option value="constitutional_amendment">Constitutional amendment</option>
            </select>
          )}
        </Field>
        <Field label="Title">
          {(id) => (
            <input
              id={id}
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
              maxLength={300}
            />
          )}
        </Field>
        <Field
          label="Text"
          hint={`Up to ${limit} words, title excluded. A longer motion is not refused: the SOC edits it with you.`}
        >
          {(id, hint) => (
            <>
              <textarea
                id={id}
                name="text"
                rows={8}
                aria-describedby={`${hint} ${id}-count`}
                value={text}
                onChange={(e) => setText(e.target.value)}
                required
                maxLength={20000}
              />
              <p
                id={`${id}-count`}
                className={words > limit ? 'alert warn' : 'muted'}
                data-testid="word-count"
                aria-live="polite"
              >
                {words} of {limit} words
                {words > limit ? ': over the limit, the SOC will ask you to shorten it' : ''}
              </p>
            </>
          )}
        </Field>
        <fieldset>
          <legend>Topics (decide who may vote on it)</legend>
          {TOPICS.map(([value, text2]) => (
            <label key={value} className="inline">
              <input
                type="checkbox"
                checked={topics.includes(value)}
                onChange={(e) =>
                  setTopics(e.target.checked ? [...topics, value] : topics.filter((t) => t !== value))
                }
              />{' '}
              {text2}
            </label>
          ))}
        </fieldset>
        <ErrorAlert error={error} />
        <Done message={done} />
        <button type="submit" className="primary" disabled={busy || !body}>
          Save draft
        </button>
      </form>
    </section>
  );
}

function MotionCard({
  base,
  motion,
  onChanged,
}: {
  base: string;
  motion: MotionResponseDto;
  onChanged: () => void;
}) {
  const { busy, error, done, run } = useAction();
  return (
    <article className="motion" aria-labelledby={`m-${motion.id}`} data-testid="motion-card">
      <h3 id={`m-${motion.id}`}>
        {motion.agendaLabel ? `${motion.agendaLabel}: ` : ''}
        {motion.title}
      </h3>
      <p>
        <span className={`status status-${motion.status}`} data-testid="motion-status">
          {STATUS_LABEL[motion.status] ?? motion.status}
        </span>{' '}
        · {motion.wordCount} words{motion.overWordLimit ? ' (over the limit)' : ''}
      </p>
      {motion.statusReason && <p className="reason">SOC: {motion.statusReason}</p>}
      <p className="motion-text">{motion.text}</p>
      <ErrorAlert error={error} />
      <Done message={done} />
      {(motion.status === 'draft' || motion.status === 'returned_for_editing') && (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run(
              async () => (await post(`${base}/motions/${motion.id}/submit`), onChanged()),
              'Submitted to the SOC.',
            )
          }
        >
          Submit <span className="visually-hidden">{motion.title}</span>
        </button>
      )}
    </article>
  );
}
