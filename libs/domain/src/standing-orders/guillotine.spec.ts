import { DebateTestContext, ruleOf } from './debate.test-context';

// Scenario: time runs out after item 1 is concluded; items 2 and 3 are recorded as not reached.
describe('the guillotine: motions not reached', () => {
  function firstItemDone() {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall' });
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    ctx.run({ type: 'recordOutcome', showOfHands: true, itemId: 'item-1', outcome: 'carried' });
    return ctx;
  }

  it('records the remaining items as not reached', () => {
    const ctx = firstItemDone();
    const events = ctx.run({ type: 'guillotine', itemIds: ['item-2', 'item-3', 'item-2'] });
    expect(events).toEqual([
      { type: 'items_not_reached', at: ctx.now.toISOString(), itemIds: ['item-2', 'item-3'] },
    ]);
    expect(ctx.state.notReachedItemIds).toEqual(['item-2', 'item-3']);
  });

  it('refuses to take an item that was not reached', () => {
    const ctx = firstItemDone();
    ctx.run({ type: 'guillotine', itemIds: ['item-2'] });
    const error = ctx.refusal({
      type: 'takeItem',
      itemId: 'item-2',
      motionId: 'm2',
      moverMemberId: 'mover',
      kind: 'motion',
    });
    expect(ruleOf(error)).toBe('order-of-business');
    expect(error.message).toMatch(/not reached/);
  });

  it('refuses to guillotine the item under debate or one already concluded', () => {
    const ctx = firstItemDone();
    expect(ruleOf(ctx.refusal({ type: 'guillotine', itemIds: ['item-1'] }))).toBe('order-of-business');
    ctx.run({ type: 'takeItem', itemId: 'item-2', motionId: 'm2', moverMemberId: 'mover', kind: 'motion' });
    expect(ruleOf(ctx.refusal({ type: 'guillotine', itemIds: ['item-2', 'item-3'] }))).toBe(
      'order-of-business',
    );
    expect(ctx.state.notReachedItemIds).toEqual([]);
  });
});
