import type { DebateFloorView } from '@agm/contracts';
import type { LiveState, LiveVote } from './live';
import { TextChanges } from './TextChanges';
import { formatSeconds, label, ROLE_LABEL, useSecondsLeft } from './ui';
import { SuspensionsInForce } from './chair/SuspensionsInForce';

export function QuorumFigure({ state, large }: { state: LiveState; large?: boolean }) {
  const q = state.quorum;
  if (!q) return <p>Quorum not known yet.</p>;
  return (
    <div className={large ? 'quorum large' : 'quorum'}>
      <p className="figure" data-testid="quorum-figure">
        <span className="number">{q.presentCounting}</span> present of{' '}
        <span className="number">{q.required}</span> needed
      </p>
      <p className={q.met ? 'badge ok' : 'badge warn'} data-testid="quorum-met">
        {q.met ? 'Quorate' : 'Not quorate'}
      </p>
      <QuorumParts parts={q.parts ?? []} met={q.met} large={large} />
      <p className="muted">
        In the hall {q.presentHall} · remote {q.presentRemote}
      </p>
    </div>
  );
}

/**
 * The quorum's parts in words (issue 19): which part is not met, so the chair knows what to wait for
 * ("1 branch represented, of 3 needed"). A quorum of one part that is met needs no more than the figure;
 * the projector shows only what is missing, on one line, so the result still fits the screen.
 */
function QuorumParts({ parts, met, large }: { parts: QuorumPartView[]; met: boolean; large?: boolean }) {
  if (parts.length === 0 || (met && (parts.length === 1 || large))) return null;
  if (large)
    return (
      <p className="muted" data-testid="quorum-parts">
        Not met: {parts.filter((part) => !part.met).map((part) => part.description).join('; ')}
      </p>
    );
  return (
    <ul className="quorum-parts" data-testid="quorum-parts">
      {parts.map((part) => (
        <li key={part.rule} className={part.met ? 'met' : 'unmet'}>
          {part.met ? 'Met' : 'Not met'}: {part.description}
        </li>
      ))}
    </ul>
  );
}
type QuorumPartView = NonNullable<LiveState['quorum']>['parts'][number];

type Speech = NonNullable<NonNullable<DebateFloorView['item']>['speech']>;

/** A time for a screen reader: in seconds under two minutes (a point's minute), else in whole minutes. */
function durationInWords(seconds: number): string {
  if (seconds < 120) return `${Math.ceil(seconds)} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/**
 * The warning as the speaker hears it: the ruleset's warning ("One minute left"), or a point's shorter
 * one ("30 seconds left"): the time left when the warning came, not always a minute.
 */
export function warningInWords(seconds: number): string {
  if (seconds % 60 !== 0) return `${seconds} seconds left`;
  return seconds === 60 ? 'One minute left' : `${seconds / 60} minutes left`;
}

/** The speech countdown, computed from the server's endsAt (so every screen shows the same time). */
export function SpeechTimer({
  speech,
  offsetMs,
  large,
}: {
  speech: Speech;
  offsetMs: number;
  large?: boolean;
}) {
  const frozen = speech.paused ? speech.limitSeconds - speech.elapsedSecondsBefore : undefined;
  const left = useSecondsLeft(speech.endsAt, offsetMs, frozen) ?? 0;
  const warningLeft = Math.ceil(
    (new Date(speech.endsAt).getTime() - new Date(speech.warningAt).getTime()) / 1000,
  );
  const phase = left <= 0 ? 'over' : left <= warningLeft ? 'warning' : 'running';
  return (
    <div className={`timer ${phase} ${large ? 'large' : ''}`}>
      {/* The ticking number is hidden from screen readers: announcing it every second is noise. */}
      <span className="time" aria-hidden="true" data-testid="speech-timer">
        {formatSeconds(left)}
      </span>
      <span className="visually-hidden">
        {speech.paused ? 'Paused, ' : ''}
        {durationInWords(Math.max(0, left))} or less left of {durationInWords(speech.limitSeconds)}
      </span>
      <span className="timer-note" role="status">
        {speech.paused
          ? 'Paused'
          : phase === 'over'
            ? 'Time is up'
            : phase === 'warning'
              ? warningInWords(warningLeft)
              : ''}
      </span>
    </div>
  );
}

/** The item before the meeting: title, text as amended, the amendment being debated, the speaker. */
export function FloorView({
  state,
  large,
  showText = true,
}: {
  state: LiveState;
  large?: boolean;
  showText?: boolean;
}) {
  const floor = state.floor;
  const item = floor?.item;
  if (!item) {
    const report = floor?.report;
    return (
      <div>
        {report ? (
          <div data-testid="floor-report">
            <p className="item-label">Report</p>
            <p className="item-title">{report.title}</p>
            {report.pending && (
              <p>
                {report.pending.name ?? 'A member'} moves to refer back section {report.pending.sectionKey} (
                {report.pending.sectionTitle}){report.pending.put ? ': the question has been put.' : '.'}
              </p>
            )}
            {report.referredBack.length > 0 && (
              <p>Referred back: {report.referredBack.map((s) => `section ${s.key} (${s.title})`).join(', ')}</p>
            )}
          </div>
        ) : (
          <p className="muted">No item is being debated.</p>
        )}
        <SuspensionsInForce state={state} />
        {floor?.lastConcluded && (
          <p data-testid="last-outcome">
            Last: <strong>{floor.lastConcluded.title}</strong> —{' '}
            {label(ITEM_OUTCOME_LABEL, floor.lastConcluded.outcome)}
          </p>
        )}
      </div>
    );
  }
  const speaker = item.speech ?? null;
  return (
    <div className={large ? 'floor large' : 'floor'}>
      <p className="item-label">{item.agendaLabel ?? 'Motion'}</p>
      <SuspensionsInForce state={state} />
      <p className="item-title" data-testid="item-title">
        {item.title}
      </p>
      {item.amendment && (
        <p className="amendment-note">
          Now debating: <strong>{item.amendment.title ?? 'an amendment'}</strong>
        </p>
      )}
      {showText && item.amendment ? (
        <AmendmentBeforeTheMeeting amendment={item.amendment} text={item.text} />
      ) : (
        showText &&
        item.text && (
          <div className="motion-text">
            {item.asAmended && <p className="badge info">As amended</p>}
            <p data-testid="motion-text">{item.text}</p>
          </div>
        )
      )}
      {item.parts && !item.amendment && <PartsOfTheMotion parts={item.parts} />}
      <div className="speaker" aria-live="polite">
        {speaker ? (
          <>
            <p>
              <span className="muted">{label(ROLE_LABEL, speaker.role)}:</span>{' '}
              <strong data-testid="speaker-name">{speaker.name ?? 'A member'}</strong>
            </p>
            <SpeechTimer speech={speaker} offsetMs={state.clockOffsetMs} large={large} />
          </>
        ) : item.call ? (
          <p>
            Called: <strong data-testid="called-name">{item.call.name ?? 'A member'}</strong> (
            {label(ROLE_LABEL, item.call.role)})
          </p>
        ) : item.questionPut ? (
          <p>
            <strong>
              The question has been put
              {item.questionPut.partId
                ? ` on ${item.parts?.find((p) => p.partId === item.questionPut?.partId)?.label ?? 'a part of the motion'}`
                : ''}
              .
            </strong>
          </p>
        ) : (
          <p className="muted">
            {item.stage.floorOpen
              ? 'The debate is open.'
              : item.stage.moved
                ? 'Moved.'
                : 'Waiting for the mover.'}
          </p>
        )}
        {item.procedural && (
          <p>
            Procedural motion: <strong>{label({}, item.procedural.kind)}</strong> moved by{' '}
            {item.procedural.name ?? 'a member'}
          </p>
        )}
      </div>
    </div>
  );
}

/** A motion taken in parts: each part the meeting votes on separately, with its result so far. */
function PartsOfTheMotion({ parts }: { parts: NonNullable<NonNullable<DebateFloorView['item']>['parts']> }) {
  return (
    <div data-testid="floor-parts">
      <p className="muted">Taken in parts, each put to a separate vote:</p>
      <ol className="plain">
        {parts.map((p) => (
          <li key={p.partId}>
            <strong>{p.label}</strong>: {p.outcome === 'carried' ? 'carried' : p.outcome === 'lost' ? 'lost' : 'to be voted on'}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * While an amendment is debated, what the meeting votes on: the amendment's own words, and the motion as
 * it would read if carried with the changes marked. Where its words no longer stand in the text (an
 * earlier amendment changed them) the motion is shown as it stands, and the chair reads the effect out.
 */
function AmendmentBeforeTheMeeting({
  amendment,
  text,
}: {
  amendment: NonNullable<NonNullable<DebateFloorView['item']>['amendment']>;
  text: string | null;
}) {
  return (
    <>
      {amendment.text && (
        <div className="amendment-wording">
          <p className="muted">The amendment:</p>
          <p className="motion-text" data-testid="amendment-text">
            {amendment.text}
          </p>
        </div>
      )}
      {text && amendment.wouldRead ? (
        <>
          <p>If the amendment is carried, the motion will read:</p>
          <TextChanges before={text} after={amendment.wouldRead} testId="would-read" />
        </>
      ) : (
        text && (
          <>
            <p>The motion as it stands:</p>
            <p className="motion-text" data-testid="motion-text">
              {text}
            </p>
          </>
        )
      )}
    </>
  );
}

const ITEM_OUTCOME_LABEL: Record<string, string> = {
  carried: 'Carried',
  carried_as_amended: 'Carried as amended',
  lost: 'Lost',
  remitted: 'Remitted',
  referred_back: 'Referred back',
  withdrawn: 'Withdrawn',
  fell: 'Fell',
  not_reached: 'Not reached',
};

export const OUTCOME_LABEL: Record<string, string> = {
  carried: 'Carried',
  lost: 'Lost',
  tied_falls: 'Tied — falls',
  tied_chair_casting_vote_needed: 'Tied — chair’s casting vote needed',
};

/**
 * A vote opened with an announced close time (`closesAt`): the time and a countdown to it on the server's
 * clock (as the speech timer), while it is open. The api closes it then and the result follows as at a
 * chair's close.
 */
export function VoteCloseCountdown({
  vote,
  offsetMs,
  timeZone,
  large,
}: {
  vote: LiveVote;
  offsetMs: number;
  timeZone?: string;
  large?: boolean;
}) {
  const open = vote.state === 'open' && !!vote.closesAt;
  const left = useSecondsLeft(open ? vote.closesAt : null, offsetMs);
  if (!open || left === null) return null;
  const at = new Date(vote.closesAt!).toLocaleTimeString('en-GB', {
    timeZone: timeZone || undefined,
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <p className={`vote-countdown ${large ? 'large' : ''}`} data-testid="vote-countdown">
      Voting closes at {at}
      {timeZone ? ` (${timeZone})` : ''}:{' '}
      {left > 0 ? (
        <>
          {/* The ticking number is hidden from screen readers, as the speech timer's is. */}
          <span className="time" aria-hidden="true">
            {formatSeconds(left)}
          </span>
          <span className="visually-hidden">{Math.ceil(left / 60)} minutes or less</span> left
        </>
      ) : (
        'closing now'
      )}
    </p>
  );
}

/** A test vote's result: how many devices answered of those who could (the answers decide nothing). */
function TestVoteResult({ vote, large }: { vote: LiveVote; large?: boolean }) {
  const { turnout } = vote.result!;
  return (
    <div className={large ? 'result large' : 'result'} data-testid="vote-result">
      <p className="outcome ok" data-testid="vote-outcome">
        {turnout.voted} of {turnout.eligible} devices answered
      </p>
      <p className="muted">
        A test vote: {turnout.percent.toFixed(1)}% answered. Each answer proves that device works and records
        its holder as attending; the answers decide nothing.
      </p>
    </div>
  );
}

/** A description as a sentence: one full stop at its end, whether or not the api's text has one. */
const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

export function VoteResult({ vote, large }: { vote: LiveVote; large?: boolean }) {
  const r = vote.result;
  if (!r) return null;
  if (vote.subject === 'test') return <TestVoteResult vote={vote} large={large} />;
  const rows: Array<[string, { for: number; against: number; abstain: number }]> = [['Total', r.totals]];
  if (
    r.channels.hall.for + r.channels.hall.against + r.channels.hall.abstain > 0 ||
    vote.method === 'hybrid' ||
    vote.method === 'show_of_cards'
  )
    rows.unshift(['Hall (tellers)', r.channels.hall]);
  if (vote.method !== 'show_of_cards' && vote.method !== 'card_vote')
    rows.unshift(['Electronic', r.channels.electronic]);
  if (vote.method === 'card_vote') rows.unshift(['Card vote', r.channels.card]);
  return (
    <div className={large ? 'result large' : 'result'} data-testid="vote-result">
      <p className={`outcome ${r.outcome === 'carried' ? 'ok' : 'warn'}`} data-testid="vote-outcome">
        {label(OUTCOME_LABEL, r.outcome)}
      </p>
      <table>
        <caption className="visually-hidden">Votes by channel</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">For</th>
            <th scope="col">Against</th>
            <th scope="col">Abstain</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, c]) => (
            <tr key={name} className={name === 'Total' ? 'total' : ''}>
              <th scope="row">{name}</th>
              <td>{c.for}</td>
              <td>{c.against}</td>
              <td>{c.abstain}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted threshold" data-testid="vote-threshold">
        {sentence(r.threshold.description)} {sentence(r.turnout.description)}
      </p>
      {r.unconfirmedHallCountReason && (
        <p className="alert warn" data-testid="unconfirmed-hall-count">
          The hall count was not confirmed by a second teller; the chair declared it:{' '}
          {r.unconfirmedHallCountReason}
        </p>
      )}
    </div>
  );
}

/** The procedural motions, as the chair's controls name them. */
export const PROCEDURAL = [
  ['next_business', 'Next business'],
  ['question_be_now_put', 'That the question be now put'],
  ['remit', 'Remit'],
  ['refer_back', 'Refer back'],
  ['suspend_standing_orders', 'Suspend standing orders'],
  ['challenge_chair', 'Challenge the chair’s ruling'],
] as const;

export const METHOD_LABEL: Record<string, string> = {
  electronic: 'Electronic',
  hybrid: 'Hybrid: hall cards and remote devices',
  show_of_cards: 'Show of cards',
  card_vote: 'Card vote',
};
