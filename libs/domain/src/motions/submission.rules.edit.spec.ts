import { zonedWallTimeToInstant } from '../conferences/conference.rules';
import { DeadlinePassed, DomainError, Forbidden, InvalidInput, StandingOrderViolation } from '../errors';
import { napoDefaultRuleset } from '../ruleset/ruleset';
import { assertJointPartner, assertMayChangeKind, assertProposerAndSeconder, KindChange, MoversCheck } from './submission.rules';

/** Editing a draft's kind and a joint draft's other member (PATCH /motions/:id). */
const tz = 'Europe/London';
const motionsDeadline = zonedWallTimeToInstant('2025-08-12', '12:00', tz);
const emergencyDeadline = zonedWallTimeToInstant('2025-09-30', '12:00', tz);
const minutes = (date: Date, n: number) => new Date(date.getTime() + n * 60_000);

function change(overrides: Partial<KindChange> = {}): KindChange {
  return {
    motion: { kind: 'motion', status: 'draft' },
    to: 'constitutional_amendment',
    body: { id: 'b-london', kind: 'branch', code: null, name: 'London Branch' },
    now: minutes(motionsDeadline, -60),
    deadlines: { motions: motionsDeadline, amendments: minutes(motionsDeadline, 40_000), emergency: emergencyDeadline },
    timeZone: tz,
    conference: { acceptsConstitutionalAmendments: true },
    ruleset: napoDefaultRuleset(),
    ...overrides,
  };
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe("changing a draft's kind", () => {
  it('lets a branch turn its draft motion into a constitutional amendment in a constitutional year, and back', () => {
    expect(() => assertMayChangeKind(change())).not.toThrow();
    expect(() => assertMayChangeKind(change({ motion: { kind: 'constitutional_amendment', status: 'draft' }, to: 'motion' }))).not.toThrow();
  });

  it('refuses a constitutional amendment outside a constitutional year, or from a network, at the kind field', () => {
    const notThisYear = refusal(() => assertMayChangeKind(change({ conference: { acceptsConstitutionalAmendments: false } })));
    expect(notThisYear).toBeInstanceOf(StandingOrderViolation);
    expect(notThisYear).toMatchObject({ rule: 'constitutional-year', errors: { kind: expect.stringMatching(/next constitutional year/) } });
    const network = refusal(() => assertMayChangeKind(change({ body: { id: 'n', kind: 'network', code: null, name: 'Women in Napo' } })));
    expect(network).toBeInstanceOf(Forbidden);
    expect(network.errors?.kind).toMatch(/Women in Napo may submit a motion instead/);
    const joint = refusal(() => assertMayChangeKind(change({ body: { id: 'joint', kind: 'joint_members', code: null } })));
    expect(joint).toBeInstanceOf(Forbidden);
  });

  it('refuses a kind whose deadline has passed, naming it at the kind field', () => {
    const late = refusal(() =>
      assertMayChangeKind(change({ motion: { kind: 'emergency_motion', status: 'draft' }, to: 'motion', now: minutes(motionsDeadline, 1) })),
    );
    expect(late).toBeInstanceOf(DeadlinePassed);
    expect(late.errors?.kind).toMatch(/^Motions closed at 12:00 on .* 2025 \(Europe\/London\)\.$/);
  });

  it('takes an emergency motion only once motions have closed (SO 7), and not after the emergency deadline', () => {
    const early = refusal(() => assertMayChangeKind(change({ to: 'emergency_motion' })));
    expect(early).toMatchObject({ rule: 'SO 7', errors: { kind: expect.stringMatching(/submit this as an ordinary motion/) } });
    expect(() => assertMayChangeKind(change({ to: 'emergency_motion', now: minutes(motionsDeadline, 1) }))).not.toThrow();
    expect(refusal(() => assertMayChangeKind(change({ to: 'emergency_motion', now: minutes(emergencyDeadline, 1) })))).toBeInstanceOf(DeadlinePassed);
  });

  it('keeps the kind of a motion the SOC returned, so editing cannot move it past its deadline', () => {
    const returned = refusal(() =>
      assertMayChangeKind(change({ motion: { kind: 'motion', status: 'returned_for_editing' }, to: 'emergency_motion', now: minutes(motionsDeadline, 1) })),
    );
    expect(returned).toMatchObject({ rule: 'motion-lifecycle', errors: { kind: 'keep it a motion' } });
    // The same kind again is no change at all.
    expect(() => assertMayChangeKind(change({ motion: { kind: 'motion', status: 'returned_for_editing' }, to: 'motion' }))).not.toThrow();
  });

  it('never makes or unmakes a composite or an amendment', () => {
    expect(refusal(() => assertMayChangeKind(change({ to: 'composite' })))).toBeInstanceOf(InvalidInput);
    expect(refusal(() => assertMayChangeKind(change({ motion: { kind: 'amendment', status: 'draft' }, to: 'motion' })))).toBeInstanceOf(InvalidInput);
  });
});

describe("a joint motion's other member", () => {
  const ruleset = napoDefaultRuleset();
  const me = { memberId: 'me', category: 'full' };

  it('takes a full or professional associate member other than oneself', () => {
    expect(() => assertJointPartner(me, { memberId: 'ada', category: 'professional_associate' }, ruleset)).not.toThrow();
  });

  it('refuses a retired member, oneself and nobody at the partner field (400)', () => {
    const retired = refusal(() => assertJointPartner(me, { memberId: 'dilys', category: 'retired' }, ruleset));
    expect(retired).toBeInstanceOf(InvalidInput);
    expect(retired.errors).toEqual({ jointWithMemberId: 'not a full or professional associate member (they are a retired member)' });
    expect(refusal(() => assertJointPartner(me, me, ruleset)).errors).toEqual({ jointWithMemberId: 'your own membership: name the other member' });
    expect(refusal(() => assertJointPartner(me, null, ruleset)).errors).toEqual({ jointWithMemberId: 'no such member' });
  });

  it('refuses the asker who may not submit jointly (403), and a conference that takes no joint motions', () => {
    expect(refusal(() => assertJointPartner({ memberId: 'me', category: 'associate' }, { memberId: 'ada', category: 'full' }, ruleset))).toBeInstanceOf(Forbidden);
    expect(refusal(() => assertJointPartner(null, { memberId: 'ada', category: 'full' }, ruleset))).toBeInstanceOf(Forbidden);
    const none = { submission: { ...ruleset.submission, jointSubmissionCategories: [] } };
    expect(refusal(() => assertJointPartner(me, { memberId: 'ada', category: 'full' }, none)).message).toMatch(/takes no joint motions/);
  });
});

describe("a motion's proposer and seconder", () => {
  const branch = { id: 'b1', kind: 'branch' as const, code: 'CYM', name: 'Cymru Branch' };
  const check = (over: Partial<MoversCheck>): MoversCheck => ({
    body: branch,
    movers: { proposerMemberId: 'ada', seconderMemberId: 'bo' },
    named: ['proposerMemberId', 'seconderMemberId'],
    belonging: new Set(['ada', 'bo']),
    ...over,
  });

  it("takes two of the body's own members, or none named yet", () => {
    expect(() => assertProposerAndSeconder(check({}))).not.toThrow();
    expect(() => assertProposerAndSeconder(check({ movers: { proposerMemberId: null, seconderMemberId: null }, named: [] }))).not.toThrow();
  });

  it('refuses at each field a member who is not the body\'s (400)', () => {
    const outsiders = refusal(() => assertProposerAndSeconder(check({ movers: { proposerMemberId: 'cai', seconderMemberId: 'dee' } })));
    expect(outsiders).toBeInstanceOf(InvalidInput);
    expect(outsiders.errors).toEqual({
      proposerMemberId: 'not a member or officer of Cymru Branch: pick one of its members',
      seconderMemberId: 'not a member or officer of Cymru Branch: pick one of its members',
    });
    // Only what the request names is checked against the body: a stored seconder is left alone.
    const onlyProposer = refusal(() => assertProposerAndSeconder(check({ movers: { proposerMemberId: 'cai', seconderMemberId: 'dee' }, named: ['proposerMemberId'] })));
    expect(Object.keys(onlyProposer.errors ?? {})).toEqual(['proposerMemberId']);
  });

  it('refuses one member as both, at the field the request changed', () => {
    const same = { proposerMemberId: 'ada', seconderMemberId: 'ada' };
    expect(refusal(() => assertProposerAndSeconder(check({ movers: same }))).errors).toEqual({ seconderMemberId: 'the same member as the proposer: name someone else' });
    expect(refusal(() => assertProposerAndSeconder(check({ movers: same, named: ['proposerMemberId'] }))).errors).toEqual({ proposerMemberId: 'the same member as the seconder: name someone else' });
    // An edit naming neither (a title, say) does not stumble over a pair stored before the rule.
    expect(() => assertProposerAndSeconder(check({ movers: same, named: [] }))).not.toThrow();
  });

  it('refuses a proposer or seconder named for a joint motion: its two members are both', () => {
    const joint = { id: 'joint', kind: 'joint_members' as const, code: null };
    const named = refusal(() => assertProposerAndSeconder(check({ body: joint, named: ['seconderMemberId'] })));
    expect(named).toBeInstanceOf(InvalidInput);
    expect(named.errors).toEqual({ seconderMemberId: expect.stringMatching(/^omit it for a joint motion/) });
    expect(() => assertProposerAndSeconder(check({ body: joint, named: [] }))).not.toThrow();
  });
});
