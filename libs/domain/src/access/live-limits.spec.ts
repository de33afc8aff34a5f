import { MinuteBudget } from './live-limits';

describe('a one-minute budget', () => {
  it('allows the limit in a minute, refuses the next, and starts again a minute later', () => {
    const budget = new MinuteBudget(3);
    const t0 = 1_000_000;
    expect([budget.tryTake(t0), budget.tryTake(t0 + 1), budget.tryTake(t0 + 2)]).toEqual([true, true, true]);
    expect(budget.tryTake(t0 + 3)).toBe(false);
    // 60 s after the window opened at t0, a new one opens.
    expect(budget.secondsUntilReset(t0 + 30_000)).toBe(30);
    expect(budget.tryTake(t0 + 60_000)).toBe(true);
    expect(budget.remaining(t0 + 60_000)).toBe(2);
  });

  it('charges a replay in full, so the next join in that minute finds nothing left', () => {
    const budget = new MinuteBudget(5000);
    budget.charge(0, 4000);
    expect(budget.remaining(1)).toBe(1000);
    budget.charge(2, 1000);
    expect(budget.remaining(3)).toBe(0);
    expect(budget.secondsUntilReset(3)).toBe(60);
  });
});
