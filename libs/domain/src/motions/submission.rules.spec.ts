import { zonedWallTimeToInstant } from '../conferences/conference.rules';
import { DeadlinePassed, Forbidden, InvalidInput, StandingOrderViolation } from '../errors';
import { napoDefaultRuleset, Ruleset } from '../ruleset/ruleset';
import {
  assertActsForBody,
  assertMaySubmit,
  assertValidJointSubmission,
  countWords,
  SubmissionContext,
} from './submission.rules';

const tz = 'Europe/London';
const motionsDeadline = zonedWallTimeToInstant('2025-08-12', '12:00', tz);
const amendmentsDeadline = zonedWallTimeToInstant('2025-09-09', '12:00', tz);
const emergencyDeadline = zonedWallTimeToInstant('2025-09-30', '12:00', tz);
const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

function submission(overrides: Partial<SubmissionContext> = {}): SubmissionContext {
  return {
    body: { id: 'b-london', kind: 'branch', code: null, name: 'London Branch' },
    kind: 'motion',
    now: minutes(motionsDeadline, -60),
    deadlines: { motions: motionsDeadline, amendments: amendmentsDeadline, emergency: emergencyDeadline },
    timeZone: tz,
    conference: { acceptsConstitutionalAmendments: true },
    existingCountsForBody: { motions: 0, constitutionalAmendments: 0 },
    ruleset: napoDefaultRuleset(),
    ...overrides,
  };
}

function refusal(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('the motions deadline', () => {
  it('takes a motion an hour before noon on the deadline day', () => {
    expect(() => assertMaySubmit(submission())).not.toThrow();
  });

  it('takes a motion at noon exactly: "by 12:00" includes 12:00', () => {
    expect(() => assertMaySubmit(submission({ now: motionsDeadline }))).not.toThrow();
  });

  it('refuses a motion one minute after the deadline, naming it in conference time and pointing to the emergency route', () => {
    const error = refusal(() => assertMaySubmit(submission({ now: minutes(motionsDeadline, 1) })));
    expect(error).toBeInstanceOf(DeadlinePassed);
    expect(error.message).toContain('Motions closed at 12:00 on 12 August 2025 (Europe/London)');
    expect(error.message).toMatch(/emergency motion \(SO 7\)/);
  });

  it('names a winter deadline in GMT wall-clock time, not UTC of another zone', () => {
    const winter = zonedWallTimeToInstant('2025-12-01', '12:00', tz);
    const error = refusal(() =>
      assertMaySubmit(
        submission({
          deadlines: { motions: winter, amendments: winter, emergency: null },
          now: minutes(winter, 1),
        }),
      ),
    );
    expect(error.message).toContain('12:00 on 1 December 2025 (Europe/London)');
  });

  it('takes back a motion the SOC returned for editing after the deadline: the deadline was met when it was first submitted', () => {
    const afterDeadline = minutes(motionsDeadline, 60 * 24 * 7);
    expect(() =>
      assertMaySubmit(submission({ now: afterDeadline, resubmittingReturned: true })),
    ).not.toThrow();
    expect(refusal(() => assertMaySubmit(submission({ now: afterDeadline })))).toBeInstanceOf(DeadlinePassed);
    // The other rules still apply to it.
    const defaults = napoDefaultRuleset();
    const overLimit = {
      existingCountsForBody: { motions: 3, constitutionalAmendments: 0 },
      ruleset: { ...defaults, submission: { ...defaults.submission, maxMotionsPerBody: 3 } },
    };
    expect(
      refusal(() =>
        assertMaySubmit(submission({ now: afterDeadline, resubmittingReturned: true, ...overLimit })),
      ),
    ).toBeInstanceOf(StandingOrderViolation);
  });

  it('takes amendments until their own, later deadline', () => {
    const afterMotions = minutes(motionsDeadline, 60 * 24);
    expect(() => assertMaySubmit(submission({ kind: 'amendment', now: afterMotions }))).not.toThrow();
    const error = refusal(() =>
      assertMaySubmit(submission({ kind: 'amendment', now: minutes(amendmentsDeadline, 1) })),
    );
    expect(error).toBeInstanceOf(DeadlinePassed);
    expect(error.message).toContain('Amendments closed at 12:00 on 9 September 2025 (Europe/London)');
  });

  it('takes an emergency motion after the motions deadline and until the emergency deadline', () => {
    expect(() =>
      assertMaySubmit(submission({ kind: 'emergency_motion', now: minutes(motionsDeadline, 1) })),
    ).not.toThrow();
    expect(
      refusal(() =>
        assertMaySubmit(submission({ kind: 'emergency_motion', now: minutes(emergencyDeadline, 1) })),
      ),
    ).toBeInstanceOf(DeadlinePassed);
  });

  it('sends an "emergency" motion back to the ordinary route while motions are still open (SO 7)', () => {
    const error = refusal(() => assertMaySubmit(submission({ kind: 'emergency_motion' })));
    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect((error as StandingOrderViolation).rule).toBe('SO 7');
  });

  it('takes emergency motions with no emergency deadline set until the conference closes them', () => {
    const late = minutes(emergencyDeadline, 60 * 24 * 30);
    const ctx = submission({
      kind: 'emergency_motion',
      now: late,
      deadlines: { motions: motionsDeadline, amendments: amendmentsDeadline, emergency: null },
    });
    expect(() => assertMaySubmit(ctx)).not.toThrow();
  });
});

describe('constitutional amendments', () => {
  it('come from a branch', () => {
    expect(() => assertMaySubmit(submission({ kind: 'constitutional_amendment' }))).not.toThrow();
  });

  it('come from the NEC, named by code', () => {
    const nec = {
      id: 'b-nec',
      kind: 'committee' as const,
      code: 'NEC',
      name: 'National Executive Committee',
    };
    expect(() => assertMaySubmit(submission({ kind: 'constitutional_amendment', body: nec }))).not.toThrow();
  });

  it('are refused from a network', () => {
    const network = { id: 'b-women', kind: 'network' as const, code: 'WIN', name: 'Women in Napo' };
    const error = refusal(() =>
      assertMaySubmit(submission({ kind: 'constitutional_amendment', body: network })),
    );
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.message).toContain('only from NEC and branches');
  });

  it('are refused from another national committee', () => {
    const hs = { id: 'b-hs', kind: 'committee' as const, code: 'HSC', name: 'Health and Safety Committee' };
    expect(
      refusal(() => assertMaySubmit(submission({ kind: 'constitutional_amendment', body: hs }))),
    ).toBeInstanceOf(Forbidden);
  });

  it('are refused in a year that does not take them', () => {
    const error = refusal(() =>
      assertMaySubmit(
        submission({
          kind: 'constitutional_amendment',
          conference: { acceptsConstitutionalAmendments: false },
        }),
      ),
    );
    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect((error as StandingOrderViolation).rule).toBe('constitutional-year');
  });

  it('follow the ruleset: a union that lets networks amend the constitution lets them', () => {
    const ruleset: Ruleset = napoDefaultRuleset();
    ruleset.submission.constitutionalAmendmentBodyKinds = ['branch', 'network'];
    const network = { id: 'b-lgbt', kind: 'network' as const, code: null };
    expect(() =>
      assertMaySubmit(submission({ kind: 'constitutional_amendment', body: network, ruleset })),
    ).not.toThrow();
  });
});

describe('per-body limits', () => {
  const limited = (): Ruleset => {
    const ruleset = napoDefaultRuleset();
    ruleset.submission.maxMotionsPerBody = 3;
    ruleset.submission.maxConstitutionalAmendmentsPerBody = 2;
    return ruleset;
  };

  it("takes a body's third motion and refuses its fourth", () => {
    const ruleset = limited();
    expect(() =>
      assertMaySubmit(
        submission({ ruleset, existingCountsForBody: { motions: 2, constitutionalAmendments: 0 } }),
      ),
    ).not.toThrow();
    const error = refusal(() =>
      assertMaySubmit(
        submission({ ruleset, existingCountsForBody: { motions: 3, constitutionalAmendments: 0 } }),
      ),
    );
    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect(error.message).toContain('London Branch has already submitted 3 motions');
  });

  it('counts rule changes separately from motions', () => {
    const ruleset = limited();
    const counts = { motions: 3, constitutionalAmendments: 1 };
    expect(() =>
      assertMaySubmit(
        submission({ ruleset, kind: 'constitutional_amendment', existingCountsForBody: counts }),
      ),
    ).not.toThrow();
    const full = { motions: 0, constitutionalAmendments: 2 };
    expect(
      refusal(() =>
        assertMaySubmit(
          submission({ ruleset, kind: 'constitutional_amendment', existingCountsForBody: full }),
        ),
      ),
    ).toBeInstanceOf(StandingOrderViolation);
  });

  it('sets no limit when the ruleset says null', () => {
    expect(() =>
      assertMaySubmit(submission({ existingCountsForBody: { motions: 40, constitutionalAmendments: 0 } })),
    ).not.toThrow();
  });
});

describe('who may submit', () => {
  it('refuses a composite from a body: only the SOC makes composites', () => {
    expect(refusal(() => assertMaySubmit(submission({ kind: 'composite' })))).toBeInstanceOf(Forbidden);
  });

  it("lets only the body's officers act for it", () => {
    const body = { id: 'b1', kind: 'branch' as const, code: null, name: 'Cymru Branch' };
    expect(() => assertActsForBody('m1', body, ['m1', 'm2'])).not.toThrow();
    expect(refusal(() => assertActsForBody('m3', body, ['m1', 'm2'])).message).toContain(
      'officer of Cymru Branch',
    );
  });
});

describe('joint submission by two members', () => {
  const ruleset = napoDefaultRuleset();
  const joint = { id: 'j1', kind: 'joint_members' as const, code: null };

  it('takes two full members, or a full and a professional associate member', () => {
    expect(() =>
      assertValidJointSubmission(
        [
          { memberId: 'a', category: 'full' },
          { memberId: 'b', category: 'full' },
        ],
        ruleset,
      ),
    ).not.toThrow();
    const mixed = [
      { memberId: 'a', category: 'full' },
      { memberId: 'b', category: 'professional_associate' },
    ];
    expect(() => assertMaySubmit(submission({ body: joint, jointMembers: mixed }))).not.toThrow();
  });

  it('refuses the same member twice', () => {
    const twice = [
      { memberId: 'a', category: 'full' },
      { memberId: 'a', category: 'full' },
    ];
    expect(refusal(() => assertValidJointSubmission(twice, ruleset))).toBeInstanceOf(InvalidInput);
  });

  it('refuses one member alone, or three', () => {
    expect(
      refusal(() =>
        assertMaySubmit(submission({ body: joint, jointMembers: [{ memberId: 'a', category: 'full' }] })),
      ),
    ).toBeInstanceOf(InvalidInput);
    const three = ['a', 'b', 'c'].map((memberId) => ({ memberId, category: 'full' }));
    expect(refusal(() => assertValidJointSubmission(three, ruleset))).toBeInstanceOf(InvalidInput);
  });

  it('refuses a retired member as one of the pair', () => {
    const pair = [
      { memberId: 'a', category: 'full' },
      { memberId: '76d7bf3c-0000-4000-8000-000000000002', category: 'retired', name: 'Bryn Jones' },
    ];
    const error = refusal(() => assertValidJointSubmission(pair, ruleset));
    expect(error).toBeInstanceOf(Forbidden);
    // By name and category in words, never the member's id or the category's code.
    expect(error.message).toContain('Bryn Jones is a retired member');
    expect(error.message).toContain('full, professional associate');
    expect(error.message).not.toContain('76d7bf3c');
  });
});

describe('the word limit', () => {
  const ruleset = napoDefaultRuleset();

  it('counts words, not bullets or dashes', () => {
    expect(countWords('This AGM notes:\n- one thing – and another;\n\n- 1-2-1 work.', ruleset).words).toBe(9);
  });

  it('flags a motion of 201 words for the SOC and passes one of 200', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(countWords(words(200), ruleset)).toEqual({ words: 200, limit: 200, overLimit: false });
    expect(countWords(words(201), ruleset)).toEqual({ words: 201, limit: 200, overLimit: true });
  });

  it("follows the ruleset's limit", () => {
    const short = napoDefaultRuleset();
    short.submission.wordLimit = 3;
    expect(countWords('one two three four', short).overLimit).toBe(true);
  });
});
