import { PublishAgenda } from './soc/PublishAgenda';
import { CorrectTopics } from './soc/CorrectTopics';
import { ReportsCard } from './soc/ReportsCard';
import { topicLabel } from './Topics';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type {
  AgendaEntryDto,
  AgendaMoveDto,
  AgendaPlaceDto,
  AgendaResponseDto,
  AgendaSectionMoveDto,
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
import { ApiError, get, post } from './api';
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
 * compositing, the order of business (publish, move motions between sections, reorder by hand, place a
 * motion admitted after publication, slot emergency motions), the priority ballot's count and the documents.
 */
export function Soc({ conferenceId }: { conferenceId: string }) {
  const { state } = useLiveConference(conferenceId);
  const [motions, setMotions] = useState<MotionResponseDto[]>([]);
  const [sections, setSections] = useState<SectionResponseDto[]>([]);
  const [agenda, setAgendaNow] = useState<AgendaResponseDto | null>(null);
  // Reads of the agenda overlap (each event asks again, and a move answers with the new order): only the
  // newest may show, so a read sent before a move cannot put the old order back on screen after it.
  const agendaReads = useRef(0);
  const setAgenda = (next: AgendaResponseDto) => {
    agendaReads.current++;
    setAgendaNow(next);
  };
  const [revision, setRevision] = useState(0);
  const publish = useAction();
  const base = `/api/conferences/${conferenceId}`;
  const changed = () => setRevision((r) => r + 1);
  useEffect(() => {
    let current = true; // a newer read replaces this one (as useAgenda does)
    get<MotionResponseDto[]>(`${base}/motions`).then((latest) => current && setMotions(latest), () => undefined);
    const read = ++agendaReads.current;
    get<AgendaResponseDto>(`${base}/agenda`).then(
      (latest) => read === agendaReads.current && setAgendaNow(latest),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [conferenceId, state.motionsRevision, revision]);
  // Read again on the conference's events: head office may rename or reorder sections meanwhile.
  useEffect(() => {
    let current = true;
    get<SectionResponseDto[]>(`${base}/sections`).then((latest) => current && setSections(latest), () => undefined);
    return () => {
      current = false;
    };
  }, [conferenceId, state.motionsRevision]);
  const title = (id: string | null) => motions.find((m) => m.id === id)?.title ?? 'a motion';
  const waiting = motions.filter((m) => m.status === 'submitted' && AGENDA_KINDS.includes(m.kind));
  const amendments = motions.filter(
    (m) => m.kind === 'amendment' && !m.amendment?.ruling && ['submitted', 'admitted'].includes(m.status),
  );
  const emergencies = motions.filter(
    (m) => m.kind === 'emergency_motion' && ['submitted', 'admitted'].includes(m.status) && !m.agendaLabel,
  );
  // Once published, a motion placed on the order of business and not yet taken may be composited too.
  const compositable = motions.filter(
    (m) => AGENDA_KINDS.includes(m.kind) && ['submitted', 'admitted', 'placed'].includes(m.status),
  );
  const others = motions.filter((m) => m.status !== 'submitted' && m.status !== 'draft');
  const published = Boolean(agenda?.publishedAt);
  // Publication placed every admitted motion once; one admitted since, and an emergency motion the meeting
  // admitted, wait here for the SOC to place it (one rule: a reason, the order as shown, after items taken).
  const unplaced = published
    ? motions.filter(
        (m) => m.status === 'admitted' && (AGENDA_KINDS.includes(m.kind) || m.kind === 'emergency_motion') && !m.agendaLabel,
      )
    : [];
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
              <Emergency key={m.id} base={base} motion={m} published={published} onDone={changed} />
            ))}
          </Queue>
          <Composite
            base={base}
            motions={compositable}
            sections={sections}
            agenda={published ? agenda : null}
            onDone={changed}
          />
        </div>
        <div>
          {!published && (
            <section className="card" aria-labelledby="publish">
              <h2 id="publish">Order of business (not yet published)</h2>
              {startsOn && agenda && (
                <PlannedOrder
                  base={base}
                  motions={motions}
                  sections={sections}
                  sectionOrder={agenda.sectionOrder}
                  year={Number(startsOn.slice(0, 4))}
                  onDone={changed}
                  onSectionMoved={setAgenda}
                />
              )}
              <ErrorAlert error={publish.error} />
              <Done message={publish.done} />
              <PublishAgenda
                base={base}
                busy={publish.busy}
                onPublish={() =>
                  void publish.run(
                    async () => (await post<AgendaResponseDto>(`${base}/agenda/publish`), changed()),
                    'The order of business is published.',
                  )
                }
              />
            </section>
          )}
          {published && agenda && (
            <ArrangeAgenda
              base={base}
              agenda={agenda}
              sections={sections}
              unplaced={unplaced}
              onChanged={setAgenda}
              onPlaced={changed}
            />
          )}
          {/* Read again when the floor changes too: a report taken or received moves on without a report event. */}
          <ReportsCard conferenceId={conferenceId} revision={`${state.motionsRevision}:${state.floor?.version ?? 0}`} />
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

/**
 * What publishing will place, section by section in the order it will use (the conference's one order
 * of sections: set-up's, rotated for the year there, and moved with the buttons here); within a section the members'
 * priority ballot decides (cast on their screens until publication), else submission order.
 * A motion with no section stops publication: the SOC places it here (a branch or network secretary
 * cannot choose a section), each with its own picker, above the rest.
 */
function PlannedOrder(props: {
  base: string;
  motions: MotionResponseDto[];
  sections: SectionResponseDto[];
  sectionOrder: string[];
  year: number;
  onDone: () => void;
  onSectionMoved: (agenda: AgendaResponseDto) => void;
}) {
  const admitted = props.motions.filter((m) => m.status === 'admitted' && AGENDA_KINDS.includes(m.kind));
  const homeless = admitted.filter((m) => !props.sections.some((s) => s.id === m.sectionId));
  const ordered = props.sectionOrder
    .map((name) => props.sections.find((s) => s.name === name))
    .filter((s): s is SectionResponseDto => s !== undefined);
  const { error, run } = useAction();
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const focus = useMoveFocus([props.sectionOrder]);
  const moveSection = (section: SectionResponseDto, direction: 'up' | 'down') => {
    setAnnouncement(null);
    void run(async () => {
      const body: AgendaSectionMoveDto = { sectionId: section.id, direction };
      const agenda = await post<AgendaResponseDto>(`${props.base}/agenda/move-section`, body);
      const at = agenda.sectionOrder.indexOf(section.name);
      focus.after((which) => `section-${section.id}-${which}`, direction, at > 0, at < agenda.sectionOrder.length - 1);
      props.onSectionMoved(agenda);
      const neighbour = agenda.sectionOrder[direction === 'up' ? at + 1 : at - 1];
      setAnnouncement(
        `${section.name} moved ${direction}, ${direction === 'up' ? 'before' : 'after'} ${neighbour}: section ${at + 1} of ${agenda.sectionOrder.length}.`,
      );
    });
  };
  return (
    <>
      <p>
        Publishing numbers the admitted motions “Motion 1…N” and places them for debate, once. Sections come
        in the conference’s order of sections, as below: the set-up screen’s (where head office rotates it
        alphabetically for {props.year}), and yours where you move them (the set-up screen shows your moves);
        within a section the members’ priority ballot (open on their screens until publication) decides,
        otherwise the order of submission. Emergency motions are slotted in afterwards.
      </p>
      {admitted.length === 0 && <p className="muted">No admitted motions yet.</p>}
      <ErrorAlert error={error} />
      <Done message={announcement} />
      {ordered.length > 0 && (
        <ol className="plain" data-testid="planned-order">
          {ordered.map((section, i) => {
            const inSection = admitted.filter((m) => m.sectionId === section.id);
            return (
              <li key={section.id} data-testid="planned-section">
                <strong>{section.name}</strong>:{' '}
                {inSection.length > 0 ? inSection.map((m) => m.title).join('; ') : <span className="muted">no motions yet</span>}
                {ordered.length > 1 && (
                  <SectionMoveButtons
                    section={section}
                    canUp={i > 0}
                    canDown={i < ordered.length - 1}
                    onMove={moveSection}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {homeless.length > 0 && (
        <div className="alert warn" data-testid="motions-without-section">
          <p>
            {homeless.length === 1 ? 'One admitted motion is' : `${homeless.length} admitted motions are`} not in a
            section yet, so publishing is refused until you place {homeless.length === 1 ? 'it' : 'them'}. The SOC places
            motions in sections: branch and network secretaries do not choose one.
          </p>
          {props.sections.length === 0 ? (
            <p>No sections are set up yet: head office adds them on the set-up screen.</p>
          ) : (
            <ul className="plain">
              {homeless.map((m) => (
                <li key={m.id}>
                  <SectionPicker
                    base={props.base}
                    motionId={m.id}
                    title={m.title}
                    sectionId={m.sectionId}
                    sections={props.sections}
                    verb="Place"
                    onMoved={props.onDone}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {admitted.length > homeless.length && props.sections.length > 1 && (
        <details>
          <summary>Move a motion to another section</summary>
          <ul className="plain">
            {admitted.filter((m) => !homeless.includes(m)).map((m) => (
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
    </>
  );
}

/**
 * Keeps focus on what was moved once the new order is on screen: the same button, or the other one when
 * it reached an end (the first is then disabled). `after` names the moved thing's buttons by direction.
 */
function useMoveFocus(dependencies: unknown[]) {
  const next = useRef<string | null>(null);
  useEffect(() => {
    const id = next.current;
    next.current = null;
    if (id) document.getElementById(id)?.focus();
  }, dependencies);
  return {
    after(idOf: (direction: 'up' | 'down') => string, direction: 'up' | 'down', canUp: boolean, canDown: boolean) {
      next.current = idOf(direction === 'up' ? (canUp ? 'up' : 'down') : canDown ? 'down' : 'up');
    },
  };
}

/** Move up / move down for a whole section, named with the section's title. */
function SectionMoveButtons(props: {
  section: SectionResponseDto;
  canUp: boolean;
  canDown: boolean;
  onMove: (section: SectionResponseDto, direction: 'up' | 'down') => void;
}) {
  const { section } = props;
  return (
    <span className="button-row">
      {(['up', 'down'] as const).map((direction) => (
        <button
          key={direction}
          type="button"
          className="small"
          id={`section-${section.id}-${direction}`}
          disabled={direction === 'up' ? !props.canUp : !props.canDown}
          onClick={() => props.onMove(section, direction)}
        >
          Move {direction} <span className="visually-hidden">the section {section.name}</span>
        </button>
      ))}
    </span>
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
  /** "Place" for a motion with no section yet; "Move" otherwise. */
  verb?: 'Place' | 'Move';
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
        {props.verb ?? 'Move'} <span className="visually-hidden">“{props.title}”</span> {props.verb === 'Place' ? 'in' : 'to'} this section
      </button>
      <ErrorAlert error={error} />
    </form>
  );
}

/**
 * The published order of business, arranged by hand: move up / move down (labelled with the item's
 * title; focus stays on the moved item; the move is announced in a live region) and a section picker per
 * item, and whole sections moved up or down as blocks. A change needs a reason (recorded, shown to the
 * conference); items already taken keep their places. The order as loaded goes with each move, so a
 * stale screen is refused (409) and reloaded.
 */
function ArrangeAgenda(props: {
  base: string;
  agenda: AgendaResponseDto;
  sections: SectionResponseDto[];
  /** Admitted since publication and not on the order of business yet. */
  unplaced: MotionResponseDto[];
  onChanged: (agenda: AgendaResponseDto) => void;
  /** A motion went on the order of business: the motions list changed too. */
  onPlaced: () => void;
}) {
  const entries = props.agenda.entries;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  /** The api's refusal of a motion's place, shown at that motion's place picker. */
  const [placeError, setPlaceError] = useState<{ motionId: string; reason: string } | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const { error, run, setError } = useAction();
  const busy = useRef(false);
  const focus = useMoveFocus([props.agenda]);
  const movable = (list: AgendaEntryDto[], i: number) => list[i]?.status === 'placed';
  const place = (agenda: AgendaResponseDto, motionId: string) =>
    agenda.entries.findIndex((e) => e.motionId === motionId) + 1;
  /** One change at a time; the api's reason refusal is shown at the reason field too. */
  const change = (work: (body: { reason?: string; expectedOrder: string[] }) => Promise<void>, placing?: string) => {
    if (busy.current) return;
    busy.current = true;
    setAnnouncement(null);
    setReasonError(undefined);
    setPlaceError(null);
    const body = { reason: reason.trim() || undefined, expectedOrder: entries.map((e) => e.motionId) };
    void run(async () => {
      try {
        await work(body);
      } catch (e) {
        if (e instanceof ApiError) {
          setReasonError(e.errors?.reason);
          const position = e.errors?.position;
          if (placing && position) setPlaceError({ motionId: placing, reason: position });
        }
        throw e;
      }
    }).finally(() => (busy.current = false));
  };
  const move = (entry: AgendaEntryDto, direction: 'up' | 'down') =>
    change(async (common) => {
      const at = entries.indexOf(entry);
      const body: AgendaMoveDto = { motionId: entry.motionId, toPosition: direction === 'up' ? at - 1 : at + 1, ...common };
      const agenda = await post<AgendaResponseDto>(`${props.base}/agenda/move`, body);
      const now = agenda.entries.findIndex((e) => e.motionId === entry.motionId);
      focus.after((which) => `move-${which}-${entry.motionId}`, direction, now > 0 && movable(agenda.entries, now - 1), now < agenda.entries.length - 1 && movable(agenda.entries, now + 1));
      props.onChanged(agenda);
      setAnnouncement(
        `${entry.label} “${entry.title}” moved ${direction} to place ${place(agenda, entry.motionId)} of ${agenda.entries.length}.`,
      );
    });
  // An emergency motion is slotted in its own series (POST /agenda/emergency), under the same rule.
  const placeMotion = (motion: MotionResponseDto, position: number | undefined) =>
    change(async (common) => {
      const body: AgendaPlaceDto | EmergencySlotDto = { motionId: motion.id, position, ...common };
      const path = motion.kind === 'emergency_motion' ? 'agenda/emergency' : 'agenda/place';
      const agenda = await post<AgendaResponseDto>(`${props.base}/${path}`, body);
      const now = agenda.entries.findIndex((e) => e.motionId === motion.id);
      const entry = agenda.entries[now];
      focus.after((which) => `move-${which}-${motion.id}`, 'up', now > 0 && movable(agenda.entries, now - 1), now < agenda.entries.length - 1);
      props.onChanged(agenda);
      props.onPlaced();
      setAnnouncement(
        `“${motion.title}” placed on the order of business as ${entry?.label ?? 'a motion'}, place ${now + 1} of ${agenda.entries.length}.`,
      );
    }, motion.id);
  const blocks = sectionBlocks(entries, props.sections);
  const moveSection = (section: SectionResponseDto, direction: 'up' | 'down') =>
    change(async (common) => {
      const body: AgendaSectionMoveDto = { sectionId: section.id, direction, ...common };
      const agenda = await post<AgendaResponseDto>(`${props.base}/agenda/move-section`, body);
      const after = sectionBlocks(agenda.entries, props.sections);
      const moved = after.find((b) => b.section?.id === section.id);
      focus.after((which) => `section-${section.id}-${which}`, direction, Boolean(moved?.canUp), Boolean(moved?.canDown));
      props.onChanged(agenda);
      const places = agenda.entries.map((e, i) => (e.sectionId === section.id ? i + 1 : 0)).filter(Boolean);
      setAnnouncement(
        `Section ${section.name} moved ${direction}: now places ${places[0]} to ${places.at(-1)} of ${agenda.entries.length}.`,
      );
    });
  return (
    <section className="card" aria-labelledby="arrange-heading">
      <h2 id="arrange-heading">Order of business</h2>
      <p>
        Published. Move items up or down, or to another section, or a whole section; items already taken
        keep their places. Every change is recorded with its reason and shows at once on the chair’s and
        members’ screens.
      </p>
      <Field
        label="Reason for the change"
        hint="Required; recorded in the motion’s history and sent to the conference with the change."
        error={reasonError}
      >
        {(id, describedBy) => (
          <textarea
            id={id}
            rows={2}
            aria-describedby={describedBy}
            aria-invalid={reasonError ? true : undefined}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      <Done message={announcement} />
      {props.unplaced.length > 0 && (
        <>
          <h3 id="unplaced-heading">Admitted, not on the order of business ({props.unplaced.length})</h3>
          <p className="hint">
            Admitted after publication, so not placed by it: place each one to have it debated, with the reason
            for the change. A motion is numbered after the last motion, an emergency motion in the emergency
            series; items already taken keep their places, so it goes after them.
          </p>
          <ul className="plain" aria-labelledby="unplaced-heading" data-testid="unplaced">
            {props.unplaced.map((m) => (
              <li key={m.id} data-testid="unplaced-motion">
                <PlaceMotion
                  motion={m}
                  entries={entries}
                  sections={props.sections}
                  error={placeError?.motionId === m.id ? placeError.reason : undefined}
                  onPlace={placeMotion}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {blocks.some((b) => b.section) && (
        <>
          <h3 id="sections-heading">Sections</h3>
          <ul className="plain" aria-labelledby="sections-heading" data-testid="agenda-sections">
            {blocks.map(
              (block) =>
                block.section && (
                  <li key={block.section.id} data-testid="agenda-section">
                    <strong>{block.section.name}</strong>{' '}
                    <span className="muted">({block.labels.join(', ')})</span>{' '}
                    <SectionMoveButtons
                      section={block.section}
                      canUp={block.canUp}
                      canDown={block.canDown}
                      onMove={moveSection}
                    />
                  </li>
                ),
            )}
          </ul>
        </>
      )}
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
                  disabled={i === 0 || !movable(entries, i - 1)}
                  onClick={() => move(entry, 'up')}
                >
                  Move up <span className="visually-hidden">“{entry.title}”</span>
                </button>
                <button
                  type="button"
                  className="small"
                  id={`move-down-${entry.motionId}`}
                  disabled={i === entries.length - 1 || !movable(entries, i + 1)}
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
                    setReasonError(undefined);
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

/**
 * Where a motion admitted after publication goes: after its section's last item (as the api places it
 * when no place is named), or before any item not yet taken, or at the end. Places before an item already
 * taken are not offered (the api refuses them).
 */
function PlaceMotion(props: {
  motion: MotionResponseDto;
  entries: AgendaEntryDto[];
  sections: SectionResponseDto[];
  /** The api's refusal of the place chosen. */
  error?: string;
  onPlace: (motion: MotionResponseDto, position: number | undefined) => void;
}) {
  const { motion, entries } = props;
  const section = props.sections.find((s) => s.id === motion.sectionId)?.name;
  // '' is the api's own choice (after the section's last item); 'end' stays the end as items are added.
  const [choice, setChoice] = useState(section ? '' : 'end');
  const free = entries.map((e) => e.status !== 'placed').lastIndexOf(true) + 1;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.onPlace(motion, choice === '' ? undefined : choice === 'end' ? entries.length : Number(choice));
      }}
    >
      <strong>{motion.title}</strong>
      {motion.kind === 'emergency_motion' && <span className="muted"> — emergency motion</span>}
      {section && <span className="muted"> — {section}</span>}
      <Field label={`Place of “${motion.title}”`} error={props.error}>
        {(id, describedBy) => (
          <select
            id={id}
            value={choice}
            aria-describedby={describedBy}
            aria-invalid={props.error ? true : undefined}
            onChange={(e) => setChoice(e.target.value)}
          >
            {section && <option value="">After the last item of {section}</option>}
            {entries.slice(free).map((entry, i) => (
              <option key={entry.motionId} value={free + i}>
                Before {entry.label}: {entry.title}
              </option>
            ))}
            <option value="end">At the end</option>
          </select>
        )}
      </Field>
      <button type="submit" className="small">
        Place <span className="visually-hidden">“{motion.title}”</span> on the order of business
      </button>
    </form>
  );
}

/**
 * The published order as blocks: consecutive items of one section, an item of no section alone (as the
 * api's `moveSection` sees it). A section moves past its neighbouring block when neither holds an item
 * already taken; a section whose items stand apart is offered as its first block (the api explains).
 */
function sectionBlocks(entries: AgendaEntryDto[], sections: SectionResponseDto[]) {
  const runs: { sectionId: string | null; items: AgendaEntryDto[] }[] = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (last && entry.sectionId !== null && last.sectionId === entry.sectionId) last.items.push(entry);
    else runs.push({ sectionId: entry.sectionId, items: [entry] });
  }
  const free = (i: number) => runs[i] !== undefined && runs[i].items.every((e) => e.status === 'placed');
  const seen = new Set<string>();
  return runs.map((run, i) => {
    const first = run.sectionId !== null && !seen.has(run.sectionId);
    if (run.sectionId !== null) seen.add(run.sectionId);
    return {
      section: first ? (sections.find((s) => s.id === run.sectionId) ?? null) : null,
      labels: run.items.map((e) => e.label),
      canUp: free(i) && free(i - 1),
      canDown: free(i) && free(i + 1),
    };
  });
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
        <span data-testid="motion-topics">{motion.topics.map(topicLabel).join(', ') || 'none'}</span>
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
      <CorrectTopics base={base} motion={motion} onDone={onDone} />
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
function Emergency(props: { base: string; motion: MotionResponseDto; published: boolean; onDone: () => void }) {
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
        <p className="muted">
          {props.published
            ? 'Admitted by the meeting: place it under “Admitted, not on the order of business” in the order of business, with the reason for the change.'
            : 'Publish the order of business to slot it in.'}
        </p>
      )}
    </MotionCard>
  );
}

/**
 * Compositing: several motions on the same subject merged into one with new text (docs/motions.md).
 * Once the order of business is published the composite goes on it at once, in the place of the first of
 * its motions there (those leave it); the confirmation says where, and the order as loaded goes with it.
 */
function Composite(props: {
  base: string;
  motions: MotionResponseDto[];
  sections: SectionResponseDto[];
  agenda: AgendaResponseDto | null;
  onDone: () => void;
}) {
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [sectionId, setSectionId] = useState('');
  const { busy, error, done, run } = useAction();
  const chosen = picked.filter((id) => props.motions.some((m) => m.id === id));
  // Where the composite will go, as the api places it (`placeComposite`): shown before it is made.
  const onAgenda = (props.agenda?.entries ?? []).filter((e) => chosen.includes(e.motionId));
  const named = (e: AgendaEntryDto) => `${e.label} “${e.title}”`;
  const numberFrom = onAgenda.find((e) => e.series === 'motion');
  const numbered = !numberFrom
    ? ', numbered after the last motion'
    : numberFrom === onAgenda[0]
      ? ' and its number'
      : ` and the number of ${numberFrom.label}`;
  const placement =
    !props.agenda || chosen.length < 2
      ? null
      : onAgenda.length > 0
        ? `The composite will take the place of ${named(onAgenda[0])}${numbered}` +
          (onAgenda.length > 1
            ? `; ${onAgenda.slice(1).map(named).join(' and ')} will leave the order of business.`
            : '.')
        : 'None of these is on the order of business: the composite will go after its section’s last item.';
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
                const before = props.agenda?.entries ?? [];
                const body: CompositeCreateDto = {
                  motionIds: chosen,
                  title: title.trim(),
                  text: text.trim(),
                  ...(sectionId ? { sectionId } : {}),
                  ...(props.agenda ? { expectedOrder: before.map((e) => e.motionId) } : {}),
                };
                const made = await post<MotionResponseDto>(`${props.base}/composites`, body);
                const after = props.agenda ? await get<AgendaResponseDto>(`${props.base}/agenda`) : null;
                setPicked([]);
                setTitle('');
                setText('');
                props.onDone();
                if (!after) return `Composite “${made.title}” created and admitted.`;
                const replaced = before.filter((e) => chosen.includes(e.motionId));
                const place = after.entries.findIndex((e) => e.motionId === made.id) + 1;
                return (
                  `Composite “${made.title}” created and placed on the order of business as ${made.agendaLabel}, place ${place} of ${after.entries.length}` +
                  (replaced.length > 0
                    ? `, in place of ${replaced.map((e) => `${e.label} “${e.title}”`).join(' and ')}.`
                    : ', after its section’s last item.')
                );
              },
              (message) => message,
            );
          }}
        >
          {props.agenda && (
            <p className="hint" id="composite-published">
              The order of business is published: the composite takes the place and number of the first of
              these motions on it, and the others leave it (a composite of motions not on it goes after its
              section’s last item). Motions already taken are not offered.
            </p>
          )}
          <fieldset aria-describedby={props.agenda ? 'composite-published' : undefined}>
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
          {placement && (
            <p className="hint" data-testid="composite-placement">
              {placement}
            </p>
          )}
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
