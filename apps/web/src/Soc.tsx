import { useEffect, useRef, useState, type ReactNode } from 'react';
import type {
  AgendaEntryDto,
  AgendaMoveDto,
  AgendaResponseDto,
  AmendmentRulingDto,
  CompositeCreateDto,
  EmergencyDecisionDto,
  EmergencySlotDto,
  MotionResponseDto,
  MotionReviewDto,
  PriorityBallotTallyDto,
  ReviewAction,
  SectionResponseDto,
} from '@agm/contracts';
import { get, post } from './api';
import { DocumentLinks, motionDocuments } from './Documents';
import { STATUS_LABEL } from './Secretary';
import { useConference } from './session';
import { Done, ErrorAlert, Field, Frame, useAction, useLiveConference } from './ui';

/** Kinds that go on the order of business when it is published (docs/motions.md). */
const AGENDA_KINDS = ['motion', 'constitutional_amendment', 'composite'];
const EMERGENCY_STAGE: Record<string, string> = {
  awaiting_soc: 'waiting for the SOC',
  awaiting_meeting_vote: 'accepted by the SOC; the meeting votes on admitting it',
  admitted_by_meeting: 'admitted by the meeting',
  refused_by_meeting: 'refused by the meeting',
  rejected_by_soc: 'rejected by the SOC',
};

/**
 * The Standing Orders Committee: the review queue, amendment and emergency-motion rulings with reasons,
 * compositing, the order of business (publish, move motions between sections, reorder by hand, slot
 * emergency motions), the priority ballot's count and the documents.
 */
export function Soc({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const [motions, setMotions] = useState<MotionResponseDto[]>([]);
  const [sections, setSections] = useState<SectionResponseDto[]>([]);
  const [agenda, setAgenda] = useState<AgendaResponseDto | null>(null);
  const [revision, setRevision] = useState(0);
  const publish = useAction();
  const base = `/api/conferences/${conferenceId}`;
  const changed = () => setRevision((r) => r + 1);
  useEffect(() => {
    get<MotionResponseDto[]>(`${base}/motions`).then(setMotions, () => undefined);
    get<AgendaResponseDto>(`${base}/agenda`).then(setAgenda, () => undefined);
  }, [conferenceId, state.motionsRevision, revision]);
  useEffect(() => {
    get<SectionResponseDto[]>(`${base}/sections`).then(setSections, () => undefined);
  }, [conferenceId]);
  const title = (id: string | null) => motions.find((m) => m.id === id)?.title ?? 'a motion';
  const waiting = motions.filter((m) => m.status === 'submitted' && AGENDA_KINDS.includes(m.kind));
  const amendments = motions.filter(
    (m) => m.kind === 'amendment' && !m.amendment?.ruling && ['submitted', 'admitted'].includes(m.status),
  );
  const emergencies = motions.filter(
    (m) => m.kind === 'emergency_motion' && ['submitted', 'admitted'].includes(m.status) && !m.agendaLabel,
  );
  const compositable = motions.filter(
    (m) => AGENDA_KINDS.includes(m.kind) && ['submitted', 'admitted'].includes(m.status),
  );
  const others = motions.filter((m) => m.status !== 'submitted' && m.status !== 'draft');
  const published = Boolean(agenda?.publishedAt);
  const startsOn = useConference(conferenceId)?.startsOn;
  return (
    <Frame conferenceId={conferenceId} role="Standing Orders Committee" state={state} wide>
      <div className="grid two">
        <div>
          <Queue title="To review" count={waiting.length}>
            {waiting.map((m) => (
              <Review key={m.id} base={base} motion={m} onDone={changed} />
            ))}
          </Queue>
          <Queue title="Amendments to rule on" count={amendments.length}>
            {amendments.map((m) => (
              <AmendmentRuling
                key={m.id}
                base={base}
                amendment={m}
                parentTitle={title(m.parentMotionId)}
                onDone={changed}
              />
            ))}
          </Queue>
          <Queue title="Emergency motions" count={emergencies.length}>
            {emergencies.map((m) => (
              <Emergency
                key={m.id}
                base={base}
                motion={m}
                agenda={published ? agenda : null}
                onDone={changed}
              />
            ))}
          </Queue>
          <Composite base={base} motions={compositable} sections={sections} onDone={changed} />
        </div>
        <div>
          {!published && (
            <section className="card" aria-labelledby="publish">
              <h2 id="publish">Order of business (not yet published)</h2>
              {startsOn && (
                <PlannedOrder
                  base={base}
                  motions={motions}
                  sections={sections}
                  year={Number(startsOn.slice(0, 4))}
                  onDone={changed}
                />
              )}
              <ErrorAlert error={publish.error} />
              <Done message={publish.done} />
              <button
                type="button"
                className="primary"
                disabled={publish.busy}
                onClick={() =>
                  void publish.run(
                    async () => (await post<AgendaResponseDto>(`${base}/agenda/publish`), changed()),
                    'The order of business is published.',
                  )
                }
              >
                Publish the order of business
              </button>
            </section>
          )}
          {published && agenda && (
            <ArrangeAgenda base={base} agenda={agenda} sections={sections} onChanged={setAgenda} />
          )}
          <PriorityTally base={base} revision={state.motionsRevision + revision} />
          <DocumentLinks title="Documents" documents={motionDocuments(conferenceId)} />
          <section className="card" aria-labelledby="ruled">
            <h2 id="ruled">Ruled on ({others.length})</h2>
            <ul className="plain">
              {others.map((m) => (
                <li key={m.id}>
                  <strong>{m.title}</strong> — {STATUS_LABEL[m.status] ?? m.status}
                  {m.statusReason ? `: ${m.statusReason}` : ''}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </Frame>
  );
}

function Queue({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const id = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        {title} ({count})
      </h2>
      {count === 0 ? <p className="muted">Nothing waiting.</p> : children}
    </section>
  );
}

/** As the api publishes (`rotateSections` in libs/domain): alphabetical, rotated one place a year. */
const SECTION_COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base' });
function rotatedSections(sections: SectionResponseDto[], year: number): SectionResponseDto[] {
  const sorted = [...sections].sort((a, b) => SECTION_COLLATOR.compare(a.name, b.name));
  const start = sorted.length ? ((year % sorted.length) + sorted.length) % sorted.length : 0;
  return [...sorted.slice(start), ...sorted.slice(0, start)];
}

/**
 * What publishing will place, section by section in the order it will use; within a section the
 * members' priority ballot decides (cast on their screens until publication), else submission order.
 * A motion with no section stops publication, so it is named here first.
 */
function PlannedOrder(props: {
  base: string;
  motions: MotionResponseDto[];
  sections: SectionResponseDto[];
  year: number;
  onDone: () => void;
}) {
  const admitted = props.motions.filter((m) => m.status === 'admitted' && AGENDA_KINDS.includes(m.kind));
  const homeless = admitted.filter((m) => !props.sections.some((s) => s.id === m.sectionId));
  const bySection = rotatedSections(props.sections, props.year)
    .map((s) => ({ section: s, motions: admitted.filter((m) => m.sectionId === s.id) }))
    .filter((group) => group.motions.length > 0);
  return (
    <>
      <p>
        Publishing numbers the admitted motions “Motion 1…N” and places them for debate, once. Sections come
        in alphabetical order rotated by the conference’s year ({props.year}), as below; within a section the
        members’ priority ballot (open on their screens until publication) decides, otherwise the order of
        submission. Emergency motions are slotted in afterwards.
      </p>
      {admitted.length === 0 && <p className="muted">No admitted motions yet.</p>}
      {bySection.length > 0 && (
        <ol className="plain" data-testid="planned-order">
          {bySection.map(({ section, motions: inSection }) => (
            <li key={section.id}>
              <strong>{section.name}</strong>: {inSection.map((m) => m.title).join('; ')}
            </li>
          ))}
        </ol>
      )}
      {admitted.length > 0 && props.sections.length > 1 && (
        <details>
          <summary>Move a motion to another section</summary>
          <ul className="plain">
            {admitted.map((m) => (
              <li key={m.id}>
                <SectionPicker
                  base={props.base}
                  motionId={m.id}
                  title={m.title}
                  sectionId={m.sectionId}
                  sections={props.sections}
                  onMoved={props.onDone}
                />
              </li>
            ))}
          </ul>
        </details>
      )}
      {homeless.length > 0 && (
        <p className="alert warn">
          Not in a section, so publishing will be refused: {homeless.map((m) => `“${m.title}”`).join(', ')}.
          Return it to its body to choose a section, or composite it into a motion that has one.
        </p>
      )}
    </>
  );
}

/**
 * A section picker for one motion: the choice takes effect on the button, not on the select (WCAG 3.2.2).
 * `extra` adds what the move needs once published (the reason and the order as loaded).
 */
function SectionPicker(props: {
  base: string;
  motionId: string;
  title: string;
  sectionId: string | null;
  sections: SectionResponseDto[];
  extra?: () => Partial<AgendaMoveDto>;
  onMoved: (agenda: AgendaResponseDto, sectionName: string) => void;
}) {
  const [target, setTarget] = useState(props.sectionId ?? '');
  const { busy, error, run } = useAction();
  const select = useRef<HTMLSelectElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    setTarget(props.sectionId ?? '');
    // The button is disabled once the motion is in the chosen section: keep focus on this motion's picker.
    if (moved.current) select.current?.focus();
    moved.current = false;
  }, [props.sectionId]);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const body: AgendaMoveDto = { motionId: props.motionId, toSectionId: target, ...props.extra?.() };
          const agenda = await post<AgendaResponseDto>(`${props.base}/agenda/move`, body);
          moved.current = true;
          props.onMoved(agenda, props.sections.find((s) => s.id === target)?.name ?? 'the section');
        });
      }}
    >
      <Field label={`Section of “${props.title}”`}>
        {(id) => (
          <select id={id} ref={select} value={target} onChange={(e) => setTarget(e.target.value)}>
            {!props.sectionId && <option value="">No section</option>}
            {props.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="small" disabled={busy || !target || target === props.sectionId}>
        Move <span className="visually-hidden">“{props.title}”</span> to this section
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}

/**
 * The published order of business, arranged by hand: move up / move down (labelled with the item's
 * title; focus stays on the moved item; the move is announced in a live region) and a section picker per
 * item. A change needs a reason (recorded, shown to the conference); items already taken keep their
 * places. The order as loaded goes with each move, so a stale screen is refused (409) and reloaded.
 */
function ArrangeAgenda(props: {
  base: string;
  agenda: AgendaResponseDto;
  sections: SectionResponseDto[];
  onChanged: (agenda: AgendaResponseDto) => void;
}) {
  const entries = props.agenda.entries;
  const [reason, setReason] = useState('');
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const { error, run, setError } = useAction();
  const busy = useRef(false);
  const focusNext = useRef<{ motionId: string; direction: 'up' | 'down' } | null>(null);
  const movable = (i: number) => entries[i]?.status === 'placed';
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const at = entries.findIndex((e) => e.motionId === target.motionId);
    // Keep focus on the moved item: the same button, or the other one when it reached an end.
    const canUp = at > 0 && movable(at - 1);
    const canDown = at < entries.length - 1 && movable(at + 1);
    const which = target.direction === 'up' ? (canUp ? 'up' : 'down') : canDown ? 'down' : 'up';
    document.getElementById(`move-${which}-${target.motionId}`)?.focus();
  }, [props.agenda]);
  const place = (agenda: AgendaResponseDto, motionId: string) =>
    agenda.entries.findIndex((e) => e.motionId === motionId) + 1;
  const move = (entry: AgendaEntryDto, direction: 'up' | 'down') => {
    if (busy.current) return;
    busy.current = true;
    const at = entries.indexOf(entry);
    const body: AgendaMoveDto = {
      motionId: entry.motionId,
      toPosition: direction === 'up' ? at - 1 : at + 1,
      reason: reason.trim() || undefined,
      expectedOrder: entries.map((e) => e.motionId),
    };
    setAnnouncement(null);
    void run(async () => {
      const agenda = await post<AgendaResponseDto>(`${props.base}/agenda/move`, body);
      focusNext.current = { motionId: entry.motionId, direction };
      props.onChanged(agenda);
      setAnnouncement(
        `${entry.label} “${entry.title}” moved ${direction} to place ${place(agenda, entry.motionId)} of ${agenda.entries.length}.`,
      );
    }).finally(() => (busy.current = false));
  };
  return (
    <section className="card" aria-labelledby="arrange-heading">
      <h2 id="arrange-heading">Order of business</h2>
      <p>
        Published. Move items up or down, or to another section; items already taken keep their places.
        Every change is recorded with its reason and shows at once on the chair’s and members’ screens.
      </p>
      <Field
        label="Reason for the change"
        hint="Required; recorded in the motion’s history and sent to the conference with the change."
      >
        {(id, hint) => (
          <textarea
            id={id}
            rows={2}
            aria-describedby={hint}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      <Done message={announcement} />
      <ol className="agenda arrange" data-testid="agenda">
        {entries.map((entry, i) => (
          <li key={entry.motionId} data-testid="agenda-item">
            <span className="agenda-label">{entry.label}</span> {entry.title}
            {entry.section && <span className="muted"> — {entry.section}</span>}
            {entry.status !== 'placed' ? (
              <span className="muted"> (taken: {STATUS_LABEL[entry.status] ?? entry.status})</span>
            ) : (
              <div className="button-row">
                <button
                  type="button"
                  className="small"
                  id={`move-up-${entry.motionId}`}
                  disabled={i === 0 || !movable(i - 1)}
                  onClick={() => move(entry, 'up')}
                >
                  Move up <span className="visually-hidden">“{entry.title}”</span>
                </button>
                <button
                  type="button"
                  className="small"
                  id={`move-down-${entry.motionId}`}
                  disabled={i === entries.length - 1 || !movable(i + 1)}
                  onClick={() => move(entry, 'down')}
                >
                  Move down <span className="visually-hidden">“{entry.title}”</span>
                </button>
                <SectionPicker
                  base={props.base}
                  motionId={entry.motionId}
                  title={entry.title}
                  sectionId={entry.sectionId}
                  sections={props.sections}
                  extra={() => ({ reason: reason.trim() || undefined, expectedOrder: entries.map((e) => e.motionId) })}
                  onMoved={(agenda, sectionName) => {
                    setError(null);
                    props.onChanged(agenda);
                    setAnnouncement(
                      `${entry.label} “${entry.title}” moved to ${sectionName}, place ${place(agenda, entry.motionId)} of ${agenda.entries.length}.`,
                    );
                  }}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** [Napo] The priority ballot's count: members' picks per motion, the most picked first in each section. */
function PriorityTally({ base, revision }: { base: string; revision: number }) {
  const [tally, setTally] = useState<PriorityBallotTallyDto | null>(null);
  useEffect(() => {
    get<PriorityBallotTallyDto>(`${base}/priority-ballot/tally`).then(setTally, () => setTally(null));
  }, [base, revision]);
  if (!tally) return null;
  return (
    <section className="card" aria-labelledby="tally-heading" data-testid="priority-tally">
      <h2 id="tally-heading">Priority ballot</h2>
      <p>
        {tally.ballots} {tally.ballots === 1 ? 'ballot' : 'ballots'} cast
        {tally.open ? '; open to members until the order of business is published.' : '; closed at publication.'}
      </p>
      {tally.sections.map((section) => (
        <div key={section.section}>
          <h3>{section.section}</h3>
          <ol className="plain">
            {section.motions.map((m) => (
              <li key={m.motionId}>
                {m.title}: {m.picks} {m.picks === 1 ? 'pick' : 'picks'}
              </li>
            ))}
          </ol>
          {section.automatic && <p className="muted">One motion in this section: taken automatically.</p>}
        </div>
      ))}
    </section>
  );
}

/** A ruling with a reason: the choices as radio buttons, the reason, and the one submit button. */
function RulingForm<T extends string>(props: {
  name: string;
  legend: string;
  choices: Array<[T, string]>;
  reasonHint: string;
  submit: (choice: T, reason: string | undefined) => Promise<unknown>;
  children?: ReactNode;
}) {
  const [choice, setChoice] = useState<T>(props.choices[0][0]);
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => props.submit(choice, reason.trim() || undefined));
      }}
    >
      <fieldset>
        <legend>{props.legend}</legend>
        {props.choices.map(([value, text]) => (
          <label key={value} className="inline">
            <input
              type="radio"
              name={props.name}
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />{' '}
            {text}
          </label>
        ))}
      </fieldset>
      {props.children}
      <Field label="Reason (shown to the body)" hint={props.reasonHint}>
        {(id, hint) => (
          <textarea
            id={id}
            rows={2}
            aria-describedby={hint}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      <button type="submit" className="primary" disabled={busy}>
        Record the ruling
      </button>
    </form>
  );
}

function MotionCard(props: { motion: MotionResponseDto; testId: string; children: ReactNode }) {
  const { motion } = props;
  return (
    <article className="motion" aria-labelledby={`r-${motion.id}`} data-testid={props.testId}>
      <h3 id={`r-${motion.id}`}>{motion.title}</h3>
      <p className="muted">
        {motion.wordCount} of {motion.wordLimit} words
        {motion.overWordLimit ? ' — over the limit: edit with the proposer' : ''} · topics:{' '}
        {motion.topics.join(', ') || 'none'}
      </p>
      {props.children}
    </article>
  );
}

function Review({ base, motion, onDone }: { base: string; motion: MotionResponseDto; onDone: () => void }) {
  return (
    <MotionCard motion={motion} testId="review-card">
      <p className="motion-text">{motion.text}</p>
      <RulingForm<ReviewAction>
        name={`action-${motion.id}`}
        legend={`Ruling on “${motion.title}”`}
        choices={[
          ['admit', 'Admit'],
          ['rule_out_of_order', 'Rule out of order'],
          ['return_for_editing', 'Return for editing'],
        ]}
        reasonHint="Required when ruling out of order or returning."
        submit={async (action, reason) => {
          const body: MotionReviewDto = { action, reason };
          await post(`${base}/motions/${motion.id}/review`, body);
          onDone();
        }}
      />
    </MotionCard>
  );
}

function AmendmentRuling(props: {
  base: string;
  amendment: MotionResponseDto;
  parentTitle: string;
  onDone: () => void;
}) {
  const { amendment } = props;
  const advisories = amendment.amendment?.advisories ?? [];
  return (
    <MotionCard motion={amendment} testId="amendment-card">
      <p>
        Amends <strong>{props.parentTitle}</strong>. The motion would read:
      </p>
      <p className="motion-text">{amendment.amendedText ?? amendment.text}</p>
      {amendment.amendment?.looksLikeDirectNegative && (
        <p className="alert warn">This looks like a direct negative of the motion.</p>
      )}
      {advisories.length > 0 && (
        <ul>
          {advisories.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      <RulingForm<'admissible' | 'inadmissible'>
        name={`ruling-${amendment.id}`}
        legend={`Is the amendment “${amendment.title}” admissible?`}
        choices={[
          ['admissible', 'Admissible'],
          ['inadmissible', 'Inadmissible'],
        ]}
        reasonHint="Required when ruling it inadmissible."
        submit={async (choice, reason) => {
          const body: AmendmentRulingDto = { admissible: choice === 'admissible', reason };
          await post(`${props.base}/amendments/${amendment.id}/ruling`, body);
          props.onDone();
        }}
      />
    </MotionCard>
  );
}

/** [SO 7] The SOC accepts an emergency motion for the meeting's vote or rejects it; once admitted, it is slotted. */
function Emergency(props: {
  base: string;
  motion: MotionResponseDto;
  agenda: AgendaResponseDto | null;
  onDone: () => void;
}) {
  const { motion } = props;
  const stage = motion.emergency?.stage ?? null;
  const answers = motion.emergency?.answers ?? {};
  return (
    <MotionCard motion={motion} testId="emergency-card">
      <p>
        <strong>Stage:</strong> {(stage && EMERGENCY_STAGE[stage]) ?? stage ?? 'unknown'} ·{' '}
        {STATUS_LABEL[motion.status] ?? motion.status}
      </p>
      <p className="motion-text">{motion.text}</p>
      <dl>
        {[
          ['aroseAfterDeadline', 'Why it arose after the deadline'],
          ['cannotBeDealtWithOtherwise', 'Why it cannot be dealt with otherwise'],
          ['graveEnoughToRearrangeBusiness', 'Why it is grave enough to rearrange business'],
        ].map(([key, text]) => (
          <div key={key}>
            <dt>{text}</dt>
            <dd>{answers[key] ?? '—'}</dd>
          </div>
        ))}
      </dl>
      {stage === 'awaiting_soc' && (
        <RulingForm<'accept' | 'reject'>
          name={`emergency-${motion.id}`}
          legend={`Decision on the emergency motion “${motion.title}”`}
          choices={[
            ['accept', 'Accept: the meeting votes on admitting it'],
            ['reject', 'Reject (rules it out of order)'],
          ]}
          reasonHint="Required when rejecting."
          submit={async (choice, reason) => {
            const body: EmergencyDecisionDto = { accept: choice === 'accept', reason };
            await post(`${props.base}/motions/${motion.id}/emergency-decision`, body);
            props.onDone();
          }}
        />
      )}
      {motion.status === 'admitted' && (
        <EmergencySlot base={props.base} motion={motion} agenda={props.agenda} onDone={props.onDone} />
      )}
    </MotionCard>
  );
}

function EmergencySlot(props: {
  base: string;
  motion: MotionResponseDto;
  agenda: AgendaResponseDto | null;
  onDone: () => void;
}) {
  const entries = props.agenda?.entries ?? [];
  const [position, setPosition] = useState(entries.length);
  const { busy, error, run } = useAction();
  if (!props.agenda) return <p className="muted">Publish the order of business to slot it in.</p>;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const body: EmergencySlotDto = { motionId: props.motion.id, position };
          await post(`${props.base}/agenda/emergency`, body);
          props.onDone();
        });
      }}
    >
      <Field label={`Place “${props.motion.title}” on the order of business`}>
        {(id) => (
          <select id={id} value={position} onChange={(e) => setPosition(Number(e.target.value))}>
            {entries.map((entry, i) => (
              <option key={entry.motionId} value={i}>
                Before {entry.label}: {entry.title}
              </option>
            ))}
            <option value={entries.length}>At the end</option>
          </select>
        )}
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        Slot the emergency motion
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}

/** Compositing: several motions on the same subject merged into one with new text (docs/motions.md). */
function Composite(props: {
  base: string;
  motions: MotionResponseDto[];
  sections: SectionResponseDto[];
  onDone: () => void;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [sectionId, setSectionId] = useState('');
  const { busy, error, done, run } = useAction();
  const chosen = picked.filter((id) => props.motions.some((m) => m.id === id));
  return (
    <section className="card" aria-labelledby="composite">
      <h2 id="composite">Composite motions</h2>
      {props.motions.length < 2 ? (
        <p className="muted">Compositing needs at least two submitted or admitted motions.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              async () => {
                const body: CompositeCreateDto = {
                  motionIds: chosen,
                  title: title.trim(),
                  text: text.trim(),
                  ...(sectionId ? { sectionId } : {}),
                };
                const made = await post<MotionResponseDto>(`${props.base}/composites`, body);
                setPicked([]);
                setTitle('');
                setText('');
                props.onDone();
                return made;
              },
              (made) => `Composite “${made.title}” created and admitted.`,
            );
          }}
        >
          <fieldset>
            <legend>Motions to composite (at least two, in order of precedence)</legend>
            {props.motions.map((m) => (
              <label key={m.id} className="inline">
                <input
                  type="checkbox"
                  checked={chosen.includes(m.id)}
                  onChange={(e) =>
                    setPicked((p) => (e.target.checked ? [...p, m.id] : p.filter((id) => id !== m.id)))
                  }
                />{' '}
                {m.title} <span className="muted">({STATUS_LABEL[m.status] ?? m.status})</span>
              </label>
            ))}
          </fieldset>
          <Field label="Composite title">
            {(id) => (
              <input id={id} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} />
            )}
          </Field>
          <Field
            label="Composite text"
            hint="The new text agreed with the movers; it replaces the originals."
          >
            {(id, hint) => (
              <textarea
                id={id}
                rows={5}
                aria-describedby={hint}
                value={text}
                onChange={(e) => setText(e.target.value)}
                maxLength={20000}
              />
            )}
          </Field>
          <Field label="Section" hint="Left as is, the composite takes the first motion's section.">
            {(id, hint) => (
              <select
                id={id}
                aria-describedby={hint}
                value={sectionId}
                onChange={(e) => setSectionId(e.target.value)}
              >
                <option value="">The first motion’s section</option>
                {props.sections.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy}>
            Create the composite
          </button>
        </form>
      )}
      <Done message={done} />
    </section>
  );
}
