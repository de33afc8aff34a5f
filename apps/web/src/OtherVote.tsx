import { useEffect, useId, useState } from 'react';
import type { RulesetResponseDto, VoteOpenDto, VoteResponseDto } from '@agm/contracts';
import { get, post } from './api';
import { CardHoldersEditor, cardHoldersOf, useCardHolders } from './CardHolders';
import { useForm } from './forms';
import { topicLabel } from './Topics';
import { Done, ErrorAlert, InputField, SelectField } from './ui';
import { METHOD_LABEL } from './views';

/**
 * A vote on a question of the chair's own (`POST /votes`, subject `custom`): a card vote on the
 * conference fund, a procedural question, anything not the question put on the item. Its title, method,
 * secrecy and topics (which decide who may vote), and for a card vote each body's card holder. The api's
 * refusals are shown at their fields; once open, it is the console's current vote like any other, closed,
 * declared, voided and re-run there.
 */
export function OtherVote({
  conferenceId,
  currentVote,
  disabled,
}: {
  conferenceId: string;
  /** The console's current vote: the note that this form's vote is open lasts while it is. */
  currentVote?: { id: string; state: string };
  disabled: boolean;
}) {
  const form = useForm();
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [method, setMethod] = useState('hybrid');
  const [secret, setSecret] = useState(true);
  const [topics, setTopics] = useState<string[]>([]);
  const [known, setKnown] = useState<string[] | null>(null);
  const topicsId = useId();
  const cards = useCardHolders(conferenceId, method === 'card_vote');
  useEffect(() => {
    let current = true;
    get<RulesetResponseDto>(`/api/conferences/${conferenceId}/ruleset`).then(
      (answer) => current && setKnown(answer.ruleset.topics),
      () => current && setKnown([]),
    );
    return () => {
      current = false;
    };
  }, [conferenceId]);

  const open = () =>
    form.submit(
      async () => {
        const body: VoteOpenDto = {
          subject: 'custom',
          title: title.trim(),
          topics,
          method: method as VoteOpenDto['method'],
          secret,
          ...(method === 'card_vote' ? { cardHolders: cardHoldersOf(cards.choice) } : {}),
        };
        const vote = await post<VoteResponseDto>(`/api/conferences/${conferenceId}/votes`, body);
        // A fresh form for the next question; the vote itself is followed in the console's Vote panel.
        setOpenedId(vote.id);
        setTitle('');
        setMethod('hybrid');
        setSecret(true);
        setTopics([]);
        return vote;
      },
      (vote) => `The vote “${vote.title}” is open.`,
    );

  const topicsError = form.errorFor('topics');
  return (
    <section className="card" aria-labelledby="other-vote-heading" data-testid="other-vote">
      <h2 id="other-vote-heading">Other vote</h2>
      <p className="hint">
        A question of your own, not the question put on the item: a card vote on the conference fund, say. It
        opens at once and shows on every screen like any vote.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <InputField
          label="Question"
          hint="As it is shown to voters and on the projector."
          value={title}
          onChange={setTitle}
          maxLength={300}
          required
          error={form.errorFor('title')}
        />
        <SelectField
          label="Method of voting"
          value={method}
          options={METHOD_LABEL}
          onChange={setMethod}
          error={form.errorFor('method')}
        />
        <label className="inline">
          <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} /> Secret
          ballot
        </label>
        {known && known.length > 0 && (
          <fieldset
            className={topicsError ? 'invalid' : undefined}
            aria-describedby={topicsError ? `${topicsId}-error` : `${topicsId}-hint`}
          >
            <legend>Topics</legend>
            <p className="hint" id={`${topicsId}-hint`}>
              Tick a topic only if the question is on it: members of a category that may not vote on it are
              left out.
            </p>
            {topicsError && (
              <p className="field-error" id={`${topicsId}-error`}>
                <span className="visually-hidden">Error: </span>
                {topicsError}
              </p>
            )}
            {known.map((code) => (
              <label key={code} className="inline">
                <input
                  type="checkbox"
                  checked={topics.includes(code)}
                  onChange={(e) =>
                    setTopics(e.target.checked ? [...topics, code] : topics.filter((t) => t !== code))
                  }
                />{' '}
                {topicLabel(code)}
              </label>
            ))}
          </fieldset>
        )}
        {method === 'card_vote' && (
          <CardHoldersEditor
            legend="Card holders for this vote"
            list={cards.list}
            error={cards.error}
            choice={cards.choice}
            onChange={cards.setChoice}
            disabled={disabled || form.busy}
            errorFor={form.errorFor}
          />
        )}
        <ErrorAlert error={form.error} />
        <Done
          message={
            openedId && currentVote?.id === openedId && currentVote.state === 'open' ? form.done : null
          }
        />
        <button type="submit" disabled={disabled || form.busy || !title.trim()}>
          Open this vote
        </button>
      </form>
    </section>
  );
}
