import { useState } from 'react';
import { post } from './api';
import { isCurrent, type LiveVote } from './live';
import { Done, ErrorAlert, Field, Frame, label, LiveSection, useAction, useLiveConference } from './ui';
import { SwitchAttendee } from './teller/SwitchAttendee';
import { METHOD_LABEL, VoteResult } from './views';

/**
 * Tellers: the show of cards counted in the hall, entered by one teller and confirmed by a second.
 * A card vote is listed too, with nothing to enter: each body's card holder casts it on their own
 * device and the server weights it by the body's membership (docs/voting.md), so tellers only watch.
 */
export function Teller({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const votes = Object.values(state.votes)
    .filter((v) => v && (v.method === 'hybrid' || v.method === 'show_of_cards' || v.method === 'card_vote'))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  return (
    <Frame conferenceId={conferenceId} role="Teller: hall counts" state={state}>
      {votes.length === 0 && (
        <p className="card muted">
          No vote with a show of cards or a card vote yet. Votes appear here when the chair opens them.
        </p>
      )}
      {votes.slice(0, 5).map((vote) => (
        <LiveSection key={vote.id} state={state} title={vote.title}>
          {vote.method === 'card_vote' ? (
            <p className="muted">
              {label(METHOD_LABEL, vote.method)} · {vote.state} · {vote.eligibleCount} card holders
            </p>
          ) : (
            <p className="muted">
              {label(METHOD_LABEL, vote.method)} · {vote.state} · {vote.hallHeadcount} eligible in the hall
              when it opened
            </p>
          )}
          {vote.state === 'declared' ? (
            <VoteResult vote={vote} />
          ) : vote.state === 'voided' ? (
            <p>Voided: {vote.voidReason}</p>
          ) : vote.method === 'card_vote' ? (
            <p className="alert info" data-testid="card-vote-note">
              Nothing to count: each body’s card holder votes on their own device, weighted by the body’s
              membership. {vote.ballotsCast} of {vote.eligibleCount} cards cast so far.
            </p>
          ) : (
            <CountForm conferenceId={conferenceId} vote={vote} offline={!isCurrent(state)} />
          )}
        </LiveSection>
      ))}
      <SwitchAttendee conferenceId={conferenceId} />
    </Frame>
  );
}

function CountForm({
  conferenceId,
  vote,
  offline,
}: {
  conferenceId: string;
  vote: LiveVote;
  offline: boolean;
}) {
  const [counts, setCounts] = useState({ for: '', against: '', abstain: '' });
  const { busy, error, done, run } = useAction();
  const entered = vote.tellerCount;
  const total = ['for', 'against', 'abstain'].reduce(
    (sum, k) => sum + (Number(counts[k as keyof typeof counts]) || 0),
    0,
  );
  const submit = (confirm: boolean) =>
    void run(
      () =>
        post(`/api/conferences/${conferenceId}/votes/${vote.id}/teller-count${confirm ? '/confirm' : ''}`, {
          for: Number(counts.for),
          against: Number(counts.against),
          abstain: Number(counts.abstain),
        }),
      confirm
        ? 'Count confirmed.'
        : 'Count entered. A second teller confirms it before the result is declared.',
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(!!entered && !entered.confirmed);
      }}
    >
      {entered && (
        <p className="alert info" data-testid="entered-count">
          Entered: for {entered.for}, against {entered.against}, abstain {entered.abstain}
          {entered.confirmed
            ? ' — confirmed by a second teller.'
            : '. A second teller confirms by entering the same figures.'}
        </p>
      )}
      <fieldset disabled={busy || offline}>
        <legend>Cards counted in the hall</legend>
        <div className="count-grid">
          {(['for', 'against', 'abstain'] as const).map((k) => (
            <Field key={k} label={k === 'for' ? 'For' : k === 'against' ? 'Against' : 'Abstain'}>
              {(id) => (
                <input
                  id={id}
                  name={k}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={vote.hallHeadcount}
                  value={counts[k]}
                  onChange={(e) => setCounts({ ...counts, [k]: e.target.value })}
                  required
                />
              )}
            </Field>
          ))}
        </div>
        <p className={total > vote.hallHeadcount ? 'alert warn' : 'muted'}>
          {total} cards counted; at most {vote.hallHeadcount} were eligible in the hall.
        </p>
      </fieldset>
      <ErrorAlert error={error} />
      <Done message={done} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || offline}>
          {entered && !entered.confirmed ? 'Confirm the count' : 'Enter the count'}
        </button>
        {entered && !entered.confirmed && (
          <button type="button" disabled={busy || offline} onClick={() => submit(false)}>
            Correct the count
          </button>
        )}
      </div>
    </form>
  );
}
