import { useEffect, useRef, useState } from 'react';
import type { MyMonitoringAnswersResponseDto } from '@agm/contracts';
import { get, put } from '../api';
import type { LiveConference } from '../live';
import { Done, ErrorAlert, useAction } from '../ui';

const PREFER_NOT_TO_SAY = 'prefer_not_to_say';
type Loaded = MyMonitoringAnswersResponseDto | null | 'none';

/** Why the form is asked and who sees what, in the member's words (docs/SECURITY-monitoring.md). */
function WhyAsked() {
  return (
    <>
      <p>
        This form is voluntary. The union’s equality officers use the answers to see whether the people who
        speak at the AGM reflect the members who attend: for example, whether women or disabled members are
        called as often as others.
      </p>
      <ul>
        <li>
          Only you can see or change your answers, here on your phone. Nobody else can read them: not the
          chair, not head office, not your branch, not the equality officers.
        </li>
        <li>
          The equality officers see only totals for the whole conference. Any figure that counts only a few
          people is hidden, so no one can be picked out.
        </li>
        <li>Your answers are kept apart from your name and membership number.</li>
        <li>Any question you leave as “Prefer not to say” counts as not answered.</li>
      </ul>
    </>
  );
}

/** The equality monitoring form: answer, change or withdraw until the AGM opens; then read-only. */
export function MonitoringForm({ conferenceId, live }: { conferenceId: string; live: LiveConference }) {
  const path = `/api/conferences/${conferenceId}/monitoring/my-answers`;
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const { busy, error, done, run } = useAction();
  const [reads, setReads] = useState(0);
  const filled = useRef(false);
  useEffect(() => {
    let current = true;
    get<MyMonitoringAnswersResponseDto>(path).then(
      (form) => {
        if (!current) return;
        setLoaded(form);
        // Only the first read fills the form: a read again (below) keeps what the member ticked and has not saved.
        if (!filled.current) setAnswers(form.answers);
        filled.current = true;
      },
      () => current && setLoaded('none'),
    );
    return () => {
      current = false;
    };
  }, [path, reads]);
  // The AGM opening fixes the answers: read them again so the form turns read-only while it is shown.
  // `null` is a resync that may have missed the opening.
  useEffect(
    () => live.onEvent((event) => (!event || event.type === 'conference.opened') && setReads((n) => n + 1)),
    [live],
  );
  const save = (body: Record<string, string>, message: string) =>
    void run(async () => {
      const form = await put<MyMonitoringAnswersResponseDto>(path, { answers: body });
      setLoaded(form);
      setAnswers(form.answers);
    }, message);
  return (
    <section className="card" aria-labelledby="monitoring-heading">
      <h2 id="monitoring-heading">Equality monitoring</h2>
      <WhyAsked />
      {loaded === null && <p className="muted">Loading…</p>}
      {loaded === 'none' && (
        <p className="alert info">Your answers could not be read just now; try again shortly.</p>
      )}
      {loaded && loaded !== 'none' && !loaded.editable && <FixedAnswers form={loaded} />}
      {loaded && loaded !== 'none' && loaded.editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save(answers, 'Your answers are saved. You can change them until the AGM opens.');
          }}
        >
          {loaded.questions.map((q) => (
            <fieldset key={q.code} className="monitoring-question" disabled={busy}>
              <legend>{q.label}</legend>
              {q.answers.map((a) => (
                <label key={a.code} className="radio-line">
                  <input
                    type="radio"
                    name={q.code}
                    value={a.code}
                    checked={(answers[q.code] ?? PREFER_NOT_TO_SAY) === a.code}
                    onChange={() => setAnswers({ ...answers, [q.code]: a.code })}
                  />{' '}
                  {a.label}
                </label>
              ))}
            </fieldset>
          ))}
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy}>
              Save my answers
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                save({}, 'Your answers are withdrawn: every question now reads “Prefer not to say”.')
              }
            >
              Withdraw my answers
            </button>
          </div>
          <p className="hint">
            You can change or withdraw your answers until the AGM opens; then they are fixed.
          </p>
        </form>
      )}
      <ErrorAlert error={error} />
      <Done message={done} />
    </section>
  );
}

/** After the AGM opened: the answers as given, read-only (changing them then could reveal who spoke). */
function FixedAnswers({ form }: { form: MyMonitoringAnswersResponseDto }) {
  return (
    <>
      <p className="alert info" data-testid="monitoring-fixed">
        The AGM has opened, so your answers are fixed and can no longer be changed or withdrawn.
      </p>
      <dl className="fixed-answers">
        {form.questions.map((q) => (
          <div key={q.code}>
            <dt>{q.label}</dt>
            <dd>{q.answers.find((a) => a.code === form.answers[q.code])?.label ?? 'Prefer not to say'}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
