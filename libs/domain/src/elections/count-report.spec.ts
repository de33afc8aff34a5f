import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countCsv, countReport, countScottishStv, parseBlt } from './index';

const blt = parseBlt(readFileSync(join(__dirname, 'fixtures', 'worked-example.blt'), 'utf8'));
const count = countScottishStv(blt);

describe('the stage table for people', () => {
  it('as CSV: one row per stage, candidates by name, five decimal places', () => {
    const rows = countCsv(count).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'Stage,What happened,Quota,Alison,Brian,Catriona,Duncan,Euan,Non-transferable,Rounding loss,Elected,Excluded',
    );
    expect(rows).toHaveLength(6);
    expect(rows[3]).toMatch(
      /^3,"?Brian's surplus of 2\.57140 is transferred.*,16\.00000,16\.00000,16\.00000,11\.32945,8\.38460,7\.00000,1\.28571,0\.00024,,$/,
    );
    expect(rows[5]).toMatch(/,Duncan,Catriona$/);
  });

  it('as CSV, a candidate named like a formula is not run by a spreadsheet', () => {
    const csv = countCsv(
      countScottishStv({
        candidates: [{ name: '=HYPERLINK("x")' }, { name: 'B' }],
        seats: 1,
        ballots: [{ preferences: [0] }],
      }),
    );
    expect(csv.split('\r\n')[0]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('as text: method, quota, elected, every stage with its changes', () => {
    const text = countReport(count);
    expect(text).toContain(
      'Single transferable vote, Scottish rules (SSI 2007/42): 3 seats, 5 candidates, 60 valid ballots',
    );
    expect(text).toContain('Quota at the first stage: 16.00000');
    expect(text).toContain('Elected: Alison, Brian, Duncan');
    expect(text).toMatch(/Duncan\s+20\.38460 \(\+8\.00000\) {2}elected/);
    expect(text).toMatch(/Catriona\s+0\.00000 \(-11\.32945\) {2}excluded/);
  });
});
