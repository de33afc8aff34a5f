import { findRulesetProblems, napoDefaultRuleset, warningBeforeSeconds } from '../ruleset/ruleset';
import { DebateTestContext, ruleOf } from './debate.test-context';
import { PointRuledEvent, SpeechEndedEvent, SpeechStartedEvent } from './debate.types';
import { speechesOf } from './speech-records';

// Issue 19: "the point of order takes four steps and got a 3-minute timer". A point is now heard in two
// chair steps (call with its time started, then the ruling, which ends it) and has its own short limit.
// Napo's default point limit is 60 s, its warning 60 s before the end.
describe('SO 14: a point of order is heard at once and ended by the ruling', () => {
  function debateUnderWay() {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', jo: 'remote', sam: 'hall' });
    ctx.openDebate('item-1', 'mover', 'seconder');
    return ctx;
  }
  const raise = (
    ctx: DebateTestContext,
    type: 'raisePointOfOrder' | 'requestForInformation' = 'raisePointOfOrder',
  ) => ctx.run({ type, itemId: 'item-1', memberId: 'jo', attendanceMode: 'remote' });

  it('calls the point and starts its one-minute time in one command, warned half way', () => {
    const ctx = debateUnderWay();
    raise(ctx);
    const start = ctx.now.toISOString();
    const events = ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo', startNow: true });

    expect(events.map((e) => e.type)).toEqual(['speaker_called', 'speech_started']);
    const started = events[1] as SpeechStartedEvent;
    expect(started).toMatchObject({
      memberId: 'jo',
      role: 'point_of_order',
      attendanceMode: 'remote',
      limitSeconds: 60,
    });
    expect(started.startedAt).toBe(start);
    // The usual warning (60 s before the end) would come before the point starts: it comes half way.
    expect(Date.parse(started.warningAt) - Date.parse(start)).toBe(30_000);
    expect(Date.parse(started.endsAt) - Date.parse(start)).toBe(60_000);
    expect(ctx.state.items['item-1'].speech).toMatchObject({ memberId: 'jo', role: 'point_of_order' });
  });

  it('ends the point with the ruling, records both, and the point still does not count as a speech', () => {
    const ctx = debateUnderWay();
    raise(ctx);
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo', startNow: true });
    ctx.advance(40);

    const events = ctx.run({
      type: 'ruleOnPointOfOrder',
      itemId: 'item-1',
      ruling: 'The amendment is in order.',
    });

    expect(events.map((e) => e.type)).toEqual(['speech_ended', 'point_ruled']);
    const [ended, ruled] = events as [SpeechEndedEvent, PointRuledEvent];
    expect(ended).toMatchObject({ spokenSeconds: 40, overrunSeconds: 0 });
    expect(ruled).toMatchObject({
      speechId: ended.speechId,
      memberId: 'jo',
      ruling: 'The amendment is in order.',
    });
    expect(ctx.state.items['item-1'].speech).toBeNull();
    expect(ctx.state.rulings).toEqual([
      expect.objectContaining({ memberId: 'jo', speechId: ended.speechId, status: 'standing' }),
    ]);
    expect(
      speechesOf(ctx.state)
        .filter((s) => s.memberId === 'jo')
        .map((s) => s.role),
    ).toEqual(['point_of_order']);
    ctx.speakFromFloor('item-1', 'jo', 'for');
    expect(
      speechesOf(ctx.state)
        .filter((s) => s.memberId === 'jo')
        .map((s) => s.role),
    ).toEqual(['point_of_order', 'for']);
  });

  it('still rules on a point already ended, once: a second ruling is refused', () => {
    const ctx = debateUnderWay();
    raise(ctx);
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo' });
    ctx.speak('item-1', 20);
    expect(
      ctx.run({ type: 'ruleOnPointOfOrder', itemId: 'item-1', ruling: 'Not a point of order.' }),
    ).toHaveLength(1);
    expect(ruleOf(ctx.refusal({ type: 'ruleOnPointOfOrder', itemId: 'item-1', ruling: 'Again.' }))).toBe(
      'SO 14',
    );
  });

  it('does not end a request for information with a ruling: only a point of order is ruled on', () => {
    const ctx = debateUnderWay();
    raise(ctx, 'requestForInformation');
    const [, started] = ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo', startNow: true });
    expect(started).toMatchObject({ role: 'request_for_information', limitSeconds: 60 });
    expect(ruleOf(ctx.refusal({ type: 'ruleOnPointOfOrder', itemId: 'item-1', ruling: 'Noted.' }))).toBe(
      'SO 14',
    );
    expect(ctx.state.items['item-1'].speech?.role).toBe('request_for_information');
  });

  it('refuses to start at once while another speech is under way, as any call', () => {
    const ctx = debateUnderWay();
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'sam',
      stance: 'against',
      attendanceMode: 'hall',
    });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'sam' });
    ctx.run({ type: 'startSpeech', itemId: 'item-1' });
    ctx.run({
      type: 'raisePointOfOrder',
      itemId: 'item-1',
      memberId: 'jo',
      attendanceMode: 'remote',
      onConductOfVote: true,
    });
    const error = ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo', startNow: true });
    expect(ruleOf(error)).toBe('no-interrupting-a-speech');
  });

  it('gives a point the other speakers’ limit when the ruleset sets no point limit (rulesets saved before)', () => {
    const ctx = debateUnderWay();
    const { point: _none, ...withoutPoint } = napoDefaultRuleset().speechLimitsSeconds;
    ctx.ruleset = { ...ctx.ruleset, speechLimitsSeconds: withoutPoint };
    raise(ctx);
    const [, started] = ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo', startNow: true });
    expect(started).toMatchObject({ limitSeconds: 180 });
    const { startedAt, warningAt } = started as SpeechStartedEvent;
    expect(Date.parse(warningAt) - Date.parse(startedAt)).toBe(120_000);
  });

  it('keeps the point’s own limit while the speech time limits are suspended for the item', () => {
    const ctx = debateUnderWay();
    ctx.ruleset = { ...ctx.ruleset, speechLimitsSeconds: { ...ctx.ruleset.speechLimitsSeconds, point: 90 } };
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'sam',
      stance: 'for',
      attendanceMode: 'hall',
    });
    ctx.run({
      type: 'moveProcedural',
      itemId: 'item-1',
      kind: 'suspend_standing_orders',
      memberId: 'sam',
      suspension: { orders: ['speech_time_limits'], speechLimitSeconds: 600 },
    });
    ctx.run({ type: 'proceduralOutcome', itemId: 'item-1', result: 'carried', showOfHands: true });
    raise(ctx);
    const [, started] = ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo', startNow: true });
    expect(started).toMatchObject({ limitSeconds: 90 });
  });
});

describe('the point limit in the ruleset', () => {
  const withPoint = (point: unknown) => {
    const ruleset = napoDefaultRuleset();
    return { ...ruleset, speechLimitsSeconds: { ...ruleset.speechLimitsSeconds, point } } as never;
  };

  it('is Napo’s one minute by default, optional, and a whole number of at least 10 seconds', () => {
    expect(napoDefaultRuleset().speechLimitsSeconds.point).toBe(60);
    expect(findRulesetProblems(napoDefaultRuleset())).toEqual({});
    expect(findRulesetProblems(withPoint(null))).toEqual({});
    expect(findRulesetProblems(withPoint(undefined))).toEqual({});
    // Shorter than the warning is allowed: the warning then comes half way.
    expect(findRulesetProblems(withPoint(30))).toEqual({});
    expect(Object.keys(findRulesetProblems(withPoint(5)))).toEqual(['speechLimitsSeconds.point']);
    expect(Object.keys(findRulesetProblems(withPoint(45.5)))).toEqual(['speechLimitsSeconds.point']);
    expect(Object.keys(findRulesetProblems(withPoint('a minute')))).toEqual(['speechLimitsSeconds.point']);
  });

  it('warns half way through a limit no longer than the warning, else at the ruleset’s warning', () => {
    const ruleset = napoDefaultRuleset(); // warning 60 s before the end
    expect(warningBeforeSeconds(ruleset, 300)).toBe(60);
    expect(warningBeforeSeconds(ruleset, 61)).toBe(60);
    expect(warningBeforeSeconds(ruleset, 60)).toBe(30);
    expect(warningBeforeSeconds(ruleset, 25)).toBe(12);
  });
});
