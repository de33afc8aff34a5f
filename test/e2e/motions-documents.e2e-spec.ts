import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfText } from '../support/pdf-text';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

const BOOKLET_2025 = readFileSync(join(__dirname, '../../fixtures/napo-agm-2025-resolutions.txt'), 'utf8');
const MINUTE = 60_000;

/** Collects a binary response body (supertest buffers only text by default). */
const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('motions: from draft to the resolutions booklet, and the documents', () => {
  let api: TestApi;
  let ctx: TestContext;

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('takes a motion from draft to agenda to booklet as each role would, escaping HTML typed into it everywhere', async () => {
    const conference = await ctx.newConference({ venue: 'Eastbourne', startsOn: '2026-10-01', endsOn: '2026-10-02' });
    await ctx.setMotionDeadlines(conference.id, { motions: new Date(Date.now() + 60 * MINUTE), amendments: new Date(Date.now() + 60 * MINUTE) });
    const hs = await ctx.newBody({ kind: 'committee', name: `H&S Committee ${conference.id.slice(0, 4)}` });
    const branch = await ctx.newBody({ kind: 'branch', name: `Cymru Branch ${conference.id.slice(0, 4)}` });
    const hsSecretary = await ctx.newOfficer(hs.id);
    const secretary = await ctx.newOfficer(branch.id);
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const sections = {
      hs: await ctx.newSection(conference.id, 'HEALTH AND SAFETY COMMITTEE', hs.id),
      nec: await ctx.newSection(conference.id, 'NATIONAL EXECUTIVE COMMITTEE'),
      equal: await ctx.newSection(conference.id, 'EQUAL RIGHTS COMMITTEE'),
    };
    const attendees = [await ctx.newAttendee(conference.id), await ctx.newAttendee(conference.id), await ctx.newAttendee(conference.id)];
    const http = () => api.http();
    const base = `/api/conferences/${conference.id}`;

    const script = '<script>alert("x")</script> & <b>bold</b>';
    const submit = async (who: { auth: Record<string, string> }, bodyId: string, sectionId: string, title: string, text: string) => {
      const { body } = await http().post(`${base}/motions`).set(who.auth).send({ kind: 'motion', bodyId, sectionId, title, text }).expect(201);
      await http().post(`${base}/motions/${body.id}/submit`).set(who.auth).expect(200);
      await http().post(`${base}/motions/${body.id}/review`).set(soc.auth).send({ action: 'admit' }).expect(200);
      return body.id as string;
    };
    const own = await submit(hsSecretary, hs.id, sections.hs.id, 'Workload stress in RIDDOR', 'This AGM notes workload stress.');
    const fromBranch = await submit(secretary, branch.id, sections.hs.id, `Minimum standards ${script}`, `This AGM agrees ${script} to act.`);
    const nec = await submit(secretary, branch.id, sections.nec.id, 'OMiC not fit for purpose', 'This AGM believes OMiC is not fit for purpose.');
    const equal = await submit(secretary, branch.id, sections.equal.id, 'Far right', 'This AGM notes the rise of the far right.');
    const stored = await api.database.dataSource.manager.query('SELECT title, text FROM motion WHERE id = $1', [fromBranch]);
    expect(stored[0]).toEqual({ title: `Minimum standards ${script}`, text: `This AGM agrees ${script} to act.` });

    // The priority ballot: members pick; the most picked motion in a section goes first. Too many picks is refused.
    const tooMany = await http().post(`${base}/priority-ballot`).set(attendees[0].auth).send({ picks: [own, own] }).expect(400);
    expect(tooMany.body.message).toMatch(/only once/);
    await http().post(`${base}/priority-ballot`).set(soc.auth).send({ picks: [own] }).expect(403);
    for (const attendee of attendees) await http().post(`${base}/priority-ballot`).set(attendee.auth).send({ picks: [fromBranch] }).expect(200);

    await http().post(`${base}/agenda/publish`).set(secretary.auth).expect(403);
    const agenda = await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    // 2026 rotates three sections by 2026 % 3 = 1 place: EQUAL, HEALTH, NATIONAL → HEALTH, NATIONAL, EQUAL.
    expect(agenda.body.sectionOrder).toEqual(['HEALTH AND SAFETY COMMITTEE', 'NATIONAL EXECUTIVE COMMITTEE', 'EQUAL RIGHTS COMMITTEE']);
    expect(agenda.body.entries.map((e: { motionId: string; label: string }) => [e.motionId, e.label])).toEqual([
      [fromBranch, 'Motion 1'],
      [own, 'Motion 2'],
      [nec, 'Motion 3'],
      [equal, 'Motion 4'],
    ]);
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(409);
    await http().post(`${base}/priority-ballot`).set(attendees[0].auth).send({ picks: [own] }).expect(422);
    const seenByAttendee = await http().get(`${base}/agenda`).set(attendees[0].auth).expect(200);
    expect(seenByAttendee.body.entries).toHaveLength(4);

    // The chair records the outcomes.
    const outcome = (id: string, action: string) => http().post(`${base}/motions/${id}/outcome`).set(chair.auth).send({ action }).expect(200);
    for (const id of [own, fromBranch, nec, equal]) await outcome(id, 'open_debate');
    await outcome(own, 'carry');
    await outcome(fromBranch, 'carry');
    await outcome(nec, 'lose');
    await outcome(equal, 'carry');
    await http().post(`${base}/motions/${own}/outcome`).set(soc.auth).send({ action: 'carry' }).expect(403);

    const booklet = await http().get(`${base}/documents/resolutions-booklet.txt`).set(attendees[0].auth).expect(200);
    expect(booklet.text).toBe(
      [
        'RESOLUTIONS', '', 'Eastbourne and Hybrid 2026', '', 'HEALTH AND SAFETY COMMITTEE', '',
        `1. Minimum standards ${script}`, '', `This AGM agrees ${script} to act.`, '', `Proposer: ${branch.name}`, '',
        '2. Workload stress in RIDDOR', '', 'This AGM notes workload stress.', '',
        'EQUAL RIGHTS COMMITTEE', '', '3. Far right', '', 'This AGM notes the rise of the far right.', '', `Proposer: ${branch.name}`,
      ].join('\n') + '\n',
    );

    // Every HTML document escapes the typed markup and carries no script.
    for (const doc of ['notice-of-motions', 'agenda', 'soc-report', 'resolutions-booklet']) {
      const html = await http().get(`${base}/documents/${doc}.html`).set(soc.auth).expect(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.headers['content-security-policy']).toContain("default-src 'none'");
      expect(html.text).not.toContain('<script>');
      expect(html.text).not.toContain('<b>bold</b>');
      if (doc !== 'soc-report') expect(html.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    }
    const csv = await http().get(`${base}/documents/agenda.csv`).set(soc.auth).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('number,section,title,submitted_by,status');
    expect(csv.text).toContain(`Motion 1,HEALTH AND SAFETY COMMITTEE,"Minimum standards <script>alert(""x"")</script> & <b>bold</b>",${branch.name},carried\r\n`);
    await http().get(`${base}/documents/resolutions-booklet.csv`).set(soc.auth).expect(400);
    await http().get(`${base}/documents/minutes.html`).set(soc.auth).expect(404);

    const pdf = await http().get(`${base}/documents/agenda.pdf`).set(soc.auth).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('imports the 2025 booklet as carried resolutions and renders it back with the same headings, numbers and proposer lines', async () => {
    const conference = await ctx.newConference({ venue: 'Eastbourne', startsOn: '2025-10-02', endsOn: '2025-10-03' });
    const admin = await ctx.asHeadOffice();
    const soc = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'soc' }] });
    await api.http().post(`/api/conferences/${conference.id}/booklet/import`).set(soc.auth).send({ text: BOOKLET_2025 }).expect(403);
    const report = await api.http().post(`/api/conferences/${conference.id}/booklet/import`).set(admin.auth).send({ text: BOOKLET_2025 }).expect(201);
    expect(report.body).toMatchObject({ sections: 7, resolutions: 17, unplaced: [] });
    expect(report.body.createdBodies).toContain('London Branch');

    const carried = await api.database.dataSource.manager.query(
      `SELECT m.agenda_number, m.status, b.name FROM motion m JOIN body b ON b.id = m.submitting_body_id WHERE m.conference_id = $1 ORDER BY m.agenda_number`,
      [conference.id],
    );
    expect(carried).toHaveLength(17);
    expect(carried.every((m: { status: string }) => m.status === 'carried')).toBe(true);
    expect(carried[10]).toMatchObject({ agenda_number: 11, name: 'London Branch' });

    const rendered = await api.http().get(`/api/conferences/${conference.id}/documents/resolutions-booklet.txt`).set(admin.auth).expect(200);
    const normalise = (text: string) => text.replace(/\r\n/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
    expect(normalise(rendered.text)).toBe(normalise(BOOKLET_2025));
    const headings = (text: string) => text.split('\n').filter((l) => /^[A-Z][A-Z &–-]+$/.test(l.trim()));
    expect(headings(rendered.text)).toEqual(headings(BOOKLET_2025));
    expect(rendered.text).toContain('11. Toolkits no longer fit for purpose');
    expect(rendered.text).toMatch(/Proposer: London Branch/);

    // Importing twice would double everything: refused, nothing added.
    await api.http().post(`/api/conferences/${conference.id}/booklet/import`).set(admin.auth).send({ text: BOOKLET_2025 }).expect(409);
    const [{ n }] = await api.database.dataSource.manager.query('SELECT count(*)::int AS n FROM motion WHERE conference_id = $1', [conference.id]);
    expect(n).toBe(17);

    // The PDF is readable: pdftotext (poppler-utils, installed by .ci/run) finds the booklet's words.
    // A missing pdftotext fails the test: it used to skip this check silently.
    const pdf = await api.http().get(`/api/conferences/${conference.id}/documents/resolutions-booklet.pdf`).set(admin.auth).buffer(true).parse(binary).expect(200);
    if (process.env.KEEP_PDF) writeFileSync(process.env.KEEP_PDF, pdf.body as Buffer);
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('HEALTH AND SAFETY COMMITTEE');
    expect(text).toContain('Proposer: London Branch');
  });
});
