import { useRef, useState } from 'react';
import type { ElectionBallotDto, PaperBallotDto } from '@agm/contracts';
import { post } from '../api';
import { useAction } from '../ui';
import { PaperForm, usePaperReading } from './PaperForm';

/**
 * The first teller keys one paper as it reads (or records it spoilt, with why); the answer is the paper's
 * number, to write on it before it goes to the second teller. The form is then empty again, focus on its
 * first box, for the next paper.
 */
export function EnterPaper({ base, ballot, disabled, onEntered }: { base: string; ballot: ElectionBallotDto; disabled: boolean; onEntered: () => void }) {
  const paper = usePaperReading(ballot);
  const [entered, setEntered] = useState<PaperBallotDto | null>(null);
  const { busy, error, run } = useAction();
  const first = useRef<HTMLInputElement>(null);
  const headingId = `enter-${ballot.postId}`;
  return (
    <section aria-labelledby={headingId} className="paper-desk-part">
      <h3 id={headingId}>Enter a paper</h3>
      <PaperForm
        ballot={ballot}
        paper={paper}
        legend="The paper as it reads"
        submitLabel="Enter this paper"
        disabled={disabled}
        busy={busy}
        error={error}
        firstRef={first}
        onSubmit={() => {
          const entry = paper.read();
          if (!entry) return;
          void run(async () => {
            setEntered(await post<PaperBallotDto>(`${base}/papers`, entry));
            paper.clear();
            onEntered();
            // The boxes are set aside while a spoilt reason is chosen: focus the first once they are back.
            requestAnimationFrame(() => first.current?.focus());
          });
        }}
      />
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
