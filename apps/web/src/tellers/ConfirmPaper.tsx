import { useRef, useState } from 'react';
import type { ElectionBallotDto, PaperBallotDto } from '@agm/contracts';
import { ApiError, get, post } from '../api';
import { InputField, useAction } from '../ui';
import { NOTHING_KEYED, PaperMarks, type Keyed } from './PaperMarks';
import { readKeyed } from './readKeyed';

/**
 * The second teller keys the same paper again, blind: the number written on it and what it says. The
 * first entry is never shown before; if the two differ the api names both readings, shown here, and the
 * tellers settle it at the paper: the first teller discards a wrong entry (their list below), or the
 * second keys it again.
 */
export function ConfirmPaper({ base, ballot, disabled, onConfirmed }: { base: string; ballot: ElectionBallotDto; disabled: boolean; onConfirmed: () => void }) {
  const [number, setNumber] = useState('');
  const [numberError, setNumberError] = useState<string | undefined>();
  const [keyed, setKeyed] = useState<Keyed>(NOTHING_KEYED);
  const [reading, setReading] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<PaperBallotDto | null>(null);
  const { busy, error, run, setError } = useAction();
  const numberBox = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const mismatchRef = useRef<HTMLDivElement>(null);
  const headingId = `confirm-${ballot.postId}`;
  const submit = () => {
    setNumberError(undefined);
    setMismatch(null);
    setConfirmed(null);
    const n = Number(number.trim());
    if (!number.trim() || !Number.isInteger(n) || n < 1) {
      setNumberError('Key the number the first teller wrote on the paper.');
      return numberBox.current?.querySelector('input')?.focus();
    }
    const read = readKeyed(ballot, keyed);
    if (!read.ok) return setReading(read.message);
    setReading(null);
    void run(async () => {
      // Read now, not from the list on screen: the paper may have been entered a moment ago.
      const papers = await get<PaperBallotDto[]>(`${base}/papers`);
      const paper = papers.find((p) => p.number === n);
      if (!paper || paper.confirmed) {
        setNumberError(paper ? `Paper ${n} is already confirmed.` : `No paper ${n} is entered. Check the number written on the paper.`);
        return;
      }
      try {
        const done = await post<PaperBallotDto>(`${base}/papers/${paper.id}/confirm`, { preferences: read.order });
        setConfirmed(done);
        setNumber('');
        setKeyed(NOTHING_KEYED);
        onConfirmed();
        numberBox.current?.querySelector('input')?.focus();
      } catch (e) {
        if (e instanceof ApiError && e.statusCode === 409 && /differs/.test(e.message)) {
          setMismatch(e.message);
          requestAnimationFrame(() => mismatchRef.current?.focus());
          return;
        }
        throw e;
      }
    });
  };
  return (
    <section aria-labelledby={headingId} className="paper-desk-part">
      <h3 id={headingId}>Confirm a paper</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div ref={numberBox}>
          <InputField
            label="Number written on the paper"
            value={number}
            onChange={setNumber}
            error={numberError}
            inputMode="numeric"
            autoComplete="off"
            size={4}
          />
        </div>
        <PaperMarks
          candidates={ballot.candidates}
          ranked={ballot.ranked}
          seats={ballot.seats}
          keyed={keyed}
          onChange={setKeyed}
          error={reading ?? error}
          legend="The paper as you read it"
          firstRef={first}
        />
        <button type="submit" className="primary" disabled={busy || disabled}>
          Confirm this paper
        </button>
      </form>
      {mismatch && (
        <div className="alert warn paper-mismatch" role="alert" tabIndex={-1} ref={mismatchRef} data-testid="paper-mismatch">
          <p>
            <strong>The two readings differ.</strong> {mismatch}
          </p>
          <button
            type="button"
            onClick={() => {
              setMismatch(null);
              setError(null);
              setKeyed(NOTHING_KEYED);
              first.current?.focus();
            }}
          >
            Key paper {number} again
          </button>
        </div>
      )}
      <p role="status" className={confirmed ? 'alert ok' : 'visually-hidden'} data-testid="paper-confirmed">
        {confirmed && `Paper ${confirmed.number} confirmed: ${confirmed.ballotText}.`}
      </p>
    </section>
  );
}
