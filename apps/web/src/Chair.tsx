import { useEffect, useState } from 'react';
import type { DebateCommandResponseDto } from '@agm/contracts';
import { ApiError, post } from './api';
import { CardHoldersEditor, cardHoldersOf, useCardHolders } from './CardHolders';
import { AgendaView, useAgenda } from './Agenda';
import { DocumentLinks, minutesDocuments } from './Documents';
import { isCurrent, type LiveConference } from './live';
import { Done, ErrorAlert, Field, Frame, label, LiveSection, useAction, useLiveConference } from './ui';
import { SpeakerRoom } from './chair/SpeakerRoom';
import { FloorView, METHOD_LABEL, QuorumFigure, VoteCloseCountdown, VoteResult } from './views';
import { Amendments, Guillotine, ReasonCommand, rerunVote, useMotions } from './ChairControls';
import { ProjectorLinkCard } from './ProjectorLink';
import { OtherVote } from './OtherVote';
import { closesAtOf, CloseTimeField, NO_CLOSE_TIME, type CloseTimeChoice } from './CloseTime';
import { useConference } from './session';
import { AddSpeaker } from './chair/AddSpeaker';
import { QuestionPut } from './chair/QuestionPut';
import { PointRuling } from './chair/PointRuling';
import { whyNot, type ChairAction } from './chair/stages';
import { isPoint, Queue } from './chair/Queue';
import { Outcome, Procedural } from './chair/Outcome';
import { MotionParts } from './chair/MotionParts';
import { ReportBusiness } from './chair/ReportBusiness';
import { ReportsOnAgenda } from './reports/ReportsOnAgenda';
import { useReports } from './reports/useReports';
import { useQuestionVote } from './chair/useQuestionVote';

/** A chair command as sent on the socket (`debate.command`), less the item and version added to it. */
type CommandBody = Record<string, unknown>;

/** Keyboard shortcuts for the common actions (single keys, can be turned off: WCAG 2.1.4). */
const SHORTCUTS: Array<[string, string]> = [
  ['n', 'Call the suggested speaker (a point of order or request: hear it, its time started)'],
  ['s', 'Start the speech'],
  ['p', 'Pause or resume the speech'],
  ['e', 'End the speech'],
  ['q', 'Put the question (opens the vote)'],
  ['c', 'Close the vote'],
];

/** The chair's console: the item, the queue with the suggested speaker, timers, procedural motions and votes. */
export function Chair({ conferenceId }: { conferenceId: string }) {
  const { live, state } = useLiveConference(conferenceId);
  const timeZone = useConference(conferenceId)?.timeZone;
  const action = useAction();
  const [method, setMethod] = useState('hybrid');
  const [secret, setSecret] = useState(true);
  const [shortcutsOn, setShortcutsOn] = useState(true);
  const [questionClose, setQuestionClose] = useState<CloseTimeChoice>(NO_CLOSE_TIME);
  // Ticked by the chair when no vote is held: results are then recorded as declared on a show of hands.
  const [showOfHands, setShowOfHands] = useState(false);
  // The api's refusals of the last "Put the question", by field of its vote options (`vote.` dropped).
  const [questionErrors, setQuestionErrors] = useState<Record<string, string>>({});
  const questionErrorFor = (...paths: string[]) =>
    paths
      .map((p) => questionErrors[p])
      .filter(Boolean)
      .join('; ') || undefined;
  const item = state.floor?.item ?? null;
  const offline = !isCurrent(state);
  const vote = state.currentVoteId ? state.votes[state.currentVoteId] : undefined;
  const motions = useMotions(conferenceId, state.motionsRevision);
  // One read of the order of business for the list and the guillotine, so both follow the SOC's order.
  const agenda = useAgenda(conferenceId, state.motionsRevision);
  // A card vote names each body's card holder: for the question, and again for a voided card vote's re-run.
  const cards = useCardHolders(conferenceId, method === 'card_vote');
  const rerunCards = useCardHolders(
    conferenceId,
    vote?.state === 'voided' && vote.method === 'card_vote',
    vote?.state === 'voided' ? vote.id : undefined,
  );
  // Read when the question is put: a close time "in 5 minutes" counts from then, on the server's clock.
  const voteOptions = () => {
    const closesAt = closesAtOf(
      questionClose,
      Date.now() + state.clockOffsetMs,
      timeZone ?? '',
      'vote.closesAt',
    );
    return {
      method,
      secret,
      ...(closesAt ? { closesAt } : {}),
      ...(method === 'card_vote' ? { cardHolders: cardHoldersOf(cards.choice) } : {}),
    };
  };
  const putTheQuestion = (): CommandBody => ({ type: 'putTheQuestion', vote: voteOptions() });
  const questionVote = useQuestionVote(
    conferenceId,
    `${state.debateVersion}:${vote?.id ?? ''}:${vote?.state ?? ''}`,
    !!item?.questionPut || !!state.floor?.report?.pending?.put,
  );
  const report = state.floor?.report ?? null;
  const reports = useReports(conferenceId, `${state.motionsRevision}:${state.debateVersion}`);

  const command = (request: CommandBody | (() => CommandBody), message: string) =>
    action.run(async () => {
      const putting = typeof request === 'function' || request.type === 'putTheQuestion';
      if (putting) setQuestionErrors({});
      const answer = await Promise.resolve()
        .then(() => {
          // Made now (a close time is read here), so its own refusal is shown as the api's would be.
          const body = typeof request === 'function' ? request() : request;
          return live.send<DebateCommandResponseDto>('debate.command', {
            conferenceId,
            command: {
              // takeItem and the guillotine name their motions; every other chair command acts on the open item.
              ...(item && body.type !== 'takeItem' && body.type !== 'guillotine'
                ? { itemId: item.itemId }
                : {}),
              expectedSeq: state.debateVersion,
              ...body,
            },
          });
        })
        .catch((e: unknown) => {
          if (putting && e instanceof ApiError && e.errors)
            setQuestionErrors(
              Object.fromEntries(
                Object.entries(e.errors)
                  .filter(([path]) => path.startsWith('vote.'))
                  .map(([path, why]) => [path.slice('vote.'.length), why]),
              ),
            );
          throw e;
        });
      live.noteDebateVersion(answer.version);
      if (answer.voteError)
        throw new Error(`The question is put, but the vote did not open: ${answer.voteError.message}`);
      return answer;
    }, message);

  // "Open the vote" on the question already put, once whatever stopped it opening is fixed.
  const openQuestionVote = () =>
    item &&
    action.run(async () => {
      setQuestionErrors({});
      try {
        return await post(`/api/conferences/${conferenceId}/debate/question-vote`, {
          itemId: item.itemId,
          vote: voteOptions(),
        });
      } catch (e) {
        if (e instanceof ApiError && e.errors)
          setQuestionErrors(
            Object.fromEntries(
              Object.entries(e.errors)
                .filter(([path]) => path.startsWith('vote.'))
                .map(([path, why]) => [path.slice('vote.'.length), why]),
            ),
          );
        throw e;
      }
    }, 'The vote on the question is open.');
  // Only while no vote is held: with a vote, the result comes from its figures.
  const figures = () => (showOfHands && questionVote === null ? { showOfHands: true } : {});
  const stages = item ? whyNot(item, item.questionPut ? questionVote : null) : null;
  const why = (action2: ChairAction) => stages?.[action2] ?? null;

  const closeVote = () =>
    vote &&
    vote.state === 'open' &&
    action.run(() => post(`/api/conferences/${conferenceId}/votes/${vote.id}/close`), 'Vote closed.');
  const voidVote = (reason: string) =>
    vote &&
    action.run(
      () => post(`/api/conferences/${conferenceId}/votes/${vote.id}/void`, { reason }),
      'Vote voided. The reason is logged and shown to everyone.',
    );
  const rerun = () =>
    vote &&
    action.run(
      () =>
        rerunVote(
          conferenceId,
          vote,
          item ? { motionId: item.motionId, kind: item.kind } : undefined,
          vote.method === 'card_vote' ? cardHoldersOf(rerunCards.choice) : undefined,
        ),
      'The vote is open again.',
    );
  const speech = item?.speech;
  const suggestion = state.queue?.suggestion;
  /**
   * A call from the queue. A point of order or a request for information is heard at once: called with
   * its time started. The confirmation names the member when the chair did not pick them from a row (N).
   */
  const callFromQueue = (memberId: string, requestId: string, startNow = false, name?: string | null) =>
    command(
      { type: 'callSpeaker', memberId, requestId, ...(startNow ? { startNow } : {}) },
      name
        ? `Called ${name}${startNow ? '; their time has started' : ''}.`
        : startNow
          ? 'Called, and their time has started.'
          : 'Speaker called.',
    );

  const handlers: Record<string, () => unknown> = {
    n: () =>
      suggestion &&
      callFromQueue(suggestion.memberId, suggestion.requestId, isPoint(suggestion.role), suggestion.name),
    s: () => command({ type: 'startSpeech' }, 'Speech started.'),
    p: () =>
      speech &&
      command(
        { type: speech.paused ? 'resumeSpeech' : 'pauseSpeech' },
        speech.paused ? 'Speech resumed.' : 'Speech paused.',
      ),
    e: () => command({ type: 'endSpeech' }, 'Speech ended.'),
    q: () => command(putTheQuestion, 'The question is put and the vote is open.'),
    c: () => closeVote(),
  };
  useEffect(() => {
    if (!shortcutsOn) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (
        e.ctrlKey ||
        e.metaKey ||
        e.altKey ||
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
        target.isContentEditable
      )
        return;
      const key = e.key.toLowerCase();
      const handler = handlers[key];
      // C closes whatever vote is open, an Other vote too, with or without an item on the floor.
      if (handler && (item || key === 'c') && !offline) {
        e.preventDefault();
        void handler();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  /** A chair command's button: disabled, with the reason as its description, when the stage rules it out. */
  const button = (
    text: string,
    body: CommandBody | (() => CommandBody),
    message: string,
    shortcut?: string,
    stage?: ChairAction,
  ) => (
    <button
      type="button"
      disabled={action.busy || offline || !item || (stage !== undefined && why(stage) !== null)}
      title={stage ? (why(stage) ?? undefined) : undefined}
      onClick={() => void command(body, message)}
      aria-keyshortcuts={shortcutsOn ? shortcut?.toUpperCase() : undefined}
    >
      {text}
      {shortcut && shortcutsOn && <kbd aria-hidden="true">{shortcut.toUpperCase()}</kbd>}
    </button>
  );

  return (
    <Frame conferenceId={conferenceId} role="Chair’s console" state={state} wide>
      <ErrorAlert error={action.error} />
      <Done message={action.done} />
      <div className="grid chair">
        <div>
          {report && (
            <ReportBusiness
              report={report}
              questionVote={questionVote}
              disabled={action.busy || offline}
              onMove={(sectionKey, member) =>
                command(
                  { type: 'moveReferenceBack', reportId: report.reportId, sectionKey, member },
                  'The reference back is moved; it is voted without debate.',
                )
              }
              onPut={(voteMethod) =>
                void command(
                  {
                    type: 'putReferenceBack',
                    reportId: report.reportId,
                    vote: { method: voteMethod, secret: false },
                  },
                  'The reference back is put and its vote is open.',
                )
              }
              onResult={(result, hands) =>
                void command(
                  {
                    type: 'referenceBackOutcome',
                    reportId: report.reportId,
                    result,
                    ...(hands ? { showOfHands: true } : {}),
                  },
                  `Reference back ${result}.`,
                )
              }
              onReceive={() =>
                void command({ type: 'receiveReport', reportId: report.reportId }, 'The report is received.')
              }
            />
          )}
          <LiveSection state={state} title="The item">
            <FloorView state={state} />
            {item && <SpeakerRoom live={live} />}
            {item && (
              <>
                <h3>Moving and seconding</h3>
                <div className="button-row">
                  {button('Call the mover', { type: 'callMover' }, 'Mover called.', undefined, 'callMover')}
                  {button(
                    'Mover absent',
                    { type: 'markMoverAbsent' },
                    'Mover marked absent.',
                    undefined,
                    'markMoverAbsent',
                  )}
                  {button(
                    'Call the seconder',
                    { type: 'callSeconder' },
                    'Seconder called.',
                    undefined,
                    'callSeconder',
                  )}
                  {button(
                    'Formally seconded',
                    { type: 'formallySeconded' },
                    'Formally seconded.',
                    undefined,
                    'formallySeconded',
                  )}
                  {button(
                    'Open the floor',
                    { type: 'openFloor' },
                    'The floor is open.',
                    undefined,
                    'openFloor',
                  )}
                </div>
                <h3>Speech</h3>
                <div className="button-row">
                  {button('Start', { type: 'startSpeech' }, 'Speech started.', 's', 'startSpeech')}
                  {speech?.paused
                    ? button('Resume', { type: 'resumeSpeech' }, 'Speech resumed.', 'p', 'pauseSpeech')
                    : button('Pause', { type: 'pauseSpeech' }, 'Speech paused.', 'p', 'pauseSpeech')}
                  {button('End', { type: 'endSpeech' }, 'Speech ended.', 'e', 'endSpeech')}
                  {button(
                    'Right of reply',
                    { type: 'callRightOfReply' },
                    'Mover called for the right of reply.',
                    undefined,
                    'callRightOfReply',
                  )}
                </div>
                <PointRuling
                  speech={speech}
                  onRule={(ruling) =>
                    command(
                      { type: 'ruleOnPointOfOrder', ruling },
                      speech?.role === 'point_of_order'
                        ? 'Ruling recorded; the point is ended.'
                        : 'Ruling recorded.',
                    )
                  }
                  disabled={action.busy || offline}
                />
                <Amendments
                  state={state}
                  motions={motions}
                  disabled={action.busy || offline}
                  onMove={(amendmentId, moverMemberId, seconderMemberId) =>
                    void command(
                      {
                        type: 'moveToAmendment',
                        amendmentId,
                        ...(moverMemberId ? { moverMemberId } : {}),
                        ...(seconderMemberId ? { seconderMemberId } : {}),
                      },
                      'The amendment is moved; it is debated before the motion.',
                    )
                  }
                  moveWhyNot={why('moveToAmendment')}
                  onOutcome={(outcome) =>
                    void command({ type: 'amendmentOutcome', outcome, ...figures() }, `Amendment ${outcome}.`)
                  }
                  onBack={() =>
                    void command(
                      { type: 'backToSubstantive' },
                      'Back to the motion; the amendment is recorded as withdrawn.',
                    )
                  }
                />
                {!item.amendment && (
                  <MotionParts
                    item={item}
                    takeWhyNot={why('takeInParts')}
                    resultWhyNot={why('partOutcome')}
                    disabled={action.busy || offline}
                    onTake={(parts, restOperative) =>
                      command(
                        { type: 'takeInParts', parts, restOperative },
                        'The motion is taken in parts: put the question on each part in turn.',
                      )
                    }
                    onResult={(outcome) =>
                      void command({ type: 'partOutcome', outcome, ...figures() }, `The part is ${outcome}.`)
                    }
                  />
                )}
                <h3>
                  The question
                  {item.amendment
                    ? ' (on the amendment)'
                    : item.parts?.some((p) => p.outcome === null)
                      ? ` (on ${item.parts.find((p) => p.partId === item.questionPut?.partId)?.label ?? item.parts.find((p) => p.outcome === null)?.label})`
                      : ''}
                </h3>
                <div className="inline-form">
                  <Field label="Vote method">
                    {(id) => (
                      <select id={id} value={method} onChange={(e) => setMethod(e.target.value)}>
                        {Object.entries(METHOD_LABEL).map(([value, text]) => (
                          <option key={value} value={value}>
                            {text}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <label className="inline">
                    <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} />{' '}
                    Secret ballot
                  </label>
                </div>
                <CloseTimeField
                  label="Close time of the question’s vote"
                  value={questionClose}
                  onChange={setQuestionClose}
                  zone={timeZone ?? ''}
                  error={questionErrorFor('closesAt')}
                  disabled={action.busy || offline}
                />
                {method === 'card_vote' && (
                  <CardHoldersEditor
                    list={cards.list}
                    error={cards.error}
                    choice={cards.choice}
                    onChange={cards.setChoice}
                    disabled={action.busy || offline}
                    errorFor={questionErrorFor}
                  />
                )}
                <div className="button-row">
                  {button(
                    'Put the question',
                    putTheQuestion,
                    'The question is put and the vote is open.',
                    'q',
                    'putTheQuestion',
                  )}
                  {button(
                    'Put without a vote',
                    { type: 'putTheQuestion' },
                    'The question is put.',
                    undefined,
                    'putTheQuestion',
                  )}
                </div>
                {item.questionPut && (
                  <QuestionPut
                    vote={questionVote}
                    openWhyNot={why('openQuestionVote')}
                    withdrawWhyNot={why('withdrawQuestion')}
                    onOpen={() => void openQuestionVote()}
                    onWithdraw={(reason) =>
                      command(
                        { type: 'withdrawQuestion', reason },
                        'The question is withdrawn; the reason is in the minutes.',
                      )
                    }
                    showOfHands={showOfHands}
                    onShowOfHands={setShowOfHands}
                    disabled={action.busy || offline}
                  />
                )}
                <Outcome
                  onRecord={(outcome) =>
                    void command({ type: 'recordOutcome', outcome, ...figures() }, 'Outcome recorded.')
                  }
                  disabled={action.busy || offline || why('recordOutcome') !== null}
                  whyNot={why('recordOutcome')}
                />
                <Procedural
                  state={state}
                  onMove={(kind, memberId, suspension) =>
                    void command(
                      { type: 'moveProcedural', kind, memberId, ...(suspension ? { suspension } : {}) },
                      'Procedural motion moved.',
                    )
                  }
                  laterItems={
                    agenda && agenda !== 'none'
                      ? agenda.entries.filter(
                          (entry) => entry.status === 'placed' && entry.motionId !== item.itemId,
                        )
                      : []
                  }
                  onResult={(result) =>
                    void command(
                      // Voted at once, without putting the question: no figures but the chair's show of hands.
                      {
                        type: 'proceduralOutcome',
                        result,
                        ...(item.questionPut ? figures() : { showOfHands: true }),
                      },
                      `Procedural motion ${result}.`,
                    )
                  }
                  disabled={action.busy || offline}
                />
              </>
            )}
          </LiveSection>
        </div>
        <div>
          <Queue
            state={state}
            disabled={action.busy || offline}
            onCall={(memberId, requestId, startNow) => void callFromQueue(memberId, requestId, startNow)}
          >
            {item && (
              <AddSpeaker
                disabled={action.busy || offline}
                onAdd={(member, stance) =>
                  command({ type: 'addToQueue', member, stance }, `${member} is in the queue.`)
                }
              />
            )}
          </Queue>
          {vote && (
            <LiveSection state={state} title="Vote">
              <p className="vote-title">{vote.title}</p>
              <p className="muted">
                {label(METHOD_LABEL, vote.method)} · {vote.state}
              </p>
              {vote.state === 'open' && (
                <>
                  <p data-testid="chair-ballots">
                    {vote.ballotsCast} of {vote.electronicCount} electronic voters have voted; hall headcount{' '}
                    {vote.hallHeadcount}
                  </p>
                  <VoteCloseCountdown vote={vote} offsetMs={state.clockOffsetMs} timeZone={timeZone} />
                  <button
                    type="button"
                    className="primary"
                    disabled={action.busy || offline}
                    onClick={() => void closeVote()}
                    aria-keyshortcuts={shortcutsOn ? 'C' : undefined}
                  >
                    Close the vote {shortcutsOn && <kbd aria-hidden="true">C</kbd>}
                  </button>
                </>
              )}
              {vote.state === 'closed' && (
                <>
                  <p role="status">Closed: waiting for the tellers’ count, confirmed by a second teller.</p>
                  <ReasonCommand
                    summary="Declare on one teller’s count"
                    fieldLabel="Why no second teller confirms the count"
                    hint="Shown with the result and recorded in the minutes."
                    buttonText="Declare without confirmation"
                    maxLength={1000}
                    onSubmit={(reason) =>
                      action.run(
                        () =>
                          post(
                            `/api/conferences/${conferenceId}/votes/${vote.id}/teller-count/accept-unconfirmed`,
                            { reason },
                          ),
                        'Declared on the unconfirmed count; the reason is shown with the result.',
                      )
                    }
                    disabled={action.busy || offline}
                  />
                </>
              )}
              {vote.state === 'declared' && <VoteResult vote={vote} />}
              {(vote.state === 'open' || vote.state === 'closed') && (
                <ReasonCommand
                  summary="Void this vote"
                  fieldLabel="Why the vote is voided"
                  hint="Logged and shown to everyone. The vote can then be re-run."
                  buttonText="Void the vote"
                  maxLength={1000}
                  onSubmit={(reason) => voidVote(reason)}
                  disabled={action.busy || offline}
                />
              )}
              {vote.state === 'voided' && (
                <>
                  <p data-testid="void-reason">Voided: {vote.voidReason}</p>
                  {vote.method === 'card_vote' && (
                    <CardHoldersEditor
                      legend="Card holders for the re-run"
                      list={rerunCards.list}
                      error={rerunCards.error}
                      choice={rerunCards.choice}
                      onChange={rerunCards.setChoice}
                      disabled={action.busy || offline}
                    />
                  )}
                  <button type="button" disabled={action.busy || offline} onClick={() => void rerun()}>
                    Re-run the vote
                  </button>
                </>
              )}
            </LiveSection>
          )}
          <LiveSection state={state} title="Quorum">
            <QuorumFigure state={state} />
          </LiveSection>
          <OtherVote
            conferenceId={conferenceId}
            currentVote={vote}
            clockOffsetMs={state.clockOffsetMs}
            motions={motions}
            disabled={offline}
          />
          <Guillotine
            state={state}
            entries={agenda && agenda !== 'none' ? agenda.entries : null}
            disabled={action.busy || offline}
            onApply={(itemIds) =>
              command({ type: 'guillotine', itemIds }, `Recorded as not reached: ${itemIds.length}.`)
            }
          />
          {/* The order of business stays in view while an item is open: the chair takes the next one after. */}
          <AgendaView
            agenda={agenda}
            onPick={(motionId) => void command({ type: 'takeItem', motionId }, 'Item taken.')}
            pickLabel="Take item"
            pickWhyNot={
              item
                ? 'An item is open: record its outcome before taking the next.'
                : report
                  ? 'A report is being taken: receive it before taking the next item.'
                  : null
            }
          >
            <ReportsOnAgenda
              reports={reports}
              onTake={(reportId) => void command({ type: 'takeReport', reportId }, 'Report taken.')}
              takeWhyNot={
                item
                  ? 'An item is open: record its outcome before taking a report.'
                  : report
                    ? 'A report is being taken: receive it first.'
                    : null
              }
            />
          </AgendaView>
          <DocumentLinks title="Minutes" documents={minutesDocuments(conferenceId)} />
          <ProjectorLinkCard conferenceId={conferenceId} />
          <section className="card" aria-labelledby="shortcuts">
            <h2 id="shortcuts">Keyboard shortcuts</h2>
            <label className="inline">
              <input
                type="checkbox"
                checked={shortcutsOn}
                onChange={(e) => setShortcutsOn(e.target.checked)}
              />{' '}
              Single-key shortcuts on
            </label>
            <dl className="shortcuts">
              {SHORTCUTS.map(([key, text]) => (
                <div key={key}>
                  <dt>
                    <kbd>{key.toUpperCase()}</kbd>
                  </dt>
                  <dd>{text}</dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </Frame>
  );
}

export type { LiveConference };
