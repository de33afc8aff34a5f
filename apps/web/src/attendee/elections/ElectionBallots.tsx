import { useEffect, useState } from 'react';
import type { ElectionBallotDto } from '@agm/contracts';
import type { Elections } from '../../elections/useElections';
import { StageTable } from '../../elections/StageTable';
import { ElectionBallotForm } from './ElectionBallotForm';

/**
 * The member's elections: each post's ballot, to vote on this device, or what to do instead, and the
 * count stage by stage once published. Kept current by the live channel (useElections): a ballot
 * opening or a result appears here without a reload.
 */
export function ElectionBallots({ conferenceId, elections }: { conferenceId: string; elections: Elections }) {
  // A ballot whose form was shown in this visit keeps it while open: the form shows the receipt code once
  // cast, and a read of the ballot saying "voted" may arrive before the cast's own answer.
  const [formShown, setFormShown] = useState<string[]>([]);
  const ballots = Object.values(elections.ballots).sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
  // Once cast, the api says the ballot is no longer voted here (`votesHere` false): the form stays anyway.
  const showForm = (b: ElectionBallotDto) =>
    b.state === 'open' && (formShown.includes(b.postId) || (!!b.you?.votesHere && !b.you.hasVoted));
  const shownNow = ballots.filter(showForm).map((b) => b.postId);
  useEffect(() => {
    if (shownNow.some((id) => !formShown.includes(id))) setFormShown((ids) => [...new Set([...ids, ...shownNow])]);
  }, [shownNow.join(','), formShown]);
  return (
    <section className="card" aria-labelledby="elections-heading">
      <h2 id="elections-heading">Elections</h2>
      {ballots.length === 0 && <p className="muted">No ballot is open.</p>}
      {ballots.map((ballot) =>
        showForm(ballot) ? (
          <ElectionBallotForm
            key={ballot.postId}
            conferenceId={conferenceId}
            ballot={ballot}
            onCast={() => void elections.reload(ballot.postId).catch(() => undefined)}
          />
        ) : (
          <ElectionOutcome key={ballot.postId} ballot={ballot} />
        ),
      )}
      <button type="button" onClick={() => void elections.reload().catch(() => undefined)}>
        Refresh
      </button>
    </section>
  );
}

function ElectionOutcome({ ballot }: { ballot: ElectionBallotDto }) {
  const headingId = `outcome-${ballot.postId}`;
  return (
    <section aria-labelledby={headingId} className="election-outcome" data-testid="election-outcome">
      <h3 id={headingId}>{ballot.title}</h3>
      {ballot.result ? (
        <StageTable title={ballot.title} result={ballot.result} />
      ) : (
        <p>{ballot.you?.text ?? ballot.stateText}</p>
      )}
    </section>
  );
}
