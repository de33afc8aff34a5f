import fc from 'fast-check';
import { InvalidInput } from '../errors';
import {
  AgendaMotion,
  assertValidPriorityBallot,
  orderAgenda,
  publishAgenda,
  rankByPriorityBallot,
  rotateSections,
} from './order-of-business.rules';

const sections2025 = [
  'National Executive Committee',
  'Health and Safety Committee',
  'Equal Rights Committee',
  'Campaigning Network',
  'Professional and Training',
];

describe('rotating the sections', () => {
  it('takes them alphabetically at rotation 0', () => {
    expect(rotateSections(sections2025, 0)).toEqual([
      'Campaigning Network',
      'Equal Rights Committee',
      'Health and Safety Committee',
      'National Executive Committee',
      'Professional and Training',
    ]);
  });

  it('moves the first section to the end each year', () => {
    const thisYear = rotateSections(sections2025, 2025);
    const nextYear = rotateSections(sections2025, 2026);
    expect(nextYear).toEqual([...thisYear.slice(1), thisYear[0]]);
  });

  it('gives every section the first place once in as many years as there are sections', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][a-z]{2,8}$/), {
          minLength: 1,
          maxLength: 9,
          selector: (s) => s.toLowerCase(),
        }),
        fc.integer({ min: 1990, max: 2100 }),
        (names, year) => {
          const firsts = names.map((_, i) => rotateSections(names, year + i)[0]);
          expect([...firsts].sort()).toEqual([...names].sort());
          expect(rotateSections(names, year)).toHaveLength(names.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a section listed twice and a fractional rotation', () => {
    expect(() => rotateSections(['Equal Rights', 'equal rights'], 0)).toThrow(InvalidInput);
    expect(() => rotateSections(sections2025, 1.5)).toThrow(InvalidInput);
  });
});

describe('the priority ballot', () => {
  const onBallot = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10'];

  it('takes one pick, and nine', () => {
    expect(() => assertValidPriorityBallot(['m3'], onBallot)).not.toThrow();
    expect(() => assertValidPriorityBallot(onBallot.slice(0, 9), onBallot)).not.toThrow();
  });

  it('refuses no picks, ten picks, a motion picked twice, and a motion not on the ballot', () => {
    expect(() => assertValidPriorityBallot([], onBallot)).toThrow(
      'Pick between 1 and 9 motions; this ballot picks 0',
    );
    expect(() => assertValidPriorityBallot(onBallot, onBallot)).toThrow(InvalidInput);
    expect(() => assertValidPriorityBallot(['m1', 'm1'], onBallot)).toThrow('only once');
    expect(() => assertValidPriorityBallot(['m99'], onBallot)).toThrow('One motion picked is not on the priority ballot.');
  });

  it("follows the ruleset's numbers", () => {
    const rules = { priorityBallot: { minPicks: 2, maxPicks: 3 }, emergencyOnlyAfterMotionsDeadline: true };
    expect(() => assertValidPriorityBallot(['m1'], onBallot, rules)).toThrow('between 2 and 3');
  });

  const motions = [
    { id: 'hs1', section: 'Health and Safety' },
    { id: 'hs2', section: 'Health and Safety' },
    { id: 'nec1', section: 'NEC' },
    { id: 'nec2', section: 'NEC' },
    { id: 'nec3', section: 'NEC' },
    { id: 'er1', section: 'Equal Rights' },
  ];

  it('puts the most picked motion of each section first and takes a one-motion section automatically', () => {
    const ballots = [['hs2', 'nec3'], ['hs2', 'nec1', 'nec3'], ['nec3'], ['hs1', 'er1']];
    expect(rankByPriorityBallot(ballots, motions)).toEqual([
      { section: 'Health and Safety', order: ['hs2', 'hs1'], picks: { hs2: 2, hs1: 1 }, automatic: false },
      {
        section: 'NEC',
        order: ['nec3', 'nec1', 'nec2'],
        picks: { nec3: 3, nec1: 1, nec2: 0 },
        automatic: false,
      },
      { section: 'Equal Rights', order: ['er1'], picks: { er1: 1 }, automatic: true },
    ]);
  });

  it('breaks a tie by the order the motions were listed in', () => {
    const ranked = rankByPriorityBallot([['nec2', 'nec1']], motions);
    expect(ranked.find((s) => s.section === 'NEC')?.order).toEqual(['nec1', 'nec2', 'nec3']);
  });

  it('refuses the count when any ballot is invalid, naming it', () => {
    expect(() => rankByPriorityBallot([['hs1'], ['hs1', 'hs1']], motions)).toThrow(
      'Priority ballot 2 is invalid',
    );
  });

  it('counts every pick exactly once', () => {
    const ids = motions.map((m) => m.id);
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 6 }), { maxLength: 40 }),
        (ballots) => {
          const ranked = rankByPriorityBallot(ballots, motions);
          const total = ranked.reduce((sum, s) => sum + Object.values(s.picks).reduce((a, b) => a + b, 0), 0);
          expect(total).toBe(ballots.reduce((sum, b) => sum + b.length, 0));
          for (const s of ranked) {
            const counts = s.order.map((id) => s.picks[id]);
            expect(counts).toEqual([...counts].sort((a, b) => b - a));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the order of business', () => {
  const motions: AgendaMotion[] = [
    { id: 'nec1', section: 'NEC', kind: 'motion' },
    { id: 'hs1', section: 'Health and Safety', kind: 'motion' },
    { id: 'nec2', section: 'NEC', kind: 'composite' },
    { id: 'hs2', section: 'Health and Safety', kind: 'constitutional_amendment' },
  ];

  it("takes sections in the rotated order and motions in the ballot's order within each", () => {
    const order = orderAgenda(['NEC', 'Health and Safety'], motions, { NEC: ['nec2', 'nec1'] });
    expect(order.map((m) => m.id)).toEqual(['nec2', 'nec1', 'hs1', 'hs2']);
  });

  it('refuses a motion in a section missing from the order', () => {
    expect(() => orderAgenda(['NEC'], motions)).toThrow('2 motions are in no section of the order of business');
  });

  it('numbers the published agenda Motion 1..N across the sections', () => {
    const agenda = publishAgenda(orderAgenda(['Health and Safety', 'NEC'], motions));
    expect(agenda.map((e) => [e.motionId, e.label])).toEqual([
      ['hs1', 'Motion 1'],
      ['hs2', 'Motion 2'],
      ['nec1', 'Motion 3'],
      ['nec2', 'Motion 4'],
    ]);
  });
});
