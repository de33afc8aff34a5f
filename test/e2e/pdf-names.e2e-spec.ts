import { pdfText } from '../support/pdf-text';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * Issue 19: every PDF the api serves prints a member's name as written (the project's embedded DejaVu
 * fonts, not the standard PDF fonts that stop at Latin-1 and printed "Siân Wójcik-?yn"). The text poppler's
 * `pdftotext` reads back out of the resolutions booklet and the monitoring report, fetched as a person
 * fetches them, holds the name as written. (The minutes' PDF: minutes-of-record.e2e-spec.ts.)
 */
const NAME = 'Siân Wójcik-Ŵyn';
const MORE = 'Łukasz Wójcik';

/** Collects a binary response body (supertest buffers only text by default). */
const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('PDFs served by the api print names as written', () => {
  let api: TestApi;
  let ctx: TestContext;
  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('the resolutions booklet and the monitoring report', async () => {
    const conference = await ctx.newConference({ name: `${NAME} Memorial AGM`, venue: 'Llandudno' });
    const base = `/api/conferences/${conference.id}`;
    await ctx.setMotionDeadlines(conference.id, { motions: new Date(Date.now() + 3600_000), amendments: new Date(Date.now() + 3600_000) });
    const branch = await ctx.newBody({ kind: 'branch', name: `Ynys Môn Branch ${conference.id.slice(0, 4)}` });
    const secretary = await ctx.newOfficer(branch.id);
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const monitor = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'monitor' }] });
    const section = await ctx.newSection(conference.id, 'NATIONAL EXECUTIVE COMMITTEE');
    const http = () => api.http();
    const { body: motion } = await http()
      .post(`${base}/motions`)
      .set(secretary.auth)
      .send({
        kind: 'motion',
        bodyId: branch.id,
        sectionId: section.id,
        title: `Thanks to ${NAME}`,
        text: `This AGM thanks ${NAME} and ${MORE} for their years of service.`,
      })
      .expect(201);
    await http().post(`${base}/motions/${motion.id}/submit`).set(secretary.auth).expect(200);
    await http().post(`${base}/motions/${motion.id}/review`).set(soc.auth).send({ action: 'admit' }).expect(200);
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    for (const action of ['open_debate', 'carry'])
      await http().post(`${base}/motions/${motion.id}/outcome`).set(chair.auth).send({ action }).expect(200);

    const booklet = await http().get(`${base}/documents/resolutions-booklet.pdf`).set(soc.auth).buffer(true).parse(binary).expect(200);
    const bookletText = pdfText(booklet.body as Buffer);
    expect(bookletText).toContain(`Thanks to ${NAME}`);
    expect(bookletText).toContain(`This AGM thanks ${NAME} and ${MORE} for their years of service.`);
    expect(bookletText).toContain(`Proposer: ${branch.name}`);
    expect(bookletText).not.toContain('?');

    const report = await http()
      .get(`${base}/monitoring/report?question=gender&format=pdf`)
      .set(monitor.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdfText(report.body as Buffer)).toContain(`Speaker monitoring: ${NAME} Memorial AGM`);
  });
});
