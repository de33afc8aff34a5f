import { isCurrent } from './live';
import { ConnectionBanner, label, useLiveConference } from './ui';
import { useConference } from './session';
import { FloorView, METHOD_LABEL, QuorumFigure, VoteResult } from './views';

/** The hall's screen: item, speaker, timer and the live result, readable from the back of the room. */
export function Projector({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const conference = useConference(conferenceId);
  const vote = state.currentVoteId ? state.votes[state.currentVoteId] : undefined;
  // A declared result stays up while its item is open; once the chair concludes the item, the floor (with its outcome) returns.
  const item = state.floor?.item;
  const showVote =
    vote &&
    (vote.state === 'open' || vote.state === 'closed' || (vote.state === 'declared' && !!item?.questionPut));
  return (
    <div className="projector">
      <ConnectionBanner state={state} />
      <main
        id="main"
        className={isCurrent(state) ? '' : 'stale'}
        data-stale={isCurrent(state) ? 'false' : 'true'}
      >
        <h1 className="projector-title">{conference?.name ?? 'AGM'}</h1>
        {showVote && vote ? (
          <section aria-labelledby="proj-vote" className="projector-vote">
            <h2 id="proj-vote">
              {vote.state === 'open' ? 'Vote now' : vote.state === 'declared' ? 'Result' : 'Voting closed'}
            </h2>
            <p className="item-title">{vote.title}</p>
            <p className="muted">{label(METHOD_LABEL, vote.method)}</p>
            {vote.state === 'open' && (
              <p className="big-figure" data-testid="projector-ballots">
                {vote.ballotsCast} of {vote.electronicCount} remote votes in
              </p>
            )}
            {vote.state === 'declared' && <VoteResult vote={vote} large />}
          </section>
        ) : (
          <section aria-labelledby="proj-floor">
            <h2 id="proj-floor" className="visually-hidden">
              Now before the meeting
            </h2>
            <FloorView state={state} large showText={!state.floor?.item?.speech} />
          </section>
        )}
        <footer className="projector-footer">
          <QuorumFigure state={state} />
        </footer>
      </main>
    </div>
  );
}
