import { acceptUnconfirmedHallCount, hallCountDeclarable } from './teller-count';

// Issue 19 item 5: a hall count was declared on one teller's unconfirmed entry, with no mark of it.
describe('a hall count is declared only when a second teller confirms it, or the chair overrides', () => {
  it('is not declarable when missing or entered by one teller alone', () => {
    expect(hallCountDeclarable(null)).toBe(false);
    expect(hallCountDeclarable({ confirmedBy: null, acceptedUnconfirmedReason: null })).toBe(false);
  });

  it('is declarable once confirmed by a second teller', () => {
    expect(hallCountDeclarable({ confirmedBy: 'teller-2', acceptedUnconfirmedReason: null })).toBe(true);
  });

  it('is declarable when the chair accepts it unconfirmed, with the reason kept', () => {
    const reason = acceptUnconfirmedHallCount(
      { confirmedBy: null, acceptedUnconfirmedReason: null },
      '  The second teller was taken ill  ',
    );
    expect(reason).toBe('The second teller was taken ill');
    expect(hallCountDeclarable({ confirmedBy: null, acceptedUnconfirmedReason: reason })).toBe(true);
  });

  it('refuses the override with no count, a confirmed count, or no reason', () => {
    expect(() => acceptUnconfirmedHallCount(null, 'x')).toThrow(/No hall count has been entered/);
    expect(() =>
      acceptUnconfirmedHallCount({ confirmedBy: 'teller-2', acceptedUnconfirmedReason: null }, 'x'),
    ).toThrow(/nothing to override/);
    expect(() =>
      acceptUnconfirmedHallCount({ confirmedBy: null, acceptedUnconfirmedReason: null }, '   '),
    ).toThrow(/Give the reason/);
  });
});
