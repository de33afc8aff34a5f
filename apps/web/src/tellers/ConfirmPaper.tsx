import { useRef, useState } from 'react';
import type { ElectionBallotDto, PaperBallotDto } from '@agm/contracts';
import { ApiError, get, post } from '../api';
import { InputField, useAction } from '../ui';
import { PaperForm, usePaperReading } from './PaperForm';

/**
 * The second teller keys the same paper again, blind: the number written on it and what it says (or that
 * it is spoilt, and why). The first entry is never shown before; if the two differ the api names both
 * readings, shown here, and the tellers settle it at the paper: the first teller discards a wrong entry
 * (their list below), or the second keys it again.
 */
export function ConfirmPaper({ base, ballot, disabled, onConfirmed }: { base: string; ballot: ElectionBallotDto; disabled: boolean; onConfirmed: () => void }) {
  const paper = usePaperReading(ballot);
  const [number, setNumber] = useState('');
  const [numberError, setNumberError] = useState<string | undefined>();
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
    const entry = paper.read();
    if (!entry) return;
    void run(async () => {
      // Read now, not from the list on screen: the paper may have been entered a moment ago.
      const papers = await get<PaperBallotDto[]>(`${base}/papers`);
      const entered = papers.find((p) => p.number === n);
      if (!entered || entered.confirmed) {
        setNumberError(entered ? `Paper ${n} is already confirmed.` : `No paper ${n} is entered. Check the number written on the paper.`);
        return;
      }
      try {
        setConfirmed(await post<PaperBallotDto>(`${base}/papers/${entered.id}/confirm`, entry));
        setNumber('');
        paper.clear();
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
      <PaperForm
        ballot={ballot}
        paper={paper}
        legend="The paper as you read it"
        submitLabel="Confirm this paper"
        disabled={disabled}
        busy={busy}
        error={error}
        firstRef={first}
        onSubmit={submit}
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
      </PaperForm>
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
              paper.clear();
              requestAnimationFrame(() => first.current?.focus());
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
