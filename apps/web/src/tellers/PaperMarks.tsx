import { useId } from 'react';
import type { BallotCandidateDto } from '@agm/contracts';

/** What a teller keys from one paper: a number per candidate (ranked), or a tick per mark (first past the post). */
export interface Keyed {
  numbers: Record<string, string>;
  marks: string[];
}
export const NOTHING_KEYED: Keyed = { numbers: {}, marks: [] };

/**
 * The paper as printed: the candidates in ballot order, each with the box the teller fills in as the
 * paper reads. Tab moves from box to box; a number or Space fills it. The reading's problem, if any, is
 * shown in the fieldset and described by it.
 */
export function PaperMarks({
  candidates,
  ranked,
  seats,
  keyed,
  onChange,
  error,
  legend,
  firstRef,
  setAside,
}: {
  candidates: BallotCandidateDto[];
  ranked: boolean;
  seats: number;
  keyed: Keyed;
  onChange: (next: Keyed) => void;
  error: string | null;
  legend: string;
  firstRef?: React.Ref<HTMLInputElement>;
  /** The paper is recorded as spoilt: its boxes are not sent, so they cannot be filled in. */
  setAside?: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={`paper-marks${error ? ' invalid' : ''}`} aria-describedby={error ? errorId : `${id}-hint`} disabled={setAside}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="hint">
        {setAside
          ? 'The paper is recorded as spoilt: nothing keyed here is sent.'
          : ranked
          ? 'Key each number as written on the paper (1 for the first choice); leave a box blank where the paper is blank.'
          : `Tick each candidate marked on the paper (at most ${seats}).`}
      </p>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <ul className="paper-candidates">
        {candidates.map((c, i) => (
          <li key={c.nominationId}>
            {ranked ? (
              <label>
                <input
                  ref={i === 0 ? firstRef : undefined}
                  type="text"
                  inputMode="numeric"
                  pattern="[0-9]*"
                  maxLength={2}
                  size={2}
                  autoComplete="off"
                  aria-invalid={error ? true : undefined}
                  value={keyed.numbers[c.nominationId] ?? ''}
                  onChange={(e) => onChange({ ...keyed, numbers: { ...keyed.numbers, [c.nominationId]: e.target.value } })}
                />{' '}
                {c.name}
              </label>
            ) : (
              <label>
                <input
                  ref={i === 0 ? firstRef : undefined}
                  type="checkbox"
                  aria-invalid={error ? true : undefined}
                  checked={keyed.marks.includes(c.nominationId)}
                  onChange={(e) =>
                    onChange({
                      ...keyed,
                      marks: e.target.checked ? [...keyed.marks, c.nominationId] : keyed.marks.filter((m) => m !== c.nominationId),
                    })
                  }
                />{' '}
                {c.name}
              </label>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
