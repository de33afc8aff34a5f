import { readMarkedPaper, readRankedPaper } from './paper-reading';

const candidates = [
  { id: 'a', name: 'Ann Archer' },
  { id: 'b', name: 'Ben Brook' },
  { id: 'c', name: 'Cat Cole' },
];

describe('a teller reading a ranked hall paper', () => {
  it('reads the numbers keyed against each candidate as an order of preference, blanks left out', () => {
    expect(readRankedPaper(candidates, { a: '2', b: '', c: '1' })).toEqual({ ok: true, order: ['c', 'a'] });
  });

  it('refuses a break in the numbers and says where it is and what to do', () => {
    const gap = readRankedPaper(candidates, { a: '1', c: '3' });
    expect(gap).toEqual({ ok: false, message: expect.stringContaining('No candidate has 2, but one has 3.') });
    const twice = readRankedPaper(candidates, { a: '1', b: '2', c: '2' });
    expect(twice).toEqual({ ok: false, message: expect.stringContaining('Ben Brook and Cat Cole both have 2. A paper counts only as far') });
    expect(readRankedPaper(candidates, { a: '1', b: '1' })).toEqual({ ok: false, message: expect.stringContaining('no single first choice') });
    expect(readRankedPaper(candidates, { b: '2' })).toEqual({ ok: false, message: expect.stringContaining('No candidate has 1') });
  });

  it('refuses what is not a preference, and a paper with nothing keyed', () => {
    expect(readRankedPaper(candidates, { a: 'x' })).toEqual({ ok: false, message: 'Ann Archer: “x” is not a preference. Key 1 to 3, or leave the box blank.' });
    expect(readRankedPaper(candidates, { a: '4' })).toMatchObject({ ok: false });
    expect(readRankedPaper(candidates, {})).toMatchObject({ ok: false, message: expect.stringContaining('Nothing is keyed') });
  });
});

describe('a teller reading a first-past-the-post hall paper', () => {
  it('reads the marks, and refuses a blank paper and one with more marks than seats', () => {
    expect(readMarkedPaper(candidates, new Set(['c', 'a']), 2)).toEqual({ ok: true, order: ['a', 'c'] });
    expect(readMarkedPaper(candidates, new Set(), 2)).toMatchObject({ ok: false });
    expect(readMarkedPaper(candidates, new Set(['a', 'b', 'c']), 2)).toEqual({ ok: false, message: expect.stringContaining('3 marks and there are 2 seats: it is void') });
  });
});
