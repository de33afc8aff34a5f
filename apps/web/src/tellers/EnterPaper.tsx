import { useRef, useState } from 'react';
import type { ElectionBallotDto, PaperBallotDto } from '@agm/contracts';
import { post } from '../api';
import { useAction } from '../ui';
import { NOTHING_KEYED, PaperMarks, type Keyed } from './PaperMarks';
import { readKeyed } from './readKeyed';

/**
 * The first teller keys one paper as it reads; the answer is the paper's number, to write on it before it
 * goes to the second teller. The form is then empty again, focus on its first box, for the next paper.
 */
export function EnterPaper({ base, ballot, disabled, onEntered }: { base: string; ballot: ElectionBallotDto; disabled: boolean; onEntered: () => void }) {
  const [keyed, setKeyed] = useState<Keyed>(NOTHING_KEYED);
  const [reading, setReading] = useState<string | null>(null);
  const [entered, setEntered] = useState<PaperBallotDto | null>(null);
  const { busy, error, run } = useAction();
  const first = useRef<HTMLInputElement>(null);
  const headingId = `enter-${ballot.postId}`;
  return (
    <section aria-labelledby={headingId} className="paper-desk-part">
      <h3 id={headingId}>Enter a paper</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const read = readKeyed(ballot, keyed);
          if (!read.ok) return setReading(read.message);
          setReading(null);
          void run(async () => {
            const paper = await post<PaperBallotDto>(`${base}/papers`, { preferences: read.order });
            setEntered(paper);
            setKeyed(NOTHING_KEYED);
            onEntered();
            first.current?.focus();
          });
        }}
      >
        <PaperMarks
          candidates={ballot.candidates}
          ranked={ballot.ranked}
          seats={ballot.seats}
          keyed={keyed}
          onChange={setKeyed}
          error={reading ?? error}
          legend="The paper as it reads"
          firstRef={first}
        />
        <button type="submit" className="primary" disabled={busy || disabled}>
          Enter this paper
        </button>
      </form>
      <p role="status" className={entered ? 'alert ok' : 'visually-hidden'} data-testid="paper-entered">
        {entered && (
          <>
            Paper <strong className="paper-number">{entered.number}</strong> entered: {entered.ballotText}. Write {entered.number} on the
            paper and pass it to the second teller.
          </>
        )}
      </p>
    </section>
  );
}
