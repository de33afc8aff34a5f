import { InvalidInput } from '../errors';
import { suspensionInForce, suspensionsInForce } from './debate.fold';
import { DebateTestContext, ruleOf } from './debate.test-context';
import { suspensionInWords } from './suspension-words';

/**
 * Issue 19 item 4: a suspension of standing orders suspends the named order for the named business, and
 * ends by itself when that business ends.
 */
describe('suspending standing orders', () => {
  function debate() {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', ann: 'remote', ben: 'hall', cat: 'hall' });
    ctx.openDebate('item-1', 'mover', 'seconder');
    return ctx;
  }
  const suspend = (ctx: DebateTestContext, suspension: object, result: 'carried' | 'lost' = 'carried') => {
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'suspend_standing_orders', memberId: 'ann', suspension } as never);
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result });
  };
  const limitOfNextSpeech = (ctx: DebateTestContext, memberId: string, itemId = 'item-1') => {
    ctx.run({ type: 'requestToSpeak', itemId, memberId, stance: 'for', attendanceMode: ctx.present.get(memberId)! });
    ctx.run({ type: 'callSpeaker', itemId, memberId });
    const [started] = ctx.run({ type: 'startSpeech', itemId });
    ctx.advance(30);
    ctx.run({ type: 'endSpeech', itemId });
    return (started as { limitSeconds: number }).limitSeconds;
  };

  it('gives each speech on the item the time the meeting agreed while the speech time limits are suspended', () => {
    const ctx = debate();
    expect(limitOfNextSpeech(ctx, 'ben')).toBe(180);
    suspend(ctx, { orders: ['speech_time_limits'], speechLimitSeconds: 600 });
    expect(limitOfNextSpeech(ctx, 'cat')).toBe(600);
  });

  it('leaves the limits alone when the suspension is lost', () => {
    const ctx = debate();
    suspend(ctx, { orders: ['speech_time_limits'], speechLimitSeconds: 600 }, 'lost');
    expect(limitOfNextSpeech(ctx, 'cat')).toBe(180);
    expect(ctx.state.suspensions).toEqual([]);
  });

  it('does not stretch a point of order: it is not a speech (SO 14)', () => {
    const ctx = debate();
    suspend(ctx, { orders: ['speech_time_limits'], speechLimitSeconds: 600 });
    ctx.run({ type: 'raisePointOfOrder', itemId: 'item-1', memberId: 'ben', attendanceMode: 'hall' });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'ben' });
    const [started] = ctx.run({ type: 'startSpeech', itemId: 'item-1' });
    expect((started as { limitSeconds: number }).limitSeconds).not.toBe(600);
  });

  it('ends by itself when its business ends: the next item has the ordinary limits', () => {
    const ctx = debate();
    suspend(ctx, { orders: ['speech_time_limits'], speechLimitSeconds: 600 });
    expect(suspensionsInForce(ctx.state)).toHaveLength(1);
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    ctx.run({ type: 'recordOutcome', itemId: 'item-1', outcome: 'carried', showOfHands: true });
    expect(suspensionsInForce(ctx.state)).toEqual([]);
    expect(suspensionInForce(ctx.state, 'item-1', 'speech_time_limits')).toBeNull();
    ctx.run({ type: 'takeItem', itemId: 'item-2', motionId: 'm2', moverMemberId: 'ben', seconderMemberId: 'cat', kind: 'motion' });
    ctx.run({ type: 'callMover', itemId: 'item-2' });
    const [started] = ctx.run({ type: 'startSpeech', itemId: 'item-2' });
    expect((started as { limitSeconds: number }).limitSeconds).toBe(300);
  });

  it('keeps later business it names from the guillotine until that business ends', () => {
    const ctx = debate();
    suspend(ctx, { orders: ['guillotine'], laterItemIds: ['item-2'] });
    ctx.run({ type: 'recordOutcome', itemId: 'item-1', outcome: 'withdrawn', reason: 'withdrawn by the mover' });
    // Item 1 has ended, item 2 has not: the suspension is still in force for it.
    expect(suspensionsInForce(ctx.state)).toHaveLength(1);
    const refused = ctx.refusal({ type: 'guillotine', itemIds: ['item-2', 'item-3'] });
    expect(ruleOf(refused)).toBe('suspension-of-standing-orders');
    expect(refused.message).toContain('the guillotine does not apply to it until that business ends');
    // Other business is guillotined as usual.
    ctx.run({ type: 'guillotine', itemIds: ['item-3'] });
    expect(ctx.state.notReachedItemIds).toEqual(['item-3']);
    // Once item 2 has been taken and ended, the suspension has ended by itself.
    ctx.run({ type: 'takeItem', itemId: 'item-2', motionId: 'm2', moverMemberId: 'ben', seconderMemberId: 'cat', kind: 'motion' });
    ctx.run({ type: 'recordOutcome', itemId: 'item-2', outcome: 'withdrawn', reason: 'withdrawn by the mover' });
    expect(suspensionsInForce(ctx.state)).toEqual([]);
  });

  it('refuses a suspension that names nothing to suspend, or a speech time out of bounds, saying what to give', () => {
    const ctx = debate();
    const move = (suspension?: object) =>
      ctx.refusal({ type: 'moveProcedural', itemId: 'item-1', kind: 'suspend_standing_orders', memberId: 'ann', suspension } as never);
    for (const [suspension, field] of [
      [undefined, 'suspension.orders'],
      [{ orders: [] }, 'suspension.orders'],
      [{ orders: ['speech_time_limits'] }, 'suspension.speechLimitSeconds'],
      [{ orders: ['speech_time_limits'], speechLimitSeconds: 5 }, 'suspension.speechLimitSeconds'],
      [{ orders: ['guillotine'], speechLimitSeconds: 600 }, 'suspension.speechLimitSeconds'],
    ] as const) {
      const error = move(suspension);
      expect(error).toBeInstanceOf(InvalidInput);
      expect(Object.keys((error as InvalidInput).errors ?? {})).toEqual([field]);
    }
  });

  it('refuses terms on any other procedural motion, and later business already dealt with', () => {
    const ctx = debate();
    const other = ctx.refusal({
      type: 'moveProcedural',
      itemId: 'item-1',
      kind: 'next_business',
      memberId: 'ann',
      suspension: { orders: ['guillotine'] },
    });
    expect((other as InvalidInput).errors).toEqual({ suspension: 'only for suspend_standing_orders' });
    ctx.run({ type: 'guillotine', itemIds: ['item-9'] });
    const late = ctx.refusal({
      type: 'moveProcedural',
      itemId: 'item-1',
      kind: 'suspend_standing_orders',
      memberId: 'ann',
      suspension: { orders: ['guillotine'], laterItemIds: ['item-9'] },
    });
    expect(ruleOf(late)).toBe('suspension-of-standing-orders');
  });

  it('says in words what is suspended and for what business', () => {
    const labels: Record<string, string> = { 'item-1': 'Motion 3', 'item-2': 'Motion 5' };
    expect(
      suspensionInWords(
        { orders: ['speech_time_limits', 'guillotine'], itemIds: ['item-1', 'item-2'], speechLimitSeconds: 90 },
        (id) => labels[id],
      ),
    ).toBe(
      'Standing orders suspended for Motion 3 and Motion 5: the speech time limits (each speech may take up to 1 minute 30 seconds); the guillotine (this business will not be recorded as not reached).',
    );
  });
});
