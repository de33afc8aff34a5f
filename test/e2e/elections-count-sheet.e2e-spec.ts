import { pdfText } from '../support/pdf-text';
import { apiSuite } from '../support/api-suite';
import { castRemote, enterPaper, openContestedBallot } from '../support/elections';

const SIAN = 'Siân Wójcik-Ŵyn';

/**
 * Issue 20 item 4, the count as a PDF: the stage-by-stage table the returning officer signs and posts,
 * with every name printed as written (the project's fonts embedded). The text is read back with
 * pdftotext, as a scrutineer's copy-and-paste would read it.
 *
 * The ballots (2 seats, 18 valid ballots, quota 18 / 3 + 1 = 7):
 *   remote: 8 Siân>Ben, 2 Dev>Ann, 2 Ann
 *   hall:   3 Ben>Dev, 2 Dev>Siân, 1 Ann>Dev
 * Siân is elected at stage 1 with a surplus of 1, which goes to Ben at 1/8 a paper; then Ann, and Ben are
 * excluded in turn and Dev takes the second seat.
 */
describe('elections: the count as a PDF', () => {
  const suite = apiSuite();

  it('prints the quota, each stage with each candidate’s votes and changes, elected, excluded and non-transferable, and a signature line', async () => {
    const ballot = await openContestedBallot(suite, {
      title: 'Officers’ Committee',
      method: 'scottish-stv',
      seats: 2,
      candidates: ['Ann Archer', 'Ben Brook', SIAN, 'Dev Dale'],
      remote: 12,
      hall: 6,
      conferenceName: 'AGM Llandudno 2026',
    });
    const http = () => suite.api.http();
    // Before the close there is nothing to print.
    const early = await http().get(`${ballot.postUrl}/ballot/result.pdf`).set(ballot.returningOfficer.auth).expect(422);
    expect(early.body.message).toContain('still open');

    const rankings = [...Array(8).fill([SIAN, 'Ben Brook']), ...Array(2).fill(['Dev Dale', 'Ann Archer']), ...Array(2).fill(['Ann Archer'])];
    for (const [i, ranking] of rankings.entries()) await castRemote(suite, ballot, ballot.remote[i], ranking);
    for (const paper of [...Array(3).fill(['Ben Brook', 'Dev Dale']), ...Array(2).fill(['Dev Dale', SIAN]), ['Ann Archer', 'Dev Dale']]) {
      await enterPaper(suite, ballot, { preferences: paper });
    }
    const closed = await http().post(`${ballot.postUrl}/ballot/close`).set(ballot.returningOfficer.auth).send({}).expect(200);
    const result = closed.body.result;
    expect(result).toMatchObject({ quota: '7.00000', validBallots: 18, elected: [SIAN, 'Dev Dale'] });
    expect(result.stages.length).toBeGreaterThanOrEqual(3);

    // Anyone at the conference (and the projector) can fetch it, as the CSV.
    const response = await http()
      .get(`${ballot.postUrl}/ballot/result.pdf`)
      .set(ballot.remote[0].auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('officers-committee.pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);

    expect(text).toContain('Result of the ballot: Officers’ Committee');
    expect(text).toContain('AGM Llandudno 2026');
    expect(text).toContain('Single transferable vote, Scottish rules (SSI 2007/42); 2 seats.');
    expect(text).toContain('Valid ballots: 18 (12 cast remotely, 6 hall papers).');
    expect(text).toContain('Quota: 7.00000.');
    expect(text).toContain(`Elected: ${SIAN}, Dev Dale.`);
    expect(text).toContain('Returning officer:');
    // Every stage's description, elected, excluded, and every figure of the table, as published.
    for (const stage of result.stages) {
      expect(text).toContain(`Stage ${stage.number}: ${stage.description}`);
      for (const name of stage.electedThisStage) expect(text).toContain(`Elected: ${name}`);
      for (const name of stage.excludedThisStage) expect(text).toContain(`Excluded: ${name}`);
      for (const candidate of stage.candidates) expect(text).toContain(candidate.votes);
      expect(text).toContain(stage.nonTransferable);
    }

    // Read as laid out, Siân's row carries her votes stage by stage, her name as written.
    const rows = pdfText(pdf, { layout: true }).split('\n');
    const sianRow = rows.find((line) => line.trimStart().startsWith(SIAN));
    expect(sianRow).toBeDefined();
    const figures = sianRow!.trim().slice(SIAN.length).trim().split(/\s+/);
    expect(figures).toEqual(result.stages.map((s: { candidates: Array<{ name: string; votes: string }> }) => s.candidates.find((c) => c.name === SIAN)!.votes));
    expect(figures[0]).toBe('8.00000');
    expect(figures[1]).toBe('7.00000');
    // The change under each figure: Siân's surplus of 1 leaves her at stage 2, and Ben gains 8 × 0.12500.
    const benChange = rows[rows.findIndex((line) => line.trimStart().startsWith('Ben Brook')) + 1];
    expect(benChange).toContain('+1.00000');
  });
});
