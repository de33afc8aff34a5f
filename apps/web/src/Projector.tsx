import { useRef } from 'react';
import { isCurrent, type LiveState } from './live';
import { ConnectionBanner, label, useLiveConference } from './ui';
import { useConference } from './session';
import { useElections } from './elections/useElections';
import { StageTable } from './elections/StageTable';
import { useLatestResult } from './elections/useLatestResult';
import { FloorView, METHOD_LABEL, QuorumFigure, VoteCloseCountdown, VoteResult } from './views';

/** The hall's screen: item, speaker, timer and the live result, readable from the back of the room. */
export function Projector({ conferenceId }: { conferenceId: string }) {
  const { live, state } = useLiveConference(conferenceId);
  const elections = useElections(live);
  const latest = useLatestResult(live);
  const conference = useConference(conferenceId);
  const vote = state.currentVoteId ? state.votes[state.currentVoteId] : undefined;
  const item = state.floor?.item;
  // The hall's floor when a result is declared: a custom or procedural result stays up until it moves on.
  const declaredUnder = useRef(new Map<string, string>());
  const floorNow = `${item?.itemId ?? ''}|${item?.call?.memberId ?? ''}|${item?.speech?.speechId ?? ''}`;
  let showDeclared = false;
  if (vote?.state === 'declared') {
    // The vote's subject comes with vote.opened and its full view (the snapshot, or the read after it).
    const subject = vote.subject;
    if (!subject || subject === 'motion' || subject === 'amendment') {
      // A motion's or amendment's result stays up while its question is put; once the chair records
      // the outcome, the floor (with the outcome) returns.
      showDeclared = !!item?.questionPut;
    } else {
      // A custom vote, a procedural motion, a challenge to the chair, an emergency motion's admission:
      // no item outcome follows, so the result stays up until a speaker is called, a speech starts or
      // another item is taken (or another vote opens).
      if (!declaredUnder.current.has(vote.id)) declaredUnder.current.set(vote.id, floorNow);
      showDeclared = declaredUnder.current.get(vote.id) === floorNow;
    }
  }
  const showVote = vote && (vote.state === 'open' || vote.state === 'closed' || showDeclared);
  // An election's count, once published, stays up until the floor moves on or a vote opens, like a
  // custom vote's result. Live, it is the election.result news; after a reload (or a resync that missed
  // too much) it is the count published last, unless a vote opened or a speech started since it was
  // published (docs/DECISIONS.md, issue 20 elections4).
  const news = elections.news?.kind === 'published' ? elections.news : null;
  const restored =
    !news && state.synced && latest?.result && latest.closedAt && !movedOnSince(latest.closedAt, state) ? latest : null;
  const shown = news
    ? { key: `event ${news.seq}`, title: news.title, count: news.result ?? elections.ballots[news.postId]?.result ?? null }
    : restored
      ? { key: `ballot ${restored.ballotId}`, title: restored.title, count: restored.result }
      : null;
  const publishedUnder = useRef(new Map<string, string>());
  const hallNow = `${floorNow}|${state.currentVoteId ?? ''}`;
  if (shown && !publishedUnder.current.has(shown.key)) publishedUnder.current.set(shown.key, hallNow);
  const count = shown?.count ?? null;
  const showCount = !!shown && !!count && publishedUnder.current.get(shown.key) === hallNow && !(vote && (vote.state === 'open' || vote.state === 'closed'));
  return (
    <div className="projector">
      <ConnectionBanner state={state} />
      <main
        id="main"
        className={isCurrent(state) ? '' : 'stale'}
        data-stale={isCurrent(state) ? 'false' : 'true'}
      >
        <h1 className="projector-title">{conference?.name ?? 'AGM'}</h1>
        {showCount && shown && count ? (
          <section aria-labelledby="proj-election" className="projector-election">
            <h2 id="proj-election">Election result: {shown.title}</h2>
            <StageTable title={shown.title} result={count} large />
          </section>
        ) : showVote && vote ? (
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
            <VoteCloseCountdown
              vote={vote}
              offsetMs={state.clockOffsetMs}
              timeZone={conference?.timeZone}
              large
            />
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

/** Whether the hall moved on after a count was published: a vote opened or a speech started since. */
function movedOnSince(publishedAt: string, state: LiveState): boolean {
  const after = (at: string | null | undefined) => !!at && Date.parse(at) > Date.parse(publishedAt);
  return Object.values(state.votes).some((v) => after(v.openedAt)) || after(state.floor?.item?.speech?.startedAt);
}
