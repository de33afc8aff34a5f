import fc from 'fast-check';
import { Conflict, InvalidInput, StandingOrderViolation } from '../errors';
import type { ArrangedItem } from './agenda-arrangement.rules';
import type { LabelledItem } from './agenda-blocks.rules';
import { placeAdmittedMotion, slotEmergencyMotion, UnplacedMotion } from './agenda-placement.rules';

const labelled = (motionId: string, sectionId: string | null, label: string, status: ArrangedItem['status'] = 'placed'): LabelledItem => ({
  motionId,
  title: `Title ${motionId}`,
  sectionId,
  status,
  label,
  number: Number(label.split(' ').at(-1)),
  series: label.startsWith('Emergency') ? 'emergency' : 'motion',
});
const ids = (items: readonly { motionId: string }[]) => items.map((i) => i.motionId);
const reason = 'Admitted late after the branch corrected its seconder.';
const agenda = [labelled('a', 'neg', 'Motion 1', 'carried'), labelled('b', 'neg', 'Motion 2'), labelled('c', 'pro', 'Motion 3'), labelled('e', null, 'Emergency motion 1'), labelled('d', 'pro', 'Motion 4')];
const late: UnplacedMotion = { motionId: 'x', title: 'Late motion', kind: 'motion', status: 'admitted', sectionId: 'neg' };
const place = (request: Parameters<typeof placeAdmittedMotion>[2], motion: UnplacedMotion = late, items: readonly LabelledItem[] = agenda, highest?: number) =>
  placeAdmittedMotion(items, motion, { reason, expectedOrder: ids(items), ...request }, highest);

describe('a motion admitted after publication placed by the SOC', () => {
  it('goes where the SOC chooses, numbered after the last motion; the other items keep their places and labels', () => {
    const placed = place({ position: 3 });
    expect(ids(placed.order)).toEqual(['a', 'b', 'c', 'x', 'e', 'd']);
    expect(placed).toMatchObject({ position: 3, label: 'Motion 5', number: 5, reason });
    expect(placed.order.filter((i) => i.motionId !== 'x')).toEqual(agenda);
    // At the end, and a number published for a motion composited since is not used again.
    expect(place({ position: agenda.length }, late, agenda, 7)).toMatchObject({ position: 5, label: 'Motion 8' });
  });

  it('with no place named, goes after its section’s last item, else at the end, and never before an item already taken', () => {
    expect(place({}).position).toBe(2);
    expect(place({}, { ...late, sectionId: 'hs' }).position).toBe(5);
    expect(place({}, { ...late, sectionId: null }).position).toBe(5);
    const taken = [labelled('a', 'neg', 'Motion 1'), labelled('c', 'pro', 'Motion 2', 'debated')];
    expect(place({}, late, taken).position).toBe(2);
  });

  it('places a constitutional amendment or composite the same way', () => {
    expect(place({ position: 1 }, { ...late, kind: 'constitutional_amendment' }).label).toBe('Motion 5');
    expect(place({ position: 1 }, { ...late, kind: 'composite' }).label).toBe('Motion 5');
  });

  it('refuses a place before an item already taken, or outside the order', () => {
    expect(() => place({ position: 0 })).toThrow(StandingOrderViolation);
    expect(() => place({ position: 0 })).toThrow('“Title a” has already been taken (carried); nothing goes before it. Choose a place after it.');
    expect(() => place({ position: 6 })).toThrow(InvalidInput);
    expect(() => place({ position: -1 })).toThrow('Place -1 is outside the order of business (0 to 5; 5 puts it last).');
    expect(() => place({ position: 1.5 })).toThrow(InvalidInput);
  });

  it('refuses without a reason, on a stale order, twice, or what is not an admitted ordinary motion', () => {
    expect(() => place({ reason: '  ' })).toThrow('give the reason for placing the motion');
    expect(() => place({ expectedOrder: ids(agenda).reverse() })).toThrow(Conflict);
    expect(() => place({ expectedOrder: undefined })).toThrow('Reload it');
    expect(() => place({}, { ...late, motionId: 'b' })).toThrow('“Late motion” is already on the order of business.');
    expect(() => place({}, { ...late, status: 'submitted' })).toThrow('“Late motion” is submitted: only a motion the SOC has admitted goes on the order of business.');
    expect(() => place({}, { ...late, status: 'ruled_out_of_order' })).toThrow(StandingOrderViolation);
    expect(() => place({}, { ...late, kind: 'emergency_motion' })).toThrow(/emergency motion: slot it in/);
    expect(() => place({}, { ...late, kind: 'amendment' })).toThrow(/debated with the motion it amends/);
  });

  it('leaves every other item in the same order, and nothing taken moves (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: agenda.length }), (position) => {
        const placed = place({ position });
        expect(ids(placed.order).filter((id) => id !== 'x')).toEqual(ids(agenda));
        expect(placed.order[position].motionId).toBe('x');
        agenda.forEach((original, index) => {
          if (original.status !== 'placed') expect(placed.order[index]).toBe(original);
        });
      }),
    );
  });
});

describe('an emergency motion the meeting admitted, slotted in by the SOC', () => {
  const emergency: UnplacedMotion = { motionId: 'y', title: 'Office closures', kind: 'emergency_motion', status: 'admitted', sectionId: null };
  const slot = (request: Parameters<typeof slotEmergencyMotion>[2], motion: UnplacedMotion = emergency, items: readonly LabelledItem[] = agenda) =>
    slotEmergencyMotion(items, motion, { reason, expectedOrder: ids(items), ...request });

  it('goes where the SOC chooses in its own series; no published label changes', () => {
    const slotted = slot({ position: 1 });
    expect(ids(slotted.order)).toEqual(['a', 'y', 'b', 'c', 'e', 'd']);
    expect(slotted).toMatchObject({ position: 1, label: 'Emergency motion 2', number: 2, reason });
    expect(slotted.order[1].series).toBe('emergency');
    expect(slotted.order.filter((i) => i.motionId !== 'y')).toEqual(agenda);
    // The first one is Emergency motion 1; with no place named, at the end (it has no section).
    const none = agenda.filter((i) => i.series === 'motion');
    expect(slot({}, emergency, none)).toMatchObject({ position: 4, label: 'Emergency motion 1' });
  });

  it('refuses a place before an item already taken, naming it', () => {
    expect(() => slot({ position: 0 })).toThrow(StandingOrderViolation);
    expect(() => slot({ position: 0 })).toThrow('“Title a” has already been taken (carried); nothing goes before it.');
    expect(() => slot({ position: 6 })).toThrow('Place 6 is outside the order of business (0 to 5; 5 puts it last).');
  });

  it('refuses without a reason, on a stale or missing order, twice, or what is not an admitted emergency motion', () => {
    expect(() => slot({ position: 1, reason: ' ' })).toThrow('give the reason for slotting the emergency motion');
    expect(() => slot({ position: 1, expectedOrder: ids(agenda).slice(1) })).toThrow(Conflict);
    expect(() => slot({ position: 1, expectedOrder: undefined })).toThrow('Reload it');
    expect(() => slot({ position: 1 }, { ...emergency, motionId: 'e' })).toThrow('“Office closures” is already on the order of business.');
    expect(() => slot({ position: 1 }, { ...emergency, status: 'submitted' })).toThrow(StandingOrderViolation);
    expect(() => slot({ position: 1 }, late)).toThrow('“Late motion” is not an emergency motion: place it on the order of business with POST /agenda/place.');
  });
});
