import { InvalidInput } from '../errors';
import { formatBlt, parseBlt } from './blt';

describe('BLT files', () => {
  const standard = [
    '4 2',
    '-3',
    '12 1 3 2 0',
    '(b7) 5 2 0',
    '# a comment',
    '3 4 1 0',
    '0',
    '"Ann ""Nan"" Smith"',
    '"Bea Jones"',
    '"Cat Brown"',
    '"Dee White"',
    '"Branch secretary 2026"',
    '',
  ].join('\n');

  it('reads the standard format: counts, seats, withdrawn, ballot ids, comments, quoted names and title', () => {
    const blt = parseBlt(standard);
    expect(blt.seats).toBe(2);
    expect(blt.withdrawn).toEqual([2]);
    expect(blt.candidates.map((c) => c.name)).toEqual([
      'Ann "Nan" Smith',
      'Bea Jones',
      'Cat Brown',
      'Dee White',
    ]);
    expect(blt.title).toBe('Branch secretary 2026');
    expect(blt.ballots).toEqual([
      { count: 12, preferences: [0, 2, 1] },
      { count: 5, preferences: [1] },
      { count: 3, preferences: [3, 0] },
    ]);
  });

  it('reads the published Scottish files, with names unquoted and no line break after the title', () => {
    const blt = parseBlt('2 1\n3 1 2 0\n1 2 0\n0\nAnn SMITH (Ind)\nBea JONES (Lab)\nWard 9 - Somewhere');
    expect(blt.candidates.map((c) => c.name)).toEqual(['Ann SMITH (Ind)', 'Bea JONES (Lab)']);
    expect(blt.title).toBe('Ward 9 - Somewhere');
  });

  it('writes a file that reads back the same, identical ballots on one line', () => {
    const blt = parseBlt(standard);
    const written = formatBlt({ ...blt, ballots: [...blt.ballots, { preferences: [0, 2, 1], count: 1 }] });
    expect(written).toBe(
      [
        '4 2',
        '-3',
        '13 1 3 2 0',
        '5 2 0',
        '3 4 1 0',
        '0',
        '"Ann ""Nan"" Smith"',
        '"Bea Jones"',
        '"Cat Brown"',
        '"Dee White"',
        '"Branch secretary 2026"',
        '',
      ].join('\n'),
    );
    expect(parseBlt(written).ballots).toEqual([
      { count: 13, preferences: [0, 2, 1] },
      { count: 5, preferences: [1] },
      { count: 3, preferences: [3, 0] },
    ]);
  });

  it.each([
    ['', /The BLT file is empty/],
    ['2 3\n0\n"A"\n"B"\n"T"', /3 seats but only 2 candidates/],
    ['2 1\n1 1 2\n0\n"A"\n"B"\n"T"', /line 2: a ballot line must end with 0/],
    ['2 1\n1 1 3 0\n0\n"A"\n"B"\n"T"', /line 2: candidate 3 is not between 1 and 2/],
    ['2 1\n1 1=2 0\n0\n"A"\n"B"\n"T"', /equal preferences cannot be counted/],
    ['2 1\n1 1 0\n0\n"A"', /names 1 candidates but says there are 2/],
    ['2 1\n1 1 0\n', /ends before the "0" that closes the ballots/],
    ['2 1\n1 1 0\n0\n"A"\n"B"\n"T"\n"extra"', /more after the title/],
  ])('refuses a broken file with the line and the reason (%j)', (text, message) => {
    expect(() => parseBlt(text)).toThrow(InvalidInput);
    expect(() => parseBlt(text)).toThrow(message);
  });
});
