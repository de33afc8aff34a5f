import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type {
  AccountCreateDto,
  AccountResponseDto,
  BodyResponseDto,
  ConferenceOpenedResponseDto,
  DeadlinesResponseDto,
  DeadlinesUpdateDto,
  RoleAssignDto,
  RoleAssignmentResponseDto,
  RulesetCategoryHoldersResponseDto,
  RulesetResponseDto,
  RulesetUpdateDto,
  RulesetVersionResponseDto,
  SectionCreateDto,
  SectionOrderDto,
  SectionResponseDto,
  SectionRotateDto,
  SectionUpdateDto,
} from '@agm/contracts';
import { useAgenda } from './Agenda';
import { ApiError, get, patch, post, put, request } from './api';
import { EditConference } from './ConferenceForm';
import { RemoteLinksForm } from './RemoteLinksForm';
import { MinutesApproval } from './setup/MinutesApproval';
import { AddField, Checkbox, CheckboxGroup, clockTime, Outcome, RowButton, useForm } from './forms';
import { isCurrent } from './live';
import { refreshConference, useConference, useMe } from './session';
import {
  ErrorAlert,
  Field,
  Frame,
  InputField,
  label,
  OFFICIAL_ROLE_LABEL,
  SelectField,
  useAction,
  useLiveConference,
} from './ui';

type Ruleset = RulesetResponseDto['ruleset'];
type Majority = Ruleset['majorities']['motion'];

/** What the screen shows, each read again when the conference's events say it changed. */
type Area = 'conference' | 'deadlines' | 'ruleset' | 'sections' | 'roles' | 'minutes';
const AREAS: Area[] = ['conference', 'deadlines', 'ruleset', 'sections', 'roles', 'minutes'];
const AREAS_CHANGED_BY: Record<string, Area[]> = {
  // A new zone changes how the deadlines read.
  'conference.updated': ['conference', 'deadlines'],
  'conference.opened': ['deadlines'],
  'deadlines.changed': ['deadlines'],
  'ruleset.changed': ['ruleset'],
  'sections.changed': ['sections'],
  'conference.remote_links_changed': ['conference'],
  'role.assigned': ['roles'],
  'role.removed': ['roles'],
  'minutes.approved': ['minutes'],
};
type Revisions = Record<Area, number>;

/** True while the connection is down: every card is marked out of date. */
const Stale = createContext(false);

/** A set-up card, hatched and titled "(out of date)" while offline (the banner says why). */
function Card(props: { id: string; title: ReactNode; children: ReactNode }) {
  const stale = useContext(Stale);
  return (
    <section
      className={stale ? 'card stale' : 'card'}
      aria-labelledby={props.id}
      data-stale={stale ? 'true' : 'false'}
    >
      <h2 id={props.id}>
        {props.title}
        {stale && <span className="stale-tag"> (out of date)</span>}
      </h2>
      {props.children}
    </section>
  );
}

/** "Changed by another administrator" while the form holds unsaved edits: never shown as current. */
function ChangedElsewhere(props: {
  testId: string;
  children: ReactNode;
  action: string;
  onReload: () => void;
}) {
  return (
    <div className="alert warn" role="alert" data-testid={props.testId}>
      <p>{props.children}</p>
      <button type="button" onClick={props.onReload}>
        {props.action}
      </button>
    </div>
  );
}

function LiveNote({ note, testId }: { note: string | null; testId: string }) {
  if (!note) return null;
  return (
    <p className="alert info" role="status" data-testid={testId}>
      {note}
    </p>
  );
}

/**
 * Head office sets a conference up: its details, the deadlines (wall-clock times in the conference's
 * zone), the standing-orders ruleset, opening the AGM, the sections and the officials' roles. Every
 * refusal is shown in the alert and, where the api names a field, next to that field. It follows the
 * conference's events: what another administrator changes is read again and shown, or, where this
 * screen holds unsaved edits, announced with an offer to load it.
 */
export function Setup({ conferenceId }: { conferenceId: string }) {
  const base = `/api/conferences/${conferenceId}`;
  const conference = useConference(conferenceId);
  const { live, state } = useLiveConference(conferenceId);
  // Once the order of business is published its sections move only there (the SOC's screen).
  const agenda = useAgenda(conferenceId, state.motionsRevision);
  const published = Boolean(agenda && agenda !== 'none' && agenda.publishedAt);
  const [revisions, setRevisions] = useState<Revisions>({
    conference: 0,
    deadlines: 0,
    ruleset: 0,
    sections: 0,
    roles: 0,
    minutes: 0,
  });
  useEffect(
    () =>
      live.onEvent((event) => {
        const areas = event ? (AREAS_CHANGED_BY[event.type] ?? []) : AREAS;
        if (areas.length > 0)
          setRevisions((r) => ({ ...r, ...Object.fromEntries(areas.map((a) => [a, r[a] + 1])) }));
      }),
    [live],
  );
  useEffect(() => {
    if (revisions.conference > 0) void refreshConference(conferenceId).catch(() => undefined);
  }, [conferenceId, revisions.conference]);
  const [deadlines, setDeadlines] = useState<DeadlinesResponseDto | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    get<DeadlinesResponseDto>(`${base}/deadlines`).then(setDeadlines, (e: unknown) =>
      setLoadError(e instanceof ApiError ? e.describe() : String(e)),
    );
  }, [base, revisions.deadlines]);
  const zone = deadlines?.timeZone ?? conference?.timeZone ?? '';
  const me = useMe();
  // The api decides (403); this only says so before anyone fills a form in vain.
  const mayManage =
    !me ||
    me.isHeadOffice ||
    (me.roles ?? []).some((r) => r.conferenceId === conferenceId && r.role === 'admin');
  return (
    <Frame conferenceId={conferenceId} role="Conference set-up" state={state} wide>
      <Stale.Provider value={!isCurrent(state)}>
        <ErrorAlert error={loadError} />
        {!mayManage && (
          <p className="alert info" data-testid="view-only">
            You can see this conference’s set-up but not change it: only head office and the conference’s
            administrators can.
          </p>
        )}
        <div className="grid two">
          <div>
            <EditConference
              conference={conference}
              // The deadlines read differently in a new zone.
              onSaved={() => void get<DeadlinesResponseDto>(`${base}/deadlines`).then(setDeadlines)}
              card={(children) => (
                <Card id="conference-details" title="The conference">
                  {children}
                </Card>
              )}
            />
            <Deadlines base={base} deadlines={deadlines} onSaved={setDeadlines} />
          </div>
          <div>
            <Opening
              base={base}
              zone={zone}
              openedAt={deadlines?.openedAt ?? null}
              onOpened={(openedAt) => setDeadlines((d) => (d ? { ...d, openedAt } : d))}
            />
            <Roles base={base} revision={revisions.roles} />
            <RemoteLinksForm base={base} revision={revisions.conference} />
          </div>
        </div>
        <RulesetForm
          base={base}
          opened={Boolean(deadlines?.openedAt)}
          zone={zone}
          revision={revisions.ruleset}
        />
        <Sections
          base={base}
          startYear={Number(conference?.startsOn?.slice(0, 4)) || undefined}
          revision={revisions.sections}
          published={published}
        />
        <MinutesApproval
          conferenceId={conferenceId}
          mayManage={mayManage}
          revision={revisions.minutes}
          card={(children) => (
            <Card id="minutes-of-record" title="Minutes of record">
              {children}
            </Card>
          )}
        />
      </Stale.Provider>
    </Frame>
  );
}

const inZone = (instant: string, zone: string) =>
  `${new Date(instant).toLocaleString('en-GB', { timeZone: zone || undefined, dateStyle: 'long', timeStyle: 'short' })} (${zone})`;

// ---------------------------------------------------------------- deadlines

const DEADLINES = [
  ['motions', 'Motions and constitutional amendments close'],
  ['amendments', 'Amendments close'],
  ['emergency', 'Emergency motions close'],
] as const;
type DeadlineName = (typeof DEADLINES)[number][0];
type Wall = { date: string; time: string };

const wallsOf = (d: DeadlinesResponseDto | null): Record<DeadlineName, Wall> => ({
  motions: d?.motions?.local ?? { date: '', time: '12:00' },
  amendments: d?.amendments?.local ?? { date: '', time: '12:00' },
  emergency: d?.emergency?.local ?? { date: '', time: '' },
});

/** The deadlines as set, to tell another administrator's change from our own. */
const deadlinesKey = (d: DeadlinesResponseDto) =>
  JSON.stringify([d.timeZone, d.motions, d.amendments, d.emergency, d.acceptsConstitutionalAmendments]);

function Deadlines(props: {
  base: string;
  deadlines: DeadlinesResponseDto | null;
  onSaved: (d: DeadlinesResponseDto) => void;
}) {
  const { deadlines } = props;
  const form = useForm();
  const [walls, setWalls] = useState(() => wallsOf(deadlines));
  const [constitutional, setConstitutional] = useState(false);
  // The deadlines the entries were filled from: entries that differ from them are unsaved edits.
  const [basis, setBasis] = useState<DeadlinesResponseDto | null>(null);
  const [changedAt, setChangedAt] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const fillFrom = (d: DeadlinesResponseDto) => {
    setBasis(d);
    setWalls(wallsOf(d));
    setConstitutional(d.acceptsConstitutionalAmendments);
    setChangedAt(null);
  };
  useEffect(() => {
    if (!deadlines || form.busy) return;
    if (basis && deadlinesKey(basis) === deadlinesKey(deadlines)) return;
    const dirty =
      basis !== null &&
      (JSON.stringify(walls) !== JSON.stringify(wallsOf(basis)) ||
        constitutional !== basis.acceptsConstitutionalAmendments);
    if (dirty) return setChangedAt(clockTime());
    if (basis)
      setNote(
        `The deadlines changed at ${clockTime()} (another administrator, or a new time zone); those now in force are shown.`,
      );
    fillFrom(deadlines);
  }, [deadlines, form.busy]);
  const zone = deadlines?.timeZone ?? '…';
  const edit = (name: DeadlineName, part: keyof Wall, value: string) =>
    setWalls((w) => ({ ...w, [name]: { ...w[name], [part]: value } }));
  const save = form.onSubmit(async () => {
    const body: DeadlinesUpdateDto = {
      motions: walls.motions,
      amendments: walls.amendments,
      // No date: no fixed deadline for emergency motions.
      emergency: walls.emergency.date ? walls.emergency : null,
      acceptsConstitutionalAmendments: constitutional,
    };
    const saved = await put<DeadlinesResponseDto>(`${props.base}/deadlines`, body);
    fillFrom(saved);
    setNote(null);
    props.onSaved(saved);
  }, 'Deadlines saved.');
  return (
    <Card id="deadlines" title="Deadlines">
      <p>
        Times are wall-clock times in the conference’s time zone,{' '}
        <strong data-testid="time-zone">{zone}</strong>. The server enforces them.
      </p>
      <dl className="deadline-list" data-testid="deadlines-in-force">
        {DEADLINES.map(([name, title]) => (
          <div key={name}>
            <dt>{title}</dt>
            <dd>{deadlines?.[name]?.text ?? (name === 'emergency' ? 'No fixed deadline' : 'Not set')}</dd>
          </div>
        ))}
      </dl>
      {changedAt && deadlines && (
        <ChangedElsewhere
          testId="deadlines-changed"
          action="Show the deadlines in force (drops your entries)"
          onReload={() => (fillFrom(deadlines), setNote(null))}
        >
          The deadlines changed at {changedAt} (another administrator, or a new time zone), while you were
          entering yours: the ones in force are listed above. Your entries below are not saved.
        </ChangedElsewhere>
      )}
      <LiveNote note={note} testId="deadlines-note" />
      <form onSubmit={save} noValidate>
        {DEADLINES.map(([name, title]) => (
          <fieldset key={name}>
            <legend>{title}</legend>
            <div className="inline-form">
              <InputField
                label="Date"
                hint={name === 'emergency' ? 'Leave empty for no fixed deadline' : undefined}
                error={form.errorFor(`${name}.date`, name)}
                type="date"
                value={walls[name].date}
                onChange={(value) => edit(name, 'date', value)}
              />
              <InputField
                label={`Time (${zone})`}
                error={form.errorFor(`${name}.time`)}
                type="time"
                value={walls[name].time}
                onChange={(value) => edit(name, 'time', value)}
              />
            </div>
          </fieldset>
        ))}
        <Checkbox checked={constitutional} onChange={setConstitutional}>
          A constitutional year: this AGM takes constitutional amendments
        </Checkbox>
        <Outcome of={form} />
        <button type="submit" className="primary" disabled={form.busy || !deadlines}>
          Save deadlines
        </button>
      </form>
    </Card>
  );
}

// ---------------------------------------------------------------- opening

function Opening(props: {
  base: string;
  zone: string;
  openedAt: string | null;
  onOpened: (at: string) => void;
}) {
  const action = useAction();
  const { busy, run } = action;
  const [confirming, setConfirming] = useState(false);
  const open = () =>
    void run(async () => {
      const opened = await post<ConferenceOpenedResponseDto>(`${props.base}/open`);
      props.onOpened(opened.openedAt);
      setConfirming(false);
    }, 'The AGM is open.');
  return (
    <Card id="opening" title="Opening the AGM">
      {props.openedAt ? (
        <p className="status" data-testid="opened-at">
          The AGM opened at {inZone(props.openedAt, props.zone)}. Changing the standing orders now needs a
          reason.
        </p>
      ) : confirming ? (
        <div className="alert warn">
          <p>
            Open the AGM now? This cannot be undone: from then on every change to the standing orders must say
            why.
          </p>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={open}>
              Yes, open the AGM
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>Not opened yet.</p>
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            Open the AGM…
          </button>
        </>
      )}
      <Outcome of={action} />
    </Card>
  );
}

// ---------------------------------------------------------------- ruleset

interface NumberRule {
  path: string;
  label: string;
  hint?: string;
  /** Empty means none (null). */
  optional?: boolean;
  /** Entered as a percentage, kept as a fraction. */
  percent?: boolean;
  min?: number;
}
const NUMBER_GROUPS: Array<{ legend: string; rules: NumberRule[] }> = [
  {
    legend: 'Speech limits',
    rules: [
      { path: 'speechLimitsSeconds.mover', label: 'Mover’s speech (seconds)', min: 10 },
      { path: 'speechLimitsSeconds.seconder', label: 'Seconder’s speech (seconds)', min: 10 },
      { path: 'speechLimitsSeconds.other', label: 'Other speeches (seconds)', min: 10 },
      { path: 'speechLimitsSeconds.rightOfReply', label: 'Right of reply (seconds)', min: 10 },
      {
        path: 'speechLimitsSeconds.point',
        label: 'Point of order or request for information (seconds)',
        hint: 'Shorter than the warning is fine: the speaker is then warned half way. Empty: as other speeches',
        optional: true,
        min: 10,
      },
      {
        path: 'speechLimitsSeconds.warningBefore',
        label: 'Warn the speaker before the end (seconds)',
        min: 0,
      },
    ],
  },
  {
    legend: 'Quorum',
    rules: [
      {
        path: 'quorum.minimumCount',
        label: 'Minimum present who count',
        hint: 'Empty: no minimum number',
        optional: true,
      },
      {
        path: 'quorum.minimumShareOfMembership',
        label: 'Minimum share of the counting membership (%)',
        hint: 'Empty: no minimum share',
        optional: true,
        percent: true,
      },
      {
        path: 'quorum.minimumBodiesRepresented',
        label: 'Minimum branches represented',
        hint: 'A branch is represented when a member of it who counts is present. Empty: no minimum',
        optional: true,
      },
      {
        path: 'quorum.minimumShareOfRegistered',
        label: 'Minimum share of those registered who count (%)',
        hint: 'Of the attendees registered for this AGM, present or not. Empty: no minimum share',
        optional: true,
        percent: true,
      },
    ],
  },
  {
    legend: 'Motions',
    rules: [
      {
        path: 'submission.wordLimit',
        label: 'Word limit (title excluded)',
        hint: 'A longer motion is flagged for the SOC to edit, not refused',
      },
      {
        path: 'submission.maxMotionsPerBody',
        label: 'Motions per body',
        hint: 'Empty: no limit',
        optional: true,
      },
      {
        path: 'submission.maxConstitutionalAmendmentsPerBody',
        label: 'Constitutional amendments per body',
        hint: 'Empty: no limit',
        optional: true,
      },
    ],
  },
  {
    legend: 'Speaker monitoring',
    rules: [
      { path: 'monitoring.suppressionThreshold', label: 'Suppress statistics cells under', hint: 'People' },
    ],
  },
];
const MAJORITY_LABEL: Record<string, string> = {
  simple: 'Simple: more for than against',
  two_thirds: 'Two-thirds of those voting for or against',
  votes_cast: 'More than half of all votes cast, abstentions included',
  entitled: 'More than half of those entitled to vote, however many vote',
};
const VOTE_KIND_LABEL: Record<string, string> = {
  motion: 'motions',
  constitutional_amendment: 'constitutional amendments',
  amendment: 'amendments',
  emergency_admission: 'admitting an emergency motion',
  custom: 'other questions',
  question_be_now_put: 'that the question be now put',
  challenge_chair: 'a challenge to the chair’s ruling',
};
const TIE_LABEL: Record<string, string> = {
  motion_falls: 'The motion falls',
  chair_casting_vote: 'The chair has a casting vote',
};
const CATEGORY_FLAGS = [
  ['mayAttend', 'may attend'],
  ['maySpeak', 'may speak'],
  ['mayVote', 'may vote'],
  ['countsTowardQuorum', 'counts toward quorum'],
] as const;

const getAt = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], value);
function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((v, key) => v[key] as Record<string, unknown>, target);
  parent[last] = value;
}
const numbersOf = (ruleset: Ruleset): Record<string, string> =>
  Object.fromEntries(
    NUMBER_GROUPS.flatMap((g) => g.rules).map((rule) => {
      const value = getAt(ruleset, rule.path);
      if (typeof value !== 'number') return [rule.path, ''];
      return [rule.path, String(rule.percent ? Math.round(value * 10000) / 100 : value)];
    }),
  );

/** "NEC, HSC" → ['NEC', 'HSC']: the body codes field is typed as text. */
const codesOf = (text: string) =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

/** 'Life member' → 'life_member', as the register import reads a category from a spreadsheet. */
const codeOf = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

// Duplicated from the domain's BODY_KINDS (the contracts' values never reach the bundle).
const BODY_KIND_LABEL: Record<string, string> = {
  branch: 'Branches',
  network: 'Networks',
  committee: 'National committees',
  forum: 'Forums',
  joint_members: 'Two members jointly',
};

const sameRuleset = (a: Ruleset, b: Ruleset) => JSON.stringify(a) === JSON.stringify(b);

/** The register's bodies by name, without the pairs of members a joint motion makes (no one picks those). */
const readBodies = () =>
  get<BodyResponseDto[]>('/api/membership/bodies').then((all) =>
    all.filter((b) => b.kind !== 'joint_members').sort((a, b) => a.name.localeCompare(b.name)),
  );

/** One body code as typed, and what the register makes of it. */
interface BodyCodeCheck {
  code: string;
  body?: BodyResponseDto;
  /** In the version in force: the api does not check it again (Napo's NEC before the bodies are imported). */
  inForce: boolean;
  /** A body whose code differs only in case: codes are case-sensitive. */
  nearest?: string;
}
const checkBodyCodes = (codes: string[], inForce: string[], bodies: BodyResponseDto[]): BodyCodeCheck[] =>
  codes.map((code) => ({
    code,
    body: bodies.find((b) => b.code === code),
    inForce: inForce.includes(code),
    nearest: bodies.find((b) => b.code.toLowerCase() === code.toLowerCase())?.code,
  }));

/** The api's own refusal (ruleset-register.ts), said at the field before the save is sent. */
function unknownBodyCodesError(checks: BodyCodeCheck[]): string | undefined {
  const unknown = checks.filter((c) => !c.body && !c.inForce);
  if (unknown.length === 0) return undefined;
  const named = unknown
    .map((c) => `'${c.code}'${c.nearest ? ` (did you mean '${c.nearest}'?)` : ''}`)
    .join(', ');
  return (
    `${unknown.length === 1 ? 'names no body' : 'name no bodies'}: ${named}. Use the code of a body in the ` +
    'register (codes are case-sensitive), or import the body first: saving now would be refused'
  );
}

/** What each code names, for the field's hint: a body's name, or that a code kept from before names none yet. */
const describeBodyCodes = (checks: BodyCodeCheck[]) =>
  checks
    .filter((c) => c.body || c.inForce)
    .map((c) =>
      c.body
        ? `${c.code}: ${c.body.name}`
        : `${c.code}: no such body yet (already in force, so kept; it names no one until a body with that code is imported)`,
    )
    .join('; ');

/**
 * The bodies that may submit constitutional amendments besides whole kinds, typed by code, checked as
 * typed against the register's bodies (the api decides on save), with a picker that adds one by name.
 */
function AmendmentBodyCodes(props: {
  text: string;
  onChange: (text: string) => void;
  inForce: string[];
  /** Null until read (or when they could not be): nothing is flagged then. */
  bodies: BodyResponseDto[] | null;
  apiError?: string;
}) {
  const [picked, setPicked] = useState('');
  // The api's refusal stands for the codes it was given: once they are edited, the check as typed speaks.
  // Noted during the render in which the refusal arrives (React's "information from previous renders"),
  // not in an effect: an effect left one painted frame with the check's words instead of the api's.
  const [refused, setRefused] = useState<{ error: string; text: string } | null>(null);
  if ((props.apiError ?? null) !== (refused?.error ?? null))
    setRefused(props.apiError ? { error: props.apiError, text: props.text } : null);
  const apiError = refused?.text === props.text ? refused.error : undefined;
  const codes = codesOf(props.text);
  const checks = props.bodies ? checkBodyCodes(codes, props.inForce, props.bodies) : [];
  const described = describeBodyCodes(checks);
  const addable = (props.bodies ?? []).filter((b) => !codes.includes(b.code));
  const add = () => {
    const body = addable.find((b) => b.id === picked);
    if (!body) return;
    props.onChange([...codes, body.code].join(', '));
    setPicked('');
  };
  return (
    <>
      <InputField
        label="and these bodies, by code"
        hint={`Separated by commas, e.g. NEC (Napo: branches and the NEC).${described ? ` ${described}.` : ''}`}
        error={apiError ?? unknownBodyCodesError(checks)}
        value={props.text}
        onChange={props.onChange}
      />
      {addable.length > 0 && (
        <div className="inline-form">
          <SelectField
            label="Add a body by name"
            value={picked}
            options={[
              ['', 'Choose a body…'],
              ...addable.map((b): [string, string] => [b.id, `${b.name} (${b.code})`]),
            ]}
            onChange={setPicked}
          />
          <button type="button" disabled={!picked} onClick={add}>
            Add the body
          </button>
        </div>
      )}
    </>
  );
}

/** A category's Remove button, or, where members of the register hold it, why it cannot be removed yet. */
function RemoveCategory(props: { code: string; heldBy: number; onRemove: () => void }) {
  if (props.heldBy === 0)
    return (
      <RowButton action="Remove" target={`the category ${label({}, props.code)}`} onClick={props.onRemove} />
    );
  return (
    <span className="hint" data-testid={`category-held-${props.code}`}>
      Not removable: {props.heldBy} member{props.heldBy === 1 ? '' : 's'} of the register{' '}
      {props.heldBy === 1 ? 'holds' : 'hold'} it. Re-import the register with their new category first.
    </span>
  );
}

function RulesetForm(props: { base: string; opened: boolean; zone: string; revision: number }) {
  const { base, opened, zone, revision } = props;
  const form = useForm();
  const [current, setCurrent] = useState<RulesetResponseDto | null>(null);
  const [draft, setDraft] = useState<Ruleset | null>(null);
  const [numbers, setNumbers] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [versions, setVersions] = useState<RulesetVersionResponseDto[]>([]);
  const [newCategory, setNewCategory] = useState('');
  const [newTopic, setNewTopic] = useState('');
  // Typed as text ("NEC, HSC") and read into codes on save, so typing a comma is not reformatted.
  const [bodyCodes, setBodyCodes] = useState('');
  // A newer version another administrator put in force, read after their event.
  const [incoming, setIncoming] = useState<RulesetResponseDto | null>(null);
  const [incomingAt, setIncomingAt] = useState('');
  const [note, setNote] = useState<string | null>(null);
  // What a save is checked against, so the form can say first what the api would refuse. Null until
  // read, or when it cannot be (the category counts are for the conference's administrators only).
  const [holders, setHolders] = useState<Record<string, number> | null>(null);
  const [bodies, setBodies] = useState<BodyResponseDto[] | null>(null);
  // The register is not the conference's, so no event says it changed: read again at each save and event.
  const loadRegister = () => {
    get<RulesetCategoryHoldersResponseDto>(`${base}/ruleset/category-holders`).then(
      (r) => setHolders(r.holders),
      () => undefined,
    );
    readBodies().then(setBodies, () => undefined);
  };
  const load = (response: RulesetResponseDto) => {
    setCurrent(response);
    setDraft(structuredClone(response.ruleset));
    setNumbers(numbersOf(response.ruleset));
    setBodyCodes(response.ruleset.submission.constitutionalAmendmentBodyCodes.join(', '));
  };
  const loadVersions = () =>
    get<RulesetVersionResponseDto[]>(`${base}/ruleset/versions`).then(setVersions, () => undefined);
  useEffect(() => {
    get<RulesetResponseDto>(`${base}/ruleset`).then(load, (e: unknown) =>
      form.setError(e instanceof ApiError ? e.describe() : String(e)),
    );
    void loadVersions();
    loadRegister();
  }, [base]);
  useEffect(() => {
    if (revision === 0) return;
    get<RulesetResponseDto>(`${base}/ruleset`).then(
      (r) => {
        setIncoming(r);
        setIncomingAt(clockTime());
      },
      () => undefined,
    );
    void loadVersions();
    loadRegister();
  }, [revision]);
  const dirty =
    !!current &&
    !!draft &&
    (!sameRuleset(draft, current.ruleset) ||
      JSON.stringify(numbers) !== JSON.stringify(numbersOf(current.ruleset)) ||
      JSON.stringify(codesOf(bodyCodes)) !==
        JSON.stringify(current.ruleset.submission.constitutionalAmendmentBodyCodes) ||
      reason.trim() !== '');
  useEffect(() => {
    if (!incoming || !current || form.busy) return;
    // Our own save (its event), or nothing newer than what is shown.
    if (incoming.version <= current.version) return setIncoming(null);
    // Untouched: show the new version at once. With unsaved edits: keep them and say so (below).
    if (!dirty) {
      load(incoming);
      setNote(
        `Version ${incoming.version} was put in force by another administrator at ${incomingAt}; it is shown.`,
      );
    }
  }, [incoming, current, form.busy, dirty]);
  if (!draft || !current)
    return (
      <Card id="ruleset" title="Standing orders">
        <ErrorAlert error={form.error} />
        <p>Loading…</p>
      </Card>
    );
  const pending = incoming && incoming.version > current.version ? incoming : null;
  const change = (mutate: (r: Ruleset) => void) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      mutate(next);
      return next;
    });
  const save = form.onSubmit(
    async () => {
      const ruleset = structuredClone(draft);
      for (const rule of NUMBER_GROUPS.flatMap((g) => g.rules)) {
        const text = (numbers[rule.path] ?? '').trim();
        // An empty required number goes as null, so the api names it rather than the form guessing.
        const value = text === '' ? null : rule.percent ? Number(text) / 100 : Number(text);
        setAt(ruleset as unknown as Record<string, unknown>, rule.path, value);
      }
      ruleset.submission.constitutionalAmendmentBodyCodes = codesOf(bodyCodes);
      const body: RulesetUpdateDto = {
        ruleset,
        reason: reason.trim() || undefined,
        expectedVersion: current.version,
      };
      // Refused or not, what the save was checked against is read again (a member or a body may be new).
      const saved = await put<RulesetResponseDto>(`${base}/ruleset`, body).finally(loadRegister);
      load(saved);
      setReason('');
      setNote(null);
      void loadVersions();
      return saved;
    },
    (saved) => `Version ${saved.version} of the standing orders is in force.`,
  );
  const majoritySelect = (path: string, kind: string) => (
    <SelectField
      key={path}
      label={`Majority for ${VOTE_KIND_LABEL[kind] ?? label({}, kind)}`}
      error={form.errorFor(`ruleset.${path}`)}
      value={String(getAt(draft, path))}
      options={MAJORITY_LABEL}
      onChange={(value) =>
        change((r) => setAt(r as unknown as Record<string, unknown>, path, value as Majority))
      }
    />
  );
  const topics = draft.topics;
  const categoryCodes = Object.keys(draft.categories);
  const addCategory = () => {
    const code = codeOf(newCategory);
    if (!code) return;
    // A new category may attend, speak and vote, and does not count toward quorum until ticked.
    change((r) => {
      r.categories[code] = r.categories[code] ?? {
        mayAttend: true,
        maySpeak: true,
        mayVote: true,
        countsTowardQuorum: false,
        excludedTopics: [],
      };
    });
    setNewCategory('');
  };
  const removeCategory = (code: string) =>
    change((r) => {
      delete r.categories[code];
      r.submission.jointSubmissionCategories = r.submission.jointSubmissionCategories.filter(
        (c) => c !== code,
      );
    });
  const addTopic = () => {
    const code = codeOf(newTopic);
    if (!code) return;
    change((r) => void (r.topics.includes(code) || r.topics.push(code)));
    setNewTopic('');
  };
  const removeTopic = (topic: string) =>
    change((r) => {
      r.topics = r.topics.filter((t) => t !== topic);
      for (const rule of Object.values(r.categories))
        rule.excludedTopics = rule.excludedTopics.filter((t) => t !== topic);
    });
  // The api names a category's problems by its path (ruleset.categories.<code>...): listed by the table.
  const categoryErrors = form.errorsUnder('ruleset.categories');
  return (
    <Card id="ruleset" title="Standing orders">
      <p data-testid="ruleset-version">
        Version {pending?.version ?? current.version} is in force.{' '}
        {pending
          ? `You are editing version ${current.version}.`
          : `Save puts the whole ruleset in force as the next version${opened ? '; the AGM is open, so give the reason.' : '.'}`}
      </p>
      {pending && (
        <ChangedElsewhere
          testId="ruleset-changed"
          action={`Load version ${pending.version} (drops your edits)`}
          onReload={() => {
            load(pending);
            setReason('');
            setNote(null);
          }}
        >
          Another administrator put version {pending.version} in force at {incomingAt}, while you were editing
          version {current.version}. Your edits are not saved, and saving them now would be refused as made on
          an old version: load version {pending.version}, then make your change again.
        </ChangedElsewhere>
      )}
      <LiveNote note={note} testId="ruleset-note" />
      <form onSubmit={save} noValidate>
        <div className="grid two">
          {NUMBER_GROUPS.map((group) => (
            <fieldset key={group.legend}>
              <legend>{group.legend}</legend>
              {group.rules.map((rule) => (
                <InputField
                  key={rule.path}
                  label={rule.label}
                  hint={rule.hint}
                  error={form.errorFor(`ruleset.${rule.path}`)}
                  type="number"
                  inputMode={rule.percent ? 'decimal' : 'numeric'}
                  min={rule.min ?? (rule.percent ? 0 : 1)}
                  step={rule.percent ? 'any' : 1}
                  value={numbers[rule.path] ?? ''}
                  onChange={(value) => setNumbers((n) => ({ ...n, [rule.path]: value }))}
                />
              ))}
              {group.legend === 'Quorum' && (
                <Checkbox
                  checked={draft.quorum.remoteCounts}
                  onChange={(on) => change((r) => (r.quorum.remoteCounts = on))}
                >
                  Remote attendees count toward quorum
                </Checkbox>
              )}
            </fieldset>
          ))}
          <fieldset>
            <legend>Majorities</legend>
            {(
              ['motion', 'constitutional_amendment', 'amendment', 'emergency_admission', 'custom'] as const
            ).map((kind) => majoritySelect(`majorities.${kind}`, kind))}
          </fieldset>
          <fieldset>
            <legend>Procedural motions</legend>
            {Object.keys(draft.majorities.procedural).map((kind) =>
              majoritySelect(`majorities.procedural.${kind}`, kind),
            )}
          </fieldset>
          <fieldset>
            <legend>Votes</legend>
            <SelectField
              label="On a tie"
              error={form.errorFor('ruleset.tieRule')}
              value={draft.tieRule}
              options={TIE_LABEL}
              onChange={(value) => change((r) => (r.tieRule = value as Ruleset['tieRule']))}
            />
            <Checkbox
              checked={draft.ballotsChangeable}
              onChange={(on) => change((r) => (r.ballotsChangeable = on))}
            >
              A voter may change their ballot until the close (the last one counts)
            </Checkbox>
          </fieldset>
        </div>
        <fieldset className="shrinks" data-testid="categories">
          <legend>Membership categories</legend>
          <p className="hint">
            Who may attend, speak and vote, and who counts toward quorum. A ticked topic is one the category
            may vote on; untick it to exclude the category from votes on that topic (Napo: only full members
            vote on pay and conditions).
          </p>
          {categoryErrors.length > 0 && (
            <div role="alert" className="alert error" data-testid="category-errors">
              {categoryErrors.map(({ path, why }) => (
                <p key={path}>
                  {path === 'ruleset.categories'
                    ? why
                    : `${label({}, path.split('.')[2])}${path.split('.').length > 3 ? ` (${label({}, path.split('.')[3])})` : ''}: ${why}`}
                </p>
              ))}
            </div>
          )}
          <div
            className="table-scroll contained"
            tabIndex={0}
            role="region"
            aria-label="Member categories table"
          >
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  {holders && <th scope="col">Members holding it</th>}
                  {CATEGORY_FLAGS.map(([, text]) => (
                    <th scope="col" key={text}>
                      {text[0].toUpperCase() + text.slice(1)}
                    </th>
                  ))}
                  {topics.map((topic) => (
                    <th scope="col" key={topic}>
                      Votes on {label({}, topic)}
                    </th>
                  ))}
                  <th scope="col">Remove</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(draft.categories).map(([code, rule]) => (
                  <tr key={code}>
                    <th scope="row">{label({}, code)}</th>
                    {holders && <td>{holders[code] ?? 0}</td>}
                    {CATEGORY_FLAGS.map(([flag, text]) => (
                      <td key={flag}>
                        <Checkbox
                          hiddenLabel
                          checked={rule[flag]}
                          onChange={(on) => change((r) => (r.categories[code][flag] = on))}
                        >
                          {label({}, code)}: {text}
                        </Checkbox>
                      </td>
                    ))}
                    {topics.map((topic) => (
                      <td key={topic}>
                        <Checkbox
                          hiddenLabel
                          checked={!rule.excludedTopics.includes(topic)}
                          onChange={(votes) =>
                            change((r) => {
                              const others = r.categories[code].excludedTopics.filter((t) => t !== topic);
                              r.categories[code].excludedTopics = votes ? others : [...others, topic];
                            })
                          }
                        >
                          {label({}, code)}: votes on {label({}, topic)}
                        </Checkbox>
                      </td>
                    ))}
                    <td>
                      <RemoveCategory
                        code={code}
                        // Only a category in force can be held: one added in this draft is not saved yet.
                        heldBy={code in current.ruleset.categories ? (holders?.[code] ?? 0) : 0}
                        onRemove={() => removeCategory(code)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="grid two">
            <AddField
              label="New category"
              hint={
                newCategory.trim()
                  ? `Its code will be ${codeOf(newCategory)}: the register’s category column must read the same`
                  : 'As the membership register names it, e.g. Life member'
              }
              maxLength={40}
              value={newCategory}
              onChange={setNewCategory}
              button="Add category"
              onAdd={addCategory}
            />
            <AddField
              label="New topic"
              hint="A subject a motion can carry, so categories can be excluded from its votes, e.g. pensions"
              error={form.errorFor('ruleset.topics')}
              maxLength={40}
              value={newTopic}
              onChange={setNewTopic}
              button="Add topic"
              onAdd={addTopic}
            />
          </div>
          <ul className="topic-list" aria-label="Topics">
            {topics.map((topic) => (
              <li key={topic}>
                {label({}, topic)}{' '}
                <RowButton
                  action="Remove"
                  target={`the topic ${label({}, topic)}`}
                  onClick={() => removeTopic(topic)}
                />
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset data-testid="submission">
          <legend>Who may submit</legend>
          <CheckboxGroup
            legend="Constitutional amendments may come from"
            error={form.errorFor('ruleset.submission.constitutionalAmendmentBodyKinds')}
            options={Object.entries(BODY_KIND_LABEL)}
            chosen={draft.submission.constitutionalAmendmentBodyKinds}
            onChange={(kinds) => change((r) => (r.submission.constitutionalAmendmentBodyKinds = kinds))}
          >
            <AmendmentBodyCodes
              text={bodyCodes}
              onChange={setBodyCodes}
              inForce={current.ruleset.submission.constitutionalAmendmentBodyCodes}
              bodies={bodies}
              apiError={form.errorFor('ruleset.submission.constitutionalAmendmentBodyCodes')}
            />
          </CheckboxGroup>
          <CheckboxGroup
            legend="Joint motions by any two members of"
            error={form.errorFor('ruleset.submission.jointSubmissionCategories')}
            options={categoryCodes.map((code) => [code, label({}, code)] as const)}
            chosen={draft.submission.jointSubmissionCategories}
            onChange={(codes) => change((r) => (r.submission.jointSubmissionCategories = codes))}
          >
            {draft.submission.jointSubmissionCategories.length === 0 && (
              <p className="hint">None ticked: no joint motions.</p>
            )}
          </CheckboxGroup>
        </fieldset>
        <Field
          label="Reason for the change"
          hint={
            opened
              ? 'Required: the AGM is open, so the record must say why, e.g. the motion to suspend standing orders that was carried.'
              : 'Optional before the AGM opens; kept with the version.'
          }
          error={form.errorFor('reason')}
        >
          {(id, describedBy) => (
            <textarea
              id={id}
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={describedBy}
              aria-required={opened}
              aria-invalid={Boolean(form.errorFor('reason'))}
            />
          )}
        </Field>
        <Outcome of={form} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={form.busy}>
            Save the standing orders
          </button>
          <button type="button" disabled={form.busy || !dirty} onClick={() => load(current)}>
            Undo my edits
          </button>
        </div>
      </form>
      <details>
        <summary>Versions ({versions.length})</summary>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">In force from</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}</td>
                <td>{inZone(v.changedAt, zone)}</td>
                <td>{v.reason ?? (v.changedBy ? '—' : 'Defaults')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Card>
  );
}

// ---------------------------------------------------------------- sections

function Sections({
  base,
  startYear,
  revision,
  published,
}: {
  base: string;
  startYear?: number;
  revision: number;
  /** The order of business is published: the order of sections is fixed here (the SOC moves them on it). */
  published: boolean;
}) {
  const form = useForm();
  const [sections, setSections] = useState<SectionResponseDto[]>([]);
  const [bodies, setBodies] = useState<BodyResponseDto[]>([]);
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [year, setYear] = useState('');
  const reload = () => get<SectionResponseDto[]>(`${base}/sections`).then(setSections, () => undefined);
  // Another administrator's change: the list is read again (it has no unsaved edits to lose).
  useEffect(() => {
    if (revision > 0) void reload();
  }, [revision]);
  useEffect(() => {
    void reload();
    readBodies().then(setBodies, () => undefined);
  }, [base]);
  useEffect(() => {
    if (startYear && !year) setYear(String(startYear));
  }, [startYear]);
  const ownerOptions: Array<[string, string]> = [
    ['', 'No owning body'],
    ...bodies.map((b): [string, string] => [b.id, b.name]),
  ];
  const add = form.onSubmit(async () => {
    const body: SectionCreateDto = { name: name.trim(), owningBodyId: owner || null };
    await post<SectionResponseDto>(`${base}/sections`, body);
    setName('');
    setOwner('');
    await reload();
  }, `Section “${name.trim()}” added.`);
  const setOwnerOf = (section: SectionResponseDto, owningBodyId: string) => {
    const body: SectionUpdateDto = { owningBodyId: owningBodyId || null };
    void form.submit(async () => {
      await patch<SectionResponseDto>(`${base}/sections/${section.id}`, body);
      await reload();
    }, `Owner of “${section.name}” changed.`);
  };
  const move = (index: number, by: -1 | 1) => {
    const ids = sections.map((s) => s.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    const body: SectionOrderDto = { sectionIds: ids };
    void form.submit(
      async () => setSections(await put<SectionResponseDto[]>(`${base}/sections/order`, body)),
      `“${sections[index].name}” moved ${by < 0 ? 'up' : 'down'}.`,
    );
  };
  const remove = (section: SectionResponseDto) =>
    void form.submit(async () => {
      await request<void>('DELETE', `${base}/sections/${section.id}`);
      await reload();
    }, `Section “${section.name}” removed.`);
  const rotate = form.onSubmit(async () => {
    const body: SectionRotateDto = year.trim() ? { year: Number(year) } : {};
    setSections(await post<SectionResponseDto[]>(`${base}/sections/rotate`, body));
  }, 'Sections put in this year’s rotation.');
  return (
    <Card id="sections" title={`Sections (${sections.length})`}>
      <p className="hint">
        The committee headings motions are grouped under, in order: the order of business takes the sections
        in this order (rotate it for the year below). The Standing Orders Committee may move sections too; its
        moves show here. Once it publishes the order of business, only the SOC moves sections, on it.
      </p>
      {published && (
        <p className="alert warn" data-testid="sections-published">
          The order of business is published in this order of sections: moving or rotating them here is
          closed. The Standing Orders Committee moves sections on the order of business, with a reason.
        </p>
      )}
      <div className="table-scroll contained" tabIndex={0} role="region" aria-label="Sections table">
        <table className="list" data-testid="sections">
          <thead>
            <tr>
              <th scope="col">Place</th>
              <th scope="col">Section</th>
              <th scope="col">Owning body</th>
              <th scope="col">Order</th>
              <th scope="col">Remove</th>
            </tr>
          </thead>
          <tbody>
            {sections.map((s, i) => (
              <tr key={s.id}>
                <td>{s.position}</td>
                <td>{s.name}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`owner-${s.id}`}>
                    Owning body of {s.name}
                  </label>
                  <select
                    id={`owner-${s.id}`}
                    value={s.owningBodyId ?? ''}
                    disabled={form.busy}
                    onChange={(e) => setOwnerOf(s, e.target.value)}
                  >
                    {ownerOptions.map(([value, text]) => (
                      <option key={value} value={value}>
                        {text}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <div className="button-row">
                    <RowButton
                      action="Up"
                      target={s.name}
                      disabled={form.busy || published || i === 0}
                      onClick={() => move(i, -1)}
                    />
                    <RowButton
                      action="Down"
                      target={s.name}
                      disabled={form.busy || published || i === sections.length - 1}
                      onClick={() => move(i, 1)}
                    />
                  </div>
                </td>
                <td>
                  <RowButton action="Remove" target={s.name} disabled={form.busy} onClick={() => remove(s)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Outcome of={form} />
      <div className="grid two">
        <form onSubmit={add} noValidate aria-labelledby="add-section">
          <h3 id="add-section">Add a section</h3>
          <SectionNameField
            label="Section name"
            error={form.errorFor('name')}
            value={name}
            onChange={setName}
          />
          <SelectField
            label="Owning body"
            hint="The committee that owns the subject: its resolutions go to it"
            error={form.errorFor('owningBodyId')}
            value={owner}
            options={ownerOptions}
            onChange={setOwner}
          />
          <button type="submit" className="primary" disabled={form.busy}>
            Add section
          </button>
        </form>
        <form onSubmit={rotate} noValidate aria-labelledby="rotate-sections">
          <h3 id="rotate-sections">Rotate the order</h3>
          <InputField
            label="Conference year"
            hint="Alphabetical, moved on one place each year (Napo). Replaces the order above."
            error={form.errorFor('year')}
            type="number"
            inputMode="numeric"
            value={year}
            onChange={setYear}
          />
          <button type="submit" disabled={form.busy || published || sections.length === 0}>
            Rotate for this year
          </button>
        </form>
        {sections.length > 0 && (
          <RenameSection base={base} sections={sections} onRenamed={() => void reload()} />
        )}
      </div>
    </Card>
  );
}

/** A section's name, as the api takes it (up to 200 characters), for adding and for renaming. */
function SectionNameField(props: {
  label: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return <InputField {...props} maxLength={200} />;
}

/** Its own form, so its refusals (a name already used) show here and not at "Add a section". */
function RenameSection(props: { base: string; sections: SectionResponseDto[]; onRenamed: () => void }) {
  const form = useForm();
  const [sectionId, setSectionId] = useState('');
  const [name, setName] = useState('');
  const chosen = props.sections.find((s) => s.id === sectionId) ?? props.sections[0];
  const rename = form.onSubmit(async () => {
    const body: SectionUpdateDto = { name: name.trim() };
    await patch<SectionResponseDto>(`${props.base}/sections/${chosen.id}`, body);
    setName('');
    props.onRenamed();
  }, `“${chosen.name}” is now “${name.trim()}”.`);
  return (
    <form onSubmit={rename} noValidate aria-labelledby="rename-section">
      <h3 id="rename-section">Rename a section</h3>
      <SelectField
        label="Section to rename"
        value={chosen.id}
        options={props.sections.map((s): [string, string] => [s.id, s.name])}
        onChange={setSectionId}
      />
      <SectionNameField label="New name" error={form.errorFor('name')} value={name} onChange={setName} />
      <Outcome of={form} />
      <button type="submit" disabled={form.busy}>
        Rename
      </button>
    </form>
  );
}

// ---------------------------------------------------------------- roles

function Roles({ base, revision }: { base: string; revision: number }) {
  const me = useMe();
  const form = useForm();
  const [roles, setRoles] = useState<RoleAssignmentResponseDto[]>([]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleAssignDto['role']>('chair');
  const reload = () => get<RoleAssignmentResponseDto[]>(`${base}/roles`).then(setRoles, () => undefined);
  useEffect(() => {
    void reload();
  }, [base, revision]);
  const assign = form.onSubmit(
    async () => {
      const body: RoleAssignDto = { email: email.trim(), role };
      const given = await post<RoleAssignmentResponseDto>(`${base}/roles`, body);
      setEmail('');
      await reload();
      return given;
    },
    (given) => `${given.name} is now ${label(OFFICIAL_ROLE_LABEL, given.role)}.`,
  );
  const remove = (r: RoleAssignmentResponseDto) =>
    void form.submit(
      async () => {
        await request<void>('DELETE', `${base}/roles/${r.accountId}/${r.role}`);
        await reload();
      },
      `${r.name} is no longer ${label(OFFICIAL_ROLE_LABEL, r.role)}.`,
    );
  return (
    <Card id="roles" title="Officials’ roles">
      <div className="table-scroll contained" tabIndex={0} role="region" aria-label="Roles table">
        <table className="list" data-testid="roles">
          <thead>
            <tr>
              <th scope="col">Official</th>
              <th scope="col">Role</th>
              <th scope="col">Remove</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr key={`${r.accountId}-${r.role}`}>
                <td>
                  {r.name}
                  <br />
                  <span className="muted">{r.email}</span>
                </td>
                <td>{label(OFFICIAL_ROLE_LABEL, r.role)}</td>
                <td>
                  <RowButton
                    action="Remove"
                    target={`${label(OFFICIAL_ROLE_LABEL, r.role)} from ${r.name}`}
                    disabled={form.busy}
                    onClick={() => remove(r)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {roles.length === 0 && <p>No official has a role in this conference yet.</p>}
      <form onSubmit={assign} noValidate aria-labelledby="assign-role">
        <h3 id="assign-role">Give a role</h3>
        <InputField
          label="Official’s email"
          hint="Of an official account"
          error={form.errorFor('email', 'accountId')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <SelectField
          label="Role"
          error={form.errorFor('role')}
          value={role}
          options={OFFICIAL_ROLE_LABEL}
          onChange={(value) => setRole(value as RoleAssignDto['role'])}
        />
        <Outcome of={form} />
        <button type="submit" className="primary" disabled={form.busy}>
          Give the role
        </button>
      </form>
      {me?.isHeadOffice && <NewAccount onCreated={(account) => setEmail(account.email)} />}
    </Card>
  );
}

/** Head office only: an official account, so a new teller or monitor can be given a role. */
function NewAccount({ onCreated }: { onCreated: (account: AccountResponseDto) => void }) {
  const form = useForm();
  const [account, setAccount] = useState<AccountCreateDto>({ name: '', email: '', password: '' });
  const edit = (field: 'name' | 'email' | 'password', value: string) =>
    setAccount((a) => ({ ...a, [field]: value }));
  const create = form.onSubmit(
    async () => {
      const created = await post<AccountResponseDto>('/api/accounts', {
        ...account,
        name: account.name.trim(),
        email: account.email.trim(),
      });
      setAccount({ name: '', email: '', password: '' });
      onCreated(created);
      return created;
    },
    (created) =>
      `Account made for ${created.name}; give them the password in person. Their email is filled in above.`,
  );
  const input = (field: 'name' | 'email' | 'password', text: string, type: string, hint?: string) => (
    <InputField
      label={text}
      hint={hint}
      error={form.errorFor(field)}
      type={type}
      autoComplete={type === 'password' ? 'new-password' : 'off'}
      value={account[field]}
      onChange={(value) => edit(field, value)}
    />
  );
  return (
    <details>
      <summary>Make an official account</summary>
      <form onSubmit={create} noValidate aria-label="Make an official account">
        {input('name', 'Full name', 'text')}
        {input('email', 'Email', 'email')}
        {input('password', 'First password', 'password', 'At least 12 characters; they sign in with it')}
        <Outcome of={form} />
        <button type="submit" disabled={form.busy}>
          Make the account
        </button>
      </form>
    </details>
  );
}
