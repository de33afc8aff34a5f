import { useEffect, useRef, useState } from 'react';
import type {
  AmendmentCreateDto,
  AmendmentInstructionDto,
  BodyMemberDto,
  BodyResponseDto,
  DeadlineResponseDto,
  DeadlinesResponseDto,
  EmergencyAnswersDto,
  MotionAuditEntryDto,
  MotionCreateDto,
  MotionResponseDto,
  MotionUpdateDto,
  RulesetResponseDto,
  SubmissionAcknowledgementDto,
  SubmittedMotionKind,
} from '@agm/contracts';
import { ApiError, get, patch, post } from './api';
import { useMe } from './session';
import { topicLabel, TopicsFieldset } from './Topics';
import { Done, ErrorAlert, Field, Frame, InputField, useAction, useLiveConference } from './ui';

/** Words in a motion's text, title excluded, counted as the server does: runs of non-space characters. */
export const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
export const STATUS_LABEL: Record<string, string> = {
  draft: 'Draft',
  submitted: 'Submitted: with the SOC',
  admitted: 'Admitted',
  ruled_out_of_order: 'Ruled out of order',
  returned_for_editing: 'Returned for editing',
  composited: 'Composited',
  withdrawn: 'Withdrawn',
  placed: 'On the order of business',
  debated: 'In debate',
  carried: 'Carried',
  carried_as_amended: 'Carried as amended',
  lost: 'Lost',
  remitted: 'Remitted',
  referred_back: 'Referred back',
  fell: 'Fell',
  not_reached: 'Not reached',
};
/** Where an emergency motion is on the SO 7 route, in the body's words. */
const EMERGENCY_STAGE_LABEL: Record<string, string> = {
  awaiting_soc: 'Waiting for the SOC to decide whether it meets the SO 7 tests',
  awaiting_meeting_vote: 'Accepted by the SOC: the meeting votes on admitting it',
  admitted_by_meeting: 'Admitted by the meeting',
  refused_by_meeting: 'Refused by the meeting',
  rejected_by_soc: 'Rejected by the SOC',
};
/** [Napo SO 7] the three tests, each answered by the body (EmergencyAnswersDto). */
const SO7_TESTS: Array<[keyof EmergencyAnswersDto, string]> = [
  ['aroseAfterDeadline', 'How the issue arose after the motions deadline'],
  ['cannotBeDealtWithOtherwise', 'Why it cannot be dealt with any other way'],
  ['graveEnoughToRearrangeBusiness', 'Why it is grave enough to rearrange the business'],
];
/** The three SO 7 answers of an emergency motion, as drafted or edited; `errors` are the api's, by field. */
function So7AnswersFieldset(props: {
  answers: EmergencyAnswersDto;
  onChange(answers: EmergencyAnswersDto): void;
  errors?: Record<string, string>;
}) {
  const { answers, onChange, errors = {} } = props;
  return (
    <fieldset>
      <legend>The three SO 7 tests (all must be answered)</legend>
      {SO7_TESTS.map(([key, question]) => (
        <Field key={key} label={question} error={errors[`emergency.${key}`] ?? errors[key]}>
          {(id, describedBy) => (
            <textarea
              id={id}
              rows={3}
              aria-describedby={describedBy}
              value={answers[key]}
              onChange={(e) => onChange({ ...answers, [key]: e.target.value })}
              required
              maxLength={2000}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}
const KIND_LABEL: Record<string, string> = {
  motion: 'Motion',
  constitutional_amendment: 'Constitutional amendment',
  emergency_motion: 'Emergency motion (SO 7)',
};
/** The kind a body drafts, with the api's reason at `kind` (a deadline passed, not a constitutional year...). */
function KindField(props: {
  value: SubmittedMotionKind;
  onChange: (kind: SubmittedMotionKind) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <Field label="Kind" hint={props.hint} error={props.error}>
      {(id, describedBy) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as SubmittedMotionKind)}
        >
          {Object.entries(KIND_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
const NO_ANSWERS: EmergencyAnswersDto = {
  aroseAfterDeadline: '',
  cannotBeDealtWithOtherwise: '',
  graveEnoughToRearrangeBusiness: '',
};
/** Motions another body may still amend (docs/motions.md: not ruled out, withdrawn, composited or decided). */
const AMENDABLE = ['admitted', 'placed'];
/** Statuses the body may still withdraw from (before debate; in debate only the chair records it). */
const WITHDRAWABLE = ['draft', 'submitted', 'returned_for_editing', 'admitted', 'placed'];
/** Statuses the conference can already see: withdrawing one is announced to everyone. */
const PUBLIC = ['admitted', 'placed'];
const CATEGORY_LABEL: Record<string, string> = {
  full: 'full',
  professional_associate: 'professional associate',
};

/**
 * Runs a form's request and keeps the api's refusal: the message for the form's alert and its `errors`
 * map, so each field shows its own reason (as Setup does).
 */
function useFormAction() {
  const action = useAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async <T,>(fn: () => Promise<T>, doneMessage?: string) => {
    setErrors({});
    return action.run(async () => {
      try {
        return await fn();
      } catch (e) {
        if (e instanceof ApiError && e.errors) setErrors(e.errors);
        throw e;
      }
    }, doneMessage);
  };
  const clear = () => {
    setErrors({});
    action.setError(null);
  };
  return { ...action, errors, run, clear };
}

type Deadlines = DeadlinesResponseDto | null | 'unavailable';

/**
 * Branch secretaries and convenors: draft and submit their body's motions (with proposer and seconder),
 * emergency motions under SO 7 after the deadline, amendments to other bodies' motions, and follow each
 * one's status and the SOC's ruling.
 */
export function Secretary({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const me = useMe();
  const [motions, setMotions] = useState<MotionResponseDto[]>([]);
  const [deadlines, setDeadlines] = useState<Deadlines>(null);
  const [bodyNames, setBodyNames] = useState<Record<string, string>>({});
  const [ruleset, setRuleset] = useState<RulesetResponseDto['ruleset'] | null>(null);
  const base = `/api/conferences/${conferenceId}`;
  const reload = () => get<MotionResponseDto[]>(`${base}/motions`).then(setMotions, () => undefined);
  useEffect(() => {
    void reload();
  }, [conferenceId, state.motionsRevision]);
  useEffect(() => {
    get<DeadlinesResponseDto>(`${base}/deadlines`).then(setDeadlines, () => setDeadlines('unavailable'));
    get<RulesetResponseDto>(`${base}/ruleset`).then(
      (r) => setRuleset(r.ruleset),
      () => undefined,
    );
    get<BodyResponseDto[]>('/api/membership/bodies').then(
      (bodies) => setBodyNames(Object.fromEntries(bodies.map((b) => [b.id, b.name]))),
      () => undefined,
    );
  }, [conferenceId]);
  const bodies = me?.officerOf ?? [];
  const memberId = me?.memberId ?? null;
  // A body's motion, or a joint submission (no body) with this member as proposer or seconder.
  const ours = (m: MotionResponseDto) =>
    bodies.some((b) => m.submitterBodyIds.includes(b) || m.submittingBodyId === b) ||
    (memberId !== null &&
      m.submittingBodyId === null &&
      m.submitterBodyIds.length === 0 &&
      (m.proposerMemberId === memberId || m.seconderMemberId === memberId));
  const wordLimit = ruleset?.submission.wordLimit ?? 200;
  const jointCategories = ruleset?.submission.jointSubmissionCategories ?? [];
  const topics = ruleset?.topics ?? [];
  const mine = motions.filter((m) => m.kind !== 'amendment' && ours(m));
  const myAmendments = motions.filter((m) => m.kind === 'amendment' && ours(m));
  const amendable = motions.filter((m) => m.kind !== 'amendment' && AMENDABLE.includes(m.status) && !ours(m));
  const bodyName = (id: string | null | undefined) => (id && bodyNames[id]) || 'your body';
  return (
    <Frame conferenceId={conferenceId} role="Motions for my branch or body" state={state}>
      <Deadline deadlines={deadlines} offsetMs={state.clockOffsetMs} />
      <Draft
        conferenceId={conferenceId}
        base={base}
        bodies={bodies}
        bodyName={bodyName}
        memberId={memberId}
        jointCategories={jointCategories}
        topics={topics}
        limit={wordLimit}
        onSaved={() => void reload()}
      />
      <section className="card" aria-labelledby="my-motions">
        <h2 id="my-motions">Your motions ({mine.length})</h2>
        {mine.length === 0 && <p className="muted">None yet.</p>}
        {mine.map((m) => (
          <MotionCard
            key={m.id}
            base={base}
            motion={m}
            composite={m.compositeId ? motions.find((c) => c.id === m.compositeId) : undefined}
            deadlines={deadlines}
            offsetMs={state.clockOffsetMs}
            bodies={bodies}
            conferenceId={conferenceId}
            jointCategories={jointCategories}
            topics={topics}
            limit={wordLimit}
            amendments={motions.filter(
              (a) => a.kind === 'amendment' && a.parentMotionId === m.id && !ours(a),
            )}
            bodyName={bodyName}
            onChanged={() => void reload()}
          />
        ))}
      </section>
      <AmendmentForm
        base={base}
        bodies={bodies}
        bodyName={bodyName}
        motions={amendable}
        onSaved={() => void reload()}
      />
      <section className="card" aria-labelledby="my-amendments">
        <h2 id="my-amendments">Your amendments ({myAmendments.length})</h2>
        {myAmendments.length === 0 && <p className="muted">None yet.</p>}
        {myAmendments.map((a) => (
          <AmendmentCard key={a.id} amendment={a} parent={motions.find((m) => m.id === a.parentMotionId)} />
        ))}
      </section>
    </Frame>
  );
}

/** What is left of a deadline, from the server's instant (corrected by the server clock, when known). */
function timeLeft(deadline: DeadlineResponseDto, now: number): string | null {
  const left = new Date(deadline.at).getTime() - now;
  if (left <= 0) return null;
  const days = Math.floor(left / 86400000);
  const hours = Math.floor((left % 86400000) / 3600000);
  const minutes = Math.floor((left % 3600000) / 60000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return days > 0
    ? `${plural(days, 'day')} ${plural(hours, 'hour')}`
    : `${plural(hours, 'hour')} ${plural(minutes, 'minute')}`;
}

/** The motions, amendments and emergency deadlines, each in the conference's time zone with the time left. */
function Deadline({ deadlines, offsetMs }: { deadlines: Deadlines; offsetMs: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30000);
    return () => clearInterval(timer);
  }, []);
  if (deadlines === 'unavailable')
    return (
      <p className="card muted" data-testid="deadline">
        The deadlines are not available to you here; the submission is refused with the deadline named if it
        has passed.
      </p>
    );
  if (!deadlines?.motions)
    return (
      <p className="card muted" data-testid="deadline">
        The motions deadline has not been set yet.
      </p>
    );
  const rows: Array<[string, string, DeadlineResponseDto | null]> = [
    ['Motions', 'deadline', deadlines.motions],
    ['Amendments', 'deadline-amendments', deadlines.amendments],
    ['Emergency motions (SO 7)', 'deadline-emergency', deadlines.emergency],
  ];
  const motionsClosed = timeLeft(deadlines.motions, now + offsetMs) === null;
  return (
    <section className={`card ${motionsClosed ? 'closed' : ''}`} aria-labelledby="deadlines">
      <h2 id="deadlines">Deadlines ({deadlines.timeZone})</h2>
      <ul className="plain">
        {rows.map(([name, testId, deadline]) => {
          if (!deadline) return null;
          const left = timeLeft(deadline, now + offsetMs);
          return (
            <li key={name} data-testid={testId}>
              {name}: {deadline.text}: <strong>{left ? `${left} left` : 'closed'}</strong>
            </li>
          );
        })}
      </ul>
      {motionsClosed && (
        <p className="muted">
          Motions have closed. An issue that arose since can still come as an emergency motion under SO 7.
        </p>
      )}
    </section>
  );
}

/** The proposer and seconder, picked from the body's own members (GET /membership/bodies/:id/members). */
function useBodyMembers(bodyId: string): BodyMemberDto[] | 'unavailable' {
  const [members, setMembers] = useState<BodyMemberDto[] | 'unavailable'>([]);
  useEffect(() => {
    if (!bodyId) return;
    get<BodyMemberDto[]>(`/api/membership/bodies/${bodyId}/members`).then(setMembers, () =>
      setMembers('unavailable'),
    );
  }, [bodyId]);
  return members;
}

/** The proposer and seconder picked ('' for none yet), starting from the ones stored. */
function useMovers(stored: { proposerMemberId?: string | null; seconderMemberId?: string | null } = {}) {
  const [proposer, setProposer] = useState(stored.proposerMemberId ?? '');
  const [seconder, setSeconder] = useState(stored.seconderMemberId ?? '');
  return {
    proposer,
    seconder,
    setProposer,
    setSeconder,
    /**
     * The ones a request names: those picked that differ from the stored ones, so an edit sends only a
     * change and the api checks the member named now, not one who has since left the body.
     */
    named: () => ({
      ...(proposer && proposer !== stored.proposerMemberId ? { proposerMemberId: proposer } : {}),
      ...(seconder && seconder !== stored.seconderMemberId ? { seconderMemberId: seconder } : {}),
    }),
    reset: () => (setProposer(''), setSeconder('')),
  };
}

/**
 * The proposer and seconder, each picked from the body's members, with the api's refusal at its field
 * (a member not the body's, or one member as both). A member named before who is no longer among them
 * stays shown as such, not as "Not named yet", so saving does not send someone the form does not show.
 */
function MoverSelects(props: {
  members: BodyMemberDto[] | 'unavailable';
  movers: ReturnType<typeof useMovers>;
  errors: Record<string, string>;
  /** 'Amendment ' for an amendment's. */
  labelPrefix?: string;
}) {
  const { movers, labelPrefix: prefix = '' } = props;
  return (
    <>
      <MemberSelect
        label={prefix ? `${prefix}proposer` : 'Proposer'}
        members={props.members}
        value={movers.proposer}
        onChange={movers.setProposer}
        error={props.errors.proposerMemberId}
      />
      <MemberSelect
        label={prefix ? `${prefix}seconder` : 'Seconder'}
        members={props.members}
        value={movers.seconder}
        onChange={movers.setSeconder}
        error={props.errors.seconderMemberId}
      />
    </>
  );
}

function MemberSelect(props: {
  label: string;
  members: BodyMemberDto[] | 'unavailable';
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const members = props.members === 'unavailable' ? [] : props.members;
  const formerlyNamed = props.value !== '' && !members.some((m) => m.id === props.value);
  return (
    <Field
      label={props.label}
      error={props.error}
      hint={
        props.members === 'unavailable'
          ? "Your body's members could not be loaded; you can add them later."
          : undefined
      }
    >
      {(id, describedBy) => (
        <select
          id={id}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        >
          <option value="">Not named yet</option>
          {formerlyNamed && (
            <option value={props.value}>Named before, not one of the body's members now</option>
          )}
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.membershipNumber})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** "Submitting for": the body's name; a choice only for an officer of several bodies. */
function BodyChoice(props: {
  bodies: string[];
  value: string;
  bodyName: (id: string) => string;
  onChange: (value: string) => void;
}) {
  if (props.bodies.length < 2)
    return props.value ? <p>Submitting for {props.bodyName(props.value)}.</p> : null;
  return (
    <Field label="Submitting for">
      {(id) => (
        <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {props.bodies.map((b) => (
            <option key={b} value={b}>
              {props.bodyName(b)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The title and the text with its live word count against the limit, each showing the api's reason. */
function TitleAndText(props: {
  title: string;
  text: string;
  limit: number;
  errors: Record<string, string>;
  onTitle: (value: string) => void;
  onText: (value: string) => void;
  labelSuffix?: string;
}) {
  const words = wordCount(props.text);
  const { limit, errors } = props;
  return (
    <>
      <Field label={`Title${props.labelSuffix ?? ''}`} error={errors.title}>
        {(id, describedBy) => (
          <input
            id={id}
            name="title"
            value={props.title}
            aria-describedby={describedBy}
            aria-invalid={errors.title ? true : undefined}
            onChange={(e) => props.onTitle(e.target.value)}
            required
            maxLength={300}
          />
        )}
      </Field>
      <Field
        label={`Text${props.labelSuffix ?? ''}`}
        hint={`Up to ${limit} words, title excluded. A longer motion is not refused: the SOC edits it with you.`}
        error={errors.text}
      >
        {(id, describedBy) => (
          <>
            <textarea
              id={id}
              name="text"
              rows={8}
              aria-describedby={`${describedBy ?? ''} ${id}-count`.trim()}
              aria-invalid={errors.text ? true : undefined}
              value={props.text}
              onChange={(e) => props.onText(e.target.value)}
              required
              maxLength={20000}
            />
            <p
              id={`${id}-count`}
              className={words > limit ? 'alert warn' : 'muted'}
              data-testid="word-count"
              aria-live="polite"
            >
              {words} of {limit} words
              {words > limit ? ': over the limit, the SOC will ask you to shorten it' : ''}
            </p>
          </>
        )}
      </Field>
    </>
  );
}

/**
 * The other member of a joint motion, found by their membership number and surname together
 * (GET /membership/joint-partner: the register answers only someone who already knows both). The api's
 * refusals are shown at the field they name; a refusal of the draft about the partner at the number.
 */
function JointPartner(props: {
  conferenceId: string;
  categories: string[];
  value: BodyMemberDto | null;
  onChange: (value: BodyMemberDto | null) => void;
  refusal?: string;
  /** Editing a joint motion: the member found replaces the one named now; nobody found keeps them. */
  replacing?: boolean;
}) {
  const [number, setNumber] = useState('');
  const [surname, setSurname] = useState('');
  const { busy, error, run, errors } = useFormAction();
  const find = () =>
    void run(async () => {
      props.onChange(null);
      const query = new URLSearchParams({
        conferenceId: props.conferenceId,
        membershipNumber: number.trim(),
        surname: surname.trim(),
      });
      props.onChange(await get<BodyMemberDto>(`/api/membership/joint-partner?${query.toString()}`));
    });
  const numberError = errors.membershipNumber ?? props.refusal;
  const categories = props.categories.map((c) => CATEGORY_LABEL[c] ?? c).join(' or ');
  return (
    <fieldset>
      <legend>{props.replacing ? 'Change the other member' : 'The other member'}</legend>
      <p className="hint">
        {props.replacing
          ? `To name another ${categories} member in place of the one named now, give their membership number and surname as they are in the register; to keep them, leave this empty.`
          : `Any two ${categories} members may submit a motion jointly, for no body: you propose it and they second it. Give their membership number and surname as they are in the register.`}
      </p>
      <InputField
        label="Their membership number"
        value={number}
        onChange={(v) => (setNumber(v), props.onChange(null))}
        error={numberError}
        maxLength={40}
        autoComplete="off"
      />
      <InputField
        label="Their surname"
        value={surname}
        onChange={(v) => (setSurname(v), props.onChange(null))}
        error={errors.surname}
        maxLength={100}
        autoComplete="off"
      />
      <ErrorAlert error={error} />
      <button type="button" disabled={busy || !number.trim() || !surname.trim()} onClick={find}>
        Find the member
      </button>
      <p role="status" data-testid="joint-partner">
        {props.value
          ? `${props.replacing ? 'Saving names' : 'Submitting jointly with'} ${props.value.name} (${props.value.membershipNumber})${props.replacing ? ' as the other member' : ''}.`
          : ''}
      </p>
    </fieldset>
  );
}

function Draft({
  conferenceId,
  base,
  bodies,
  bodyName,
  memberId,
  jointCategories,
  topics: knownTopics,
  limit,
  onSaved,
}: {
  conferenceId: string;
  base: string;
  bodies: string[];
  bodyName: (id: string) => string;
  memberId: string | null;
  jointCategories: string[];
  /** The conference's topics (its ruleset's). */
  topics: string[];
  limit: number;
  onSaved: () => void;
}) {
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [kind, setKind] = useState<SubmittedMotionKind>('motion');
  const [bodyId, setBodyId] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const movers = useMovers();
  const [answers, setAnswers] = useState<EmergencyAnswersDto>(NO_ANSWERS);
  const [submitter, setSubmitter] = useState<'body' | 'joint'>('body');
  const [partner, setPartner] = useState<BodyMemberDto | null>(null);
  const { busy, error, done, run, setError, errors, clear } = useFormAction();
  const body = bodyId || bodies[0] || '';
  const members = useBodyMembers(body);
  const emergency = kind === 'emergency_motion';
  // [Napo] any two full or professional associate members jointly: offered to an officer with a membership.
  const jointAllowed = memberId !== null && jointCategories.length > 0;
  const joint = jointAllowed && submitter === 'joint';
  // The api names the partner field (`jointWithMemberId`) or, for a category it refuses, says "jointly".
  const partnerError =
    errors.jointWithMemberId ??
    errors.jointMembers ??
    (joint && error && /jointly|joint member|other member/i.test(error) ? error : undefined);
  return (
    <section className="card" aria-labelledby="new-motion">
      <h2 id="new-motion">New motion</h2>
      {bodies.length === 0 && (
        <p className="alert warn">You are not an officer of any body, so you cannot submit motions.</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (joint && !partner) {
            setError('Find the other member first: their membership number and surname.');
            return;
          }
          const draft: MotionCreateDto = joint
            ? {
                kind,
                jointWithMemberId: partner?.id,
                title: title.trim(),
                text,
                topics,
                ...(emergency ? { emergency: answers } : {}),
              }
            : {
                kind,
                bodyId: body,
                title: title.trim(),
                text,
                topics,
                ...movers.named(),
                ...(emergency ? { emergency: answers } : {}),
              };
          void run(async () => {
            await post<MotionResponseDto>(`${base}/motions`, draft);
            setTitle('');
            setText('');
            movers.reset();
            setPartner(null);
            setAnswers(NO_ANSWERS);
            onSaved();
          }, 'Draft saved. Submit it when it is ready.');
        }}
      >
        {jointAllowed && (
          <fieldset>
            <legend>Who submits it</legend>
            <label className="inline">
              <input
                type="radio"
                name="submitter"
                checked={submitter === 'body'}
                onChange={() => setSubmitter('body')}
              />{' '}
              {bodies.length === 1 ? bodyName(bodies[0]) : 'A body I am an officer of'}
            </label>
            <label className="inline">
              <input
                type="radio"
                name="submitter"
                checked={submitter === 'joint'}
                onChange={() => setSubmitter('joint')}
              />{' '}
              Two members jointly: me and another member
            </label>
          </fieldset>
        )}
        {!joint && <BodyChoice bodies={bodies} value={body} bodyName={bodyName} onChange={setBodyId} />}
        {joint && (
          <JointPartner
            conferenceId={conferenceId}
            categories={jointCategories}
            value={partner}
            onChange={(found) => (setPartner(found), found && clear())}
            refusal={partnerError}
          />
        )}
        <KindField value={kind} onChange={setKind} error={errors.kind} />
        <TitleAndText
          title={title}
          text={text}
          limit={limit}
          errors={errors}
          onTitle={setTitle}
          onText={setText}
        />
        {!joint && <MoverSelects members={members} movers={movers} errors={errors} />}
        {emergency && <So7AnswersFieldset answers={answers} onChange={setAnswers} errors={errors} />}
        <TopicsFieldset topics={knownTopics} value={topics} onChange={setTopics} error={errors.topics} />
        <ErrorAlert error={error} />
        <Done message={done} />
        <button type="submit" className="primary" disabled={busy || (!joint && !body)}>
          Save draft
        </button>
      </form>
    </section>
  );
}

function MotionCard({
  base,
  motion,
  composite,
  deadlines,
  offsetMs,
  bodies,
  conferenceId,
  jointCategories,
  topics,
  limit,
  amendments,
  bodyName,
  onChanged,
}: {
  base: string;
  motion: MotionResponseDto;
  composite?: MotionResponseDto;
  deadlines: Deadlines;
  offsetMs: number;
  bodies: string[];
  conferenceId: string;
  jointCategories: string[];
  topics: string[];
  limit: number;
  amendments: MotionResponseDto[];
  bodyName: (id: string | null) => string;
  onChanged: () => void;
}) {
  const { busy, error, done, run } = useAction();
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  // What the last edit or withdrawal did; a submission's note only while the motion is with the SOC.
  const [note, setNote] = useState<string | null>(null);
  // Closing the edit form or the withdrawal confirmation returns focus to the motion's heading.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const backToCard = () => setTimeout(() => headingRef.current?.focus(), 0);
  const editable = motion.status === 'draft' || motion.status === 'returned_for_editing';
  return (
    <article className="motion" aria-labelledby={`m-${motion.id}`} data-testid="motion-card">
      <h3 id={`m-${motion.id}`} tabIndex={-1} ref={headingRef}>
        {motion.agendaLabel ? `${motion.agendaLabel}: ` : ''}
        {motion.title}
      </h3>
      <p>
        {motion.kind !== 'motion' && (
          <span className="badge info">{KIND_LABEL[motion.kind] ?? motion.kind}</span>
        )}
        <span className={`status status-${motion.status}`} data-testid="motion-status">
          {STATUS_LABEL[motion.status] ?? motion.status}
        </span>{' '}
        · {motion.wordCount} words{motion.overWordLimit ? ' (over the limit)' : ''}
      </p>
      {motion.emergency?.stage && (
        <p data-testid="emergency-stage">
          SO 7: {EMERGENCY_STAGE_LABEL[motion.emergency.stage] ?? motion.emergency.stage}
          {motion.emergency.socReason ? `. SOC: ${motion.emergency.socReason}` : ''}
        </p>
      )}
      {motion.topics.length > 0 && (
        <p className="muted" data-testid="motion-topics">
          Topics: {motion.topics.map(topicLabel).join(', ')}
        </p>
      )}
      {motion.statusReason && <p className="reason">SOC: {motion.statusReason}</p>}
      {motion.submittingBodyId === null && motion.submitterBodyIds.length === 0 && (
        <p className="muted" data-testid="joint-submission">
          A joint submission by two members.
        </p>
      )}
      {motion.status === 'composited' && (
        <p data-testid="composited-into">
          {composite ? (
            <>
              Merged by the SOC into the composite{' '}
              <a href={`#m-${composite.id}`}>
                {composite.agendaLabel ? `${composite.agendaLabel}: ` : ''}
                {composite.title}
              </a>
              , which is debated in its place.
            </>
          ) : (
            'Merged by the SOC into a composite motion, which is debated in its place.'
          )}
        </p>
      )}
      <p className="motion-text">{motion.text}</p>
      {motion.emergency?.answers && Object.keys(motion.emergency.answers).length > 0 && (
        <details>
          <summary>
            Your SO 7 answers <span className="visually-hidden">for {motion.title}</span>
          </summary>
          <dl>
            {SO7_TESTS.map(([key, question]) => (
              <div key={key}>
                <dt>{question}</dt>
                <dd>{motion.emergency?.answers[key]}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {motion.amendedText && motion.amendedText !== motion.text && (
        <div className="motion-text">
          <p className="badge info">As amended</p>
          <p>{motion.amendedText}</p>
        </div>
      )}
      {editing && (
        <EditMotion
          base={base}
          motion={motion}
          deadlines={deadlines}
          offsetMs={offsetMs}
          bodies={bodies}
          conferenceId={conferenceId}
          jointCategories={jointCategories}
          topics={topics}
          limit={limit}
          onClose={() => (setEditing(false), backToCard())}
          onSaved={() => (setNote('Changes saved. Submit it again when it is ready.'), onChanged())}
        />
      )}
      {withdrawing && (
        <WithdrawMotion
          base={base}
          motion={motion}
          onClose={() => (setWithdrawing(false), backToCard())}
          onWithdrawn={() => (setNote('Withdrawn: it is off the conference’s business.'), onChanged())}
        />
      )}
      <ErrorAlert error={error} />
      <Done message={note ?? (motion.status === 'submitted' ? done : null)} />
      <div className="button-row">
        {editable && !editing && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              void run(
                async () => (
                  setNote(null),
                  await post<SubmissionAcknowledgementDto>(`${base}/motions/${motion.id}/submit`),
                  onChanged()
                ),
                motion.status === 'returned_for_editing'
                  ? 'Submitted to the SOC again.'
                  : 'Submitted to the SOC.',
              )
            }
          >
            {motion.status === 'returned_for_editing' ? 'Submit again' : 'Submit'}{' '}
            <span className="visually-hidden">{motion.title}</span>
          </button>
        )}
        {editable && !editing && (
          <button type="button" disabled={busy} onClick={() => (setEditing(true), setWithdrawing(false))}>
            Edit <span className="visually-hidden">{motion.title}</span>
          </button>
        )}
        {motion.kind !== 'composite' && WITHDRAWABLE.includes(motion.status) && !withdrawing && (
          <button type="button" disabled={busy} onClick={() => (setWithdrawing(true), setEditing(false))}>
            Withdraw <span className="visually-hidden">{motion.title}</span>
          </button>
        )}
      </div>
      {amendments.length > 0 && (
        <>
          <h4>Amendments to it ({amendments.length})</h4>
          {amendments.map((a) => (
            <AmendmentCard
              key={a.id}
              amendment={a}
              from={bodyName(a.submittingBodyId)}
              base={base}
              onChanged={onChanged}
            />
          ))}
        </>
      )}
    </article>
  );
}

/** The deadline a motion of this kind must meet, in the conference's zone, with the time left. */
function DeadlineNote({
  kind,
  deadlines,
  offsetMs,
}: {
  kind: string;
  deadlines: Deadlines;
  offsetMs: number;
}) {
  if (deadlines === 'unavailable' || !deadlines) return null;
  const emergency = kind === 'emergency_motion';
  const deadline = emergency ? deadlines.emergency : deadlines.motions;
  if (!deadline) return null;
  const left = timeLeft(deadline, Date.now() + offsetMs);
  return (
    <p data-testid="edit-deadline">
      {emergency ? 'Emergency motions (SO 7)' : 'Motions'} deadline: {deadline.text}:{' '}
      <strong>{left ? `${left} left to submit it again` : 'closed'}</strong>
    </p>
  );
}

/**
 * Editing a draft or a motion the SOC returned (PATCH /motions/:id): title, text with the word count, the
 * topics, a draft's kind (a returned motion keeps the kind the SOC reviewed), the proposer and seconder
 * or a joint motion's other member, an emergency motion's SO 7 answers; the SOC's reasons for returning
 * it shown while editing. Saving keeps it as it is (a draft, or returned) until it is submitted again.
 */
function EditMotion(props: {
  base: string;
  motion: MotionResponseDto;
  deadlines: Deadlines;
  offsetMs: number;
  bodies: string[];
  conferenceId: string;
  jointCategories: string[];
  topics: string[];
  limit: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { motion } = props;
  const [title, setTitle] = useState(motion.title);
  const [text, setText] = useState(motion.text);
  const [kind, setKind] = useState(motion.kind as SubmittedMotionKind);
  const [topics, setTopics] = useState(motion.topics);
  const movers = useMovers(motion);
  // A joint motion's other member: null keeps the one named now.
  const [partner, setPartner] = useState<BodyMemberDto | null>(null);
  const [answers, setAnswers] = useState<EmergencyAnswersDto>({
    ...NO_ANSWERS,
    ...motion.emergency?.answers,
  });
  const [returns, setReturns] = useState<Array<{ at: string; why: string }>>([]);
  const { busy, error, run, errors, clear } = useFormAction();
  // A joint submission's proposer and seconder are its two members; a body's come from its members.
  const body =
    motion.submittingBodyId && props.bodies.includes(motion.submittingBodyId) ? motion.submittingBodyId : '';
  const joint = motion.submittingBodyId === null && motion.submitterBodyIds.length === 0;
  const emergency = kind === 'emergency_motion';
  const members = useBodyMembers(body);
  const headingId = `edit-${motion.id}`;
  useEffect(() => {
    get<MotionAuditEntryDto[]>(`${props.base}/motions/${motion.id}/audit`).then(
      (entries) =>
        setReturns(
          entries
            .filter((e) => e.toStatus === 'returned_for_editing' && e.why)
            .map((e) => ({ at: e.at, why: e.why as string })),
        ),
      () => undefined,
    );
  }, [motion.id]);
  const reasons =
    returns.length > 0 ? returns : motion.statusReason ? [{ at: '', why: motion.statusReason }] : [];
  return (
    <section className="edit-motion" aria-labelledby={headingId} data-testid="edit-motion">
      <h4 id={headingId}>Edit “{motion.title}”</h4>
      <DeadlineNote kind={kind} deadlines={props.deadlines} offsetMs={props.offsetMs} />
      {motion.status === 'returned_for_editing' && reasons.length > 0 && (
        <div className="reason" data-testid="return-reasons">
          <p>
            <strong>The SOC returned it for editing:</strong>
          </p>
          <ul>
            {reasons.map((r, n) => (
              <li key={n}>
                {r.why}
                {r.at
                  ? ` (${new Date(r.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })})`
                  : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const changes: MotionUpdateDto = {
            title: title.trim(),
            text,
            topics,
            ...(kind !== motion.kind ? { kind } : {}),
            ...(body ? movers.named() : {}),
            ...(joint && partner ? { jointWithMemberId: partner.id } : {}),
            ...(emergency ? { emergency: answers } : {}),
          };
          void run(async () => {
            await patch<MotionResponseDto>(`${props.base}/motions/${motion.id}`, changes);
            props.onSaved();
            props.onClose();
          });
        }}
      >
        <TitleAndText
          title={title}
          text={text}
          limit={props.limit}
          errors={errors}
          onTitle={setTitle}
          onText={setText}
        />
        {motion.status === 'draft' ? (
          <KindField
            value={kind}
            onChange={setKind}
            error={errors.kind}
            hint="A draft can become another kind that could be submitted now: an emergency motion once motions have closed, with its SO 7 answers."
          />
        ) : (
          <p data-testid="edit-kind">
            Kind: {KIND_LABEL[motion.kind] ?? motion.kind}. The SOC reviewed it as this, so it stays one.
          </p>
        )}
        {body && <MoverSelects members={members} movers={movers} errors={errors} />}
        {joint && (
          <JointPartner
            conferenceId={props.conferenceId}
            categories={props.jointCategories}
            value={partner}
            onChange={(found) => (setPartner(found), found && clear())}
            refusal={errors.jointWithMemberId}
            replacing
          />
        )}
        {emergency && <So7AnswersFieldset answers={answers} onChange={setAnswers} errors={errors} />}
        {/* A topic the ruleset has dropped since stays offered, so it can be unticked. */}
        <TopicsFieldset
          topics={[...new Set([...props.topics, ...motion.topics])]}
          value={topics}
          onChange={setTopics}
          error={errors.topics}
        />
        <ErrorAlert error={error} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            Save changes
          </button>
          <button type="button" disabled={busy} onClick={props.onClose}>
            Cancel editing
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * Withdrawing a motion (POST /motions/:id/withdraw) after a confirmation saying what it means, with the
 * optional reason the api records.
 */
function WithdrawMotion(props: {
  base: string;
  motion: MotionResponseDto;
  onClose: () => void;
  onWithdrawn: () => void;
}) {
  const { motion } = props;
  const [reason, setReason] = useState('');
  const { busy, error, run, errors } = useFormAction();
  const headingId = `withdraw-${motion.id}`;
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <section className="confirm" aria-labelledby={headingId} data-testid="withdraw-confirm">
      <h4 id={headingId} tabIndex={-1} ref={confirmRef}>
        Withdraw “{motion.title}”?
      </h4>
      <p>
        Withdrawing takes the motion off the conference's business for good: it cannot be submitted again,
        edited or debated, and its amendments go with it.{' '}
        {PUBLIC.includes(motion.status)
          ? 'The conference can already see it, so everyone is told it was withdrawn.'
          : motion.status === 'draft'
            ? 'Nobody outside your body has seen it yet.'
            : 'The SOC is told it was withdrawn.'}{' '}
        It no longer counts against your body's limit, so another motion can be submitted before the deadline.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await post<MotionResponseDto>(`${props.base}/motions/${motion.id}/withdraw`, {
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            });
            props.onWithdrawn();
            props.onClose();
          });
        }}
      >
        <Field
          label="Reason (optional)"
          hint="Recorded with the withdrawal and shown to the SOC."
          error={errors.reason}
        >
          {(id, describedBy) => (
            <textarea
              id={id}
              rows={2}
              aria-describedby={describedBy}
              aria-invalid={errors.reason ? true : undefined}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={2000}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>
            Yes, withdraw it
          </button>
          <button type="button" disabled={busy} onClick={props.onClose}>
            Keep it
          </button>
        </div>
      </form>
    </section>
  );
}

/** How an amendment reads: its instructions, or its replacement text. */
function describeInstruction(i: AmendmentInstructionDto): string {
  if (i.op === 'delete') return `Delete “${i.text ?? ''}”`;
  if (i.op === 'replace') return `Replace “${i.from ?? ''}” with “${i.to ?? ''}”`;
  return i.after ? `Insert “${i.text ?? ''}” after “${i.after}”` : `Add “${i.text ?? ''}” at the end`;
}

const RULING_LABEL: Record<string, string> = {
  admissible: 'Ruled admissible',
  inadmissible: 'Ruled inadmissible',
};

/**
 * One amendment: its instructions, the motion as it would read (the api's `amendedText`), its status, the
 * SOC's ruling and reason. On the amended motion's own card the body can accept it (the AGM still votes).
 */
function AmendmentCard(props: {
  amendment: MotionResponseDto;
  parent?: MotionResponseDto;
  from?: string;
  base?: string;
  onChanged?: () => void;
}) {
  const { amendment: a } = props;
  const { busy, error, done, run } = useAction();
  const details = a.amendment;
  const instructions = (details?.instructions ?? []) as AmendmentInstructionDto[];
  return (
    <article className="motion" aria-labelledby={`a-${a.id}`} data-testid="amendment-card">
      <h3 id={`a-${a.id}`}>
        {props.from ? `Amendment from ${props.from}` : `Amendment to ${props.parent?.title ?? 'a motion'}`}
      </h3>
      <p>
        <span className={`status status-${a.status}`} data-testid="amendment-status">
          {STATUS_LABEL[a.status] ?? a.status}
        </span>
        {details?.ruling && (
          <>
            {' '}
            · <strong data-testid="amendment-ruling">{RULING_LABEL[details.ruling] ?? details.ruling}</strong>
          </>
        )}
        {details?.acceptedByMover && ' · accepted by the mover'}
      </p>
      {(details?.rulingReason ?? a.statusReason) && (
        <p className="reason" data-testid="amendment-reason">
          SOC: {details?.rulingReason ?? a.statusReason}
        </p>
      )}
      {instructions.length > 0 ? (
        <ul className="plain">
          {instructions.map((i, n) => (
            <li key={n}>{describeInstruction(i)}</li>
          ))}
        </ul>
      ) : (
        details?.replacement && <p>Replace the whole text.</p>
      )}
      {details?.advisories.map((advice) => (
        <p key={advice} className="alert warn">
          {advice}
        </p>
      ))}
      {details?.looksLikeDirectNegative && (
        <p className="alert warn">
          It looks like a direct negative of the motion, which the SOC may rule out.
        </p>
      )}
      {a.amendedText && (
        <div className="motion-text">
          <p className="badge info">The motion as amended would read</p>
          <p data-testid="as-amended">{a.amendedText}</p>
        </div>
      )}
      <ErrorAlert error={error} />
      <Done message={done} />
      {props.base && !details?.acceptedByMover && ['submitted', 'admitted'].includes(a.status) && (
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(
              async () => (
                await post<MotionResponseDto>(`${props.base}/amendments/${a.id}/accept`),
                props.onChanged?.()
              ),
              'Accepted: the AGM still votes on it.',
            )
          }
        >
          Accept this amendment <span className="visually-hidden">from {props.from}</span>
        </button>
      )}
    </article>
  );
}

const BLANK_INSTRUCTION: AmendmentInstructionDto = { op: 'delete', text: '' };

/** One delete / insert / replace instruction, its fields named for what they do. */
function InstructionFields(props: {
  n: number;
  value: AmendmentInstructionDto;
  onChange: (value: AmendmentInstructionDto) => void;
  onRemove?: () => void;
}) {
  const { value: i, n } = props;
  const set = (change: Partial<AmendmentInstructionDto>) => props.onChange({ ...i, ...change });
  const input = (labelText: string, key: 'text' | 'after' | 'from' | 'to', required = true) => (
    <Field label={`${labelText} (instruction ${n})`}>
      {(id) => (
        <input
          id={id}
          value={i[key] ?? ''}
          onChange={(e) => set({ [key]: e.target.value })}
          required={required}
          maxLength={5000}
        />
      )}
    </Field>
  );
  return (
    <fieldset>
      <legend>Instruction {n}</legend>
      <Field label={`Action (instruction ${n})`}>
        {(id) => (
          <select
            id={id}
            value={i.op}
            onChange={(e) => props.onChange({ op: e.target.value as AmendmentInstructionDto['op'] })}
          >
            <option value="delete">Delete words</option>
            <option value="insert">Insert words</option>
            <option value="replace">Replace words</option>
          </select>
        )}
      </Field>
      {i.op === 'delete' && input('Words to delete', 'text')}
      {i.op === 'insert' && input('Words to insert', 'text')}
      {i.op === 'insert' && input('After the words (empty: at the end)', 'after', false)}
      {i.op === 'replace' && input('Words to replace', 'from')}
      {i.op === 'replace' && input('Replace them with', 'to')}
      {props.onRemove && (
        <button type="button" onClick={props.onRemove}>
          Remove instruction {n}
        </button>
      )}
    </fieldset>
  );
}

/** An amendment to another body's admitted motion: delete / insert / replace instructions, or a new text. */
function AmendmentForm(props: {
  base: string;
  bodies: string[];
  bodyName: (id: string) => string;
  motions: MotionResponseDto[];
  onSaved: () => void;
}) {
  const [motionId, setMotionId] = useState('');
  const [bodyId, setBodyId] = useState('');
  const [mode, setMode] = useState<'instructions' | 'replacement'>('instructions');
  const [instructions, setInstructions] = useState<AmendmentInstructionDto[]>([BLANK_INSTRUCTION]);
  const [replacement, setReplacement] = useState('');
  const [result, setResult] = useState<MotionResponseDto | null>(null);
  const { busy, error, done, run, errors } = useFormAction();
  const body = bodyId || props.bodies[0] || '';
  const target = props.motions.find((m) => m.id === motionId) ?? props.motions[0];
  const members = useBodyMembers(body);
  const movers = useMovers();
  return (
    <section className="card" aria-labelledby="amend">
      <h2 id="amend">Amend a motion</h2>
      {props.motions.length === 0 ? (
        <p className="muted">No admitted motion of another body to amend yet.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const amendment: AmendmentCreateDto = {
              bodyId: body,
              ...(mode === 'instructions' ? { instructions: instructions.map(clean) } : { replacement }),
              ...movers.named(),
            };
            void run(async () => {
              const made = await post<MotionResponseDto>(
                `${props.base}/motions/${target.id}/amendments`,
                amendment,
              );
              setResult(made);
              setInstructions([BLANK_INSTRUCTION]);
              setReplacement('');
              props.onSaved();
            }, 'Amendment submitted to the SOC.');
          }}
        >
          <BodyChoice bodies={props.bodies} value={body} bodyName={props.bodyName} onChange={setBodyId} />
          <Field label="Motion to amend">
            {(id) => (
              <select id={id} value={target.id} onChange={(e) => setMotionId(e.target.value)}>
                {props.motions.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.agendaLabel ? `${m.agendaLabel}: ` : ''}
                    {m.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="motion-text">
            <p className="muted">
              It reads{target.amendedText && target.amendedText !== target.text ? ' (as amended)' : ''}:
            </p>
            <p data-testid="amend-target-text">{target.amendedText ?? target.text}</p>
          </div>
          <fieldset>
            <legend>How the amendment is given</legend>
            <label className="inline">
              <input
                type="radio"
                name="amendment-mode"
                checked={mode === 'instructions'}
                onChange={() => setMode('instructions')}
              />{' '}
              Delete, insert or replace words
            </label>
            <label className="inline">
              <input
                type="radio"
                name="amendment-mode"
                checked={mode === 'replacement'}
                onChange={() => setMode('replacement')}
              />{' '}
              A full replacement text
            </label>
          </fieldset>
          {mode === 'instructions' ? (
            <>
              {instructions.map((i, n) => (
                <InstructionFields
                  key={n}
                  n={n + 1}
                  value={i}
                  onChange={(value) => setInstructions(instructions.map((old, k) => (k === n ? value : old)))}
                  onRemove={
                    instructions.length > 1
                      ? () => setInstructions(instructions.filter((_, k) => k !== n))
                      : undefined
                  }
                />
              ))}
              <div className="button-row">
                <button type="button" onClick={() => setInstructions([...instructions, BLANK_INSTRUCTION])}>
                  Add an instruction
                </button>
              </div>
            </>
          ) : (
            <Field
              label="Replacement text"
              hint="It must keep some of the original wording and not be a direct negative."
            >
              {(id, hint) => (
                <textarea
                  id={id}
                  rows={6}
                  aria-describedby={hint}
                  value={replacement}
                  onChange={(e) => setReplacement(e.target.value)}
                  required
                  maxLength={20000}
                />
              )}
            </Field>
          )}
          <MoverSelects members={members} movers={movers} errors={errors} labelPrefix="Amendment " />
          <ErrorAlert error={error} />
          <Done message={done} />
          <button type="submit" className="primary" disabled={busy || !body}>
            Submit the amendment
          </button>
        </form>
      )}
      {result?.amendedText && (
        <div className="motion-text" data-testid="amendment-result">
          <p className="badge info">With your amendment the motion would read</p>
          <p>{result.amendedText}</p>
        </div>
      )}
    </section>
  );
}

/** Only the fields the instruction's action uses; an empty "after" means at the end. */
function clean(i: AmendmentInstructionDto): AmendmentInstructionDto {
  if (i.op === 'delete') return { op: 'delete', text: i.text ?? '' };
  if (i.op === 'replace') return { op: 'replace', from: i.from ?? '', to: i.to ?? '' };
  return { op: 'insert', text: i.text ?? '', ...(i.after ? { after: i.after } : {}) };
}
