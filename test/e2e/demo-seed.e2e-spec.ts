import { NAPO_MEMBER_CATEGORIES } from '@agm/domain';
import { DemoSeed } from '../../apps/api/src/seed/demo-seed';
import { startTestApi, TestApi } from '../support/test-api';

describe('the demo union seeded on start', () => {
  let api: TestApi;
  let seed: DemoSeed;
  const query = (sql: string, params: unknown[] = []) => api.database.dataSource.query(sql, params);

  beforeAll(async () => {
    api = await startTestApi({ SEED_DEMO: 'true' });
    seed = api.app.get(DemoSeed);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('seeds bodies and sections from the 2025 booklet, the branches, networks and forum', async () => {
    const bodies: Array<{ kind: string; name: string; id: string }> = await query(
      'SELECT id, kind, name FROM body ORDER BY name',
    );
    const named = (kind: string) => bodies.filter((b) => b.kind === kind).map((b) => b.name);
    // Every section heading of the booklet is a committee.
    expect(named('committee').sort()).toEqual([
      'Campaigning Network',
      'Equal Rights Committee',
      'Health and Safety Committee',
      'National Executive Committee',
      'Negotiating – Cafcass Committee',
      'Negotiating – Probation Committee',
      'Professional and Training Committee',
    ]);
    // London Branch proposed a 2025 resolution; the others are added.
    expect(named('branch')).toEqual(
      expect.arrayContaining(['London Branch', 'South Yorkshire Branch', 'Family Court Section']),
    );
    expect(named('network').sort()).toEqual([
      'Black Members Network',
      'Disabled Members Network',
      'LGBT+ Network',
      'Retired Members Network',
      'Women in Napo',
      'Young Members Network',
    ]);
    expect(named('forum')).toEqual(['PSO Forum']);

    const { conferenceId } = seed.result!;
    const sections: Array<{ name: string; owner: string; position: number }> = await query(
      'SELECT s.name, b.name AS owner, s.position FROM section s JOIN body b ON b.id = s.owning_body_id WHERE s.conference_id = $1 ORDER BY s.position',
      [conferenceId],
    );
    expect(sections.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sections.find((s) => s.name === 'Health and Safety Committee')?.owner).toBe(
      'Health and Safety Committee',
    );
    expect(sections.find((s) => s.name === 'Professional and Training')?.owner).toBe(
      'Professional and Training Committee',
    );
    // [Napo] alphabetical, rotated by the conference year: some rotation of the sorted headings.
    const sorted = sections.map((s) => s.name).sort((a, b) => a.localeCompare(b));
    const first = sorted.indexOf(sections[0].name);
    expect(sections.map((s) => s.name)).toEqual([...sorted.slice(first), ...sorted.slice(0, first)]);
  });

  it('seeds about sixty members in every category across several branches, with officers', async () => {
    const members: Array<{ category: string; branch: string }> = await query(
      'SELECT m.category, b.name AS branch FROM member m JOIN body b ON b.id = m.branch_id',
    );
    expect(members.length).toBeGreaterThanOrEqual(55);
    expect(new Set(members.map((m) => m.category))).toEqual(new Set(NAPO_MEMBER_CATEGORIES));
    expect(new Set(members.map((m) => m.branch)).size).toBeGreaterThanOrEqual(5);
    const officers = await query(
      'SELECT b.name AS body, o.office FROM body_officer o JOIN body b ON b.id = o.body_id ORDER BY b.name',
    );
    expect(officers).toEqual([
      { body: 'Black Members Network', office: 'convenor' },
      { body: 'London Branch', office: 'branch secretary' },
    ]);
  });

  it('seeds a hybrid demo conference in Europe/London with open deadlines and roles', async () => {
    const { conferenceId, conferenceName } = seed.result!;
    expect(conferenceName).toMatch(/^Napo AGM \d{4} \(demo\)$/);
    const [conference] = await query(
      'SELECT format, time_zone, motions_deadline, amendments_deadline, emergency_deadline, opened_at FROM conference WHERE id = $1',
      [conferenceId],
    );
    expect(conference).toMatchObject({ format: 'hybrid', time_zone: 'Europe/London', opened_at: null });
    expect(new Date(conference.motions_deadline).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(conference.amendments_deadline).getTime()).toBeGreaterThan(
      new Date(conference.motions_deadline).getTime(),
    );
    const roles = await query(
      'SELECT a.email, r.role FROM role_assignment r JOIN account a ON a.id = r.account_id WHERE r.conference_id = $1 ORDER BY r.role',
      [conferenceId],
    );
    expect(roles.map((r: { role: string }) => r.role)).toEqual(['chair', 'monitor', 'soc', 'teller']);
    const registrations = await query(
      'SELECT attendance_mode, count(*)::int AS n FROM registration WHERE conference_id = $1 GROUP BY attendance_mode ORDER BY attendance_mode',
      [conferenceId],
    );
    expect(registrations).toEqual([
      { attendance_mode: 'hall', n: 10 },
      { attendance_mode: 'remote', n: 10 },
    ]);
  });

  it('can hold a vote as seeded: a quorum the checked-in hall meets, a published order of business, plausible monitoring answers', async () => {
    const { conferenceId, officials } = seed.result!;
    const chair = officials.find((o) => o.role === 'chair')!;
    const signIn = await api
      .http()
      .post('/api/auth/official')
      .send({ email: chair.email, password: chair.password })
      .expect(200);
    const auth = { Authorization: `Bearer ${signIn.body.token}` };
    const base = `/api/conferences/${conferenceId}`;

    // Napo's 150 would stop every vote of a twenty-attendee demo; the quorum is met by the hall checked in.
    const quorum = (await api.http().get(`${base}/quorum`).set(auth).expect(200)).body;
    expect(quorum.required).toBeGreaterThan(1);
    expect(quorum.required).toBeLessThanOrEqual(20);
    expect(quorum.met).toBe(true);
    expect(quorum.presentHall).toBeGreaterThan(0);
    expect(quorum.presentHall).toBeLessThan(10); // some hall attendees are left for head office to check in

    // A called remote speaker has a room to join: a Jitsi room of this demo's own.
    const links = (await api.http().get(`${base}/remote-links`).set(auth).expect(200)).body;
    expect(links).toEqual({ livestreamUrl: null, roomUrl: expect.stringMatching(/^https:\/\/meet\.jit\.si\/NapoDemoAGM-[0-9a-f]{12}$/) });

    // The chair can take an item at once: London Branch's motions are admitted and on the order of business.
    const agenda = (await api.http().get(`${base}/agenda`).set(auth).expect(200)).body;
    expect(JSON.stringify(agenda)).toContain('Workload Measurement');
    const motions: Array<{
      status: string;
      proposerMemberId: string | null;
      seconderMemberId: string | null;
    }> = await query(
      'SELECT status, proposer_member_id AS "proposerMemberId", seconder_member_id AS "seconderMemberId" FROM motion WHERE conference_id = $1',
      [conferenceId],
    );
    expect(motions.length).toBeGreaterThanOrEqual(2);
    for (const m of motions) {
      expect(m.status).toBe('placed');
      expect(m.proposerMemberId).not.toBeNull();
      expect(m.seconderMemberId).not.toBeNull();
    }

    // Every attendee answered the monitoring form, and not all alike: a spread over each question,
    // with "prefer not to say" a minority.
    const sets: Array<{ answers: Record<string, string> }> = await query(
      'SELECT answers FROM monitoring_answer_set WHERE conference_id = $1',
      [conferenceId],
    );
    expect(sets).toHaveLength(20);
    for (const question of ['gender', 'ethnicity', 'disability', 'lgbt', 'age_band', 'first_agm']) {
      const given = sets.map((s) => s.answers[question]);
      const distinct = new Set(given.filter((a) => a !== 'prefer_not_to_say'));
      expect(distinct.size).toBeGreaterThanOrEqual(2);
      expect(given.filter((a) => a === 'prefer_not_to_say').length).toBeLessThan(given.length / 4);
    }
  });

  it('prints a login for every role, and every printed login works', async () => {
    const { lines, officials, attendees, conferenceId } = seed.result!;
    const printed = lines.join('\n');
    expect(officials.map((o) => o.role)).toEqual(
      expect.arrayContaining([
        'head office (admin)',
        'Standing Orders Committee',
        'chair',
        'teller',
        'equality monitor',
        'branch secretary, London Branch',
      ]),
    );
    expect(attendees).toHaveLength(20);
    expect(printed).toContain(conferenceId);
    // Categories in words ('professional associate'), never a stored code, in what a newcomer reads.
    expect(printed.split('\n').filter((line) => /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/.test(line))).toEqual([]);
    expect(printed).toContain('professional associate');

    // Read the credentials back from the printed text, not from the structured result.
    const officialRows = lines
      .filter((l) => /@demo\.napo\.example\s+\S+$/.test(l))
      .map((l) => l.trim().split(/\s{2,}/));
    expect(officialRows).toHaveLength(officials.length);
    const principals: Record<string, any> = {};
    for (const [role, email, password] of officialRows) {
      const signIn = await api.http().post('/api/auth/official').send({ email, password }).expect(200);
      principals[role] = (
        await api
          .http()
          .get('/api/auth/me')
          .set({ Authorization: `Bearer ${signIn.body.token}` })
          .expect(200)
      ).body;
    }
    expect(principals['head office (admin)'].isHeadOffice).toBe(true);
    expect(principals.chair.roles).toEqual([{ conferenceId, role: 'chair' }]);
    const [london] = await query(`SELECT id FROM body WHERE name = 'London Branch'`);
    expect(principals['branch secretary, London Branch'].officerOf).toEqual([london.id]);

    const attendeeRows = lines
      .filter((l) => /\s(hall|remote)\s+D\d+\s+\S+$/.test(l))
      .map((l) => l.trim().split(/\s{2,}/));
    expect(attendeeRows).toHaveLength(20);
    for (const [, , mode, membershipNumber, accessCode] of attendeeRows) {
      const signIn = await api
        .http()
        .post('/api/auth/attendee')
        .send({ conferenceId, membershipNumber, accessCode })
        .expect(200);
      const me = await api
        .http()
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${signIn.body.token}` })
        .expect(200);
      expect(me.body).toMatchObject({ kind: 'attendee', conferenceId, attendanceMode: mode });
    }
  });

  it('does nothing when accounts exist: a second start seeds nothing', async () => {
    const count = async () =>
      (
        await query(
          'SELECT (SELECT count(*) FROM account)::int AS a, (SELECT count(*) FROM member)::int AS m, (SELECT count(*) FROM conference)::int AS c',
        )
      )[0];
    const before = await count();
    const printed: string[] = [];
    expect(await seed.run((line) => printed.push(line))).toBeNull();
    await seed.onApplicationBootstrap();
    expect(printed).toEqual([]);
    expect(await count()).toEqual(before);
  });
});

describe('with SEED_DEMO=false', () => {
  it('starts with an empty database', async () => {
    const api = await startTestApi({ SEED_DEMO: 'false' });
    try {
      expect(api.app.get(DemoSeed).result).toBeNull();
      expect(await api.database.dataSource.query('SELECT count(*)::int AS n FROM account')).toEqual([
        { n: 0 },
      ]);
    } finally {
      await api.close();
    }
  });
});
