import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiSuite } from '../support/api-suite';

const BOOKLET_2025 = readFileSync(join(__dirname, '../../fixtures/napo-agm-2025-resolutions.txt'), 'utf8');
const hasLibreOffice = spawnSync('which', ['soffice']).status === 0;

/** Reads a binary response whole (supertest leaves PDF and DOCX bodies unparsed otherwise). */
const binary = (res: any, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the resolution register', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();

  /** The 2025 booklet imported once for the file, and the NEC (a committee) with its secretary. */
  let headOffice: { auth: { Authorization: string } };
  let byNumber: Map<number, { id: string; title: string }>;
  beforeAll(async () => {
    headOffice = await suite.ctx.asHeadOffice();
    await http().post('/api/resolutions/import').set(headOffice.auth).send({ year: 2025, text: BOOKLET_2025 }).expect(201);
    const listed = (await http().get('/api/resolutions?year=2025').set(headOffice.auth).expect(200)).body;
    byNumber = new Map(listed.map((r: { number: number; id: string; title: string }) => [r.number, r]));
  });

  it('imports the 2025 booklet as 17 resolutions under their section headings', async () => {
    const listed = (await http().get('/api/resolutions?year=2025').set(headOffice.auth).expect(200)).body;
    expect(listed.map((r: { number: number }) => r.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(listed[0]).toMatchObject({ name: 'Resolution 1 (2025)', sectionHeading: 'HEALTH AND SAFETY COMMITTEE', movedBy: ['Health and Safety Committee'], status: 'not_started', statusText: 'Not started' });
    expect(new Set(listed.map((r: { sectionHeading: string }) => r.sectionHeading)).size).toBeGreaterThanOrEqual(5);
    expect(listed.find((r: { number: number }) => r.number === 11).movedBy).toEqual(['London Branch']);
    // A year already in the register is refused whole.
    const again = await http().post('/api/resolutions/import').set(headOffice.auth).send({ year: 2025, text: BOOKLET_2025 }).expect(409);
    expect(again.body.message).toContain('already holds resolutions of 2025');
  });

  it('finds a resolution by a phrase from its text, ranked first', async () => {
    const found = (await http().get('/api/resolutions').query({ q: 'blanket Civil Service approach to AI' }).set(headOffice.auth).expect(200)).body;
    expect(found[0]).toMatchObject({ number: 5, title: 'The use of AI in Probation' });
    const words = (await http().get('/api/resolutions').query({ q: 'workload stress RIDDOR' }).set(headOffice.auth).expect(200)).body;
    expect(words[0].number).toBe(1);
    expect((await http().get('/api/resolutions').query({ q: 'zeppelin' }).set(headOffice.auth).expect(200)).body).toEqual([]);
  });

  it('lets members read the register, and only head office change it', async () => {
    const conference = await suite.ctx.newConference();
    const attendee = await suite.ctx.newAttendee(conference.id);
    const r1 = byNumber.get(1)!;
    expect((await http().get(`/api/resolutions/${r1.id}`).set(attendee.auth).expect(200)).body.title).toBe(r1.title);
    await http().patch(`/api/resolutions/${r1.id}`).set(attendee.auth).send({ targetDate: '2026-06-30' }).expect(403);
    await http().get('/api/resolutions').expect(401);
    const official = await suite.ctx.newOfficial();
    await http().post(`/api/resolutions/${r1.id}/progress`).set(official.auth).send({ reportedOn: '2026-01-10', text: 'Raised at the TUC.' }).expect(403);
    await http().get(`/api/resolutions/${r1.id}/audit`).set(official.auth).expect(403);
  });

  it('lets the owning committee’s officer report progress, which moves it into progress, and lists what is due', async () => {
    const nec = await suite.ctx.newBody({ kind: 'committee', name: `National Executive Committee ${Date.now()}` });
    const necSecretary = await suite.ctx.newOfficer(nec.id);
    const r2 = byNumber.get(2)!;
    const assigned = await http().patch(`/api/resolutions/${r2.id}`).set(headOffice.auth).send({ ownerBodyId: nec.id, targetDate: '2026-03-31' }).expect(200);
    expect(assigned.body).toMatchObject({ ownerName: nec.name, targetDate: '2026-03-31', status: 'not_started' });

    const view = (await http().get(`/api/resolutions/${r2.id}`).set(necSecretary.auth).expect(200)).body;
    expect(view.mayReportProgress).toBe(true);
    const refused = await http().post(`/api/resolutions/${r2.id}/progress`).set(necSecretary.auth).send({ reportedOn: '2026-02-30', text: 'x' }).expect(400);
    expect(refused.body.errors).toHaveProperty('reportedOn');
    await http().post(`/api/resolutions/${r2.id}/progress`).set(necSecretary.auth).send({ reportedOn: '2026-02-11', text: 'Minimum standards agreed with HMPPS for three regions.' }).expect(201);

    const after = (await http().get(`/api/resolutions/${r2.id}`).set(headOffice.auth).expect(200)).body;
    expect(after).toMatchObject({ status: 'in_progress', latestProgressOn: '2026-02-11', latestProgressText: 'Minimum standards agreed with HMPPS for three regions.' });
    expect(after.progress[0]).toMatchObject({ reportedOn: '2026-02-11', authorName: expect.stringContaining('Official') });

    // At the next NEC meeting, resolution 2 has reported since the last one; resolution 3 has not.
    const due = (await http().get('/api/resolutions/due-report?since=2026-02-01').set(necSecretary.auth).expect(200)).body.map((r: { year: number; number: number }) => `${r.year}/${r.number}`);
    expect(due).toContain('2025/3');
    expect(due).not.toContain('2025/2');

    const audit = (await http().get(`/api/resolutions/${r2.id}/audit`).set(headOffice.auth).expect(200)).body.map((a: { description: string }) => a.description);
    expect(audit).toEqual(['Imported from the 2025 resolutions booklet', `Owner: ${nec.name}; Target date: 2026-03-31`, 'Progress reported for 2026-02-11']);

    // The report to the next AGM lists it with its status and latest progress.
    const report = (await http().get('/api/resolutions/report?year=2025').set(headOffice.auth).expect(200)).text;
    expect(report).toContain('Status: In progress');
    expect(report).toContain('Latest progress (2026-02-11): Minimum standards agreed with HMPPS for three regions.');
  });

  it('asks the reason for a resolution not pursued, and leaves rescinding to a later resolution', async () => {
    const r4 = byNumber.get(4)!;
    const noReason = await http().patch(`/api/resolutions/${r4.id}`).set(headOffice.auth).send({ status: 'not_pursued' }).expect(400);
    expect(noReason.body.errors).toHaveProperty('statusReason');
    const byHand = await http().patch(`/api/resolutions/${r4.id}`).set(headOffice.auth).send({ status: 'rescinded', statusReason: 'x' }).expect(400);
    expect(byHand.body.message).toContain('link the later resolution');
  });

  it('drafts the operational plan citing a resolution, exports it as HTML, PDF and DOCX, and shows what no objective carries', async () => {
    const r12 = byNumber.get(12)!;
    const r16 = byNumber.get(16)!;
    const created = (await http().post('/api/plans').set(headOffice.auth).send({ year: 2026, agmYear: 2025, introduction: 'The plan references the resolutions passed at the 2025 AGM.' }).expect(201)).body;
    expect(created).toMatchObject({ year: 2026, title: 'Operational Plan 2026' });
    expect(created.uncarried.map((r: { number: number }) => r.number)).toContain(12);
    const withSection = (await http().post('/api/plans/2026/sections').set(headOffice.auth).send({ title: "Promoting and protecting members' interests", description: 'Securing the promotion and protection of members’ interests at work.' }).expect(201)).body;
    const sectionId = withSection.sections[0].id;
    expect(withSection.sections[0].heading).toBe("OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS' INTERESTS");
    const badCitation = await http().post('/api/plans/2026/objectives').set(headOffice.auth).send({ sectionId, text: 'x', resolutionIds: [r12.id, r12.id] }).expect(400);
    expect(badCitation.body.errors).toHaveProperty('resolutionIds');
    const plan = (
      await http()
        .post('/api/plans/2026/objectives')
        .set(headOffice.auth)
        .send({ sectionId, area: 'Cafcass and Probation', text: 'Negotiate flexible working as part of terms and conditions', resolutionIds: [r12.id, r16.id] })
        .expect(201)
    ).body;
    expect(plan.sections[0].objectives[0].printed).toBe('Negotiate flexible working as part of terms and conditions (Resolutions 12 and 16)');
    expect(plan.uncarried.map((r: { number: number }) => r.number)).not.toContain(12);
    expect((await http().get(`/api/resolutions/${r12.id}`).set(headOffice.auth).expect(200)).body.plannedIn).toEqual([2026]);

    const html = (await http().get('/api/plans/2026/export?format=html').set(headOffice.auth).expect(200)).text;
    expect(html).toContain("OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS&#39; INTERESTS");
    expect(html).toContain('Negotiate flexible working as part of terms and conditions (Resolutions 12 and 16)');
    const pdf = await http().get('/api/plans/2026/export?format=pdf').set(headOffice.auth).buffer(true).parse(binary).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const docx = await http().get('/api/plans/2026/export?format=docx').set(headOffice.auth).buffer(true).parse(binary).expect(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    if (!hasLibreOffice) {
      // CI installs LibreOffice (.ci/run) and must open it; elsewhere the document is checked as far as its zip signature.
      if (process.env.CI) throw new Error('LibreOffice (soffice) is missing: .ci/run installs libreoffice-writer-nogui.');
      console.warn('LibreOffice (soffice) is not installed: the DOCX export was not opened in it.');
      return;
    }
    // The union's editors open it in their word processor: LibreOffice reads it and its text holds the citation.
    const dir = mkdtempSync(join(tmpdir(), 'plan-docx-'));
    writeFileSync(join(dir, 'plan.docx'), docx.body);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'plan.docx')], { timeout: 120_000, stdio: 'ignore' });
    const text = readFileSync(join(dir, 'plan.txt'), 'utf8');
    expect(text).toContain("OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS' INTERESTS");
    expect(text).toContain('Negotiate flexible working as part of terms and conditions (Resolutions 12 and 16)');
  });

  it('lets a later resolution rescind an earlier one, shown on both, and refuses citing the rescinded one', async () => {
    // A 2026 booklet of one resolution rescinding 2025's resolution 7.
    await http()
      .post('/api/resolutions/import')
      .set(headOffice.auth)
      .send({ year: 2026, text: 'RESOLUTIONS\n\nLondon 2026\n\nNATIONAL EXECUTIVE COMMITTEE\n\n1. Workload tool settled\n\nThis AGM notes the new workload tool is in place and rescinds Resolution 7 of 2025.\n' })
      .expect(201);
    const later = (await http().get('/api/resolutions?year=2026').set(headOffice.auth).expect(200)).body[0];
    const r7 = byNumber.get(7)!;
    await http().post(`/api/resolutions/${r7.id}/links`).set(headOffice.auth).send({ earlierId: later.id, kind: 'rescinds' }).expect(400);
    await http().post(`/api/resolutions/${later.id}/links`).set(headOffice.auth).send({ earlierId: r7.id, kind: 'rescinds' }).expect(204);
    const earlier = (await http().get(`/api/resolutions/${r7.id}`).set(headOffice.auth).expect(200)).body;
    expect(earlier).toMatchObject({ status: 'rescinded', statusReason: 'Rescinded by Resolution 1 (2026).' });
    expect(earlier.links).toEqual([{ relation: 'rescinded_by', description: 'Rescinded by Resolution 1 (2026)', resolutionId: later.id, resolutionName: 'Resolution 1 (2026)' }]);
    const laterView = (await http().get(`/api/resolutions/${later.id}`).set(headOffice.auth).expect(200)).body;
    expect(laterView.links).toEqual([{ relation: 'rescinds', description: 'Rescinds Resolution 7 (2025)', resolutionId: r7.id, resolutionName: 'Resolution 7 (2025)' }]);
    await http().post(`/api/resolutions/${later.id}/links`).set(headOffice.auth).send({ earlierId: r7.id, kind: 'supersedes' }).expect(409);

    const plan = (await http().get('/api/plans/2026').set(headOffice.auth).expect(200)).body;
    const refused = await http().post('/api/plans/2026/objectives').set(headOffice.auth).send({ sectionId: plan.sections[0].id, text: 'Replace the WMT', resolutionIds: [r7.id] }).expect(400);
    expect(refused.body.message).toContain('rescinded');
  });

  it('lets a branch see the resolutions its motions became', async () => {
    const london = (await suite.sql("SELECT id FROM body WHERE lower(name) = 'london branch'"))[0];
    const branch = london ?? (await suite.ctx.newBody({ kind: 'branch', name: 'London Branch' }));
    // The import names movers in words; a booklet imported before the branch was in the register names no body.
    await suite.sql("UPDATE resolution SET mover_body_ids = ARRAY[$1::uuid] WHERE year = 2025 AND 'London Branch' = ANY(moved_by)", [branch.id]);
    const secretary = await suite.ctx.newOfficer(branch.id);
    const ours = (await http().get(`/api/resolutions?bodyId=${branch.id}`).set(secretary.auth).expect(200)).body;
    expect(ours.map((r: { number: number }) => r.number)).toEqual([11]);
  });
});
