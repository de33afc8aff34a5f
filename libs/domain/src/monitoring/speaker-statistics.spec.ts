import fc from 'fast-check';
import { AttendanceMode, SpeechRole } from '../enums';
import { InvalidInput } from '../errors';
import { napoDefaultRuleset } from '../ruleset/ruleset';
import {
  defaultMonitoringQuestions,
  defineMonitoringQuestions,
  MonitoringAnswers,
} from './monitoring.questions';
import { MonitoredSpeech, MonitoringAttendeeProfile, StatCell } from './monitoring.types';
import {
  buildSpeakerReport,
  firstSpeechAtThisAgm,
  SpeakerReport,
  SpeakerReportGroup,
} from './speaker-statistics';
import { tableLines } from './suppression';

const ruleset = napoDefaultRuleset(); // suppression threshold 5
const questions = defaultMonitoringQuestions();
const start = new Date('2025-10-02T09:00:00Z').getTime();
const now = new Date('2025-10-03T17:00:00Z');

let clock = 0;
function speech(key: string, seconds: number, over: Partial<MonitoredSpeech> = {}): MonitoredSpeech {
  clock += 1;
  const startedAt = new Date(start + clock * 600_000);
  return {
    speechId: `sp${clock}`,
    pseudonymousKey: key,
    role: 'for',
    itemId: 'item-1',
    motionId: 'motion-1',
    sectionId: 'section-1',
    sessionId: 's1',
    startedAt,
    endedAt: new Date(startedAt.getTime() + seconds * 1000),
    attendanceMode: 'hall',
    ...over,
  };
}

function attendee(
  key: string,
  answers: MonitoringAnswers,
  attendanceMode: AttendanceMode = 'hall',
): MonitoringAttendeeProfile {
  return { key, answers, attendanceMode };
}

const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const value = (cell: StatCell) => cell.value;
const row = (group: SpeakerReportGroup, category: string) => {
  const found = group.categories.find((c) => c.category === category);
  if (!found) throw new Error(`no category ${category}`);
  return found;
};

/**
 * 20 registered attendees by gender: 10 women (w1-w10; w1-w5 remote), 6 men, 1 non-binary member,
 * 3 who prefer not to say (p3 answered nothing at all, which counts the same). w1-w5 and m1 say this
 * is their first AGM.
 * Session s1: w1-w6 speak once each, 120 s each (w1-w5 from home).
 * Session s2: w1 speaks again (60 s, remote), m1-m5 once each (60 s), n1 once (60 s).
 */
function fixture() {
  clock = 0;
  const attendees = [
    ...keys('w', 10).map((k, i) =>
      attendee(k, { gender: 'woman', first_agm: i < 5 ? 'yes' : 'no' }, i < 5 ? 'remote' : 'hall'),
    ),
    ...keys('m', 6).map((k, i) => attendee(k, { gender: 'man', first_agm: i === 0 ? 'yes' : 'no' })),
    attendee('n1', { gender: 'non_binary' }),
    attendee('p1', { gender: 'prefer_not_to_say' }),
    attendee('p2', { gender: 'prefer_not_to_say' }),
    attendee('p3', {}),
  ];
  const speeches = [
    ...keys('w', 6).map((k, i) =>
      speech(k, 120, { sessionId: 's1', attendanceMode: i < 5 ? 'remote' : 'hall' }),
    ),
    speech('w1', 60, { sessionId: 's2', attendanceMode: 'remote', role: 'against', motionId: 'motion-2' }),
    ...keys('m', 5).map((k) => speech(k, 60, { sessionId: 's2', motionId: 'motion-2' })),
    speech('n1', 60, { sessionId: 's2', motionId: 'motion-2' }),
  ];
  return { questions, speeches, attendees, now, attendeeProfileFixed: true };
}

describe('speaker statistics by category', () => {
  const report = buildSpeakerReport(fixture(), { questionCode: 'gender' }, ruleset);

  it('counts distinct speakers, speeches and speaking time per category', () => {
    // Women: w1-w6 = 6 speakers; 6 speeches in s1 + w1 again in s2 = 7; 6 x 120 s + 60 s = 780 s.
    expect(value(row(report.overall, 'woman').speakers)).toBe(6);
    expect(value(row(report.overall, 'woman').speeches)).toBe(7);
    expect(value(row(report.overall, 'woman').speakingSeconds)).toBe(780);
    // Men: m1-m5 = 5 speakers, 5 speeches, 5 x 60 s = 300 s.
    expect(value(row(report.overall, 'man').speakers)).toBe(5);
    expect(value(row(report.overall, 'man').speakingSeconds)).toBe(300);
    // All: 6 + 5 + 1 = 12 speakers, 7 + 5 + 1 = 13 speeches, 780 + 300 + 60 = 1140 s.
    expect(
      [
        report.overall.total.speakers,
        report.overall.total.speeches,
        report.overall.total.speakingSeconds,
      ].map(value),
    ).toEqual([12, 13, 1140]);
  });

  it('compares the speakers with the registered attendees as a representation ratio', () => {
    const women = row(report.overall, 'woman');
    // 6 of 12 speakers = 0.5; 10 of 20 attendees = 0.5; ratio 0.5 / 0.5 = 1.
    expect(value(women.attendees)).toBe(10);
    expect(value(women.speakerShare)).toBeCloseTo(0.5);
    expect(value(women.attendeeShare)).toBeCloseTo(0.5);
    expect(value(women.representationRatio)).toBeCloseTo(1);
    const men = row(report.overall, 'man');
    // 5 / 12 = 0.4167 of speakers; 6 / 20 = 0.3 of attendees; 0.4167 / 0.3 = 1.389.
    expect(value(men.representationRatio)).toBeCloseTo(5 / 12 / 0.3);
    expect(value(report.overall.total.attendees)).toBe(20);
  });

  it('suppresses every cell under the threshold, with its time, shares and ratio', () => {
    const nonBinary = row(report.overall, 'non_binary'); // 1 speaker, 1 attendee
    for (const cell of [
      nonBinary.speakers,
      nonBinary.speeches,
      nonBinary.speakingSeconds,
      nonBinary.attendees,
      nonBinary.speakerShare,
      nonBinary.representationRatio,
    ]) {
      expect(cell).toEqual({ value: null, flag: 'suppressed' });
    }
    // Nobody who prefers not to say spoke (0 < 5), and only 3 of them registered (p3 by default).
    expect(row(report.overall, 'prefer_not_to_say').speakers.flag).toBe('suppressed');
    expect(row(report.overall, 'prefer_not_to_say').attendees.flag).toBe('suppressed');
  });

  it('counts first-time speakers at this AGM and self-declared first AGM ever', () => {
    // Every speaker's first speech is in the set: 6 women, 5 men, 1 non-binary = 12.
    expect(value(report.overall.total.firstTimeSpeakers)).toBe(12);
    expect(value(row(report.overall, 'woman').firstTimeSpeakers)).toBe(6);
    // First AGM ever among speakers: w1-w5 (5) and m1 (1, suppressed); total 6.
    expect(value(row(report.overall, 'woman').firstAgmEverSpeakers)).toBe(5);
    expect(row(report.overall, 'man').firstAgmEverSpeakers.flag).toBe('suppressed');
    expect(value(report.overall.total.firstAgmEverSpeakers)).toBe(6);
  });

  it('hides a cell that subtraction from the total would give back', () => {
    // LGBT+: 3 yes, 12 no, 5 prefer not to say. The 3 is suppressed; 20 - 12 - 5 would give it back,
    // so the next smallest cell (5) is suppressed too although it is not under the threshold.
    const input = fixture();
    input.attendees = input.attendees.map((a, i) => ({
      ...a,
      answers: { lgbt: i < 3 ? 'yes' : i < 15 ? 'no' : 'prefer_not_to_say' },
    }));
    const lgbt = buildSpeakerReport(input, { questionCode: 'lgbt' }, ruleset);
    expect(row(lgbt.overall, 'yes').attendees.flag).toBe('suppressed');
    expect(value(row(lgbt.overall, 'no').attendees)).toBe(12);
    expect(row(lgbt.overall, 'prefer_not_to_say').attendees.flag).toBe('suppressed');
    expect(value(lgbt.overall.total.attendees)).toBe(20);
  });

  it('counts a speech still going up to now', () => {
    const input = fixture();
    input.speeches = [
      speech('w7', 0, { endedAt: null, startedAt: new Date(now.getTime() - 90_000) }),
      ...input.speeches,
    ];
    const live = buildSpeakerReport(input, { questionCode: 'gender' }, ruleset);
    // 780 s as before, plus 90 s of w7's speech so far.
    expect(value(row(live.overall, 'woman').speakingSeconds)).toBe(870);
  });

  it('refuses a question that is not on the form', () => {
    expect(() => buildSpeakerReport(fixture(), { questionCode: 'religion' }, ruleset)).toThrow(InvalidInput);
  });

  it('takes the threshold from the ruleset', () => {
    const strict = buildSpeakerReport(
      fixture(),
      { questionCode: 'gender' },
      { monitoring: { suppressionThreshold: 7 } },
    );
    // 6 women speakers is under 7 now; 5 men too, so neither is alone and the total 12 stays.
    expect(row(strict.overall, 'woman').speakers.flag).toBe('suppressed');
    expect(value(row(strict.overall, 'woman').attendees)).toBe(10);
    expect(strict.suppressionThreshold).toBe(7);
  });
});

describe('speaker statistics broken down', () => {
  it('splits by session and hides what subtraction across sessions would reveal', () => {
    const report = buildSpeakerReport(fixture(), { questionCode: 'gender', breakdownBy: 'session' }, ruleset);
    expect(report.groups.map((g) => g.key)).toEqual(['s1', 's2']);
    const [s1, s2] = report.groups;
    // s1: 6 women. s2: 1 woman (w1 again), 5 men, 1 non-binary member. The 1 woman in s2 is hidden; then
    // the women's column (7 speeches = 6 + 1) would give it back, so s1's 6 women are hidden too; the
    // 0 men in s1 likewise hides the 5 men of s2.
    expect(
      s1.categories.every((c) => c.speakers.flag === 'suppressed' && c.speakingSeconds.flag === 'suppressed'),
    ).toBe(true);
    expect(s2.categories.every((c) => c.speakers.flag === 'suppressed')).toBe(true);
    expect([s1.total.speakers, s2.total.speakers].map(value)).toEqual([6, 7]);
    expect([s1.total.speakingSeconds, s2.total.speakingSeconds].map(value)).toEqual([720, 420]);
    expect(value(row(report.overall, 'woman').speakers)).toBe(6);
    // Only s1 has anyone's first speech among the women: s1 6, s2 0 (w1 spoke before), all 6.
    expect(value(s1.total.firstTimeSpeakers)).toBe(6);
    expect(value(s2.total.firstTimeSpeakers)).toBe(6);
  });

  it('compares hall and remote speakers with hall and remote attendees', () => {
    const report = buildSpeakerReport(
      fixture(),
      { questionCode: 'gender', breakdownBy: 'attendance_mode' },
      ruleset,
    );
    const [hall, remote] = report.groups;
    expect([hall.key, remote.key]).toEqual(['hall', 'remote']);
    // Remote attendees are w1-w5 only: 5 women of 5. Showing 5 of 5 would say every remote attendee is
    // a woman (a share of 1), so the 5 is hidden with the zeros; the hall's 5 women go with it, or
    // 10 women overall - 5 in the hall would give it back.
    expect(row(remote, 'woman').attendees.flag).toBe('suppressed');
    expect(row(remote, 'woman').attendeeShare.flag).toBe('suppressed');
    expect(value(remote.total.attendees)).toBe(5);
    expect(row(hall, 'woman').attendees.flag).toBe('suppressed');
    // Hall: 15 in all; the 6 men are hidden because the 0 remote men would otherwise be the only hidden
    // cell in the men's column (6 - 6 = 0).
    expect(row(hall, 'man').attendees.flag).toBe('suppressed');
    expect(value(hall.total.attendees)).toBe(15);
    // Remote speakers: w1-w5 (5 speakers; 5 x 120 s + w1's 60 s = 660 s in 6 speeches), hall 7.
    expect([hall.total.speakers, remote.total.speakers].map(value)).toEqual([7, 5]);
    expect(value(remote.total.speakingSeconds)).toBe(660);
  });

  it('filters to remote speakers against remote attendees', () => {
    const report = buildSpeakerReport(
      fixture(),
      { questionCode: 'gender', filter: { attendanceMode: 'remote' } },
      ruleset,
    );
    // 5 remote women speakers of 5 remote women attendees: shares of 1 would say every remote speaker
    // and attendee is a woman, so neither the counts nor the shares nor the ratio are shown.
    const women = row(report.overall, 'woman');
    for (const cell of [
      women.speakers,
      women.attendees,
      women.speakerShare,
      women.attendeeShare,
      women.representationRatio,
    ])
      expect(cell.flag).toBe('suppressed');
    expect(value(report.overall.total.speakers)).toBe(5);
    expect(value(report.overall.total.attendees)).toBe(5);
  });

  it('returns suppressed cells, not a refusal, for a breakdown narrow enough to isolate one person', () => {
    // Motion 2 in session 2 had one speech against it: w1's.
    const report = buildSpeakerReport(
      fixture(),
      { questionCode: 'gender', filter: { motionId: 'motion-2', roles: ['against'] }, breakdownBy: 'role' },
      ruleset,
    );
    const cells = [report.overall, ...report.groups].flatMap((g) =>
      g.categories.flatMap((c) => [
        c.speakers,
        c.speeches,
        c.speakingSeconds,
        c.speakerShare,
        c.representationRatio,
      ]),
    );
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.flag === 'suppressed' && c.value === null)).toBe(true);
    expect(report.overall.total.speakers.flag).toBe('suppressed');
  });

  it('derives the first speech at this AGM from the order of speeches, not counting points of order', () => {
    clock = 0;
    const pointOfOrder = speech('a', 30, { role: 'point_of_order' });
    const first = speech('a', 120, { role: 'against' });
    const again = speech('a', 60, { role: 'for', motionId: 'motion-2' });
    // Given out of order on purpose: the order comes from startedAt.
    expect([...firstSpeechAtThisAgm([again, first, pointOfOrder])]).toEqual([first.speechId]);
  });
});

describe('what the monitoring output never carries', () => {
  it('gives no per-person answer even when every attendee answers uniquely', () => {
    clock = 0;
    const branchQuestion = {
      code: 'home_branch',
      label: 'Home branch',
      answers: keys('b', 12).map((code) => ({ code, label: `Branch ${code}` })),
    };
    const withBranch = defineMonitoringQuestions([branchQuestion]);
    const people = keys('person', 12);
    const attendees = people.map((key, i) => attendee(key, { home_branch: `b${i + 1}` }));
    const speeches = people.map((key) => ({ ...speech(key, 180), memberId: `member-of-${key}` }));
    const report = buildSpeakerReport(
      { questions: withBranch, speeches, attendees, now, attendeeProfileFixed: true },
      { questionCode: 'home_branch' },
      ruleset,
    );

    const categoryCells = report.overall.categories.flatMap((c) =>
      Object.entries(c)
        .filter(([k]) => !['category', 'label'].includes(k))
        .map(([, v]) => v as StatCell),
    );
    expect(categoryCells.every((cell) => cell.flag === 'suppressed' && cell.value === null)).toBe(true);
    // The totals are shown (12 people spoke), but no cell, key or member id can tie an answer to anyone.
    expect(value(report.overall.total.speakers)).toBe(12);
    const text = JSON.stringify(report);
    for (const key of people) expect(text).not.toContain(`"${key}"`);
    expect(text).not.toContain('member-of-');
  });
});

describe('suppression across a whole report (property)', () => {
  const roles: SpeechRole[] = ['mover', 'for', 'against', 'point_of_order'];
  const people = fc.array(
    fc.record({
      gender: fc.constantFrom('woman', 'man', 'non_binary', 'prefer_not_to_say'),
      remote: fc.boolean(),
    }),
    { minLength: 1, maxLength: 40 },
  );
  const talks = fc.array(
    fc.record({
      who: fc.nat(),
      session: fc.constantFrom('s1', 's2', 's3'),
      role: fc.constantFrom(...roles),
      seconds: fc.integer({ min: 1, max: 300 }),
    }),
    { maxLength: 80 },
  );

  it('never publishes a count under the threshold, nor one that subtraction gives back', () => {
    fc.assert(
      fc.property(
        people,
        talks,
        fc.constantFrom('session', 'role', 'attendance_mode') as fc.Arbitrary<
          'session' | 'role' | 'attendance_mode'
        >,
        (folk, said, breakdownBy) => {
          clock = 0;
          const attendees = folk.map((p, i) =>
            attendee(`k${i}`, { gender: p.gender }, p.remote ? 'remote' : 'hall'),
          );
          const speeches = said.map((t) => {
            const who = t.who % folk.length;
            return speech(`k${who}`, t.seconds, {
              sessionId: t.session,
              role: t.role,
              attendanceMode: folk[who].remote ? 'remote' : 'hall',
            });
          });
          const report = buildSpeakerReport(
            { questions, speeches, attendees, now, attendeeProfileFixed: true },
            { questionCode: 'gender', breakdownBy },
            ruleset,
          );
          for (const group of [report.overall, ...report.groups]) {
            for (const cell of [
              ...group.categories.flatMap((c) => [c.speakers, c.attendees, c.firstTimeSpeakers]),
              group.total.speakers,
              group.total.attendees,
            ]) {
              if (cell.flag === 'shown')
                expect(cell.value).toBeGreaterThanOrEqual(ruleset.monitoring.suppressionThreshold);
            }
          }
          expect(recoverableSpeechCounts(report)).toEqual([]);
          // The overall figures read the same with or without a breakdown, so two reports cannot be combined.
          const plain = buildSpeakerReport(
            { questions, speeches, attendees, now, attendeeProfileFixed: true },
            { questionCode: 'gender' },
            ruleset,
          );
          expect(report.overall).toEqual(plain.overall);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Speech counts add up across groups and categories: try subtraction on every row and column. */
function recoverableSpeechCounts(report: SpeakerReport): string[] {
  const groups = report.groups;
  const hidden = (c: StatCell) => c.flag === 'suppressed';
  const table = {
    cells: groups.map((g) => g.categories.map((c) => (hidden(c.speeches) ? -1 : 0))),
    rowTotals: groups.map((g) => (hidden(g.total.speeches) ? -1 : 0)),
    columnTotals: report.overall.categories.map((c) => (hidden(c.speeches) ? -1 : 0)),
    grandTotal: hidden(report.overall.total.speeches) ? -1 : 0,
  };
  // -1 marks a hidden place; a line with a shown total and exactly one hidden part gives it away.
  const isHidden = (slot: { kind: string; row?: number; column?: number; index?: number }): boolean =>
    slot.kind === 'cell'
      ? table.cells[slot.row!][slot.column!] < 0
      : slot.kind === 'row'
        ? table.rowTotals[slot.index!] < 0
        : slot.kind === 'column'
          ? table.columnTotals[slot.index!] < 0
          : table.grandTotal < 0;
  if (groups.length === 0) return [];
  return tableLines(table)
    .filter((line) => !isHidden(line.total) && line.parts.filter((p) => isHidden(p.slot)).length === 1)
    .map((line) => JSON.stringify(line.total));
}
