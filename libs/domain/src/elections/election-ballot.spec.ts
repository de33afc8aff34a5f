import {
  assertPaperBallotsConfirmed,
  assertRoomForPaperBallot,
  assertSecondTellerAgrees,
  ballotInWords,
  ballotOrder,
  electionReceiptText,
  parseBallotPaper,
  publishCount,
} from './election-ballot';
import { countElection } from './count-election';

const candidates = ballotOrder([
  { nominationId: 'c', name: 'Cat Cole', groups: [] },
  { nominationId: 'a', name: 'Ann Archer', groups: [] },
  { nominationId: 'b', name: 'Ben Brook', groups: [] },
]);

describe('an election ballot paper', () => {
  it('prints the candidates in alphabetical order of name', () => {
    expect(candidates.map((c) => c.name)).toEqual(['Ann Archer', 'Ben Brook', 'Cat Cole']);
  });

  it('reads a ranking as candidate numbers, most preferred first', () => {
    expect(parseBallotPaper('scottish-stv', 2, candidates, ['c', 'a'])).toEqual([2, 0]);
    expect(ballotInWords('scottish-stv', candidates, [2, 0])).toBe('1. Cat Cole, 2. Ann Archer');
  });

  it('refuses an empty ballot, a candidate twice, one not on the ballot, and more marks than seats, saying what to do', () => {
    expect(() => parseBallotPaper('instant-runoff', 1, candidates, [])).toThrow('Rank at least one candidate');
    expect(() => parseBallotPaper('instant-runoff', 1, candidates, ['a', 'a'])).toThrow('Ann Archer is ranked twice. Give each candidate at most one place.');
    expect(() => parseBallotPaper('instant-runoff', 1, candidates, ['z'])).toThrow('not on this ballot');
    expect(() => parseBallotPaper('first-past-the-post', 2, candidates, ['a', 'b', 'c'])).toThrow('You marked 3 candidates; mark at most 2');
    expect(parseBallotPaper('first-past-the-post', 2, candidates, ['b', 'c'])).toEqual([1, 2]);
  });

  it('has a receipt text anyone can recompute: candidate numbers from 1, as in a BLT file', () => {
    expect(electionReceiptText('ballot-1', 'K7QF-3MZD', [2, 0])).toBe('AGM election ballot receipt v1\nballot: ballot-1\ncode: K7QF-3MZD\npreferences: 3 1');
  });
});

describe('hall papers and the second teller', () => {
  const entry = { number: 7, enteredBy: 'teller-1', numbers: [0, 2], confirmed: false };
  const words = (n: readonly number[]) => ballotInWords('scottish-stv', candidates, n);

  it('confirms a paper keyed the same by another teller', () => {
    expect(() => assertSecondTellerAgrees(entry, 'teller-2', [0, 2], words)).not.toThrow();
  });

  it('refuses the teller who entered it, a different reading, and a paper already confirmed', () => {
    expect(() => assertSecondTellerAgrees(entry, 'teller-1', [0, 2], words)).toThrow('a second teller must confirm it');
    expect(() => assertSecondTellerAgrees(entry, 'teller-2', [2, 0], words)).toThrow("Your entry of paper ballot 7 (1. Cat Cole, 2. Ann Archer) differs from the first teller's (1. Ann Archer, 2. Cat Cole).");
    expect(() => assertSecondTellerAgrees({ ...entry, confirmed: true }, 'teller-2', [0, 2], words)).toThrow('already confirmed');
  });

  it('allows no more papers than members in the hall, and no count while one waits', () => {
    expect(() => assertRoomForPaperBallot(39, 40)).not.toThrow();
    expect(() => assertRoomForPaperBallot(40, 40)).toThrow('40 members were in the hall');
    expect(() => assertPaperBallotsConfirmed([])).not.toThrow();
    expect(() => assertPaperBallotsConfirmed([3, 9])).toThrow('Paper ballots 3, 9 are entered but not confirmed');
  });
});

describe('the published count', () => {
  it('names candidates, marks who was elected or excluded at which stage, and gives votes to five places', () => {
    // Instant runoff, 5 ballots: Archer 2, Brook 2, Cole 1; Cole is excluded and their ballot goes to Brook.
    const count = countElection('instant-runoff', {
      candidates: candidates.map((c) => ({ name: c.name })),
      seats: 1,
      ballots: [[0], [0], [1], [1], [2, 1]].map((preferences) => ({ preferences })),
    });
    const published = publishCount(count, 'Instant runoff');
    expect(published.elected).toEqual(['Ben Brook']);
    expect(published.stages[0].candidates.map((c) => c.votes)).toEqual(['2.00000', '2.00000', '1.00000']);
    const last = published.stages[published.stages.length - 1];
    expect(last.excludedThisStage.concat(published.stages.flatMap((s) => s.excludedThisStage))).toContain('Cat Cole');
    expect(last.candidates.find((c) => c.name === 'Ben Brook')).toMatchObject({ votes: '3.00000', status: 'elected' });
  });
});
