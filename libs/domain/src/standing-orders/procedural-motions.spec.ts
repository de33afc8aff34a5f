import { DebateTestContext, ruleOf } from './debate.test-context';
import { speechesOf } from './speech-records';

// Procedural motions are voted without debate; each is applied by its result.
describe('procedural motions', () => {
  function debate() {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', ann: 'remote', ben: 'hall' });
    ctx.openDebate('item-1', 'mover', 'seconder');
    return ctx;
  }

  it('ends the item as fallen when next business is carried, so the next item can be taken', () => {
    const ctx = debate();
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'next_business', memberId: 'ann' });
    const events = ctx.run({
      type: 'proceduralOutcome',
      showOfHands: true,
      itemId: 'item-1',
      result: 'carried',
    });
    expect(events.map((e) => e.type)).toEqual(['procedural_decided', 'item_concluded']);
    expect(ctx.state.items['item-1']).toMatchObject({
      status: 'concluded',
      outcome: 'fell',
      outcomeReason: 'next business carried',
    });
    expect(() =>
      ctx.run({ type: 'takeItem', itemId: 'item-2', motionId: 'm2', moverMemberId: 'ben', kind: 'motion' }),
    ).not.toThrow();
  });

  it.each([
    ['remit', 'remitted'],
    ['refer_back', 'referred_back'],
  ] as const)('records the item as %s → %s when carried', (kind, outcome) => {
    const ctx = debate();
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind, memberId: 'ann' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'carried' });
    expect(ctx.state.items['item-1'].outcome).toBe(outcome);
  });

  it('records a suspension of standing orders by two-thirds and carries on', () => {
    const ctx = debate();
    const [moved] = ctx.run({
      type: 'moveProcedural',
      itemId: 'item-1',
      kind: 'suspend_standing_orders',
      memberId: 'ann',
      suspension: { orders: ['guillotine'] },
    });
    expect(moved).toMatchObject({ majority: 'two_thirds' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'carried' });
    expect(ctx.state.items['item-1']).toMatchObject({ status: 'open', standingOrdersSuspended: true });
  });

  it('records the mover of a procedural motion as an intervention that is not a speech', () => {
    const ctx = debate();
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'question_be_now_put', memberId: 'ann' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'lost' });
    expect(speechesOf(ctx.state).at(-1)).toMatchObject({
      memberId: 'ann',
      role: 'procedural',
      attendanceMode: 'remote',
      limitSeconds: null,
    });
    expect(() => ctx.speakFromFloor('item-1', 'ann', 'for')).not.toThrow();
  });

  it('refuses a result when no procedural motion is pending, and a procedural motion from someone absent', () => {
    const ctx = debate();
    expect(ruleOf(ctx.refusal({ type: 'proceduralOutcome', itemId: 'item-1', result: 'carried' }))).toBe(
      'procedural-motion',
    );
    expect(
      ruleOf(
        ctx.refusal({ type: 'moveProcedural', itemId: 'item-1', kind: 'next_business', memberId: 'nobody' }),
      ),
    ).toBe('presence');
  });
});
