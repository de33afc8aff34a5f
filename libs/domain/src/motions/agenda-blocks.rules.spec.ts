import fc from 'fast-check';
import { Conflict, InvalidInput, StandingOrderViolation } from '../errors';
import type { ArrangedItem } from './agenda-arrangement.rules';
import { LabelledItem, moveSection, placeComposite } from './agenda-blocks.rules';
import { compositeMotions } from './compositing.rules';

const sections = [
  { id: 'neg', name: 'NEGOTIATING' },
  { id: 'pro', name: 'PROFESSIONAL' },
  { id: 'hs', name: 'HEALTH AND SAFETY' },
];
const item = (motionId: string, sectionId: string | null, status: ArrangedItem['status'] = 'placed'): ArrangedItem => ({ motionId, title: `Title ${motionId}`, sectionId, status });
const ids = (items: readonly { motionId: string }[] | null) => (items ?? []).map((i) => i.motionId);
const reason = 'The negotiating officer speaks on the second day.';
const agenda = [item('a', 'neg'), item('b', 'neg'), item('c', 'pro'), item('e', null), item('d', 'hs')];
const published = (items: readonly ArrangedItem[] = agenda) => ({ published: true, sections, items });

describe('the SOC moving a whole section', () => {
  it('before publication swaps it with its neighbour in the planned order, no reason needed', () => {
    const down = moveSection({ published: false, sections, items: [] }, { sectionId: 'neg', direction: 'down' });
    expect(down).toMatchObject({ sectionOrder: ['pro', 'neg', 'hs'], order: null, passed: 'PROFESSIONAL', reason: null });
    expect(moveSection({ published: false, sections, items: [] }, { sectionId: 'hs', direction: 'up' }).sectionOrder).toEqual(['neg', 'hs', 'pro']);
    expect(() => moveSection({ published: false, sections, items: [] }, { sectionId: 'neg', direction: 'up' })).toThrow('NEGOTIATING is already first');
    expect(() => moveSection({ published: false, sections, items: [] }, { sectionId: 'hs', direction: 'down' })).toThrow(InvalidInput);
  });

  it('after publication moves the section’s items as one block past the neighbouring block, with a reason', () => {
    const down = moveSection(published(), { sectionId: 'neg', direction: 'down', reason, expectedOrder: ids(agenda) });
    expect(ids(down.order)).toEqual(['c', 'a', 'b', 'e', 'd']);
    expect(down).toMatchObject({ sectionOrder: ['pro', 'neg', 'hs'], passed: 'PROFESSIONAL', firstPosition: 1, lastPosition: 2, reason });
    // An emergency motion of no section is a block of its own: the section moves past it alone.
    const up = moveSection(published(), { sectionId: 'hs', direction: 'up', reason, expectedOrder: ids(agenda) });
    expect(ids(up.order)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(up.passed).toBe('Title e');
  });

  it('refuses after publication without a reason, on a stale order, at an end, for a section with no items or with items apart', () => {
    const expectedOrder = ids(agenda);
    expect(() => moveSection(published(), { sectionId: 'neg', direction: 'down', expectedOrder })).toThrow('give the reason');
    expect(() => moveSection(published(), { sectionId: 'neg', direction: 'down', reason, expectedOrder: ['b', 'a', 'c', 'e', 'd'] })).toThrow(Conflict);
    expect(() => moveSection(published(), { sectionId: 'neg', direction: 'down', reason })).toThrow('Reload it');
    expect(() => moveSection(published(), { sectionId: 'neg', direction: 'up', reason, expectedOrder })).toThrow('already first');
    expect(() => moveSection(published(), { sectionId: 'nowhere', direction: 'up', reason, expectedOrder })).toThrow('not one of this conference’s sections');
    const withoutHs = agenda.filter((i) => i.sectionId !== 'hs');
    expect(() => moveSection(published(withoutHs), { sectionId: 'hs', direction: 'up', reason, expectedOrder: ids(withoutHs) })).toThrow('has no items on the order of business');
    const apart = [item('a', 'neg'), item('c', 'pro'), item('b', 'neg')];
    expect(() => moveSection(published(apart), { sectionId: 'neg', direction: 'down', reason, expectedOrder: ids(apart) })).toThrow(/“Title b” is apart/);
  });

  it('refuses to move a block holding an item already taken, or past one', () => {
    const taken = [item('a', 'neg', 'carried'), item('b', 'neg'), item('c', 'pro'), item('d', 'hs')];
    const expectedOrder = ids(taken);
    expect(() => moveSection(published(taken), { sectionId: 'neg', direction: 'down', reason, expectedOrder })).toThrow(StandingOrderViolation);
    expect(() => moveSection(published(taken), { sectionId: 'pro', direction: 'up', reason, expectedOrder })).toThrow('“Title a” has already been taken (carried); it keeps its place, so PROFESSIONAL cannot move up past it.');
    expect(ids(moveSection(published(taken), { sectionId: 'pro', direction: 'down', reason, expectedOrder }).order)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('keeps every item, moves only the two blocks, and leaves items already taken where they were (property)', () => {
    const arbitraryAgenda = fc
      .array(fc.record({ sectionId: fc.constantFrom('neg', 'pro', 'hs', null), taken: fc.boolean() }), { minLength: 1, maxLength: 12 })
      .map((rows) => rows.map((r, i) => item(`m${i}`, r.sectionId, r.taken ? 'carried' : 'placed')));
    fc.assert(
      fc.property(arbitraryAgenda, fc.constantFrom('neg', 'pro', 'hs'), fc.constantFrom<'up' | 'down'>('up', 'down'), (items, sectionId, direction) => {
        let result;
        try {
          result = moveSection(published(items), { sectionId, direction, reason, expectedOrder: ids(items) });
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          return;
        }
        const order = result.order as ArrangedItem[];
        expect([...ids(order)].sort()).toEqual([...ids(items)].sort());
        items.forEach((original, index) => {
          if (original.status !== 'placed') expect(order[index]).toBe(original);
        });
        // The section stands together after the move, at the places reported.
        const places = order.map((i, index) => (i.sectionId === sectionId ? index : -1)).filter((i) => i >= 0);
        expect(places).toEqual(Array.from({ length: places.length }, (_, k) => (result.firstPosition as number) + k));
      }),
    );
  });
});

describe('a composite made after publication', () => {
  const labelled = (motionId: string, sectionId: string | null, label: string, status: ArrangedItem['status'] = 'placed'): LabelledItem => ({
    ...item(motionId, sectionId, status),
    label,
    number: Number(label.split(' ').at(-1)),
    series: label.startsWith('Emergency') ? 'emergency' : 'motion',
  });
  const placedAgenda = [labelled('a', 'neg', 'Motion 1', 'carried'), labelled('b', 'neg', 'Motion 2'), labelled('c', 'pro', 'Motion 3'), labelled('e', null, 'Emergency motion 1'), labelled('d', 'pro', 'Motion 4')];
  const composite = { motionId: 'x', title: 'Workload and caseload', sectionId: 'pro' };

  it('takes the place and label of the first of its originals on the order of business; the originals leave it', () => {
    const placed = placeComposite(placedAgenda, composite, ['d', 'b'], ids(placedAgenda));
    expect(ids(placed.order)).toEqual(['a', 'x', 'c', 'e']);
    expect(placed).toMatchObject({ position: 1, label: 'Motion 2', number: 2 });
    expect(ids(placed.replaced)).toEqual(['b', 'd']);
  });

  it('made from motions not on the order of business, goes after its section’s last item, numbered after the last motion', () => {
    const placed = placeComposite(placedAgenda, composite, ['late1', 'late2'], ids(placedAgenda));
    expect(ids(placed.order)).toEqual(['a', 'b', 'c', 'e', 'd', 'x']);
    expect(placed).toMatchObject({ position: 5, label: 'Motion 5', number: 5, replaced: [] });
    // A number published for a motion composited since is not used again.
    expect(placeComposite(placedAgenda, composite, ['late1'], ids(placedAgenda), 7).label).toBe('Motion 8');
    const inNeg = placeComposite(placedAgenda, { ...composite, sectionId: 'neg' }, ['late1'], ids(placedAgenda));
    expect(ids(inNeg.order)).toEqual(['a', 'b', 'x', 'c', 'e', 'd']);
    // Never before an item already taken.
    const taken = [labelled('a', 'neg', 'Motion 1'), labelled('c', 'pro', 'Motion 2', 'debated')];
    expect(placeComposite(taken, { ...composite, sectionId: 'neg' }, ['late1'], ids(taken)).position).toBe(2);
  });

  it('keeps to the motion series: an emergency motion first among the originals gives its place, not its label', () => {
    const placed = placeComposite(placedAgenda, composite, ['e', 'd'], ids(placedAgenda));
    expect(ids(placed.order)).toEqual(['a', 'b', 'c', 'x']);
    expect(placed).toMatchObject({ position: 3, label: 'Motion 4', number: 4 });
    const onlyEmergency = placeComposite(placedAgenda, composite, ['e', 'late'], ids(placedAgenda));
    expect(onlyEmergency).toMatchObject({ position: 3, label: 'Motion 5' });
  });

  it('refuses an original already taken, and a stale order', () => {
    expect(() => placeComposite(placedAgenda, composite, ['a', 'b'], ids(placedAgenda))).toThrow('“Title a” has already been taken (carried); it keeps its place on the order of business and cannot be composited.');
    expect(() => placeComposite(placedAgenda, composite, ['b', 'c'], ids(placedAgenda).reverse())).toThrow(Conflict);
    expect(() => placeComposite(placedAgenda, composite, ['b', 'c'], undefined)).toThrow('Reload it');
  });

  it('leaves every item not composited in the same order (property)', () => {
    fc.assert(
      fc.property(fc.subarray(['b', 'c', 'd', 'e'], { minLength: 2 }), (originals) => {
        const placed = placeComposite(placedAgenda, composite, originals, ids(placedAgenda));
        expect(ids(placed.order).filter((id) => id !== 'x')).toEqual(ids(placedAgenda).filter((id) => !originals.includes(id)));
        // In the first original's place, with the first motion-series label among them.
        const first = placedAgenda.findIndex((i) => originals.includes(i.motionId));
        expect(placed.position).toBe(first);
        expect(placed.order[placed.position].label).toBe(placedAgenda.find((i) => originals.includes(i.motionId) && i.series === 'motion')?.label ?? 'Motion 5');
      }),
    );
  });

  it('may composite motions placed on the order of business, not those already taken', () => {
    const ctx = { compositeId: 'x', actor: { id: 'soc-1', role: 'soc' as const }, now: new Date('2027-10-07T10:00:00Z') };
    const original = (id: string, status: ArrangedItem['status']) => ({ id, conferenceId: 'c', kind: 'motion' as const, status, title: `Motion ${id.toUpperCase()}`, submitterBodyIds: [id] });
    expect(compositeMotions([original('b', 'placed'), original('d', 'placed')], 'New text', 'Title', ctx).originals.map((o) => o.audit.from)).toEqual(['placed', 'placed']);
    expect(() => compositeMotions([original('b', 'placed'), original('a', 'debated')], 'New text', 'Title', ctx)).toThrow(/"Motion A" is debated/);
  });
});
