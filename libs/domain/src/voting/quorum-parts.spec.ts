import fc from 'fast-check';
import { AttendanceMode } from '../enums';
import { StandingOrderViolation } from '../errors';
import { findRulesetProblems, napoDefaultRuleset, Ruleset } from '../ruleset/ruleset';
import { findRulesetInputProblems } from '../ruleset/ruleset-input';
import { computeQuorum, QuorumAttendee } from './quorum';
import { assertCanOpen } from './vote-lifecycle';

/** Issue 19 item 4: a quorum made of parts, Napo's kind among them (branches represented and a share of those registered). */
const quorumOf = (parts: Partial<Ruleset['quorum']>): Ruleset => {
  const ruleset = napoDefaultRuleset();
  ruleset.quorum = {
    minimumCount: null,
    minimumShareOfMembership: null,
    remoteCounts: true,
    minimumBodiesRepresented: null,
    minimumShareOfRegistered: null,
    ...parts,
  };
  return ruleset;
};
const from = (bodyId: string | null, n: number, category = 'full', attendanceMode: AttendanceMode = 'hall') =>
  Array.from({ length: n }, (): QuorumAttendee => ({ category, attendanceMode, bodyId }));

describe('a quorum of branches represented and a share of those registered', () => {
  const napoKind = quorumOf({ minimumBodiesRepresented: 3, minimumShareOfRegistered: 0.25 });

  it('is met when enough branches have a counting member present and enough of those registered are present', () => {
    // 40 registered, 10 present (25%) from three branches.
    const present = [...from('london', 4), ...from('wales', 3), ...from('cymru', 3)];
    const registered = [...present, ...from('london', 30)];
    const status = computeQuorum(present, {}, napoKind, registered);
    expect(status.met).toBe(true);
    expect(status.bodiesRepresented).toBe(3);
    expect(status.countingRegistered).toBe(40);
    expect(status.description).toBe(
      'Quorate: 3 branches represented, of 3 needed; 10 members who count present, of 10 needed (25% of the 40 registered who count).',
    );
  });

  it('names only the part not met: many members present from too few branches', () => {
    const present = from('london', 20);
    const status = computeQuorum(present, {}, napoKind, [...present, ...from('wales', 20)]);
    expect(status.met).toBe(false);
    expect(status.parts.filter((p) => !p.met).map((p) => p.rule)).toEqual(['quorum.minimumBodiesRepresented']);
    expect(status.description).toBe('Not quorate: 1 branch represented, of 3 needed.');
  });

  it('does not count a branch represented only by members who do not count toward quorum, or by remote members when they do not count', () => {
    const hallOnly = quorumOf({ minimumBodiesRepresented: 2, remoteCounts: false });
    const present = [...from('london', 1), ...from('wales', 2, 'retired'), ...from('cymru', 1, 'full', 'remote')];
    expect(computeQuorum(present, {}, hallOnly).bodiesRepresented).toBe(1);
  });

  it('does not count a member with no branch as a branch represented', () => {
    expect(computeQuorum(from(null, 5), {}, quorumOf({ minimumBodiesRepresented: 1 })).met).toBe(false);
  });

  it('refuses to open a vote, naming the part not met', () => {
    const status = computeQuorum(from('london', 20), {}, napoKind, from('london', 20));
    expect(() => assertCanOpen({ state: 'draft', subject: 'motion' }, status)).toThrow(StandingOrderViolation);
    expect(() => assertCanOpen({ state: 'draft', subject: 'motion' }, status)).toThrow(
      'not quorate (1 branch represented, of 3 needed)',
    );
  });

  it('is a quorum of nobody when no part is set, and says so', () => {
    const status = computeQuorum([], {}, quorumOf({}));
    expect(status).toMatchObject({ met: true, required: 0, parts: [] });
    expect(status.description).toBe('Quorate: these standing orders set no quorum.');
  });

  it('reads a ruleset saved before the parts existed as having none of them', () => {
    const old = napoDefaultRuleset() as unknown as { quorum: Record<string, unknown> };
    delete old.quorum.minimumBodiesRepresented;
    delete old.quorum.minimumShareOfRegistered;
    const status = computeQuorum(from('london', 150), {}, old as unknown as Ruleset);
    expect(status.parts.map((p) => p.rule)).toEqual(['quorum.minimumCount']);
    expect(status.met).toBe(true);
    expect(findRulesetInputProblems(old)).toEqual({});
  });
});

describe('the quorum rules in the ruleset', () => {
  it('names a bad part by its rule, saying what is wanted', () => {
    const ruleset = quorumOf({ minimumBodiesRepresented: 0, minimumShareOfRegistered: 25 });
    expect(findRulesetProblems(ruleset)).toEqual({
      'quorum.minimumBodiesRepresented': 'must be a whole number of at least 1',
      'quorum.minimumShareOfRegistered': 'must be a fraction above 0 and at most 1 (0.25 for a quarter), or null',
    });
  });

  it('refuses a misspelt part instead of ignoring it', () => {
    const input = { ...napoDefaultRuleset() } as unknown as Record<string, Record<string, unknown>>;
    input.quorum = { ...input.quorum, minimumBranchesRepresented: 3 };
    expect(findRulesetInputProblems(input)).toMatchObject({
      'quorum.minimumBranchesRepresented': 'is not a rule of the ruleset; check the spelling',
    });
  });
});

describe('the quorum, for any hall', () => {
  const attendeeArb = fc.record({
    category: fc.constantFrom('full', 'professional_associate', 'retired', 'student'),
    attendanceMode: fc.constantFrom<AttendanceMode>('hall', 'remote'),
    bodyId: fc.option(fc.constantFrom('b1', 'b2', 'b3', 'b4', 'b5', 'b6'), { nil: null }),
    present: fc.boolean(),
  });
  const rulesArb = fc.record({
    minimumCount: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    minimumShareOfMembership: fc.option(fc.integer({ min: 1, max: 100 }).map((n) => n / 100), { nil: null }),
    remoteCounts: fc.boolean(),
    minimumBodiesRepresented: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
    minimumShareOfRegistered: fc.option(fc.integer({ min: 1, max: 100 }).map((n) => n / 100), { nil: null }),
  });
  const membershipArb = fc.record({ full: fc.nat({ max: 200 }), retired: fc.nat({ max: 200 }) });

  it('is met exactly when every part set is met, and names each part not met', () => {
    fc.assert(
      fc.property(fc.array(attendeeArb, { maxLength: 60 }), rulesArb, membershipArb, (people, rules, membership) => {
        const ruleset = quorumOf(rules);
        const present = people.filter((p) => p.present);
        const status = computeQuorum(present, membership, ruleset, people);
        const set = Object.entries(rules).filter(([key, value]) => key !== 'remoteCounts' && value !== null);
        expect(status.parts).toHaveLength(set.length);
        expect(status.met).toBe(status.parts.every((p) => p.met));
        for (const part of status.parts) {
          expect(part.met).toBe(part.present >= part.required);
          if (!part.met) expect(status.description).toContain(part.description);
        }
        expect(status.description.startsWith(status.met ? 'Quorate' : 'Not quorate')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts by hand: branches with a counting member present, and the share of counting registrations', () => {
    fc.assert(
      fc.property(fc.array(attendeeArb, { maxLength: 60 }), rulesArb, (people, rules) => {
        const ruleset = quorumOf(rules);
        const counts = (p: (typeof people)[number]) =>
          ruleset.categories[p.category].countsTowardQuorum && (p.attendanceMode === 'hall' || rules.remoteCounts);
        const present = people.filter((p) => p.present);
        const status = computeQuorum(present, {}, ruleset, people);
        const branches = new Set(present.filter(counts).map((p) => p.bodyId).filter((b) => b !== null));
        expect(status.bodiesRepresented).toBe(branches.size);
        expect(status.countingRegistered).toBe(people.filter(counts).length);
        const registeredPart = status.parts.find((p) => p.rule === 'quorum.minimumShareOfRegistered');
        if (rules.minimumShareOfRegistered !== null) {
          // ceil(share × n) in whole hundredths, exact: 100·required ≥ pct·n > 100·(required − 1).
          const pct = Math.round(rules.minimumShareOfRegistered * 100);
          const n = status.countingRegistered;
          expect(100 * registeredPart!.required).toBeGreaterThanOrEqual(pct * n);
          expect(100 * (registeredPart!.required - 1)).toBeLessThan(pct * n);
        } else expect(registeredPart).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('never becomes unmet when one more counting member arrives (every part is monotone in who is present)', () => {
    fc.assert(
      fc.property(fc.array(attendeeArb, { maxLength: 50 }), rulesArb, attendeeArb, (people, rules, arriving) => {
        const ruleset = quorumOf(rules);
        const registered = [...people, arriving];
        const before = computeQuorum(people.filter((p) => p.present), {}, ruleset, registered);
        const after = computeQuorum([...people.filter((p) => p.present), arriving], {}, ruleset, registered);
        if (before.met) expect(after.met).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
