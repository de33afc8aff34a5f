import { useEffect, useRef, useState } from 'react';
import type { BallotAckDto } from '@agm/contracts';
import type { Majority } from '@agm/domain/enums';
import { majorityInWords } from '@agm/domain/voting/majority-words';
import { isCurrent, type LiveConference, type LiveState, type LiveVote } from './live';
import { useConference, useMe } from './session';
import {
  Done,
  ErrorAlert,
  Frame,
  KIND_LABEL,
  label,
  LiveSection,
  STANCE_LABEL,
  useAction,
  useLiveConference,
} from './ui';
import { FloorView, METHOD_LABEL, QuorumFigure, VoteCloseCountdown, VoteResult } from './views';
import { MemberNav } from './attendee/MemberNav';
import { MemberDocuments } from './attendee/MemberDocuments';
import { MonitoringForm } from './attendee/MonitoringForm';
import { MotionTexts } from './attendee/MotionTexts';
import { OrderOfBusiness } from './attendee/OrderOfBusiness';
import { PriorityBallot } from './attendee/PriorityBallot';
import { ElectionBallots } from './attendee/elections/ElectionBallots';
import { ElectionAlert } from './attendee/elections/ElectionAlert';
import { useElections } from './elections/useElections';
import type { MemberTab } from './attendee/tabs';
import { VoteAlert } from './attendee/VoteAlert';
import { ReceiptCheck } from './attendee/ReceiptCheck';
import { keepReceipt } from './attendee/receipts';
import { CalledToSpeak, Livestream, useRemoteLinks } from './attendee/RemoteLinks';

/** A member attending, in the hall or remote: phone first. One live connection under every tab. */
export function Attendee({ conferenceId, tab = '' }: { conferenceId: string; tab?: MemberTab }) {
  const { live, state } = useLiveConference(conferenceId);
  const me = useMe();
  const links = useRemoteLinks(live);
  // Read under every tab: an election ballot opening or its result is pinned and announced wherever they are.
  const elections = useElections(live);
  // The desk may move them between the hall and remote while they are signed in: the live event wins.
  const remote = (state.attendanceSwitch?.attendanceMode ?? me?.attendanceMode) === 'remote';
  return (
    <Frame
      conferenceId={conferenceId}
      role={remote ? 'Attending remotely' : 'Attending in the hall'}
      state={state}
    >
      <VoteAlert state={state} />
      <ElectionAlert
        conferenceId={conferenceId}
        ballots={elections.ballots}
        news={elections.news}
        onElectionsTab={tab === 'elections'}
      />
      {state.attendanceSwitch && (
        <p role="status" className="alert info" data-testid="attendance-switched">
          {state.attendanceSwitch.attendanceMode === 'hall'
            ? 'You are now checked in at the hall: you vote by show of cards.'
            : 'You now attend remotely: confirm your attendance below to vote on this phone.'}{' '}
          Reason: {state.attendanceSwitch.reason}
        </p>
      )}
      <p className="muted">Signed in as {me?.name ?? '…'}</p>
      <MemberNav conferenceId={conferenceId} tab={tab} />
      {/* Called to speak reaches a remote member on every tab, as a vote does. */}
      {remote && <CalledToSpeak live={live} state={state} memberId={me?.memberId} links={links} />}
      {/* The vote stays at the top of every tab: the pinned bar leads here. */}
      <div id="ballot" className="ballot-anchor">
        <VotePanel live={live} state={state} remote={remote} />
      </div>
      {tab === '' && (
        <>
          {remote && <ConfirmAttendance live={live} state={state} />}
          {remote && <Livestream links={links} />}
          <LiveSection state={state} title="Now before the meeting">
            <FloorView state={state} />
          </LiveSection>
          <SpeakRequests live={live} state={state} />
          <LiveSection state={state} title="Quorum">
            <QuorumFigure state={state} />
          </LiveSection>
          <OrderOfBusiness conferenceId={conferenceId} state={state} />
        </>
      )}
      {tab === 'motions' && <MotionTexts conferenceId={conferenceId} revision={state.motionsRevision} />}
      {tab === 'documents' && <MemberDocuments conferenceId={conferenceId} />}
      {tab === 'monitoring' && <MonitoringForm conferenceId={conferenceId} live={live} />}
      {tab === 'priority' && <PriorityBallot conferenceId={conferenceId} revision={state.motionsRevision} />}
      {tab === 'elections' && <ElectionBallots conferenceId={conferenceId} elections={elections} />}
    </Frame>
  );
}

/**
 * A remote attendee's presence is theirs, not the page's: it survives a dropped connection, a reload
 * and a new tab for the meeting's grace. After each (re)join the page asks the server whether it
 * still holds, so it never says "confirmed" when the count says otherwise; when the grace ran out the
 * server says so (presence.lapsed) and one tap confirms again.
 */
function ConfirmAttendance({ live, state }: { live: LiveConference; state: LiveState }) {
  const { busy, error, done, run } = useAction();
  const [present, setPresent] = useState(false);
  const current = isCurrent(state);
  useEffect(() => {
    if (!current) return;
    let stale = false;
    live
      .send<{ present: boolean }>('presence.status', { conferenceId: live.conferenceId })
      .then((answer) => !stale && setPresent(answer.present))
      .catch(() => undefined); // offline again: the next join asks again
    return () => {
      stale = true;
    };
  }, [current, live, state.presenceLapsed]);
  const lapsed = state.presenceLapsed;
  const showPresent = present && !lapsed;
  return (
    <section className="card" aria-labelledby="attendance">
      <h2 id="attendance">Your attendance</h2>
      {showPresent ? (
        <p data-testid="attendance-confirmed">
          Attendance confirmed. You stay counted as present if your connection drops for a short while.
        </p>
      ) : lapsed ? (
        <p className="alert" role="alert" data-testid="attendance-lapsed">
          {lapsed}
        </p>
      ) : (
        <p>Confirm you are attending so you count toward the quorum and can vote.</p>
      )}
      <ErrorAlert error={error} />
      <Done message={done} />
      {!showPresent && (
        <button
          type="button"
          className="primary"
          disabled={busy || !current}
          onClick={() =>
            void run(async () => {
              const answer = await live.send<{ present: boolean }>('presence.confirm', {
                conferenceId: live.conferenceId,
              });
              setPresent(answer.present);
              if (answer.present) live.clearPresenceLapsed();
            }, 'Attendance confirmed.')
          }
        >
          {lapsed ? 'Confirm attendance again' : 'Confirm attendance'}
        </button>
      )}
    </section>
  );
}

function SpeakRequests({ live, state }: { live: LiveConference; state: LiveState }) {
  const { busy, error, done, run, setError } = useAction();
  const item = state.floor?.item;
  // A refusal is about the item it was made on: it goes when the chair moves to another (or none).
  useEffect(() => setError(null), [item?.itemId, setError]);
  const mine = state.myRequests?.itemId === item?.itemId ? (state.myRequests?.requests ?? []) : [];
  const offline = !isCurrent(state);
  const command = (body: Record<string, unknown>, message: string) =>
    void run(
      () =>
        live.send('debate.command', {
          conferenceId: live.conferenceId,
          command: { itemId: item!.itemId, ...body },
        }),
      message,
    );
  return (
    <LiveSection state={state} title="Ask to speak">
      {!item ? (
        <p className="muted">You can ask to speak when the chair takes an item.</p>
      ) : (
        <>
          {mine.length > 0 && (
            <ul className="my-requests" data-testid="my-requests">
              {mine.map((r) => (
                <li key={r.requestId}>
                  <strong>
                    {r.kind === 'speak'
                      ? `To speak ${label(STANCE_LABEL, r.stance).toLowerCase()}`
                      : label(KIND_LABEL, r.kind)}
                  </strong>
                  : place {r.position}
                  {r.ahead > 0 ? ` (${r.ahead} ahead of you)` : ' (next)'}{' '}
                  <button
                    type="button"
                    className="small"
                    disabled={busy || offline}
                    onClick={() =>
                      command({ type: 'withdrawRequest', requestId: r.requestId }, 'Request withdrawn.')
                    }
                  >
                    Withdraw
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="button-row" role="group" aria-label="Ask to speak">
            <button
              type="button"
              disabled={busy || offline}
              onClick={() =>
                command({ type: 'requestToSpeak', stance: 'for' }, 'You asked to speak for the motion.')
              }
            >
              Speak for
            </button>
            <button
              type="button"
              disabled={busy || offline}
              onClick={() =>
                command(
                  { type: 'requestToSpeak', stance: 'against' },
                  'You asked to speak against the motion.',
                )
              }
            >
              Speak against
            </button>
            <button
              type="button"
              disabled={busy || offline}
              onClick={() =>
                command({ type: 'requestToSpeak', stance: 'to' }, 'You asked to speak to the motion.')
              }
            >
              Speak to the motion
            </button>
          </div>
          <div className="button-row" role="group" aria-label="Points">
            <button
              type="button"
              disabled={busy || offline}
              onClick={() => command({ type: 'raisePointOfOrder' }, 'Point of order raised.')}
            >
              Point of order
            </button>
            <button
              type="button"
              disabled={busy || offline}
              onClick={() => command({ type: 'requestForInformation' }, 'Request for information raised.')}
            >
              Request for information
            </button>
          </div>
          <p className="hint">
            Points of order and requests for information are taken ahead of the queue and do not count as
            having spoken (Standing Order 14).
          </p>
        </>
      )}
      <ErrorAlert error={error} />
      <Done message={done} />
    </LiveSection>
  );
}

/** A random key per ballot, kept for the vote so a retry or a change is recognised as the same voter's. */
function ballotKey(voteId: string): string {
  const storageKey = `agm.ballot.${voteId}`;
  const existing = sessionStorage.getItem(storageKey);
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem(storageKey, key);
  return key;
}

const CHOICES = [
  { value: 'for', label: 'For' },
  { value: 'against', label: 'Against' },
  { value: 'abstain', label: 'Abstain' },
] as const;

function VotePanel({ live, state, remote }: { live: LiveConference; state: LiveState; remote: boolean }) {
  const vote: LiveVote | undefined = state.currentVoteId ? state.votes[state.currentVoteId] : undefined;
  const timeZone = useConference(live.conferenceId)?.timeZone;
  if (!vote || vote.state === 'voided') {
    return vote?.state === 'voided' ? (
      <LiveSection state={state} title="Vote">
        <p>
          The vote on “{vote.title}” was voided: {vote.voidReason}
        </p>
      </LiveSection>
    ) : null;
  }
  return (
    <LiveSection
      state={state}
      title={vote.state === 'open' ? 'Vote now' : 'Vote result'}
      className="vote-card"
    >
      <p className="vote-title" data-testid="vote-title">
        {vote.title}
      </p>
      {vote.subject === 'test' ? (
        <p className="muted" data-testid="test-vote-note">
          A test vote: any answer shows your device works and records you as attending.
        </p>
      ) : (
        <p className="muted">
          {label(METHOD_LABEL, vote.method)} ·{' '}
          {majorityInWords(vote.majority as Majority)} ·{' '}
          {vote.secret ? 'secret ballot' : 'open vote'}
        </p>
      )}
      <VoteCloseCountdown vote={vote} offsetMs={state.clockOffsetMs} timeZone={timeZone} />
      {vote.state === 'open' && (
        <Ballot key={vote.id} live={live} state={state} vote={vote} remote={remote} />
      )}
      {vote.state === 'closed' && (
        <p role="status">Voting has closed. The result follows when the tellers’ count is in.</p>
      )}
      {vote.state === 'declared' && <VoteResult vote={vote} />}
      {(vote.state === 'closed' || vote.state === 'declared') && (
        <ReceiptCheck conferenceId={live.conferenceId} vote={vote} />
      )}
    </LiveSection>
  );
}

function Ballot({
  live,
  state,
  vote,
}: {
  live: LiveConference;
  state: LiveState;
  vote: LiveVote;
  remote: boolean;
}) {
  const [choice, setChoice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [receipt, setReceipt] = useState<BallotAckDto | null>(null);
  const { busy, error, run } = useAction();
  // Focus stays where the action was: on the receipt once the vote is cast, on the choice after "Change"
  // (the buttons pressed are gone, and focus would fall to the page's start).
  const receiptRef = useRef<HTMLDivElement>(null);
  const choicesRef = useRef<HTMLFieldSetElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (receipt) receiptRef.current?.focus();
  }, [receipt]);
  useEffect(() => {
    if (wasConfirming.current && !confirming)
      choicesRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  const me = vote.me;
  const offline = !isCurrent(state);
  const counter = (
    <p className="muted" aria-live="off" data-testid="ballots-cast">
      {vote.ballotsCast} of {vote.eligibleCount} eligible have voted
    </p>
  );
  if (me && !me.eligible) {
    return (
      <>
        <p className="alert info">{me.message ?? 'You are not eligible to vote on this.'}</p>
        {counter}
      </>
    );
  }
  if (me?.channel === 'hall') {
    return (
      <>
        <p className="alert info" data-testid="vote-in-hall">
          You vote in the hall by show of cards; the tellers count it.
        </p>
        {counter}
      </>
    );
  }
  // A card vote: the card holder casts their body's card, weighted by its membership (docs/voting.md).
  const card =
    me?.channel === 'card' ? (
      <p className="alert info" data-testid="card-weight">
        You hold your body’s card: your vote counts as {me.weight ?? receipt?.weight ?? 'its'} members.
      </p>
    ) : null;
  if (receipt) {
    return (
      <div data-testid="vote-receipt" ref={receiptRef} tabIndex={-1}>
        {card}
        <p role="status" className="alert ok">
          Your vote {label({ for: 'For', against: 'Against', abstain: 'Abstain' }, receipt.choice)} is
          recorded{receipt.status === 'replaced' ? ' (it replaces your earlier vote)' : ''}.
        </p>
        <p>
          Your receipt: <code className="receipt">{receipt.receiptCode}</code>
        </p>
        <p className="hint">
          This phone keeps it too: after the close it checks your receipt is in the published list.
        </p>
        {counter}
      </div>
    );
  }
  const cast = () =>
    void run(async () => {
      const ack = await live.send<BallotAckDto>('vote.cast', {
        conferenceId: live.conferenceId,
        voteId: vote.id,
        choice,
        idempotencyKey: ballotKey(vote.id),
      });
      keepReceipt(ack);
      setReceipt(ack);
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) setConfirming(true);
      }}
    >
      {card}
      <fieldset className="choices" ref={choicesRef} disabled={busy || confirming || offline}>
        <legend>Your vote on “{vote.title}”</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className={`choice choice-${c.value} ${choice === c.value ? 'selected' : ''}`}>
            <input
              type="radio"
              name="choice"
              value={c.value}
              checked={choice === c.value}
              onChange={() => setChoice(c.value)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      {!confirming ? (
        <button type="submit" className="primary big" disabled={!choice || offline}>
          Review my vote
        </button>
      ) : (
        <div className="confirm" role="group" aria-labelledby="confirm-text">
          <p id="confirm-text" className="confirm-text">
            You are voting <strong>{CHOICES.find((c) => c.value === choice)?.label}</strong> on “{vote.title}
            ”.
          </p>
          <div className="button-row">
            <button type="button" className="primary big" disabled={busy || offline} onClick={cast} autoFocus>
              Confirm my vote
            </button>
            <button type="button" className="big" disabled={busy} onClick={() => setConfirming(false)}>
              Change
            </button>
          </div>
        </div>
      )}
      {offline && (
        <p className="alert warn">You are offline: your vote can be cast when the connection is back.</p>
      )}
      <ErrorAlert error={error} />
      {counter}
    </form>
  );
}
