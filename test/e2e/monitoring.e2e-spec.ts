import { randomUUID } from 'node:crypto';
import type { AttendanceMode, DebateEvent, SpeechRole } from '@agm/domain';
import { Transactions } from '../../apps/api/src/events/transactions';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';
import { connect, EventStream, TestSocket } from '../support/socket-client';

/**
 * Speaker monitoring: an attendee's own answers, the monitors' suppressed report from a debate, the live
 * view and the chair's balance indicator. The debate is simulated by writing the engine's events into the
 * conference log through the unit of work, as the debate feature does.
 */
describe('speaker monitoring', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
    api.database.dataSource.manager.query(text, params);
  const open = async (token: string) => {
    const socket = await connect(api.url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await api?.close();
  });

  const base = (conferenceId: string) => `/api/conferences/${conferenceId}/monitoring`;
  const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

  interface Speech {
    who: TestAttendee;
    role: SpeechRole;
    mode?: AttendanceMode;
    seconds?: number;
    motionId?: string;
  }

  /** Writes the engine's events for finished speeches into the log, one committed transaction per speech. */
  class SimulatedDebate {
    private n = 0;
    private clock = Date.parse('2025-10-02T10:30:00Z'); // 11:30 in London: the debate runs past noon;
    private readonly taken = new Set<string>();
    constructor(readonly conferenceId: string) {}

    private async record(events: DebateEvent[]): Promise<void> {
      await api.app.get(Transactions).runFor(this.conferenceId, async ({ record }) => {
        for (const event of events)
          record({
            conferenceId: this.conferenceId,
            type: `debate.${event.type}`,
            payload: { ...event },
            audience: 'chair',
            actorId: null,
          });
      });
    }

    async speak(speech: Speech & { motionId: string }): Promise<void> {
      const at = (ms: number) => new Date(ms).toISOString();
      if (!this.taken.has(speech.motionId)) {
        this.taken.add(speech.motionId);
        await this.record([
          {
            type: 'item_taken',
            itemId: speech.motionId,
            motionId: speech.motionId,
            kind: 'motion',
            moverMemberId: speech.who.member.id,
            seconderMemberId: null,
            at: at(this.clock),
          },
        ]);
      }
      const speechId = `speech-${++this.n}`;
      const start = (this.clock += 60_000);
      const seconds = speech.seconds ?? 120;
      const end = (this.clock += seconds * 1000);
      const common = { itemId: speech.motionId, speechId };
      await this.record([
        {
          type: 'speech_started',
          ...common,
          amendmentId: null,
          memberId: speech.who.member.id,
          role: speech.role,
          requestId: null,
          attendanceMode: speech.mode ?? 'hall',
          followedSuggestion: null,
          startedAt: at(start),
          limitSeconds: 180,
          warningAt: at(start + 120_000),
          endsAt: at(start + 180_000),
          at: at(start),
        },
      ]);
      await this.record([
        {
          type: 'speech_ended',
          ...common,
          endedAt: at(end),
          spokenSeconds: seconds,
          overrunSeconds: 0,
          at: at(end),
        },
      ]);
    }
  }

  interface Agm {
    conferenceId: string;
    monitor: SignedInPerson;
    chair: SignedInPerson;
    admin: SignedInPerson;
    women: TestAttendee[];
    men: TestAttendee[];
    silent: TestAttendee[];
    motionA: string;
    motionB: string;
    debate: SimulatedDebate;
  }

  /** 6 women, 6 men and 2 attendees who never answer; motion A has 12 speakers, motion B 2. */
  async function agm(options: { endsOn?: string; name?: string } = {}): Promise<Agm> {
    const today = futureDate(0);
    const conference = await ctx.newConference({
      startsOn: options.endsOn ? today : '2025-10-02',
      endsOn: options.endsOn ?? '2025-10-03',
      ...(options.name ? { name: options.name } : {}),
    });
    const conferenceId = conference.id;
    const monitor = await ctx.newOfficial({ roles: [{ conferenceId, role: 'monitor' }] });
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const admin = await ctx.newOfficial({ roles: [{ conferenceId, role: 'admin' }] });
    const attendees = [];
    for (let i = 0; i < 14; i++)
      attendees.push(await ctx.newAttendee(conferenceId, { mode: i % 3 === 0 ? 'remote' : 'hall' }));
    const women = attendees.slice(0, 6);
    const men = attendees.slice(6, 12);
    const silent = attendees.slice(12);
    for (const w of women)
      await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(w.auth)
        .send({ answers: { gender: 'woman', first_agm: 'yes' } })
        .expect(200);
    for (const m of men)
      await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(m.auth)
        .send({ answers: { gender: 'man' } })
        .expect(200);
    // The AGM opens before anyone speaks; the attendee profile is published from then on (answers fixed).
    await sql(`UPDATE conference SET opened_at = now() - interval '1 minute' WHERE id = $1`, [conferenceId]);
    return {
      conferenceId,
      monitor,
      chair,
      admin,
      women,
      men,
      silent,
      motionA: randomUUID(),
      motionB: randomUUID(),
      debate: new SimulatedDebate(conferenceId),
    };
  }

  async function debateMotionA(s: Agm): Promise<void> {
    const speakers = [...s.women, ...s.men.slice(0, 5), s.silent[0]];
    for (const [i, who] of speakers.entries())
      await s.debate.speak({ who, role: i === 0 ? 'mover' : i % 2 ? 'against' : 'for', motionId: s.motionA });
    await s.debate.speak({ who: s.men[5], role: 'for', motionId: s.motionB });
    await s.debate.speak({ who: s.women[0], role: 'against', motionId: s.motionB, mode: 'remote' });
  }

  describe('an attendee’s own answers', () => {
    it('starts every question at prefer not to say, saves the attendee’s answers and shows them only to them', async () => {
      const { id: conferenceId } = await ctx.newConference();
      const attendee = await ctx.newAttendee(conferenceId);
      const first = await api
        .http()
        .get(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .expect(200);
      expect(first.body.editable).toBe(true);
      expect(first.body.questions.map((q: any) => q.code)).toEqual([
        'gender',
        'ethnicity',
        'disability',
        'lgbt',
        'age_band',
        'first_agm',
      ]);
      for (const q of first.body.questions)
        expect(q.answers.map((a: any) => a.code)).toContain('prefer_not_to_say');
      expect(Object.values(first.body.answers)).toEqual(Array(6).fill('prefer_not_to_say'));

      const saved = await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: { gender: 'non_binary', age_band: '25_34' } })
        .expect(200);
      expect(saved.body.answers).toEqual({
        gender: 'non_binary',
        ethnicity: 'prefer_not_to_say',
        disability: 'prefer_not_to_say',
        lgbt: 'prefer_not_to_say',
        age_band: '25_34',
        first_agm: 'prefer_not_to_say',
      });
      expect(
        (
          await api
            .http()
            .get(`${base(conferenceId)}/my-answers`)
            .set(attendee.auth)
            .expect(200)
        ).body.answers,
      ).toEqual(saved.body.answers);

      // The table holds no member, no registration, no time: just an opaque key and the answers.
      const rows = await sql('SELECT * FROM monitoring_answer_set WHERE conference_id = $1', [conferenceId]);
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0]).sort()).toEqual(['answers', 'conference_id', 'pseudonymous_key']);
      expect(rows[0].pseudonymous_key).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(rows[0])).not.toContain(attendee.memberId);
      expect(JSON.stringify(rows[0])).not.toContain(attendee.registrationId);
    });

    it('refuses officials, even head office and the attendee’s own officials, and attendees of another conference', async () => {
      const { id: conferenceId } = await ctx.newConference();
      const attendee = await ctx.newAttendee(conferenceId);
      await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: { gender: 'woman' } })
        .expect(200);
      const headOffice = await ctx.asHeadOffice();
      const monitor = await ctx.newOfficial({
        roles: [{ conferenceId, role: 'monitor' }],
        memberId: attendee.member.id,
      });
      for (const official of [headOffice, monitor]) {
        const refused = await api
          .http()
          .get(`${base(conferenceId)}/my-answers`)
          .set(official.auth)
          .expect(403);
        expect(refused.body.message).toMatch(/only by the attendee who gave them/);
        await api
          .http()
          .put(`${base(conferenceId)}/my-answers`)
          .set(official.auth)
          .send({ answers: { gender: 'man' } })
          .expect(403);
      }
      const { id: otherId } = await ctx.newConference();
      const stranger = await ctx.newAttendee(otherId);
      await api
        .http()
        .get(`${base(conferenceId)}/my-answers`)
        .set(stranger.auth)
        .expect(404);
      await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(stranger.auth)
        .send({ answers: { gender: 'man' } })
        .expect(404);
      await api
        .http()
        .get(`${base(conferenceId)}/my-answers`)
        .expect(401);
      // Nothing was changed by the refusals.
      expect(
        (
          await api
            .http()
            .get(`${base(conferenceId)}/my-answers`)
            .set(attendee.auth)
            .expect(200)
        ).body.answers.gender,
      ).toBe('woman');
    });

    it('names each invalid code and saves none of them', async () => {
      const { id: conferenceId } = await ctx.newConference();
      const attendee = await ctx.newAttendee(conferenceId);
      await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: { gender: 'woman' } })
        .expect(200);
      const refused = await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: { gender: 'female', age_band: '35_44', shoe_size: '9' } })
        .expect(400);
      expect(refused.body.errors).toEqual({
        gender: expect.stringContaining(
          "'female' is not an answer to 'gender'; choose one of woman, man, non_binary, another_term, prefer_not_to_say",
        ),
        shoe_size: expect.stringContaining("'shoe_size' is not a monitoring question"),
      });
      // Malformed bodies are refused by the DTO, with the field named.
      const malformed = await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: { gender: 7 } })
        .expect(400);
      expect(Object.keys(malformed.body.errors)).toEqual(['answers']);
      await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: ['woman'] })
        .expect(400);
      const after = (
        await api
          .http()
          .get(`${base(conferenceId)}/my-answers`)
          .set(attendee.auth)
          .expect(200)
      ).body.answers;
      expect(after).toMatchObject({ gender: 'woman', age_band: 'prefer_not_to_say' });
    });

    it('refuses changes once the AGM has opened, and keeps the answers as they were', async () => {
      const { id: conferenceId } = await ctx.newConference();
      const attendee = await ctx.newAttendee(conferenceId);
      await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: { lgbt: 'yes' } })
        .expect(200);
      await sql(`UPDATE conference SET opened_at = now() - interval '1 minute' WHERE id = $1`, [
        conferenceId,
      ]);
      const refused = await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: { lgbt: 'no' } })
        .expect(422);
      expect(refused.body).toMatchObject({
        rule: 'deadline',
        message: expect.stringMatching(/cannot be changed once the AGM has opened/),
      });
      const now = (
        await api
          .http()
          .get(`${base(conferenceId)}/my-answers`)
          .set(attendee.auth)
          .expect(200)
      ).body;
      expect(now).toMatchObject({ editable: false, answers: { lgbt: 'yes' } });
    });

    it('lets head office add the union’s own question before the AGM opens, with prefer not to say added', async () => {
      const { id: conferenceId } = await ctx.newConference();
      const admin = await ctx.asHeadOffice();
      const attendee = await ctx.newAttendee(conferenceId);
      const question = {
        code: 'caring',
        label: 'Do you have caring responsibilities?',
        answers: [
          { code: 'yes', label: 'Yes' },
          { code: 'no', label: 'No' },
        ],
      };
      await api
        .http()
        .put(`${base(conferenceId)}/questions`)
        .set(attendee.auth)
        .send({ questions: [question] })
        .expect(403);
      const form = await api
        .http()
        .put(`${base(conferenceId)}/questions`)
        .set(admin.auth)
        .send({ questions: [question] })
        .expect(200);
      expect(form.body.questions.at(-1).answers.map((a: any) => a.code)).toEqual([
        'yes',
        'no',
        'prefer_not_to_say',
      ]);
      const duplicate = await api
        .http()
        .put(`${base(conferenceId)}/questions`)
        .set(admin.auth)
        .send({ questions: [{ ...question, code: 'gender' }] })
        .expect(400);
      expect(duplicate.body.errors.gender).toMatch(/asked twice/);
      await api
        .http()
        .put(`${base(conferenceId)}/my-answers`)
        .set(attendee.auth)
        .send({ answers: { caring: 'yes' } })
        .expect(200);
      await sql(`UPDATE conference SET opened_at = now() WHERE id = $1`, [conferenceId]);
      await api
        .http()
        .put(`${base(conferenceId)}/questions`)
        .set(admin.auth)
        .send({ questions: [] })
        .expect(422);
      expect(
        (
          await api
            .http()
            .get(`${base(conferenceId)}/questions`)
            .set(attendee.auth)
            .expect(200)
        ).body.questions,
      ).toHaveLength(7);
    });
  });

  describe('the monitors’ report', () => {
    let s: Agm;
    beforeAll(async () => {
      s = await agm({ name: 'Eastbourne <b>&</b> Hybrid' });
      await debateMotionA(s);
    });
    const report = (who: { auth: Record<string, string> }, query: string, status = 200) =>
      api
        .http()
        .get(`${base(s.conferenceId)}/report?${query}`)
        .set(who.auth)
        .expect(status);
    const row = (group: any, category: string) => group.categories.find((c: any) => c.category === category);

    it('refuses everyone who is not a monitor of the conference (403), head office and chair included', async () => {
      const headOffice = await ctx.asHeadOffice();
      for (const who of [headOffice, s.chair, s.admin, s.women[0]]) {
        const refused = await report(who, 'question=gender', 403);
        expect(refused.body.message).toMatch(/only monitors see speaker statistics/);
      }
      const elsewhere = await ctx.newOfficial({
        roles: [{ conferenceId: (await ctx.newConference()).id, role: 'monitor' }],
      });
      await report(elsewhere, 'question=gender', 404);
    });

    it('counts speakers, speeches and time by answer against the attendees, suppressing small cells and their complements', async () => {
      const body = (await report(s.monitor, 'question=gender')).body;
      expect(body).toMatchObject({
        questionCode: 'gender',
        suppressionThreshold: 5,
        speechesCounted: 14,
        live: false,
      });
      const all = body.overall;
      // 6 women spoke (7 speeches: one spoke on both motions), 12 minutes + 2; 6 registered; all first AGM ever.
      // Nobody else said first AGM ever, so 6 of 6 would say every first-timer who spoke is a woman: hidden.
      expect(row(all, 'woman')).toMatchObject({
        speakers: { value: 6, flag: 'shown' },
        speeches: { value: 7, flag: 'shown' },
        speakingSeconds: { value: 840, flag: 'shown' },
        firstAgmEverSpeakers: { value: null, flag: 'suppressed' },
        attendees: { value: 6, flag: 'shown' },
      });
      expect(row(all, 'man')).toMatchObject({
        speakers: { value: 6, flag: 'shown' },
        attendees: { value: 6, flag: 'shown' },
      });
      // One attendee who gave no answers spoke: 1 speaker, 2 attendees — both hidden.
      const undeclared = row(all, 'prefer_not_to_say');
      expect(undeclared.speakers).toEqual({ value: null, flag: 'suppressed' });
      expect(undeclared.attendees).toEqual({ value: null, flag: 'suppressed' });
      // ...and not recoverable by subtraction from the total.
      expect(
        all.total.speakers.flag === 'suppressed' ||
          all.categories.filter((c: any) => c.speakers.flag === 'suppressed').length >= 2,
      ).toBe(true);
      expect(
        all.total.attendees.flag === 'suppressed' ||
          all.categories.filter((c: any) => c.attendees.flag === 'suppressed').length >= 2,
      ).toBe(true);
      expect(row(all, 'woman').representationRatio.flag).toBe('shown');
    });

    it('answers a query narrow enough to isolate a person with suppressed cells, not a refusal', async () => {
      const body = (await report(s.monitor, `question=gender&motion=${s.motionB}`)).body;
      expect(body.filter).toEqual({ motionId: s.motionB });
      for (const category of body.overall.categories) {
        expect(category.speakers).toEqual({ value: null, flag: 'suppressed' });
        expect(category.speeches.flag).toBe('suppressed');
        expect(category.speakingSeconds.flag).toBe('suppressed');
      }
      expect(body.overall.total.speakers.flag).toBe('suppressed');
      expect(JSON.stringify(body)).not.toMatch(/"value":1[,}]/);
      // The same with a role and a mode: still an answer.
      const remote = (await report(s.monitor, 'question=gender&attendanceMode=remote&role=against')).body;
      expect(
        remote.overall.categories.every(
          (c: any) => c.speakers.flag === 'suppressed' || c.speakers.value >= 5 || c.speakers.value === 0,
        ),
      ).toBe(true);
    });

    it('breaks down by motion, role, mode and session, and refuses unknown questions and breakdowns naming them', async () => {
      const byMotion = (await report(s.monitor, 'question=gender&breakdown=motion')).body;
      expect(byMotion.groups.map((g: any) => g.key)).toEqual([s.motionA, s.motionB]);
      // One woman spoke on motion B: hidden. With the overall 6 published, motion A's 6 would give it
      // away by subtraction, so it is hidden too (and the same for the men: 5 and 1).
      for (const group of byMotion.groups) {
        expect(row(group, 'woman').speakers).toEqual({ value: null, flag: 'suppressed' });
        expect(row(group, 'man').speakers).toEqual({ value: null, flag: 'suppressed' });
      }
      expect(row(byMotion.overall, 'woman').speakers).toEqual({ value: 6, flag: 'shown' });
      const bySession = (await report(s.monitor, 'question=gender&breakdown=session')).body;
      expect(bySession.groups.map((g: any) => g.key)).toEqual(['2025-10-02 am', '2025-10-02 pm']);
      for (const breakdown of ['role', 'attendance_mode', 'section'])
        await report(s.monitor, `question=age_band&breakdown=${breakdown}`);
      const unknown = await report(s.monitor, 'question=shoe_size', 400);
      expect(unknown.body.errors).toEqual({ questionCode: "'shoe_size' is not on the form" });
      const bad = await report(s.monitor, 'question=gender&breakdown=branch&format=xls&motion=1', 400);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['breakdown', 'format', 'motion']);
      await report(s.monitor, 'question=gender&memberId=x', 400);
    });

    it('exports CSV, a printable page with escaped text and SVG charts, and a PDF', async () => {
      const csv = await report(s.monitor, 'question=gender&breakdown=motion&format=csv');
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(
        'question,breakdown,group,category,label,speakers,speeches,speaking_seconds,first_time_speakers,first_agm_ever_speakers,attendees,speaker_share,attendee_share,representation_ratio',
      );
      expect(
        lines
          .find((l) => l.startsWith('gender,all,all,woman,'))!
          .split(',')
          .slice(5, 11),
      ).toEqual(['6', '7', '840', '6', 'suppressed', '6']);
      expect(lines.find((l) => l.startsWith('gender,all,all,prefer_not_to_say'))).toContain('suppressed');

      const html = await report(s.monitor, 'question=gender&breakdown=motion&format=html');
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.headers['content-security-policy']).toContain("default-src 'none'");
      expect(html.text).toContain('Eastbourne &lt;b&gt;&amp;&lt;/b&gt; Hybrid');
      expect(html.text).not.toContain('<b>&</b>');
      expect(html.text).toContain('<svg');
      expect(html.text).toContain('not shown');
      expect(html.text).toContain('Not shown: too few to keep answers private');

      const pdf = await api
        .http()
        .get(`${base(s.conferenceId)}/report?question=gender&format=pdf`)
        .set(s.monitor.auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('compares AGMs only for a monitor of each, lining up their overall figures', async () => {
      const earlier = await agm({ name: 'Bournemouth' });
      await debateMotionA(earlier);
      const path = `${base(s.conferenceId)}/comparison?question=gender&with=${earlier.conferenceId}`;
      await api.http().get(path).set(s.monitor.auth).expect(404);
      const both = await ctx.newOfficial({
        roles: [
          { conferenceId: s.conferenceId, role: 'monitor' },
          { conferenceId: earlier.conferenceId, role: 'monitor' },
        ],
      });
      const comparison = (await api.http().get(path).set(both.auth).expect(200)).body;
      expect(comparison.conferences).toEqual(['Eastbourne <b>&</b> Hybrid (2025)', 'Bournemouth (2025)']);
      const women = comparison.rows.find((r: any) => r.category === 'woman');
      expect(women.byConference.map((c: any) => c.speakers.value)).toEqual([6, 6]);
      const csv = await api.http().get(`${path}&format=csv`).set(both.auth).expect(200);
      expect(csv.text.split('\r\n')[0]).toBe(
        'question,conference,category,label,speakers,speeches,speaking_seconds,first_time_speakers,first_agm_ever_speakers,attendees,speaker_share,attendee_share,representation_ratio',
      );
      const html = await api.http().get(`${path}&format=html`).set(both.auth).expect(200);
      expect(html.text).toContain('Eastbourne &lt;b&gt;');
      await api
        .http()
        .get(`${base(s.conferenceId)}/comparison?question=gender&with=nope`)
        .set(both.auth)
        .expect(400);
    });
  });

  describe('the live view', () => {
    it('pushes suppressed figures to monitors in batches, a balance prompt to the chair, and nothing to attendees', async () => {
      const s = await agm({ endsOn: futureDate(2) });
      const join = async (token: string) => {
        const socket = await open(token);
        const stream = new EventStream(socket, s.conferenceId);
        await stream.join(socket);
        return stream;
      };
      const monitorStream = await join(s.monitor.token);
      const chairStream = await join(s.chair.token);
      const attendeeStream = await join(s.women[1].token);

      // Four speeches: not yet a batch, so nothing moves (each would give its speaker away).
      for (const who of s.women.slice(0, 4)) await s.debate.speak({ who, role: 'for', motionId: s.motionA });
      await new Promise((r) => setTimeout(r, 400));
      expect(monitorStream.applied.filter((e) => e.type === 'monitoring.updated')).toHaveLength(0);
      const early = (
        await api
          .http()
          .get(`${base(s.conferenceId)}/report?question=gender`)
          .set(s.monitor.auth)
          .expect(200)
      ).body;
      expect(early).toMatchObject({ live: true, speechesCounted: 0 });

      // The fifth finishes a batch: the monitors get the overall figures for every question.
      await s.debate.speak({ who: s.women[4], role: 'for', motionId: s.motionA });
      const [update] = await monitorStream.waitFor('monitoring.updated');
      const payload = update.payload as any;
      expect(payload.speechesCounted).toBe(5);
      expect(payload.questions.map((q: any) => q.questionCode)).toEqual([
        'gender',
        'ethnicity',
        'disability',
        'lgbt',
        'age_band',
        'first_agm',
      ]);
      const gender = payload.questions[0].overall;
      // All five speakers are women: showing 5 of 5 (a share of 1) would give every speaker's answer away.
      expect(gender.total.speakers).toEqual({ value: 5, flag: 'shown' });
      expect(gender.categories.find((c: any) => c.category === 'woman').speakers.flag).toBe('suppressed');
      expect(gender.categories.find((c: any) => c.category === 'woman').speakerShare.flag).toBe('suppressed');
      expect(gender.categories.find((c: any) => c.category === 'man').speakers.flag).toBe('suppressed');

      // Five hall speakers for the motion in a row: the chair is told, in words that name nobody.
      const balance = (await chairStream.waitFor('monitoring.balance')).at(-1)!.payload as any;
      expect(balance.signals).toEqual([
        expect.objectContaining({
          kind: 'one_sided_debate',
          stance: 'for',
          message: 'The last 5 speakers on this motion were all for it.',
        }),
      ]);
      await s.debate.speak({ who: s.men[0], role: 'for', motionId: s.motionA });
      const later = (await chairStream.waitFor('monitoring.balance', 2)).at(-1)!.payload as any;
      expect(later.signals.map((x: any) => x.kind)).toEqual(['no_remote_speaker', 'one_sided_debate']);
      // Recorded only when the signals change: the sixth speech's end changed nothing.
      await new Promise((r) => setTimeout(r, 300));
      expect(chairStream.applied.filter((e) => e.type === 'monitoring.balance')).toHaveLength(2);
      expect(JSON.stringify(later)).not.toMatch(/woman|man"|gender|memberId|[0-9a-f]{64}/);

      // The HTTP report shows the same released batch, not the sixth speech.
      const live = (
        await api
          .http()
          .get(`${base(s.conferenceId)}/report?question=gender`)
          .set(s.monitor.auth)
          .expect(200)
      ).body;
      expect(live.speechesCounted).toBe(5);
      expect(monitorStream.applied.filter((e) => e.type === 'monitoring.updated')).toHaveLength(1);

      // Attendees never see a monitoring figure or the chair's prompt; the monitor is not sent the chair's.
      await new Promise((r) => setTimeout(r, 200));
      expect(attendeeStream.applied.filter((e) => e.type.startsWith('monitoring.'))).toEqual([]);
      expect(monitorStream.applied.filter((e) => e.type === 'monitoring.balance')).toEqual([]);
      // A monitor reconnecting gets the update back from the log.
      const again = await join(s.monitor.token);
      await again.waitFor('monitoring.updated');
    });
  });
});
