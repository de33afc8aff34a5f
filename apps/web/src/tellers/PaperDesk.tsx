import { useCallback, useEffect, useState } from 'react';
import type { ElectionBallotDto, PaperBallotDto } from '@agm/contracts';
import { del, get } from '../api';
import type { LiveConference } from '../live';
import { Done, ErrorAlert, useAction } from '../ui';
import { ConfirmPaper } from './ConfirmPaper';
import { EnterPaper } from './EnterPaper';

/**
 * One post's hall papers: how far the tellers have got, the first teller's entry form, the second
 * teller's blind confirmation, and this teller's own entries still waiting (to discard one found wrong).
 */
export function PaperDesk({ live, ballot, offline, onChanged }: { live: LiveConference; ballot: ElectionBallotDto; offline: boolean; onChanged: () => void }) {
  const base = `/api/conferences/${live.conferenceId}/posts/${ballot.postId}/ballot`;
  const [papers, setPapers] = useState<PaperBallotDto[] | null>(null);
  const read = useCallback(() => get<PaperBallotDto[]>(`${base}/papers`).then(setPapers, () => undefined), [base]);
  // Another teller's entries show up without a reload: every change to this ballot's papers comes as an
  // election.papers event to the tellers (docs/REALTIME.md), and after a resync the papers are read again.
  useEffect(() => {
    void read();
    return live.onEvent((event) => {
      if (!event || (event.type === 'election.papers' && (event.payload as { postId?: string }).postId === ballot.postId)) void read();
    });
  }, [live, read, ballot.postId]);
  const changed = () => {
    void read();
    onChanged();
  };
  const entered = papers?.length ?? 0;
  const confirmed = papers?.filter((p) => p.confirmed).length ?? 0;
  const mine = (papers ?? []).filter((p) => p.enteredByYou && !p.confirmed);
  const theirs = (papers ?? []).filter((p) => !p.enteredByYou && !p.confirmed).map((p) => p.number);
  const full = entered >= ballot.hallHeadcount;
  const headingId = `desk-${ballot.postId}`;
  return (
    <section className="card paper-desk" aria-labelledby={headingId}>
      <h2 id={headingId}>{ballot.title}</h2>
      <p className="muted">
        {ballot.methodText} · {ballot.instructions}
      </p>
      <p className="paper-progress" data-testid="paper-progress">
        <strong>{entered}</strong> {entered === 1 ? 'paper' : 'papers'} entered · <strong>{confirmed}</strong> confirmed by a second teller ·{' '}
        <strong>{ballot.hallHeadcount}</strong> hall {ballot.hallHeadcount === 1 ? 'member' : 'members'} on the register
      </p>
      {full && <p className="alert info">As many papers are entered as there were members in the hall: no more can be entered.</p>}
      <div className="paper-desk-parts">
        <EnterPaper base={base} ballot={ballot} disabled={offline || full} onEntered={changed} />
        <ConfirmPaper base={base} ballot={ballot} disabled={offline} onConfirmed={changed} />
      </div>
      <p data-testid="papers-to-confirm">
        {theirs.length === 0
          ? 'No paper entered by another teller is waiting for you.'
          : `Waiting for a second teller (entered by another teller): ${theirs.length === 1 ? 'paper' : 'papers'} ${theirs.join(', ')}.`}
      </p>
      <MyEntries base={base} mine={mine} offline={offline} onDiscarded={changed} />
    </section>
  );
}

function MyEntries({ base, mine, offline, onDiscarded }: { base: string; mine: PaperBallotDto[]; offline: boolean; onDiscarded: () => void }) {
  const { busy, error, done, run } = useAction();
  return (
    <div data-testid="my-entries-box">
      <h3>Your entries waiting for a second teller</h3>
      {mine.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="paper-entries" data-testid="my-entries">
          {mine.map((p) => (
            <li key={p.id}>
              Paper {p.number}: {p.ballotText}{' '}
              <button
                type="button"
                disabled={busy || offline}
                onClick={() =>
                  void run(async () => {
                    await del(`${base}/papers/${p.id}`);
                    onDiscarded();
                  }, `Your entry of paper ${p.number} is discarded. Enter the paper again and write its new number on it, crossing out ${p.number}.`)
                }
              >
                Discard paper {p.number}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
      <Done message={done} />
    </div>
  );
}
