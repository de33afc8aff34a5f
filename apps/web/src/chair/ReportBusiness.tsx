import { useState } from 'react';
import type { DebateFloorView, DebateQuestionVoteView } from '@agm/contracts';
import type { Majority } from '@agm/domain/enums';
import { majorityInWords } from '@agm/domain/voting/majority-words';
import { Field } from '../ui';
import { METHOD_LABEL } from '../views';

/** A card vote needs each body's card holder: put it through "Other vote" if the meeting wants one. */
const METHODS = Object.entries(METHOD_LABEL).filter(([method]) => method !== 'card_vote');

type FloorReport = NonNullable<DebateFloorView['report']>;

/**
 * A report being taken: a delegate moves to refer back a named section (named by membership number or
 * name, as for a speaker without a device); it is voted without debate like a procedural motion, at once
 * on a show of hands or put with a counted vote (the method chosen under "The question"); carried, the
 * section is referred back. Then the report is received, less the sections referred back.
 */
export function ReportBusiness({
  report,
  questionVote,
  onMove,
  onPut,
  onResult,
  onReceive,
  disabled,
}: {
  report: FloorReport;
  questionVote: DebateQuestionVoteView | null | undefined;
  onMove: (sectionKey: string, member: string) => Promise<unknown> | void;
  onPut: (method: string) => void;
  onResult: (result: 'carried' | 'lost', showOfHands: boolean) => void;
  onReceive: () => void;
  disabled: boolean;
}) {
  const open = report.sections.filter((s) => !report.referredBack.some((r) => r.key === s.key));
  const [sectionKey, setSectionKey] = useState('');
  const [member, setMember] = useState('');
  const [method, setMethod] = useState('electronic');
  const chosen = open.find((s) => s.key === sectionKey) ?? open[0];
  const pending = report.pending;
  // No vote held: the result is the chair's declaration of a show of hands (recorded as such).
  const showOfHands = !pending?.put || questionVote === null;
  const reading = !!pending?.put && questionVote === undefined;
  return (
    <section className="card" aria-labelledby="report-heading" data-testid="report-business">
      <h2 id="report-heading">{report.title}</h2>
      <p className="hint">
        Delegates may move to refer back a section of the report. Each reference back is voted without debate;
        carried, that section goes back to its authors. Then receive the report, less the sections referred back.
      </p>
      {report.referredBack.length > 0 && (
        <p data-testid="referred-back">
          Referred back: {report.referredBack.map((s) => `section ${s.key} (${s.title})`).join(', ')}
        </p>
      )}
      {pending ? (
        <div>
          <p>
            <strong>{pending.name ?? 'A member'}</strong> moves to refer back section {pending.sectionKey} (
            {pending.sectionTitle}) ({majorityInWords(pending.majority as Majority)}).
          </p>
          {pending.put && questionVote && (
            <p data-testid="reference-back-vote">
              The vote is {questionVote.state}
              {questionVote.outcome ? `: ${questionVote.outcome.replace(/_/g, ' ')}` : ''}.
            </p>
          )}
          {!pending.put && (
            <div className="inline-form">
              <Field label="Vote method for the reference back">
                {(id) => (
                  <select id={id} value={method} onChange={(e) => setMethod(e.target.value)}>
                    {METHODS.map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="button" disabled={disabled} onClick={() => onPut(method)}>
                Put it to a vote
              </button>
              <p className="hint">Or declare the result at once on a show of hands, below.</p>
            </div>
          )}
          <div className="button-row" role="group" aria-label="Result of the reference back">
            <button type="button" disabled={disabled || reading} onClick={() => onResult('carried', showOfHands)}>
              Reference back carried{showOfHands ? ' (show of hands)' : ''}
            </button>
            <button type="button" disabled={disabled || reading} onClick={() => onResult('lost', showOfHands)}>
              Reference back lost{showOfHands ? ' (show of hands)' : ''}
            </button>
          </div>
        </div>
      ) : (
        <>
          {open.length > 0 && (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (chosen) void Promise.resolve(onMove(chosen.key, member.trim())).then((ok) => ok !== undefined && setMember(''));
              }}
            >
              <Field label="Section to refer back">
                {(id) => (
                  <select id={id} value={chosen?.key ?? ''} onChange={(e) => setSectionKey(e.target.value)}>
                    {open.map((s) => (
                      <option key={s.key} value={s.key}>
                        {s.key}. {s.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Moved by (membership number or name)">
                {(id) => <input id={id} value={member} maxLength={200} onChange={(e) => setMember(e.target.value)} />}
              </Field>
              <button type="submit" disabled={disabled || !member.trim() || !chosen}>
                Move reference back
              </button>
            </form>
          )}
          <div className="button-row">
            <button type="button" className="primary" disabled={disabled} onClick={onReceive}>
              Receive the report
            </button>
          </div>
        </>
      )}
    </section>
  );
}
