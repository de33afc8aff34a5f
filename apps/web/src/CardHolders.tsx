import { useEffect, useId, useState } from 'react';
import type { CardHolderDto, CardHoldersResponseDto } from '@agm/contracts';
import { ApiError, get } from './api';
import { ErrorAlert, Field } from './ui';

/** Each body's card holder, by body id ('' or absent: the body casts no card). */
export type CardHolderChoice = Record<string, string>;

/** The choice as the api takes it (`cardHolders` on POST /votes and on putTheQuestion's vote). */
export const cardHoldersOf = (choice: CardHolderChoice): CardHolderDto[] =>
  Object.entries(choice)
    .filter(([, memberId]) => memberId)
    .map(([bodyId, memberId]) => ({ bodyId, memberId }));

/**
 * Whom the chair may name as each body's card holder (`GET /votes/card-holders`: the bodies with a
 * member registered for the conference, and those members), prefilled from the conference's most
 * recent card vote, or from `fromVoteId` (a voided card vote being re-run). The choice is the caller's.
 */
export function useCardHolders(
  conferenceId: string,
  enabled: boolean,
  fromVoteId?: string,
): {
  list: CardHoldersResponseDto | null;
  error: string | null;
  choice: CardHolderChoice;
  setChoice: (choice: CardHolderChoice) => void;
} {
  const [list, setList] = useState<CardHoldersResponseDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<CardHolderChoice>({});
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setError(null);
    const query = fromVoteId ? `?voteId=${encodeURIComponent(fromVoteId)}` : '';
    get<CardHoldersResponseDto>(`/api/conferences/${conferenceId}/votes/card-holders${query}`).then(
      (answer) => {
        if (!current) return;
        setList(answer);
        setChoice(Object.fromEntries(answer.bodies.map((b) => [b.bodyId, b.holderMemberId ?? ''])));
      },
      (e: unknown) => current && setError(e instanceof ApiError ? e.describe() : String(e)),
    );
    return () => {
      current = false;
    };
  }, [conferenceId, enabled, fromVoteId]);
  return { list, error, choice, setChoice };
}

/**
 * The card holders' editor: one labelled picker per body, of that body's registered members, with the
 * card's weight in the label. Plain selects in a fieldset: keyboard-usable and one column at 360 px.
 */
export function CardHoldersEditor({
  list,
  error,
  choice,
  onChange,
  disabled,
  legend = 'Card holders',
  errorFor,
}: {
  list: CardHoldersResponseDto | null;
  error: string | null;
  choice: CardHolderChoice;
  onChange: (choice: CardHolderChoice) => void;
  disabled: boolean;
  legend?: string;
  /** The api's refusals by field (`cardHolders`, `cardHolders.<bodyId>`, `cardHolders.<memberId>`), shown at the body's picker. */
  errorFor?: (...paths: string[]) => string | undefined;
}) {
  const hintId = useId();
  const whole = errorFor?.('cardHolders');
  /** A body's refusal: keyed by the body, or by the member named for its card. */
  const problemOf = (bodyId: string) =>
    errorFor?.(`cardHolders.${bodyId}`, ...(choice[bodyId] ? [`cardHolders.${choice[bodyId]}`] : []));
  if (error) return <ErrorAlert error={`The card holders could not be loaded: ${error}`} />;
  if (!list) return <p className="muted">Loading the bodies and their registered members…</p>;
  const named = cardHoldersOf(choice);
  const weight = list.bodies.filter((b) => choice[b.bodyId]).reduce((sum, b) => sum + b.membershipCount, 0);
  return (
    <fieldset
      className="shrinks"
      data-testid="card-holders"
      disabled={disabled}
      aria-describedby={whole ? `${hintId} ${hintId}-error` : hintId}
    >
      <legend>{legend}</legend>
      <p className="hint" id={hintId}>
        Each body’s card counts as its membership and is cast by the member named here, on their own device.
        {list.fromVoteTitle ? ` Filled in from “${list.fromVoteTitle}”.` : ''} Only members registered for
        this conference are offered.
      </p>
      {whole && (
        <p className="field-error" id={`${hintId}-error`}>
          <span className="visually-hidden">Error: </span>
          {whole}
        </p>
      )}
      {list.bodies.length === 0 ? (
        <p className="muted">No body has a member registered for this conference.</p>
      ) : (
        list.bodies.map((body) => (
          <Field
            key={body.bodyId}
            label={`${body.name} (card of ${body.membershipCount})`}
            error={problemOf(body.bodyId)}
          >
            {(id, describedBy) => (
              <select
                id={id}
                aria-describedby={describedBy}
                aria-invalid={problemOf(body.bodyId) ? true : undefined}
                value={choice[body.bodyId] ?? ''}
                onChange={(e) => onChange({ ...choice, [body.bodyId]: e.target.value })}
              >
                <option value="">No card holder</option>
                {body.members.map((m) => (
                  <option key={m.memberId} value={m.memberId}>
                    {m.name} ({m.membershipNumber}){m.present ? '' : ' — not present'}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))
      )}
      <p role="status" data-testid="card-holders-summary">
        {named.length === 0
          ? 'No card holder named yet: a card vote needs at least one.'
          : `${named.length} ${named.length === 1 ? 'card' : 'cards'}, ${weight} members in all.`}
      </p>
    </fieldset>
  );
}
