import { useState } from 'react';
import type { LiveState } from '../live';
import { Field, label } from '../ui';
import { PROCEDURAL } from '../views';

const OUTCOMES = [
  ['carried', 'Carried'],
  ['carried_as_amended', 'Carried as amended'],
  ['lost', 'Lost'],
  ['remitted', 'Remitted'],
  ['referred_back', 'Referred back'],
  ['withdrawn', 'Withdrawn'],
  ['fell', 'Fell'],
] as const;

/** The outcome of the item, recorded by the chair (carried or lost only from a vote's figures or a show of hands). */
export function Outcome({
  onRecord,
  disabled,
  whyNot,
}: {
  onRecord: (outcome: string) => void;
  disabled: boolean;
  whyNot: string | null;
}) {
  const [outcome, setOutcome] = useState('carried');
  return (
    <div className="inline-form">
      <Field label="Outcome of the item">
        {(id) => (
          <select id={id} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            {OUTCOMES.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="button" disabled={disabled} title={whyNot ?? undefined} onClick={() => onRecord(outcome)}>
        Record the outcome
      </button>
    </div>
  );
}

/** Procedural motions: moved by a member from the queue, then voted without debate. */
export function Procedural({
  state,
  onMove,
  onResult,
  disabled,
}: {
  state: LiveState;
  onMove: (kind: string, memberId: string) => void;
  onResult: (result: 'carried' | 'lost') => void;
  disabled: boolean;
}) {
  const [kind, setKind] = useState<string>('next_business');
  const members = new Map<string, string>();
  for (const q of state.queue?.queue ?? []) members.set(q.memberId, q.name ?? q.memberId);
  const [memberId, setMemberId] = useState('');
  const chosen = memberId || [...members.keys()][0] || '';
  const pending = state.floor?.item?.procedural;
  return (
    <details>
      <summary>Procedural motions</summary>
      {pending ? (
        <div>
          <p>
            {label(Object.fromEntries(PROCEDURAL), pending.kind)} moved by {pending.name}. Voted without
            debate ({pending.majority.replace('_', ' ')} majority).
          </p>
          <div className="button-row">
            <button type="button" disabled={disabled} onClick={() => onResult('carried')}>
              Carried
            </button>
            <button type="button" disabled={disabled} onClick={() => onResult('lost')}>
              Lost
            </button>
          </div>
        </div>
      ) : (
        <div className="inline-form">
          <Field label="Motion">
            {(id) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value)}>
                {PROCEDURAL.map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Moved by (from the queue)">
            {(id) => (
              <select id={id} value={chosen} onChange={(e) => setMemberId(e.target.value)}>
                {members.size === 0 && <option value="">Nobody in the queue</option>}
                {[...members].map(([id2, name]) => (
                  <option key={id2} value={id2}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" disabled={disabled || !chosen} onClick={() => onMove(kind, chosen)}>
            Move it
          </button>
        </div>
      )}
    </details>
  );
}
