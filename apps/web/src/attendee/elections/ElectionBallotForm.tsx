import { useState } from 'react';
import type { ElectionBallotAckDto, ElectionBallotDto } from '@agm/contracts';
import { post } from '../../api';
import { ErrorAlert, useAction } from '../../ui';
import { RankingList } from './RankingList';

/** A random ballot key made once per ballot on this device (sent again on a retry). */
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * One post's ballot on the phone: rank (or mark) candidates with buttons, review, confirm. The receipt
 * code is shown once cast, to check in the published list after the count.
 */
export function ElectionBallotForm({ conferenceId, ballot, onCast }: { conferenceId: string; ballot: ElectionBallotDto; onCast: () => void }) {
  const [ranking, setRanking] = useState<string[]>([]);
  const [reviewing, setReviewing] = useState(false);
  const [key] = useState(newKey);
  const [ack, setAck] = useState<ElectionBallotAckDto | null>(null);
  const { busy, error, run } = useAction();
  const unranked = ballot.candidates.filter((c) => !ranking.includes(c.nominationId));
  const full = !ballot.ranked && ranking.length >= ballot.seats;
  const headingId = `ballot-${ballot.postId}`;

  if (ack) {
    // data-voted: what the ballot read last says; true once the read after the cast is in (the browser
    // spec waits on it to check that the receipt outlives that read).
    return (
      <section className="card" aria-labelledby={headingId} data-testid="election-receipt" data-voted={ballot.you?.hasVoted ? 'true' : 'false'}>
        <h3 id={headingId}>{ballot.title}</h3>
        <p role="status">Your ballot is cast: {ack.ballotText}.</p>
        <p>
          Your receipt code: <code className="receipt">{ack.receiptCode}</code>. Note it: after the count, check that your
          ballot is in the published list.
        </p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{ballot.title}</h3>
      <p>{ballot.instructions}</p>
      {!reviewing && (
        <>
          <RankingList ranking={ranking} candidates={ballot.candidates} ranked={ballot.ranked} onChange={setRanking} />
          {unranked.length > 0 && (
            <ul aria-label="Candidates" className="candidates">
              {unranked.map((c) => (
                <li key={c.nominationId}>
                  <button type="button" disabled={full} onClick={() => setRanking([...ranking, c.nominationId])}>
                    {ballot.ranked ? `Rank ${c.name} ${ranking.length + 1}` : `Mark ${c.name}`}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="primary" disabled={ranking.length === 0} onClick={() => setReviewing(true)}>
            Review my ballot
          </button>
        </>
      )}
      {reviewing && (
        <>
          <p>Your ballot, as it will be counted. It cannot be changed once cast.</p>
          <RankingView ballot={ballot} ranking={ranking} />
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const answer = await post<ElectionBallotAckDto>(`/api/conferences/${conferenceId}/posts/${ballot.postId}/ballot/ballots`, {
                  preferences: ranking,
                  idempotencyKey: key,
                });
                setAck(answer);
                onCast();
              })
            }
          >
            Confirm my ballot
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setReviewing(false)}>
            Change it
          </button>
        </>
      )}
      <ErrorAlert error={error} />
    </section>
  );
}

function RankingView({ ballot, ranking }: { ballot: ElectionBallotDto; ranking: string[] }) {
  const name = (id: string) => ballot.candidates.find((c) => c.nominationId === id)?.name ?? '';
  const List = ballot.ranked ? 'ol' : 'ul';
  return (
    <List aria-label="Your ballot" data-testid="election-review">
      {ranking.map((id) => (
        <li key={id}>{name(id)}</li>
      ))}
    </List>
  );
}
