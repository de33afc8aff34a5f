import { useEffect, useId, useState } from 'react';
import type { MotionResponseDto, RulesetResponseDto, VoteOpenDto, VoteResponseDto } from '@agm/contracts';
import { MAJORITIES, type Majority } from '@agm/domain/enums';
import { majorityInWords } from '@agm/domain/voting/majority-words';
import { get, post } from './api';
import { CardHoldersEditor, cardHoldersOf, useCardHolders } from './CardHolders';
import { closesAtOf, CloseTimeField, NO_CLOSE_TIME, type CloseTimeChoice } from './CloseTime';
import { useForm } from './forms';
import { useConference } from './session';
import { topicLabel } from './Topics';
import { Done, ErrorAlert, InputField, SelectField } from './ui';
import { METHOD_LABEL, PROCEDURAL } from './views';

/** What the vote is: each kind sends its own subject and asks only for the fields it needs. */
type OtherVoteKind = 'custom' | 'test' | 'procedural' | 'emergency';
const KINDS: Array<readonly [OtherVoteKind, string]> = [
  ['custom', 'A question of your own'],
  ['test', 'Test vote: checks devices and records attendance'],
  ['procedural', 'A procedural motion, outside an item'],
  ['emergency', 'Admitting an emergency motion (SO 7)'],
];
type ProceduralKind = (typeof PROCEDURAL)[number][0];
const PROCEDURAL_TITLE = Object.fromEntries(PROCEDURAL) as Record<ProceduralKind, string>;
const TEST_VOTE_TITLE = 'Test vote: check your device';
/** The question as first offered: the chair may change it; a question of their own starts empty. */
const defaultTitle = (
  kind: OtherVoteKind,
  procedural: ProceduralKind,
  emergency: MotionResponseDto | undefined,
) =>
  kind === 'test'
    ? TEST_VOTE_TITLE
    : kind === 'procedural'
      ? PROCEDURAL_TITLE[procedural]
      : kind === 'emergency' && emergency
        ? `To admit the emergency motion: ${emergency.title}`.slice(0, 300)
        : '';
/** [SO 7] The emergency motions the SOC accepted, awaiting the meeting's vote to admit them. */
const awaitingAdmission = (motions: MotionResponseDto[] | null) =>
  (motions ?? []).filter(
    (m) => m.kind === 'emergency_motion' && m.emergency?.stage === 'awaiting_meeting_vote',
  );

/**
 * A vote that is not the question put on the item (`POST /votes`): a question of the chair's own
 * (subject `custom`: a card vote on the conference fund, say), a **test vote** (subject `test`: every
 * registered attendee answers from their device, present or not, which proves it works and records them as
 * attending; electronic, secret, no topics, no quorum needed), or a procedural motion moved outside an
 * item (subject `procedural_motion`, or `challenge_to_chair` for a challenge, as the debate opens them;
 * its majority from the standing orders), or the meeting's vote on admitting an emergency motion the SOC
 * accepted (subject `emergency_admission`, naming the motion: its result admits or rules out the motion,
 * docs/motions.md). Each kind asks only for what it needs; any may announce a close
 * time (`closesAt`), when the vote closes by itself. The api's refusals are shown at their fields; once
 * open, it is the console's current vote like any other, closed, declared, voided and re-run there.
 */
export function OtherVote({
  conferenceId,
  currentVote,
  clockOffsetMs,
  motions,
  disabled,
}: {
  conferenceId: string;
  /** The motions the chair reads (`useMotions`): the emergency motions awaiting admission among them. */
  motions: MotionResponseDto[] | null;
  /** The console's current vote: the note that this form's vote is open lasts while it is. */
  currentVote?: { id: string; state: string };
  /** Server clock minus ours: an announced close time is on the hall's clock. */
  clockOffsetMs: number;
  disabled: boolean;
}) {
  const form = useForm();
  const zone = useConference(conferenceId)?.timeZone ?? '';
  const [openedId, setOpenedId] = useState<string | null>(null);
  const [kind, setKind] = useState<OtherVoteKind>('custom');
  const [procedural, setProcedural] = useState<ProceduralKind>('suspend_standing_orders');
  const [emergencyId, setEmergencyId] = useState('');
  const waiting = awaitingAdmission(motions);
  const emergency = waiting.find((m) => m.id === emergencyId) ?? waiting[0];
  // null: the question as offered for the kind (a test vote's, the procedural motion's name).
  const [title, setTitle] = useState<string | null>(null);
  const [method, setMethod] = useState('hybrid');
  const [secret, setSecret] = useState(true);
  const [topics, setTopics] = useState<string[]>([]);
  // null: the ruleset's majority for a custom question.
  const [majority, setMajority] = useState<Majority | null>(null);
  const [closeTime, setCloseTime] = useState<CloseTimeChoice>(NO_CLOSE_TIME);
  const [ruleset, setRuleset] = useState<RulesetResponseDto['ruleset'] | null>(null);
  const topicsId = useId();
  // A test vote is always electronic: it is there to prove each device works.
  const votingMethod = kind === 'test' ? 'electronic' : method;
  const cards = useCardHolders(conferenceId, votingMethod === 'card_vote');
  const known = ruleset ? ruleset.topics : null;
  const question = title ?? defaultTitle(kind, procedural, emergency);
  useEffect(() => {
    let current = true;
    get<RulesetResponseDto>(`/api/conferences/${conferenceId}/ruleset`).then(
      (answer) => current && setRuleset(answer.ruleset),
      () => current && setRuleset(null),
    );
    return () => {
      current = false;
    };
  }, [conferenceId]);

  const open = () =>
    form.submit(
      async () => {
        const closesAt = closesAtOf(closeTime, Date.now() + clockOffsetMs, zone);
        const common = { title: question.trim(), ...(closesAt ? { closesAt } : {}) };
        const cardHolders = votingMethod === 'card_vote' ? { cardHolders: cardHoldersOf(cards.choice) } : {};
        const method = votingMethod as VoteOpenDto['method'];
        const ballot = { method, secret, ...cardHolders };
        const body: VoteOpenDto =
          kind === 'test'
            ? { ...common, subject: 'test', topics: [], method, secret: true }
            : kind === 'procedural'
              ? {
                  ...common,
                  ...ballot,
                  subject: procedural === 'challenge_chair' ? 'challenge_to_chair' : 'procedural_motion',
                  proceduralMotion: procedural,
                  topics: [],
                }
              : kind === 'emergency'
                ? // The motion's topics, as on the motion's own vote: who may not vote on it does not decide it.
                  {
                    ...common,
                    ...ballot,
                    subject: 'emergency_admission',
                    subjectRef: emergency?.id,
                    topics: emergency?.topics ?? [],
                  }
                : { ...common, ...ballot, subject: 'custom', topics, ...(majority ? { majority } : {}) };
        const vote = await post<VoteResponseDto>(`/api/conferences/${conferenceId}/votes`, body);
        // A fresh form for the next question; the vote itself is followed in the console's Vote panel.
        setOpenedId(vote.id);
        setKind('custom');
        setTitle(null);
        setMethod('hybrid');
        setSecret(true);
        setTopics([]);
        setMajority(null);
        setCloseTime(NO_CLOSE_TIME);
        return vote;
      },
      (vote) => `The vote “${vote.title}” is open.`,
    );

  const topicsError = form.errorFor('topics');
  const sentenceCase = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
  const majorityHint = (majority: string | undefined) =>
    majority
      ? `${sentenceCase(majorityInWords(majority as Majority))} under this conference’s standing orders.`
      : undefined;
  return (
    <section className="card" aria-labelledby="other-vote-heading" data-testid="other-vote">
      <h2 id="other-vote-heading">Other vote</h2>
      <p className="hint">
        A vote that is not the question put on the item: a card vote on the conference fund, a test vote, a
        motion to suspend standing orders. It opens at once and shows on every screen like any vote.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void open();
        }}
      >
        <SelectField
          label="What is the vote?"
          value={kind}
          options={KINDS}
          onChange={(value) => setKind(value as OtherVoteKind)}
          error={form.errorFor('subject')}
        />
        {kind === 'test' && (
          <p className="hint" data-testid="test-vote-hint">
            Every registered attendee may answer from their device, present or not; any answer shows the
            device works and records them as attending. Electronic and secret; no quorum is needed.
          </p>
        )}
        {kind === 'procedural' && (
          <SelectField
            label="Procedural motion"
            hint={majorityHint(ruleset?.majorities.procedural[procedural])}
            value={procedural}
            options={[...PROCEDURAL]}
            onChange={(value) => setProcedural(value as ProceduralKind)}
            error={form.errorFor('proceduralMotion')}
          />
        )}
        {kind === 'emergency' &&
          (waiting.length > 0 ? (
            <SelectField
              label="Emergency motion"
              hint={majorityHint(ruleset?.majorities.emergency_admission)}
              value={emergency?.id ?? ''}
              options={waiting.map((m) => [m.id, m.title] as const)}
              onChange={setEmergencyId}
              error={form.errorFor('subjectRef')}
            />
          ) : (
            <p className="hint" data-testid="no-emergency-motion">
              No emergency motion is waiting for the meeting’s vote: the SOC accepts one first (SO 7).
            </p>
          ))}
        <InputField
          label="Question"
          hint="As it is shown to voters and on the projector."
          value={question}
          onChange={setTitle}
          maxLength={300}
          required
          error={form.errorFor('title')}
        />
        {kind !== 'test' && (
          <>
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
          </>
        )}
        {kind === 'custom' && (
          <SelectField
            label="Majority needed"
            hint="A custom question may need another majority than the standing orders’ default for one."
            value={majority ?? ruleset?.majorities.custom ?? 'simple'}
            options={MAJORITIES.map((m) => [m, sentenceCase(majorityInWords(m))] as const)}
            onChange={(value) => setMajority(value as Majority)}
            error={form.errorFor('majority')}
          />
        )}
        {kind === 'custom' && known && known.length > 0 && (
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
        {votingMethod === 'card_vote' && (
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
        <CloseTimeField
          value={closeTime}
          onChange={setCloseTime}
          zone={zone}
          error={form.errorFor('closesAt')}
          disabled={disabled || form.busy}
        />
        <ErrorAlert error={form.error} />
        <Done
          message={
            openedId && currentVote?.id === openedId && currentVote.state === 'open' ? form.done : null
          }
        />
        <button
          type="submit"
          disabled={disabled || form.busy || !question.trim() || (kind === 'emergency' && !emergency)}
        >
          Open this vote
        </button>
      </form>
    </section>
  );
}
