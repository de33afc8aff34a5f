import fc from 'fast-check';
import { divideMotion, outcomeOfParts, partsInWords, REST_OF_THE_MOTION, textOfPartsCarried } from './motion-parts.rules';

const MOTION =
  'Conference notes the pay offer of 2%.\n\nConference believes it is a real-terms cut.\n\n' +
  'Conference instructs the NEC to ballot for industrial action.';

describe('taking a motion in parts', () => {
  it('makes the words outside the parts named "the rest of the motion", a part of its own', () => {
    const parts = divideMotion(MOTION, [
      { label: 'Paragraph 3', text: 'Conference instructs the NEC to ballot for industrial action.', operative: true },
    ]);
    expect(parts.map((p) => [p.partId, p.label, p.operative])).toEqual([
      ['part-1', 'Paragraph 3', true],
      ['part-2', REST_OF_THE_MOTION, true],
    ]);
    expect(parts[1].text).toBe('Conference notes the pay offer of 2%.\n\nConference believes it is a real-terms cut.');
  });

  it('numbers the parts in the order the motion reads', () => {
    const parts = divideMotion(MOTION, [
      { label: 'Instruction', text: 'Conference instructs the NEC', operative: true },
      { label: 'Notes', text: 'Conference notes the pay offer of 2%.', operative: false },
    ]);
    expect(parts.map((p) => p.label)).toEqual(['Notes', 'Instruction', REST_OF_THE_MOTION]);
  });

  it('refuses words that are not in the motion, stand twice, or overlap another part', () => {
    expect(() => divideMotion(MOTION, [{ label: 'A', text: 'Conference rejects', operative: true }])).toThrow(/not in the motion/);
    expect(() => divideMotion(MOTION, [{ label: 'A', text: 'Conference', operative: true }])).toThrow(/more than once/);
    expect(() =>
      divideMotion(MOTION, [
        { label: 'A', text: 'notes the pay offer', operative: true },
        { label: 'B', text: 'pay offer of 2%', operative: true },
      ]),
    ).toThrow(/A and B overlap/);
  });

  it('refuses a single part that is the whole motion, and a division with no operative part', () => {
    expect(() => divideMotion('Conference resolves to win.', [{ label: 'All', text: 'Conference resolves to win.', operative: true }])).toThrow(
      /at least two parts/,
    );
    expect(() => divideMotion(MOTION, [{ label: 'Notes', text: 'Conference notes the pay offer of 2%.', operative: false }], false)).toThrow(
      /operative/,
    );
  });

  it('reads as the parts carried, the gap closed up', () => {
    const parts = divideMotion(MOTION, [
      { label: 'Belief', text: 'Conference believes it is a real-terms cut.', operative: false },
    ]);
    const text = textOfPartsCarried(MOTION, parts, { 'part-1': 'lost', 'part-2': 'carried' });
    expect(text).toBe('Conference notes the pay offer of 2%.\n\nConference instructs the NEC to ballot for industrial action.');
    expect(partsInWords(parts, { 'part-1': 'lost', 'part-2': 'carried' })).toBe(`carried: ${REST_OF_THE_MOTION}; lost: Belief`);
  });

  it('loses the motion when every operative part is lost, whatever else is carried', () => {
    const parts = divideMotion(MOTION, [
      { label: 'Notes', text: 'Conference notes the pay offer of 2%.', operative: false },
      { label: 'Instruction', text: 'Conference instructs the NEC to ballot for industrial action.', operative: true },
    ], false);
    expect(outcomeOfParts(parts, { 'part-1': 'carried', 'part-2': 'lost' })).toBeNull();
    expect(outcomeOfParts(parts, { 'part-1': 'carried', 'part-2': 'lost', 'part-3': 'carried' })).toBe('lost');
    expect(outcomeOfParts(parts, { 'part-1': 'lost', 'part-2': 'carried', 'part-3': 'lost' })).toBe('carried');
  });

  // Sentences with distinct words, some taken as parts; every outcome of the votes.
  it('always reads as exactly the parts carried, and is lost exactly when every operative part is', () => {
    const sentence = (i: number) => `Clause${i} says thing ${i}.`;
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
        fc.constantFrom(' ', '\n', '\n\n'),
        (count, taken, operative, carried, separator) => {
          const sentences = Array.from({ length: count }, (_, i) => sentence(i));
          const text = sentences.join(separator);
          const named = sentences.map((s, i) => ({ s, i })).filter(({ i }) => taken[i]);
          if (named.length === 0) return;
          const hasRest = named.length < count;
          if (!hasRest && named.length < 2) return;
          const restOperative = operative[count - 1];
          if (!named.some(({ i }) => operative[i]) && !(hasRest && restOperative)) return;
          const parts = divideMotion(
            text,
            named.map(({ s, i }) => ({ label: `P${i}`, text: s, operative: operative[i] })),
            restOperative,
          );
          const outcomes = Object.fromEntries(parts.map((p, k) => [p.partId, carried[k] ? 'carried' : 'lost'] as const));
          const result = textOfPartsCarried(text, parts, outcomes);
          for (const part of parts) {
            const words = part.ranges.map(([s, e]) => text.slice(s, e));
            for (const w of words) expect(result.includes(w)).toBe(outcomes[part.partId] === 'carried');
          }
          const allCarried = parts.every((p) => outcomes[p.partId] === 'carried');
          if (allCarried) expect(result).toBe(text);
          const lost = parts.filter((p) => p.operative).every((p) => outcomes[p.partId] === 'lost');
          expect(outcomeOfParts(parts, outcomes)).toBe(lost ? 'lost' : 'carried');
        },
      ),
    );
  });
});
