import { useState, type ReactNode } from 'react';
import type { ElectionBallotDto } from '@agm/contracts';
import { SPOILT_REASONS, spoiltReasonInWords, type SpoiltReason } from '@agm/domain/elections/election-ballot';
import { SelectField } from '../ui';
import { NOTHING_KEYED, PaperMarks, type Keyed } from './PaperMarks';
import { readKeyed } from './readKeyed';

/** A paper as the api takes it: the candidates in order of preference (or marked), or spoilt with its reason. */
export type PaperEntry = { preferences: string[] } | { spoilt: SpoiltReason };

/** What one teller has keyed from one paper so far: the boxes, and whether they found it spoilt (and why). */
export interface PaperReadingState {
  keyed: Keyed;
  setKeyed: (next: Keyed) => void;
  spoilt: SpoiltReason | '';
  setSpoilt: (next: SpoiltReason | '') => void;
  /** The reading's problem, shown at the paper's boxes. */
  problem: string | null;
  /** The entry to send, or null (with the problem shown) when the paper as keyed cannot be read. */
  read: () => PaperEntry | null;
  /** An empty form for the next paper. */
  clear: () => void;
}

export function usePaperReading(ballot: ElectionBallotDto): PaperReadingState {
  const [keyed, setKeyed] = useState<Keyed>(NOTHING_KEYED);
  const [spoilt, setSpoilt] = useState<SpoiltReason | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  return {
    keyed,
    setKeyed,
    spoilt,
    setSpoilt: (next) => {
      setSpoilt(next);
      setProblem(null);
    },
    problem,
    read: () => {
      if (spoilt) {
        setProblem(null);
        return { spoilt };
      }
      const reading = readKeyed(ballot, keyed);
      setProblem(reading.ok ? null : reading.message);
      return reading.ok ? { preferences: reading.order } : null;
    },
    clear: () => {
      setKeyed(NOTHING_KEYED);
      setSpoilt('');
      setProblem(null);
    },
  };
}

/**
 * The paper form both tellers use (the first to enter a paper, the second to confirm it blind): anything
 * the form needs first (the second teller's paper number), the paper's boxes as printed, and the choice
 * of a spoilt paper's reason, in the words of the count sheet. A paper found spoilt is sent with its
 * reason and no candidate; its boxes are then set aside (disabled), never sent.
 */
export function PaperForm({
  ballot,
  paper,
  legend,
  submitLabel,
  disabled,
  busy,
  error,
  firstRef,
  children,
  onSubmit,
}: {
  ballot: ElectionBallotDto;
  paper: PaperReadingState;
  legend: string;
  submitLabel: string;
  disabled: boolean;
  busy: boolean;
  error: string | null;
  firstRef?: React.Ref<HTMLInputElement>;
  children?: ReactNode;
  onSubmit: () => void;
}) {
  const reasons: Array<readonly [string, string]> = [
    ['', 'No: it reads as keyed above'],
    ...SPOILT_REASONS.map((r) => [r, `Spoilt: ${spoiltReasonInWords(r, ballot.method)}`] as const),
  ];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <PaperMarks
        candidates={ballot.candidates}
        ranked={ballot.ranked}
        seats={ballot.seats}
        keyed={paper.keyed}
        onChange={paper.setKeyed}
        error={paper.problem ?? (paper.spoilt ? null : error)}
        legend={legend}
        firstRef={firstRef}
        setAside={!!paper.spoilt}
      />
      <SelectField
        label="Is the paper spoilt?"
        hint="A spoilt paper counts for no candidate; choose why, as the count sheet states it."
        value={paper.spoilt}
        options={reasons}
        onChange={(v) => paper.setSpoilt(v as SpoiltReason | '')}
        error={paper.spoilt ? (error ?? undefined) : undefined}
      />
      <button type="submit" className="primary" disabled={busy || disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
