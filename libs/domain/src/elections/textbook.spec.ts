import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { InvalidInput } from '../errors';
import {
  countElection,
  countFirstPastThePost,
  countInstantRunoff,
  countMeekStv,
  countScottishStv,
  ElectionCount,
  ElectionInput,
  formatVotes,
  parseBlt,
  parseVotes,
  sha256Hex,
} from './index';

const named = (count: ElectionCount, list: number[]) => list.map((c) => count.candidates[c]);
const votesAt = (count: ElectionCount, stage: number) =>
  Object.fromEntries(
    count.candidates.map((name, c) => [name, formatVotes(count.stages[stage - 1].votes[c])]),
  );

/** Build an input from "count: A > B > C" lines. */
function election(
  names: string[],
  seats: number,
  lines: [number, string[]][],
  extra: Partial<ElectionInput> = {},
): ElectionInput {
  return {
    candidates: names.map((name) => ({ name })),
    seats,
    ballots: lines.map(([count, prefs]) => ({ count, preferences: prefs.map((p) => names.indexOf(p)) })),
    ...extra,
  };
}

describe('instant runoff: the Tennessee capital (Wikipedia, "Instant-runoff voting")', () => {
  const cities = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];
  const tennessee = election(cities, 1, [
    [42, ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville']],
    [26, ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis']],
    [15, ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis']],
    [17, ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis']],
  ]);

  it('excludes Chattanooga, then Nashville, and elects Knoxville with 58 of 100', () => {
    const count = countInstantRunoff(tennessee);
    expect(named(count, count.excluded)).toEqual(['Chattanooga', 'Nashville']);
    expect(named(count, count.elected)).toEqual(['Knoxville']);
    expect(count.stages.map((s) => s.votes.map((v) => v / 100_000))).toEqual([
      [42, 26, 15, 17],
      [42, 26, 0, 32],
      [42, 0, 0, 58],
    ]);
    expect(count.stages[0].quota).toBe(parseVotes('51'));
  });

  it('and first past the post, on the same ballots, elects Memphis', () => {
    const firstOnly = {
      ...tennessee,
      ballots: tennessee.ballots.map((b) => ({ ...b, preferences: b.preferences.slice(0, 1) })),
    };
    expect(named(countFirstPastThePost(firstOnly), countFirstPastThePost(firstOnly).elected)).toEqual([
      'Memphis',
    ]);
  });
});

describe('STV: the food election (Wikipedia, "Single transferable vote")', () => {
  const foods = ['Orange', 'Pear', 'Chocolate', 'Strawberry', 'Hamburger'];
  const food = election(foods, 3, [
    [4, ['Orange']],
    [2, ['Pear', 'Orange']],
    [8, ['Chocolate', 'Strawberry']],
    [4, ['Chocolate', 'Hamburger']],
    [1, ['Strawberry']],
    [1, ['Hamburger']],
  ]);

  it('under the Scottish rules: quota 6, Chocolate’s surplus at half value, Pear out, Orange in, Hamburger out, Strawberry in', () => {
    const count = countScottishStv(food);
    expect(formatVotes(count.quota!)).toBe('6.00000');
    expect(named(count, count.elected)).toEqual(['Chocolate', 'Orange', 'Strawberry']);
    expect(named(count, count.excluded)).toEqual(['Pear', 'Hamburger']);
    expect(votesAt(count, 2)).toEqual({
      Orange: '4.00000',
      Pear: '2.00000',
      Chocolate: '6.00000',
      Strawberry: '5.00000',
      Hamburger: '3.00000',
    });
    expect(votesAt(count, 3)).toMatchObject({ Orange: '6.00000', Pear: '0.00000' });
    expect(named(count, count.stages[2].elected)).toEqual(['Orange']);
    expect(formatVotes(count.stages[3].nonTransferable)).toBe('3.00000');
    expect(count.stages.map((s) => s.action.kind)).toEqual([
      'first-preferences',
      'surplus',
      'exclusion',
      'exclusion',
    ]);
  });

  it("under Meek's method elects the same three", () => {
    const count = countMeekStv(food);
    expect(named(count, count.elected).sort()).toEqual(['Chocolate', 'Orange', 'Strawberry']);
  });
});

describe('the worked example of the 2007 Scottish rules (docs/elections.md), checked against Droop', () => {
  const fixtures = join(__dirname, 'fixtures');
  const blt = parseBlt(readFileSync(join(fixtures, 'worked-example.blt'), 'utf8'));
  const droop = JSON.parse(readFileSync(join(fixtures, 'worked-example.droop.json'), 'utf8'));
  const count = countScottishStv({ ...blt, lotSeed: 'unused' });

  it('elects Alison, Brian and Duncan with a quota of 16', () => {
    expect(formatVotes(count.quota!)).toBe('16.00000');
    expect(named(count, count.elected)).toEqual(['Alison', 'Brian', 'Duncan']);
    expect(named(count, count.elected).sort()).toEqual([...droop.elected].sort());
  });

  it('matches every stage of the independent count to five decimal places', () => {
    expect(
      count.stages.map((s) => ({
        nonTransferable: formatVotes(s.nonTransferable),
        votes: s.votes.map(formatVotes),
      })),
    ).toEqual(droop.stages);
  });

  it('passes Brian’s surplus on at values worked out from each paper’s own value (rule 48(4))', () => {
    // Brian's own 10 papers go on at 2.57140 ÷ 18.57140 = 0.13846 each, Alison's 20 at 0.42857 × that = 0.05933 each.
    expect(formatVotes(count.stages[2].transfers[3])).toBe('1.38460');
    expect(formatVotes(count.stages[2].transfers[2])).toBe('1.18660');
    expect(formatVotes(count.stages[2].roundingLoss)).toBe('0.00024');
  });
});

describe('ties', () => {
  it('are broken by the most recent earlier stage at which the tied candidates differed (rule 51(2)(a))', () => {
    // After D is excluded, B and C both have 6; at stage 1 B had 6 and C 5, so C is excluded. No lot is needed.
    const input = election(['A', 'B', 'C', 'D'], 1, [
      [10, ['A']],
      [6, ['B']],
      [5, ['C']],
      [1, ['D', 'C']],
      [1, ['D']],
    ]);
    for (const count of [countInstantRunoff(input), countScottishStv(input)]) {
      expect(named(count, count.excluded)).toEqual(['D', 'C', 'B'].slice(0, count.excluded.length));
      expect(count.excluded[1]).toBe(2);
      expect(count.draws).toEqual([]);
    }
  });

  it('level at every stage, they go to a draw by lot that anyone can repeat with the seed', () => {
    const input = election(['Ann', 'Bea', 'Cat'], 1, [
      [10, ['Ann']],
      [5, ['Bea', 'Ann']],
      [5, ['Cat', 'Ann']],
    ]);
    expect(() => countScottishStv(input)).toThrow(InvalidInput);
    expect(() => countScottishStv(input)).toThrow(/needs a draw by lot/);
    const count = countScottishStv({ ...input, lotSeed: 'conference 2026 dice 4-1-6' });
    const [draw] = count.draws;
    const key = (name: string) =>
      createHash('sha256').update(`conference 2026 dice 4-1-6:1:${name}`).digest('hex');
    expect(draw.keys).toEqual([key('Bea'), key('Cat')]);
    expect(draw.chosen).toBe(key('Bea') < key('Cat') ? 1 : 2);
    expect(count.excluded[0]).toBe(draw.chosen);
    expect(countScottishStv({ ...input, lotSeed: 'conference 2026 dice 4-1-6' })).toEqual(count);
  });

  it('first past the post: candidates level for the last seat are separated by lot', () => {
    const input = election(['Ann', 'Bea', 'Cat'], 2, [
      [6, ['Ann']],
      [4, ['Bea']],
      [4, ['Cat']],
    ]);
    const count = countFirstPastThePost({ ...input, lotSeed: 'seed' });
    expect(count.elected[0]).toBe(0);
    expect(count.elected[1]).toBe(count.draws[0].chosen);
    expect(count.draws[0].among).toEqual([1, 2]);
  });

  it('our SHA-256 is the standard one', () => {
    for (const text of ['', 'abc', 'seed:1:Ann', 'x'.repeat(200), 'Ñandú ✓']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
});

describe('first past the post', () => {
  it('counts up to as many marks as seats and sets aside ballots with more', () => {
    const input = election(['Ann', 'Bea', 'Cat'], 2, [
      [5, ['Ann', 'Bea']],
      [3, ['Ann']],
      [4, ['Bea', 'Cat']],
      [2, ['Ann', 'Bea', 'Cat']],
    ]);
    const count = countFirstPastThePost(input);
    expect(count.stages[0].votes.map((v) => v / 100_000)).toEqual([8, 9, 4]);
    expect(named(count, count.elected)).toEqual(['Bea', 'Ann']);
    expect(count.invalidBallots).toBe(2);
    expect(count.validBallots).toBe(12);
  });
});

describe('reserved seats ("at least 1 of the seats goes to a candidate who self-identifies as a woman")', () => {
  const people = [{ name: 'Alan' }, { name: 'Bob' }, { name: 'Colin' }, { name: 'Diane', groups: ['woman'] }];
  const ballots = [
    { count: 30, preferences: [0, 1] },
    { count: 25, preferences: [1, 2] },
    { count: 20, preferences: [2, 3] },
    { count: 15, preferences: [3, 2] },
  ];

  it('without the reservation, Alan, Bob and Colin are elected', () => {
    const count = countScottishStv({ candidates: people, seats: 3, ballots });
    expect(named(count, count.elected)).toEqual(['Alan', 'Bob', 'Colin']);
  });

  it('with it, once the only seat left is reserved, Colin is excluded as unable to fill it and Diane is elected', () => {
    for (const counter of [countScottishStv, countMeekStv]) {
      const count = counter({
        candidates: people,
        seats: 3,
        ballots,
        reservedSeats: [{ group: 'woman', atLeast: 1 }],
      });
      expect(named(count, count.elected).sort()).toEqual(['Alan', 'Bob', 'Diane']);
      const exclusion = count.stages.find((s) => s.action.kind === 'exclusion')!;
      expect(exclusion.action).toEqual({ kind: 'exclusion', candidates: [2], reason: 'reserved-seats' });
    }
  });

  it('the last candidate who can fill a reserved seat is never excluded for having the fewest votes', () => {
    const input: ElectionInput = {
      candidates: [
        { name: 'M1' },
        { name: 'M2' },
        { name: 'M3' },
        { name: 'M4' },
        { name: 'W1', groups: ['woman'] },
      ],
      seats: 3,
      ballots: [
        { count: 30, preferences: [0] },
        { count: 25, preferences: [1] },
        { count: 20, preferences: [2] },
        { count: 18, preferences: [3] },
        { count: 7, preferences: [4] },
      ],
      reservedSeats: [{ group: 'woman', atLeast: 1 }],
    };
    const count = countScottishStv(input);
    expect(named(count, count.excluded)).toEqual(['M4', 'M3']);
    expect(named(count, count.elected)).toEqual(['M1', 'M2', 'W1']);
  });

  it('a reservation larger than the group standing is cut down, with a note for the returning officer', () => {
    const count = countScottishStv({
      candidates: people,
      seats: 3,
      ballots,
      reservedSeats: [{ group: 'woman', atLeast: 2 }],
    });
    expect(count.notes).toEqual([expect.stringContaining('only 1 such candidate stands')]);
    expect(named(count, count.elected)).toContain('Diane');
  });

  it('first past the post fills reserved seats first from the group, then the rest by votes', () => {
    const count = countFirstPastThePost({
      candidates: people,
      seats: 2,
      ballots: [
        { count: 9, preferences: [0] },
        { count: 5, preferences: [1] },
        { count: 3, preferences: [3] },
      ],
      reservedSeats: [{ group: 'woman', atLeast: 1 }],
    });
    expect(named(count, count.elected)).toEqual(['Diane', 'Alan']);
  });
});

describe('input the count refuses, in words', () => {
  it('names what is wrong', () => {
    expect(() =>
      countElection('scottish-stv', { candidates: [{ name: 'A' }], seats: 0, ballots: [] }),
    ).toThrow(/at least 1/);
    expect(() =>
      countElection('instant-runoff', { candidates: [{ name: 'A' }, { name: 'B' }], seats: 2, ballots: [] }),
    ).toThrow(/one seat/);
    expect(() =>
      countElection('meek-stv', { candidates: [{ name: 'A' }], seats: 1, ballots: [{ preferences: [3] }] }),
    ).toThrow(/candidate number 4/);
    expect(() =>
      countElection('scottish-stv', {
        candidates: [
          { name: 'A', groups: ['x'] },
          { name: 'B', groups: ['y'] },
        ],
        seats: 1,
        ballots: [],
        reservedSeats: [
          { group: 'x', atLeast: 1 },
          { group: 'y', atLeast: 1 },
        ],
      }),
    ).toThrow(/More seats are reserved/);
  });
});

describe('withdrawn candidates', () => {
  it('are passed over on every ballot', () => {
    const count = countScottishStv({
      ...election(['A', 'B', 'C'], 1, [
        [3, ['A', 'B']],
        [2, ['C']],
      ]),
      withdrawn: [0],
    });
    expect(count.stages[0].votes.map((v) => v / 100_000)).toEqual([0, 3, 2]);
    expect(count.elected).toEqual([1]);
  });
});
