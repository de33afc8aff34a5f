import fc from 'fast-check';
import { Conflict, InvalidInput, NotFound, StandingOrderViolation } from '../errors';
import { ArrangedItem, arrangeOrderOfBusiness, tallyPriorityBallot } from './agenda-arrangement.rules';

const item = (motionId: string, sectionId: string | null, status: ArrangedItem['status'] = 'placed'): ArrangedItem => ({ motionId, title: `Title ${motionId}`, sectionId, status });
const agenda = [item('a', 'neg'), item('b', 'neg'), item('c', 'pro'), item('d', 'pro')];
const ids = (items: readonly ArrangedItem[]) => items.map((i) => i.motionId);
const published = (items: readonly ArrangedItem[] = agenda) => ({ published: true, items, sectionIds: ['neg', 'pro'] });
const expectedOrder = ids(agenda);
const reason = 'The mover of Motion 3 arrives on the second day.';

describe('the SOC setting the order of business by hand', () => {
  it('moves an item up or down to a given place and records the reason', () => {
    const down = arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: 1, reason, expectedOrder });
    expect(ids(down.order)).toEqual(['b', 'a', 'c', 'd']);
    expect(down).toMatchObject({ fromPosition: 0, toPosition: 1, fromSectionId: 'neg', toSectionId: 'neg', reason });
    const up = arrangeOrderOfBusiness(published(), { motionId: 'd', toPosition: 0, reason, expectedOrder });
    expect(ids(up.order)).toEqual(['d', 'a', 'b', 'c']);
  });

  it("moves a motion to another section, after that section's last item unless a place is given", () => {
    const moved = arrangeOrderOfBusiness(published(), { motionId: 'a', toSectionId: 'pro', reason, expectedOrder });
    expect(ids(moved.order)).toEqual(['b', 'c', 'd', 'a']);
    expect(moved.order[3].sectionId).toBe('pro');
    expect(moved).toMatchObject({ fromSectionId: 'neg', toSectionId: 'pro', fromPosition: 0, toPosition: 3 });
    const placed = arrangeOrderOfBusiness(published(), { motionId: 'd', toSectionId: 'neg', toPosition: 1, reason, expectedOrder });
    expect(ids(placed.order)).toEqual(['a', 'd', 'b', 'c']);
    expect(placed.order[1].sectionId).toBe('neg');
  });

  it('refuses a change after publication without a reason', () => {
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: 1, reason: '  ', expectedOrder })).toThrow(InvalidInput);
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: 1, expectedOrder })).toThrow('give the reason');
  });

  it('refuses a stale edit: the order changed since it was loaded, or was not sent', () => {
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: 1, reason, expectedOrder: ['b', 'a', 'c', 'd'] })).toThrow(Conflict);
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: 1, reason, expectedOrder: ['a', 'b', 'c'] })).toThrow(Conflict);
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: 1, reason })).toThrow('Reload it');
  });

  it('refuses to move an item already debated, or to move anything past one', () => {
    const taken = [item('a', 'neg', 'carried'), item('b', 'neg', 'debated'), item('c', 'pro'), item('d', 'pro')];
    const state = published(taken);
    expect(() => arrangeOrderOfBusiness(state, { motionId: 'b', toPosition: 3, reason, expectedOrder })).toThrow(StandingOrderViolation);
    expect(() => arrangeOrderOfBusiness(state, { motionId: 'b', toPosition: 3, reason, expectedOrder })).toThrow('“Title b” has already been taken (debated)');
    expect(() => arrangeOrderOfBusiness(state, { motionId: 'd', toPosition: 1, reason, expectedOrder })).toThrow('nothing moves past it');
    expect(ids(arrangeOrderOfBusiness(state, { motionId: 'd', toPosition: 2, reason, expectedOrder }).order)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('refuses an unknown item, an unknown section, a place outside the agenda, and a move that changes nothing', () => {
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'zz', toPosition: 0, reason, expectedOrder })).toThrow(NotFound);
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toSectionId: 'nowhere', reason, expectedOrder })).toThrow('not one of this conference’s sections');
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: 4, reason, expectedOrder })).toThrow('0 to 3');
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: -1, reason, expectedOrder })).toThrow(InvalidInput);
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', toPosition: 0, reason, expectedOrder })).toThrow('already there');
    expect(() => arrangeOrderOfBusiness(published(), { motionId: 'a', reason, expectedOrder })).toThrow('Say where the item goes');
  });

  it('before publication moves a motion to another section freely, and leaves the order to the priority ballot', () => {
    const unpublished = { published: false, items: agenda, sectionIds: ['neg', 'pro'] };
    const moved = arrangeOrderOfBusiness(unpublished, { motionId: 'b', toSectionId: 'pro' });
    expect(moved.order.find((i) => i.motionId === 'b')?.sectionId).toBe('pro');
    expect(moved.reason).toBeNull();
    expect(() => arrangeOrderOfBusiness(unpublished, { motionId: 'b', toPosition: 0 })).toThrow('not published yet');
    expect(() => arrangeOrderOfBusiness(unpublished, { motionId: 'b', toSectionId: 'neg' })).toThrow('already in that section');
  });

  it('reorders by a permutation: nothing lost or duplicated, the others keep their order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<ArrangedItem['status']>('placed', 'placed', 'placed', 'debated', 'carried'), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.nat(),
        fc.option(fc.constantFrom('neg', 'pro', null), { nil: undefined }),
        (statuses, from, to, toSectionId) => {
          const items = statuses.map((status, i) => item(`m${i}`, i % 2 ? 'pro' : 'neg', status));
          const motionId = items[from % items.length].motionId;
          const move = { motionId, toPosition: to % items.length, toSectionId, reason, expectedOrder: ids(items) };
          let result;
          try {
            result = arrangeOrderOfBusiness(published(items), move);
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            expect([InvalidInput, StandingOrderViolation].some((kind) => error instanceof kind)).toBe(true);
            return;
          }
          expect([...ids(result.order)].sort()).toEqual([...ids(items)].sort());
          expect(ids(result.order)[move.toPosition]).toBe(motionId);
          expect(ids(result.order).filter((id) => id !== motionId)).toEqual(ids(items).filter((id) => id !== motionId));
          // Items already taken keep their places.
          items.forEach((i, place) => {
            if (i.status !== 'placed') expect(result.order[place].motionId).toBe(i.motionId);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the priority ballot tally', () => {
  const motions = [
    { id: 'hs1', section: 'Health and Safety' },
    { id: 'hs2', section: 'Health and Safety' },
    { id: 'er1', section: 'Equal Rights' },
  ];

  it('counts picks per motion, most picked first in each section', () => {
    const tally = tallyPriorityBallot([['hs2'], ['hs2', 'er1'], ['hs1']], motions);
    expect(tally.ballots).toBe(3);
    expect(tally.sections).toEqual([
      { section: 'Health and Safety', order: ['hs2', 'hs1'], picks: { hs2: 2, hs1: 1 }, automatic: false },
      { section: 'Equal Rights', order: ['er1'], picks: { er1: 1 }, automatic: true },
    ]);
  });

  it('leaves out picks of motions no longer on the ballot and still counts the rest of that ballot', () => {
    const tally = tallyPriorityBallot([['gone', 'er1'], ['gone']], motions);
    expect(tally.ballots).toBe(2);
    expect(tally.sections.find((s) => s.section === 'Equal Rights')?.picks).toEqual({ er1: 1 });
    expect(tally.sections.find((s) => s.section === 'Health and Safety')?.picks).toEqual({ hs1: 0, hs2: 0 });
  });
});
