import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countMeekStv, countScottishStv, formatBlt, formatVotes, parseBlt } from './index';

/**
 * Six Edinburgh wards (2012, 2017, 2022) from their published ballot data: the count must elect
 * exactly the councillors who were declared, and every stage must match Droop's independent count
 * to five decimal places (see fixtures/README.md for where each file and figure came from).
 */
const wards: { file: string; officialWinners: string[] }[] = [
  { file: 'edinburgh_2012_ward1', officialWinners: ['PATERSON', 'SHIELDS', 'WORK'] },
  { file: 'edinburgh_2017_ward1', officialWinners: ['HUTCHISON', 'LANG', 'WORK', 'YOUNG'] },
  { file: 'edinburgh_2022_ward1', officialWinners: ['LANG', 'WORK', 'YOUNG', 'YOUNIE'] },
  { file: 'edinburgh_2012_ward2', officialWinners: ['BILL HENDERSON', 'RICKY HENDERSON', 'HESLOP'] },
  { file: 'edinburgh_2017_ward2', officialWinners: ['BRUCE', 'GARDINER', 'Ricky HENDERSON', 'WEBBER'] },
  { file: 'edinburgh_2022_ward2', officialWinners: ['BRUCE', 'GARDINER', 'GLASGOW', 'JENKINSON'] },
];

const dir = join(__dirname, 'fixtures', 'scotland');
const plain = (name: string) => name.replace(/"/g, '').replace(/\s+/g, ' ').trim();

describe.each(wards)('$file', ({ file, officialWinners }) => {
  const blt = parseBlt(readFileSync(join(dir, `${file}.blt`), 'utf8'));
  const droop = JSON.parse(readFileSync(join(dir, `${file}.droop.json`), 'utf8')) as {
    candidates: string[];
    quota: string;
    elected: string[];
    meekPrfElected: string[];
    stages: { nonTransferable: string; votes: string[] }[];
  };
  const count = countScottishStv({
    candidates: blt.candidates,
    seats: blt.seats,
    ballots: blt.ballots,
    withdrawn: blt.withdrawn,
  });
  const electedNames = count.elected.map((c) => plain(count.candidates[c]));

  it('elects exactly the official winners', () => {
    expect(electedNames).toHaveLength(blt.seats);
    for (const winner of officialWinners)
      expect(electedNames.filter((name) => name.includes(winner))).toHaveLength(1);
    expect(count.draws).toEqual([]);
  });

  it("matches Droop's quota, elected and every stage to five decimal places", () => {
    expect(formatVotes(count.quota!)).toBe(droop.quota);
    expect([...electedNames].sort()).toEqual(droop.elected.map(plain).sort());
    const column = droop.candidates.map((name) =>
      count.candidates.findIndex((ours) => plain(ours) === plain(name)),
    );
    expect(column).not.toContain(-1);
    const ours = count.stages.map((s) => ({
      nonTransferable: formatVotes(s.nonTransferable),
      votes: column.map((c) => formatVotes(s.votes[c])),
    }));
    expect(ours).toEqual(droop.stages);
  });

  it("Meek's method elects the same councillors as Droop's Meek (its meek-prf rule)", () => {
    const meek = countMeekStv({
      candidates: blt.candidates,
      seats: blt.seats,
      ballots: blt.ballots,
      withdrawn: blt.withdrawn,
    });
    expect(meek.elected.map((c) => plain(meek.candidates[c])).sort()).toEqual(
      droop.meekPrfElected.map(plain).sort(),
    );
  });

  it('conserves the votes at every stage, up to the recorded non-transferable and rounding loss', () => {
    for (const stage of count.stages) {
      expect(stage.votes.reduce((a, b) => a + b, 0) + stage.nonTransferable + stage.roundingLoss).toBe(
        count.validBallots * 100_000,
      );
      expect(stage.roundingLoss).toBeGreaterThanOrEqual(0);
    }
  });

  it('survives a round trip through BLT export and import unchanged', () => {
    const again = parseBlt(formatBlt(blt));
    const recount = countScottishStv({
      candidates: again.candidates,
      seats: again.seats,
      ballots: again.ballots,
      withdrawn: again.withdrawn,
    });
    expect(recount.stages).toEqual(count.stages);
    expect(again.title).toBe(blt.title);
  });
});
