import { useEffect, useState } from 'react';
import type { MotionResponseDto } from '@agm/contracts';
import { get, post } from './api';
import { AgendaList } from './Agenda';
import { STATUS_LABEL } from './Secretary';
import { Done, ErrorAlert, Field, Frame, useAction, useLiveConference } from './ui';

/** The Standing Orders Committee: the review queue, rulings with reasons, and publishing the order of business. */
export function Soc({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const [motions, setMotions] = useState<MotionResponseDto[]>([]);
  const [revision, setRevision] = useState(0);
  const publish = useAction();
  const base = `/api/conferences/${conferenceId}`;
  const reload = () => get<MotionResponseDto[]>(`${base}/motions`).then(setMotions, () => undefined);
  useEffect(() => {
    void reload();
  }, [conferenceId, state.motionsRevision, revision]);
  const waiting = motions.filter((m) => m.status === 'submitted');
  const others = motions.filter((m) => m.status !== 'submitted' && m.status !== 'draft');
  return (
    <Frame conferenceId={conferenceId} role="Standing Orders Committee" state={state} wide>
      <div className="grid two">
        <section className="card" aria-labelledby="queue">
          <h2 id="queue">To review ({waiting.length})</h2>
          {waiting.length === 0 && <p className="muted">Nothing waiting.</p>}
          {waiting.map((m) => (
            <Review key={m.id} base={base} motion={m} onDone={() => setRevision((r) => r + 1)} />
          ))}
        </section>
        <div>
          <section className="card" aria-labelledby="publish">
            <h2 id="publish">Order of business</h2>
            <p>
              Publishing puts the admitted motions on the order of business in section order, numbered, for
              everyone to see.
            </p>
            <ErrorAlert error={publish.error} />
            <Done message={publish.done} />
            <button
              type="button"
              className="primary"
              disabled={publish.busy}
              onClick={() =>
                void publish.run(
                  async () => (await post(`${base}/agenda/publish`), setRevision((r) => r + 1)),
                  'The order of business is published.',
                )
              }
            >
              Publish the order of business
            </button>
          </section>
          <AgendaList conferenceId={conferenceId} revision={state.motionsRevision + revision} />
          <section className="card" aria-labelledby="ruled">
            <h2 id="ruled">Ruled on ({others.length})</h2>
            <ul className="plain">
              {others.map((m) => (
                <li key={m.id}>
                  <strong>{m.title}</strong> — {STATUS_LABEL[m.status] ?? m.status}
                  {m.statusReason ? `: ${m.statusReason}` : ''}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </Frame>
  );
}

function Review({ base, motion, onDone }: { base: string; motion: MotionResponseDto; onDone: () => void }) {
  const [action, setAction] = useState('admit');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  return (
    <article className="motion" aria-labelledby={`r-${motion.id}`} data-testid="review-card">
      <h3 id={`r-${motion.id}`}>{motion.title}</h3>
      <p className="muted">
        {motion.wordCount} of {motion.wordLimit} words
        {motion.overWordLimit ? ' — over the limit: edit with the proposer' : ''} · topics:{' '}
        {motion.topics.join(', ') || 'none'}
      </p>
      <p className="motion-text">{motion.text}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await post(`${base}/motions/${motion.id}/review`, {
              action,
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            });
            onDone();
          });
        }}
      >
        <fieldset>
          <legend>Ruling on “{motion.title}”</legend>
          {[
            ['admit', 'Admit'],
            ['rule_out_of_order', 'Rule out of order'],
            ['return_for_editing', 'Return for editing'],
          ].map(([value, text]) => (
            <label key={value} className="inline">
              <input
                type="radio"
                name={`action-${motion.id}`}
                value={value}
                checked={action === value}
                onChange={() => setAction(value)}
              />{' '}
              {text}
            </label>
          ))}
        </fieldset>
        <Field label="Reason (shown to the body)" hint="Required when ruling out of order or returning.">
          {(id, hint) => (
            <textarea
              id={id}
              rows={2}
              aria-describedby={hint}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={2000}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Record the ruling
        </button>
      </form>
    </article>
  );
}
