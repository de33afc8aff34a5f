import { useEffect, useState } from 'react';
import type {
  AgendaEntryDto,
  CardHolderDto,
  MotionResponseDto,
  VoteOpenDto,
  VoteResponseDto,
} from '@agm/contracts';
import { get, post } from './api';
import type { LiveState, LiveVote } from './live';
import { Field, label } from './ui';

/**
 * The chair's less frequent controls: amendments (moved one at a time, before the substantive motion),
 * the guillotine, and voiding a vote with a reason then re-running it. None has a single-key shortcut:
 * each decides something that cannot be undone by pressing the key again.
 */

/** The motions the chair may read, refetched on every motion or agenda event (`motionsRevision`). */
export function useMotions(conferenceId: string, revision: number): MotionResponseDto[] | null {
  const [motions, setMotions] = useState<MotionResponseDto[] | null>(null);
  useEffect(() => {
    let current = true;
    get<MotionResponseDto[]>(`/api/conferences/${conferenceId}/motions`).then(
      (list) => current && setMotions(list),
      () => current && setMotions([]),
    );
    return () => {
      current = false;
    };
  }, [conferenceId, revision]);
  return motions;
}

const STATUS_LABEL: Record<string, string> = {
  submitted: 'not ruled on yet',
  admitted: 'ruled admissible',
  ruled_out_of_order: 'ruled out of order',
  debated: 'under debate',
  carried: 'carried',
  lost: 'lost',
  withdrawn: 'withdrawn',
  fell: 'fell',
  not_reached: 'not reached',
};

/** Members who may be named as movers and seconders: those in the queue (the chair sees no register). */
function queueMembers(state: LiveState): Array<[string, string]> {
  const members = new Map<string, string>();
  for (const q of state.queue?.queue ?? []) members.set(q.memberId, q.name ?? q.memberId);
  return [...members];
}

/** Amendments to the item: move one to debate, then declare it carried or lost (or go back to the motion). */
export function Amendments({
  state,
  motions,
  onMove,
  moveWhyNot = null,
  onOutcome,
  onBack,
  disabled,
}: {
  state: LiveState;
  motions: MotionResponseDto[] | null;
  onMove: (amendmentId: string, moverMemberId?: string, seconderMemberId?: string) => void;
  /** Why an amendment cannot be moved now, or null. */
  moveWhyNot?: string | null;
  onOutcome: (outcome: 'carried' | 'lost') => void;
  onBack: () => void;
  disabled: boolean;
}) {
  const item = state.floor?.item;
  const [picked, setPicked] = useState('');
  const [mover, setMover] = useState('');
  const [seconder, setSeconder] = useState('');
  if (!item) return null;
  const amendments = (motions ?? []).filter(
    (m) => m.kind === 'amendment' && m.parentMotionId === item.motionId,
  );
  const movable = amendments.filter((m) => m.status === 'admitted');
  const chosen = movable.find((m) => m.id === picked) ?? movable[0];
  const members = queueMembers(state);
  const current = item.amendment;
  return (
    <div data-testid="amendments">
      <h3>Amendments{amendments.length > 0 ? ` (${amendments.length})` : ''}</h3>
      {current ? (
        <>
          <p>
            Debating the amendment{' '}
            <strong data-testid="amendment-under-debate">{current.title ?? 'an amendment'}</strong>. Put the
            question on it, then declare the result; a carried amendment changes the motion’s text.
          </p>
          <div className="button-row" role="group" aria-label="Result of the amendment">
            <button type="button" disabled={disabled} onClick={() => onOutcome('carried')}>
              Amendment carried
            </button>
            <button type="button" disabled={disabled} onClick={() => onOutcome('lost')}>
              Amendment lost
            </button>
            <button type="button" disabled={disabled} onClick={onBack}>
              Back to the motion (amendment withdrawn)
            </button>
          </div>
        </>
      ) : amendments.length === 0 ? (
        <p className="muted">No amendments to this motion.</p>
      ) : (
        <>
          <ul className="plain" data-testid="amendment-list">
            {amendments.map((a) => (
              <li key={a.id}>
                {a.title} <span className="muted">— {label(STATUS_LABEL, a.status)}</span>
              </li>
            ))}
          </ul>
          {movable.length === 0 ? (
            <p className="muted">No amendment ruled admissible is waiting to be moved.</p>
          ) : (
            <div className="inline-form">
              <Field label="Amendment to move">
                {(id) => (
                  <select id={id} value={chosen?.id ?? ''} onChange={(e) => setPicked(e.target.value)}>
                    {movable.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <MemberSelect
                label="Moved by"
                fallback={chosen?.proposerMemberId ? 'Its proposer' : 'Name the mover'}
                members={members}
                value={mover}
                onChange={setMover}
              />
              <MemberSelect
                label="Seconded by"
                fallback={chosen?.seconderMemberId ? 'Its seconder' : 'Nobody yet (formally or later)'}
                members={members}
                value={seconder}
                onChange={setSeconder}
              />
              <button
                type="button"
                disabled={disabled || !chosen || moveWhyNot !== null}
                title={moveWhyNot ?? undefined}
                onClick={() => chosen && onMove(chosen.id, mover || undefined, seconder || undefined)}
              >
                Move to the amendment
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function MemberSelect(props: {
  label: string;
  fallback: string;
  members: Array<[string, string]>;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label}>
      {(id) => (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          <option value="">{props.fallback}</option>
          {props.members.map(([memberId, name]) => (
            <option key={memberId} value={memberId}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Time has run out: the motions ticked are recorded as not reached (and go to the NEC). Confirmed first.
 * They are listed as the order of business takes them (the SOC's moves by hand included), not by their
 * numbers, so the chair ticks from the bottom of the same list the hall sees.
 */
export function Guillotine({
  state,
  entries,
  onApply,
  disabled,
}: {
  state: LiveState;
  /** The order of business's items in their order (`useAgenda`); null while loading. */
  entries: AgendaEntryDto[] | null;
  onApply: (itemIds: string[]) => Promise<unknown>;
  disabled: boolean;
}) {
  const [ticked, setTicked] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const openItemId = state.floor?.item?.itemId;
  const notReached = new Set(state.floor?.notReachedItemIds ?? []);
  const waiting = (entries ?? []).filter(
    (e) => e.status === 'placed' && e.motionId !== openItemId && !notReached.has(e.motionId),
  );
  const chosen = ticked.filter((id) => waiting.some((e) => e.motionId === id));
  const recorded = (entries ?? []).filter((e) => e.status === 'not_reached' || notReached.has(e.motionId));
  const apply = async () => {
    await onApply(chosen);
    setConfirming(false);
    setTicked([]);
  };
  return (
    <section className="card" aria-labelledby="guillotine-heading" data-testid="guillotine">
      <h2 id="guillotine-heading">Guillotine</h2>
      <p className="hint" id="guillotine-hint">
        When time runs out, the motions ticked are recorded as not reached and go to the NEC. The motion under
        debate is not offered: put the question or record its outcome first.
      </p>
      {waiting.length === 0 ? (
        <p className="muted">No motion on the order of business is waiting.</p>
      ) : (
        <fieldset disabled={disabled || confirming} aria-describedby="guillotine-hint">
          <legend>Motions not reached</legend>
          {waiting.map((entry) => (
            <label key={entry.motionId} className="inline">
              <input
                type="checkbox"
                checked={chosen.includes(entry.motionId)}
                onChange={(e) =>
                  setTicked(
                    e.target.checked
                      ? [...chosen, entry.motionId]
                      : chosen.filter((id) => id !== entry.motionId),
                  )
                }
              />{' '}
              {entry.label}: {entry.title}
            </label>
          ))}
        </fieldset>
      )}
      {!confirming ? (
        <button type="button" disabled={disabled || chosen.length === 0} onClick={() => setConfirming(true)}>
          Apply the guillotine…
        </button>
      ) : (
        <div className="confirm" role="group" aria-labelledby="guillotine-confirm">
          <p id="guillotine-confirm">
            Record {chosen.length} {chosen.length === 1 ? 'motion' : 'motions'} as not reached? This cannot be
            undone.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={disabled}
              onClick={() => void apply()}
              autoFocus
            >
              Record as not reached
            </button>
            <button type="button" disabled={disabled} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {recorded.length > 0 && (
        <p data-testid="not-reached">
          Not reached: {recorded.map((e) => `${e.label} ${e.title}`).join('; ')}
        </p>
      )}
    </section>
  );
}

/**
 * A short written decision: a ruling on a point of order, the reason for voiding a vote. Folded under
 * `summary` until the chair opens it; with `heading`, shown open (the decision the hall waits for now).
 */
export function ReasonCommand({
  summary,
  heading,
  explanation,
  testId,
  fieldLabel,
  hint,
  buttonText,
  maxLength,
  onSubmit,
  disabled,
}: {
  summary?: string;
  heading?: string;
  explanation?: string;
  testId?: string;
  fieldLabel: string;
  hint?: string;
  buttonText: string;
  maxLength: number;
  onSubmit: (text: string) => Promise<unknown> | void;
  disabled: boolean;
}) {
  const [text, setText] = useState('');
  const form = (
    <>
      <Field label={fieldLabel} hint={hint}>
        {(id, describedBy) => (
          <textarea
            id={id}
            aria-describedby={describedBy}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={maxLength}
          />
        )}
      </Field>
      <button
        type="button"
        disabled={disabled || !text.trim()}
        onClick={() =>
          void Promise.resolve(onSubmit(text.trim())).then((ok) => ok !== undefined && setText(''))
        }
      >
        {buttonText}
      </button>
    </>
  );
  if (heading)
    return (
      <section className="pending-decision" data-testid={testId}>
        <h4>{heading}</h4>
        {explanation && <p className="muted">{explanation}</p>}
        {form}
      </section>
    );
  return (
    <details data-testid={testId}>
      <summary>{summary}</summary>
      {form}
    </details>
  );
}

/**
 * The vote again, after it was voided: the same question (subject and reference, so the debate matches
 * its result to the question put), topics, method and secrecy, as a new vote. A card vote is re-run with
 * the card holders the chair confirms (prefilled from the voided vote's: `GET /votes/card-holders?voteId=`).
 */
export async function rerunVote(
  conferenceId: string,
  vote: LiveVote,
  /** The item under debate: a motion's kind sets its majority (a constitutional amendment: two-thirds). */
  item: { motionId: string; kind: string } | undefined,
  cardHolders?: CardHolderDto[],
): Promise<VoteResponseDto> {
  const old = await get<VoteResponseDto>(`/api/conferences/${conferenceId}/votes/${vote.id}`);
  const title = old.title.endsWith('(re-run)') ? old.title : `${old.title} (re-run)`;
  const body: VoteOpenDto = {
    subject: old.subject,
    ...(old.subjectRef ? { subjectRef: old.subjectRef } : {}),
    ...(old.proceduralMotion
      ? { proceduralMotion: old.proceduralMotion as VoteOpenDto['proceduralMotion'] }
      : {}),
    // The motion's vote, or a part's (`<motionId>#part-N`) when it is taken in parts: its kind sets the majority.
    ...(old.subject === 'motion' &&
    item &&
    (old.subjectRef === item.motionId || old.subjectRef?.startsWith(`${item.motionId}#`))
      ? { motionKind: item.kind as VoteOpenDto['motionKind'] }
      : {}),
    title: title.length <= 300 ? title : old.title,
    topics: old.topics,
    method: old.method,
    secret: old.secret,
    ...(old.method === 'card_vote' ? { cardHolders: cardHolders ?? [] } : {}),
  };
  return post<VoteResponseDto>(`/api/conferences/${conferenceId}/votes`, body);
}
