import { useState } from 'react';
import type { LiveState } from '../live';
import type { Majority } from '@agm/domain/enums';
import { majorityInWords } from '@agm/domain/voting/majority-words';
import { Field, label } from '../ui';
import { PROCEDURAL } from '../views';
import { NO_SUSPENSION, suspensionOf, SuspensionTerms, type SuspensionChoice } from './SuspensionTerms';

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

/**
 * Procedural motions: moved by a member from the queue, then voted without debate. A motion to suspend
 * standing orders carries its terms (which orders, for what business), so that it does what is voted.
 */
export function Procedural({
  state,
  onMove,
  onResult,
  laterItems,
  disabled,
}: {
  state: LiveState;
  onMove: (kind: string, memberId: string, suspension?: Record<string, unknown>) => void;
  onResult: (result: 'carried' | 'lost') => void;
  /** Items of the order of business not yet taken: later business a suspension may be for. */
  laterItems: Array<{ motionId: string; label: string; title: string }>;
  disabled: boolean;
}) {
  const [kind, setKind] = useState<string>('next_business');
  const [terms, setTerms] = useState<SuspensionChoice>(NO_SUSPENSION);
  const suspending = kind === 'suspend_standing_orders';
  const checked = suspending ? suspensionOf(terms) : null;
  const problem = checked && 'problem' in checked ? checked.problem : null;
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
            debate ({majorityInWords(pending.majority as Majority)}).
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
          {suspending && (
            <SuspensionTerms value={terms} onChange={setTerms} laterItems={laterItems} disabled={disabled} />
          )}
          {problem && <p className="hint">{problem}</p>}
          <button
            type="button"
            disabled={disabled || !chosen || problem !== null}
            title={problem ?? undefined}
            onClick={() => {
              onMove(kind, chosen, checked && 'suspension' in checked ? checked.suspension : undefined);
              setTerms(NO_SUSPENSION);
            }}
          >
            Move it
          </button>
        </div>
      )}
    </details>
  );
}
