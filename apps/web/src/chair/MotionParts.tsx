import { useState } from 'react';
import type { DebateFloorView } from '@agm/contracts';
import { Field } from '../ui';

type FloorItem = NonNullable<DebateFloorView['item']>;
interface PartRow {
  label: string;
  text: string;
  operative: boolean;
}
const EMPTY_PART = (n: number): PartRow => ({ label: `Part ${n}`, text: '', operative: true });

/**
 * A motion taken in parts, on a request from the floor: the chair names each passage put separately
 * (copied from the motion as it stands); the words left over are "the rest of the motion", a part of its
 * own. Then "Put the question" puts the parts one by one, and the chair records each part's result here.
 */
export function MotionParts({
  item,
  takeWhyNot,
  resultWhyNot,
  onTake,
  onResult,
  disabled,
}: {
  item: FloorItem;
  takeWhyNot: string | null;
  resultWhyNot: string | null;
  onTake: (parts: PartRow[], restOperative: boolean) => Promise<unknown> | void;
  onResult: (outcome: 'carried' | 'lost') => void;
  disabled: boolean;
}) {
  const [rows, setRows] = useState<PartRow[]>([EMPTY_PART(1)]);
  const [restOperative, setRestOperative] = useState(true);
  const parts = item.parts ?? null;
  if (parts) {
    const put = parts.find((p) => p.partId === item.questionPut?.partId);
    const next = parts.find((p) => p.outcome === null);
    return (
      <div data-testid="motion-parts">
        <h3>The motion in parts</h3>
        <ol className="plain">
          {parts.map((p) => (
            <li key={p.partId} data-testid="motion-part">
              <strong>{p.label}</strong>
              {p.operative ? '' : ' (not operative)'}: “{p.text}” —{' '}
              {p.outcome ? <strong>{p.outcome === 'carried' ? 'Carried' : 'Lost'}</strong> : <span className="muted">to be voted on</span>}
            </li>
          ))}
        </ol>
        {put ? (
          <>
            <p>
              The question is put on <strong>{put.label}</strong>. Record its result:
            </p>
            <div className="button-row" role="group" aria-label={`Result of ${put.label}`}>
              <button type="button" disabled={disabled || resultWhyNot !== null} title={resultWhyNot ?? undefined} onClick={() => onResult('carried')}>
                {put.label} carried
              </button>
              <button type="button" disabled={disabled || resultWhyNot !== null} title={resultWhyNot ?? undefined} onClick={() => onResult('lost')}>
                {put.label} lost
              </button>
            </div>
          </>
        ) : (
          next && (
            <p className="hint">
              Next: put the question on <strong>{next.label}</strong>. When every part is decided the motion’s outcome follows:
              it reads as the parts carried, and is lost if every operative part is lost.
            </p>
          )
        )}
      </div>
    );
  }
  const problem = rows.some((r) => !r.text.trim()) ? 'Give the words of each part, as they stand in the motion.' : null;
  return (
    <details data-testid="take-in-parts">
      <summary>Take the motion in parts</summary>
      <p className="hint" id="take-in-parts-hint">
        On a request from the floor, as standing orders allow. Copy each part’s words exactly from the motion as it stands;
        the words left over are put as “the rest of the motion”. Each part is then put to its own vote. Deal with the
        amendments first.
      </p>
      {takeWhyNot && <p className="hint">{takeWhyNot}</p>}
      {rows.map((row, index) => (
        <fieldset key={index} className="inline-form">
          <legend>Part {index + 1}</legend>
          <Field label="Name of the part">
            {(id) => (
              <input
                id={id}
                value={row.label}
                maxLength={80}
                onChange={(e) => setRows(rows.map((r, i) => (i === index ? { ...r, label: e.target.value } : r)))}
              />
            )}
          </Field>
          <Field label="Its words, as in the motion">
            {(id) => (
              <textarea
                id={id}
                rows={2}
                value={row.text}
                maxLength={5000}
                onChange={(e) => setRows(rows.map((r, i) => (i === index ? { ...r, text: e.target.value } : r)))}
              />
            )}
          </Field>
          <label className="inline">
            <input
              type="checkbox"
              checked={row.operative}
              onChange={(e) => setRows(rows.map((r, i) => (i === index ? { ...r, operative: e.target.checked } : r)))}
            />{' '}
            Operative (what the conference resolves or instructs)
          </label>
          {rows.length > 1 && (
            <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
              Remove part {index + 1}
            </button>
          )}
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" disabled={rows.length >= 20} onClick={() => setRows([...rows, EMPTY_PART(rows.length + 1)])}>
          Add another part
        </button>
      </div>
      <label className="inline">
        <input type="checkbox" checked={restOperative} onChange={(e) => setRestOperative(e.target.checked)} /> The rest of the
        motion is operative
      </label>
      <div className="button-row">
        <button
          type="button"
          disabled={disabled || takeWhyNot !== null || problem !== null}
          title={takeWhyNot ?? problem ?? undefined}
          aria-describedby="take-in-parts-hint"
          onClick={() =>
            void Promise.resolve(onTake(rows.map((r) => ({ ...r, label: r.label.trim(), text: r.text.trim() })), restOperative)).then(
              (ok) => ok !== undefined && setRows([EMPTY_PART(1)]),
            )
          }
        >
          Take in parts
        </button>
      </div>
    </details>
  );
}
