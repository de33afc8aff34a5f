import {
  assertMayVoidBallot,
  assertPaperBallotsConfirmed,
  assertRoomForPaperBallot,
  assertSecondTellerAgrees,
  ballotInWords,
  ballotOrder,
  electionReceiptText,
  electionTurnout,
  paperInWords,
  parseBallotPaper,
  PaperReading,
  publishCount,
  readPaperEntry,
  rejectedPapersOf,
  voidedBallotInWords,
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
  const reads = (numbers: number[]): PaperReading => ({ spoilt: null, numbers });
  const entry = { number: 7, enteredBy: 'teller-1', reading: reads([0, 2]), confirmed: false };
  const words = (r: PaperReading) => paperInWords('scottish-stv', candidates, r);

  it('confirms a paper keyed the same by another teller', () => {
    expect(() => assertSecondTellerAgrees(entry, 'teller-2', reads([0, 2]), words)).not.toThrow();
  });

  it('refuses the teller who entered it, a different reading, and a paper already confirmed', () => {
    expect(() => assertSecondTellerAgrees(entry, 'teller-1', reads([0, 2]), words)).toThrow('a second teller must confirm it');
    expect(() => assertSecondTellerAgrees(entry, 'teller-2', reads([2, 0]), words)).toThrow('Your entry of paper ballot 7 (1. Cat Cole, 2. Ann Archer) differs');
    expect(() => assertSecondTellerAgrees({ ...entry, confirmed: true }, 'teller-2', reads([0, 2]), words)).toThrow('already confirmed');
  });

  it('reads a spoilt paper with its reason and no candidate, never both, and a blank paper as spoilt', () => {
    expect(readPaperEntry('scottish-stv', 2, candidates, { spoilt: 'identifies-voter' })).toEqual({ spoilt: 'identifies-voter', numbers: [] });
    expect(readPaperEntry('scottish-stv', 2, candidates, { preferences: ['b'] })).toEqual({ spoilt: null, numbers: [1] });
    expect(() => readPaperEntry('scottish-stv', 2, candidates, { spoilt: 'uncertain', preferences: ['a'] })).toThrow('not both');
    expect(() => readPaperEntry('scottish-stv', 2, candidates, { spoilt: 'torn' })).toThrow("A spoilt paper's reason is one of: unmarked (unmarked), too-many-marks (more than one first preference)");
    expect(() => readPaperEntry('scottish-stv', 2, candidates, {})).toThrow('or the reason it is spoilt');
    expect(() => readPaperEntry('scottish-stv', 2, candidates, { preferences: [] })).toThrow('A paper with no mark is recorded as spoilt: unmarked.');
    expect(() => readPaperEntry('first-past-the-post', 2, candidates, { preferences: ['a', 'b', 'c'] })).toThrow('record it as spoilt (more marks than allowed)');
  });

  it('confirms a spoilt paper only when the second teller finds it spoilt for the same reason', () => {
    const spoilt = { ...entry, reading: { spoilt: 'unmarked', numbers: [] } as PaperReading };
    expect(() => assertSecondTellerAgrees(spoilt, 'teller-2', { spoilt: 'unmarked', numbers: [] }, words)).not.toThrow();
    expect(() => assertSecondTellerAgrees(spoilt, 'teller-2', { spoilt: 'uncertain', numbers: [] }, words)).toThrow('Your entry of paper ballot 7 (Spoilt: void for uncertainty) differs');
    expect(() => assertSecondTellerAgrees(spoilt, 'teller-2', reads([0]), words)).toThrow('(1. Ann Archer) differs');
    expect(() => assertSecondTellerAgrees(entry, 'teller-2', { spoilt: 'unmarked', numbers: [] }, words)).toThrow('(Spoilt: unmarked) differs');
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

  it('states the rejected papers by reason, every reason listed, and counts them in the turnout but not in the quota', () => {
    const rejected = rejectedPapersOf('first-past-the-post', [null, 'too-many-marks', 'unmarked', 'too-many-marks', null]);
    expect(rejected).toEqual({
      total: 3,
      byReason: [
        { reason: 'unmarked', reasonText: 'unmarked', papers: 1 },
        { reason: 'too-many-marks', reasonText: 'more marks than allowed', papers: 2 },
        { reason: 'identifies-voter', reasonText: 'writing or mark by which the voter can be identified', papers: 0 },
        { reason: 'uncertain', reasonText: 'void for uncertainty', papers: 0 },
      ],
    });
    const count = countElection('first-past-the-post', { candidates: candidates.map((c) => ({ name: c.name })), seats: 1, ballots: [[0], [0], [1]].map((preferences) => ({ preferences })) });
    const published = publishCount(count, 'First past the post', { rejected, eligible: 8 });
    expect(published).toMatchObject({ validBallots: 3, rejectedPapers: { total: 3 }, turnout: { ballots: 6, eligible: 8, percent: 75 } });
    expect(published.turnout!.text).toBe('Turnout: 6 of 8 members on the register voted (75.0%, of which 3 rejected).');
    expect(publishCount(count, 'First past the post')).toMatchObject({ rejectedPapers: { total: 0 }, turnout: null });
    expect(electionTurnout(0, 0, 0).percent).toBe(0);
  });
});

describe('voiding a ballot', () => {
  it('needs a reason in words, and voids a ballot once', () => {
    const post = { title: 'Treasurer' };
    expect(assertMayVoidBallot(post, { state: 'open' }, '  A candidate died  ')).toBe('A candidate died');
    expect(assertMayVoidBallot(post, { state: 'closed' }, 'Wrong paper')).toBe('Wrong paper');
    expect(() => assertMayVoidBallot(post, { state: 'open' }, ' ')).toThrow('Say why the ballot for Treasurer is voided');
    expect(() => assertMayVoidBallot(post, { state: 'voided' }, 'Again')).toThrow('already voided');
    expect(voidedBallotInWords('Treasurer', 'A candidate died', true)).toBe(
      'The ballot for Treasurer was voided after its count: A candidate died. Its ballots are not counted; a new ballot is to be held.',
    );
  });
});
