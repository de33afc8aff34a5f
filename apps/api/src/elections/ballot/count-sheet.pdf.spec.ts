import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countElection, METHOD_NAMES, parseBlt, publishCount, rejectedPapersOf } from '@agm/domain';
import { renderCountSheetPdf } from './count-sheet.pdf';

/**
 * The count sheet of a real count with more stages than fit across an A4 page (Edinburgh, Almond ward,
 * 2017): the table continues in further blocks, each repeating the candidates' names, and every figure of
 * every stage is printed.
 */
describe('the count sheet PDF of a long count', () => {
  it('continues the stage table in blocks, names repeated, every figure printed', async () => {
    const file = parseBlt(readFileSync(join(__dirname, '../../../../../libs/domain/src/elections/fixtures/scotland/edinburgh_2017_ward1.blt'), 'utf8'));
    const count = countElection('scottish-stv', { candidates: file.candidates, seats: file.seats, ballots: file.ballots, withdrawn: file.withdrawn });
    const published = publishCount(count, METHOD_NAMES['scottish-stv'], { rejected: rejectedPapersOf('scottish-stv', []), eligible: count.validBallots });
    expect(published.stages.length).toBeGreaterThan(8);
    const pdf = await renderCountSheetPdf({ conferenceName: 'Test', postTitle: 'Almond', closedAtText: '12:00 on 5 May 2017 (Europe/London)', remoteBallots: count.validBallots, paperBallots: 0, count: published });
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, ' ');
    const blocks = Math.ceil(published.stages.length / 8);
    for (const name of count.candidates) expect(text.split(name).length - 1).toBeGreaterThanOrEqual(blocks);
    for (const stage of published.stages) {
      expect(text).toContain(`Stage ${stage.number}: ${stage.description}`);
      for (const candidate of stage.candidates) expect(text).toContain(candidate.votes);
      expect(text).toContain(stage.nonTransferable);
    }
    expect(text).toContain(`Elected: ${published.elected.join(', ')}.`);
  });
});
