import fc from 'fast-check';
import { AttendanceMode, SpeechRole } from '../enums';
import { napoDefaultRuleset } from '../ruleset/ruleset';
import { defaultMonitoringQuestions } from './monitoring.questions';
import { MonitoredSpeech, MonitoringAttendeeProfile, StatCell } from './monitoring.types';
import {
  buildSpeakerReport,
  MonitoringBreakdown,
  MonitoringSpeechFilter,
  SpeakerCounts,
  SpeakerReport,
  SpeakerReportGroup,
} from './speaker-statistics';
import { planMeasure } from './suppression-plan';

const ruleset = napoDefaultRuleset(); // suppression threshold 5
const questions = defaultMonitoringQuestions();
const genders = questions.find((q) => q.code === 'gender')!.answers.map((a) => a.code);
const now = new Date('2025-10-03T17:00:00Z');
const start = new Date('2025-10-02T09:00:00Z').getTime();

interface Person {
  gender: string;
  mode: AttendanceMode;
}
interface Talk {
  who: number;
  session: string;
  role: SpeechRole;
}

function inputs(folk: Person[], said: Talk[], attendeeProfileFixed = true) {
  const attendees: MonitoringAttendeeProfile[] = folk.map((p, i) => ({
    key: `k${i}`,
    answers: { gender: p.gender },
    attendanceMode: p.mode,
  }));
  const speeches: MonitoredSpeech[] = said.map((t, i) => {
    const who = t.who % folk.length;
    const startedAt = new Date(start + i * 600_000);
    return {
      speechId: `sp${i}`,
      pseudonymousKey: `k${who}`,
      role: t.role,
      itemId: 'item-1',
      motionId: 'motion-1',
      sectionId: 'section-1',
      sessionId: t.session,
      startedAt,
      endedAt: new Date(startedAt.getTime() + 60_000),
      attendanceMode: folk[who].mode,
    };
  });
  return { questions, speeches, attendees, now, attendeeProfileFixed };
}

const report = (
  data: ReturnType<typeof inputs>,
  filter: MonitoringSpeechFilter = {},
  breakdownBy: MonitoringBreakdown | null = null,
) => buildSpeakerReport(data, { questionCode: 'gender', filter, breakdownBy }, ruleset);

/** A measure that adds up exactly across groups (speeches, attendees), read from a group's figures. */
type Measure = 'speeches' | 'attendees';

/** What a monitor knows of one measure: every cell any response published, by group. */
interface Knowledge {
  overall: (number | null)[];
  overallTotal: number | null;
  /** dimension -> group key -> cells and total (null: not shown anywhere) */
  groups: Map<string, Map<string, { cells: (number | null)[]; total: number | null }>>;
}

const val = (c: StatCell) => (c.flag === 'shown' ? c.value : null);

/**
 * Asks every question a monitor can ask with one narrowing (the plain report, each breakdown, each
 * single filter with and without the matching breakdown) and collects what was shown. Also checks
 * that a group's row reads the same in every response that shows it.
 */
function everythingPublished(data: ReturnType<typeof inputs>, measure: Measure): Knowledge {
  const plain = report(data);
  const knowledge: Knowledge = {
    overall: plain.overall.categories.map((c) => val(c[measure])),
    overallTotal: val(plain.overall.total[measure]),
    groups: new Map(),
  };
  const learn = (dimension: string, key: string, group: SpeakerReportGroup) => {
    const row = {
      cells: group.categories.map((c) => val(c[measure])),
      total: val(group.total[measure]),
    };
    const byKey = knowledge.groups.get(dimension) ?? new Map();
    knowledge.groups.set(dimension, byKey);
    const seen = byKey.get(key);
    // Two responses showing the same group differently could be combined: they must agree.
    if (seen) expect(row).toEqual(seen);
    else byKey.set(key, row);
  };
  const dimensions: [MonitoringBreakdown, (key: string) => MonitoringSpeechFilter, string[]][] = [
    ['session', (k) => ({ sessionId: k }), ['s1', 's2', 's3']],
    ['role', (k) => ({ roles: [k as SpeechRole] }), ['mover', 'for', 'against', 'point_of_order']],
    ['attendance_mode', (k) => ({ attendanceMode: k as AttendanceMode }), ['hall', 'remote']],
  ];
  for (const [dimension, filterOf, keys] of dimensions) {
    // The attendee base splits by mode only: for any other breakdown every group repeats the overall.
    if (measure === 'attendees' && dimension !== 'attendance_mode') continue;
    const broken = report(data, {}, dimension);
    expect(broken.overall).toEqual(plain.overall);
    for (const group of broken.groups) learn(dimension, group.key!, group);
    for (const key of keys) {
      learn(dimension, key, report(data, filterOf(key)).overall);
      for (const group of report(data, filterOf(key), dimension).groups) learn(dimension, key, group);
    }
  }
  return knowledge;
}

/**
 * The attack: every published sum is a line (a group's categories add up to its total; a category's
 * groups add up to its overall figure). Solve any line with one unknown, repeat until nothing moves.
 * Returns the cells recovered, and the lines whose unknowns are known to add up to 0 (a share of 0 or 1).
 */
function attack(k: Knowledge, truth: { dimension: string; keys: string[]; cells: number[][] }[]) {
  const recovered: string[] = [];
  const zeroSums: string[] = [];
  for (const { dimension, keys, cells } of truth) {
    const rows = keys.map((key) => {
      const known = k.groups.get(dimension)?.get(key);
      return {
        cells: cells[keys.indexOf(key)].map((_, c) => known?.cells[c] ?? null),
        total: known?.total ?? null,
      };
    });
    const lines = () => [
      ...rows.map((row, r) => ({
        name: `${dimension}:${keys[r]}`,
        parts: row.cells,
        total: row.total,
        set: (i: number, v: number) => (row.cells[i] = v),
        groupOf: () => r,
      })),
      ...k.overall.map((total, c) => ({
        name: `${dimension}:column ${genders[c]}`,
        parts: rows.map((row) => row.cells[c]),
        total,
        set: (i: number, v: number) => (rows[i].cells[c] = v),
        groupOf: (i: number) => i,
      })),
    ];
    let progress = true;
    while (progress) {
      progress = false;
      for (const line of lines()) {
        if (line.total === null) continue;
        const unknown = line.parts.map((p, i) => (p === null ? i : -1)).filter((i) => i >= 0);
        const rest = line.total - line.parts.reduce<number>((a, p) => a + (p ?? 0), 0);
        if (unknown.length === 1) {
          line.set(unknown[0], rest);
          // A cell of a group nobody is in (no remote attendees, say) is 0 for everyone to see: it tells
          // nothing about any person, so only a cell of a group with people in it counts as given back.
          const groupSize = cells[line.groupOf(unknown[0])].reduce((a, b) => a + b, 0);
          if (groupSize > 0) recovered.push(`${line.name} #${unknown[0]} = ${rest}`);
          progress = true;
        } else if (unknown.length > 1 && rest === 0) {
          zeroSums.push(line.name);
        }
      }
    }
  }
  return { recovered, zeroSums: [...new Set(zeroSums)] };
}

/** The true counts of one breakdown, every group whether or not anyone in it spoke. */
function truth(data: ReturnType<typeof inputs>, measure: Measure) {
  const genderOf = (key: string) =>
    genders.indexOf(data.attendees.find((a) => a.key === key)!.answers.gender);
  const table = (dimension: string, keys: string[], of: (s: MonitoredSpeech) => string) => ({
    dimension,
    keys,
    cells: keys.map((key) => {
      const row = genders.map(() => 0);
      for (const s of data.speeches) if (of(s) === key) row[genderOf(s.pseudonymousKey)] += 1;
      return row;
    }),
  });
  if (measure === 'attendees') {
    const keys = ['hall', 'remote'];
    return [
      {
        dimension: 'attendance_mode',
        keys,
        cells: keys.map((mode) => {
          const row = genders.map(() => 0);
          for (const a of data.attendees) if (a.attendanceMode === mode) row[genderOf(a.key)] += 1;
          return row;
        }),
      },
    ];
  }
  return [
    table('session', ['s1', 's2', 's3'], (s) => s.sessionId),
    table('role', ['mover', 'for', 'against', 'point_of_order'], (s) => s.role),
    table('attendance_mode', ['hall', 'remote'], (s) => s.attendanceMode),
  ];
}

// Weighted towards one answer, so that groups where everyone gave the same answer come up often.
const people = fc.array(
  fc.record({
    gender: fc.constantFrom('woman', 'woman', 'woman', 'man', 'prefer_not_to_say'),
    mode: fc.constantFrom<AttendanceMode>('hall', 'remote'),
  }),
  { minLength: 1, maxLength: 30 },
);
const talks = fc.array(
  fc.record({
    who: fc.nat(),
    session: fc.constantFrom('s1', 's2', 's3'),
    role: fc.constantFrom<SpeechRole>('mover', 'for', 'against', 'point_of_order'),
  }),
  { maxLength: 40 },
);

describe('one suppression plan across the overall figures and every breakdown', () => {
  it('leaves no hidden cell that differences between any published responses give back (property)', () => {
    fc.assert(
      fc.property(people, talks, (folk, said) => {
        const data = inputs(folk, said);
        for (const measure of ['speeches', 'attendees'] as const) {
          const { recovered, zeroSums } = attack(everythingPublished(data, measure), truth(data, measure));
          expect(recovered).toEqual([]);
          expect(zeroSums).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never publishes a share of 0 or 1 in any group (property)', () => {
    fc.assert(
      fc.property(people, talks, (folk, said) => {
        const data = inputs(folk, said);
        const reports: SpeakerReport[] = [
          report(data),
          ...(['session', 'role', 'attendance_mode'] as const).map((b) => report(data, {}, b)),
          report(data, { attendanceMode: 'remote' }),
          report(data, { attendanceMode: 'hall' }),
        ];
        for (const r of reports)
          for (const group of [r.overall, ...r.groups])
            for (const row of group.categories) {
              for (const share of [row.speakerShare, row.attendeeShare]) {
                if (share.flag === 'shown') {
                  expect(share.value).toBeGreaterThan(0);
                  expect(share.value).toBeLessThan(1);
                }
              }
              // Nor a count that, with its total, makes one.
              for (const m of ['speakers', 'attendees'] as const) {
                const [part, whole] = [row[m], group.total[m] as SpeakerCounts[typeof m]];
                if (part.flag === 'shown' && whole.flag === 'shown') expect(part.value).not.toBe(whole.value);
              }
            }
      }),
      { numRuns: 150 },
    );
  });

  it('hides the remote women the hall and overall figures would otherwise give back (7 - 5 = 2)', () => {
    // 7 women (5 hall, 2 remote) and 7 men (5 hall, 2 remote), 3 who prefer not to say (hall): the old
    // per-response suppression showed the overall 7 and the hall 5, and hid only the remote 2.
    const folk: Person[] = [
      ...Array.from({ length: 3 }, () => ({ gender: 'prefer_not_to_say', mode: 'hall' as const })),
      ...Array.from({ length: 5 }, () => ({ gender: 'woman', mode: 'hall' as const })),
      ...Array.from({ length: 2 }, () => ({ gender: 'woman', mode: 'remote' as const })),
      ...Array.from({ length: 5 }, () => ({ gender: 'man', mode: 'hall' as const })),
      ...Array.from({ length: 2 }, () => ({ gender: 'man', mode: 'remote' as const })),
    ];
    const data = inputs(folk, [{ who: 0, session: 's1', role: 'for' }]);
    const women = (g: SpeakerReportGroup) => g.categories.find((c) => c.category === 'woman')!.attendees;
    expect(val(women(report(data).overall))).toBe(7);
    expect(women(report(data, { attendanceMode: 'hall' }).overall).flag).toBe('suppressed');
    expect(women(report(data, { attendanceMode: 'remote' }).overall).flag).toBe('suppressed');
    // The same in the breakdown, even though only the hall group has a speaker.
    const broken = report(data, {}, 'attendance_mode');
    expect(broken.groups.map((g) => g.key)).toEqual(['hall']);
    expect(women(broken.groups[0]).flag).toBe('suppressed');
  });

  it('does not move the attendee profile when one attendee changes their answer before it is fixed (property)', () => {
    fc.assert(
      fc.property(
        people,
        fc.nat(),
        fc.constantFrom('woman', 'man', 'non_binary', 'prefer_not_to_say'),
        (folk, who, to) => {
          const before = inputs(folk, [], false);
          const edited = folk.map((p, i) => (i === who % folk.length ? { ...p, gender: to } : p));
          const after = inputs(edited, [], false);
          for (const [filter, breakdown] of [
            [{}, null],
            [{ attendanceMode: 'remote' }, null],
            [{ attendanceMode: 'hall' }, null],
            [{}, 'attendance_mode'],
          ] as [MonitoringSpeechFilter, MonitoringBreakdown | null][]) {
            expect(report(after, filter, breakdown)).toEqual(report(before, filter, breakdown));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('publishes the attendee categories once the profile is fixed', () => {
    // 6 women, 6 men, 3 who prefer not to say: no answer holds everyone, and the hidden ones add up to 3.
    const folk: Person[] = Array.from({ length: 15 }, (_, i) => ({
      gender: i < 6 ? 'woman' : i < 12 ? 'man' : 'prefer_not_to_say',
      mode: 'hall',
    }));
    const open = report(inputs(folk, []));
    const notYet = report(inputs(folk, [], false));
    const women = (r: SpeakerReport) => r.overall.categories.find((c) => c.category === 'woman')!;
    expect(val(women(open).attendees)).toBe(6);
    expect(val(women(open).attendeeShare)).toBe(6 / 15);
    expect(women(notYet).attendees.flag).toBe('suppressed');
    expect(women(notYet).attendeeShare.flag).toBe('suppressed');
    // How many are registered is nobody's answer, and is still shown.
    expect(val(notYet.overall.total.attendees)).toBe(15);
  });

  it('shows a two-way table (a session by role) with its totals but no answer categories', () => {
    // 12 women, 12 men and 6 who prefer not to say speak in session s1: plenty in every one-way cell.
    const folk: Person[] = Array.from({ length: 30 }, (_, i) => ({
      gender: i < 12 ? 'woman' : i < 24 ? 'man' : 'prefer_not_to_say',
      mode: 'hall',
    }));
    const said: Talk[] = folk.map((_, who) => ({ who, session: 's1', role: 'for' }));
    const data = inputs(folk, [...said, { who: 0, session: 's1', role: 'against' }]);
    const oneWay = report(data, { sessionId: 's1' });
    expect(oneWay.overall.categories.find((c) => c.category === 'woman')!.speakers.flag).toBe('shown');
    const twoWay = report(data, { sessionId: 's1' }, 'role');
    // The filtered overall row is the one-way row; the groups are cross-tabulated, so categories are hidden.
    expect(twoWay.overall).toEqual(oneWay.overall);
    for (const group of twoWay.groups) {
      for (const c of group.categories) expect(c.speakers.flag).toBe('suppressed');
      expect(group.total.firstAgmEverSpeakers.flag).toBe('suppressed');
    }
    expect(val(twoWay.groups.find((g) => g.key === 'for')!.total.speakers)).toBe(30);
  });

  it('hides a row whose shown cell is the whole group, and its partner in the column', () => {
    // Remote: 6 women and nobody else (share 1); hall: 6 women, 6 men, 6 who prefer not to say.
    const plan = planMeasure(
      {
        overall: [12, 6, 6],
        overallTotal: 24,
        breakdowns: {
          mode: {
            keys: ['hall', 'remote'],
            cells: [
              [6, 6, 6],
              [6, 0, 0],
            ],
            totals: [18, 6],
          },
        },
      },
      5,
    );
    expect(plan.overall).toEqual({ cells: [false, false, false], total: false });
    // Two hidden zeros add up to 0: the 6 would be everyone. It is hidden with them.
    expect(plan.breakdowns.mode.rows[1]).toEqual({ cells: [true, true, true], total: false });
    // Each column would otherwise give a remote cell back as overall - hall.
    expect(plan.breakdowns.mode.rows[0]).toEqual({ cells: [true, true, true], total: false });
  });
});
