import { createHmac } from 'node:crypto';
import type { ConferenceEventMessage } from '@agm/contracts';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';
import { connect, emitWithAck, EventStream, pause, TestSocket } from '../support/socket-client';

/**
 * A demo-like AGM run through the API: attendees in the hall and remote answer the monitoring form (each
 * with a unique "canary" answer to a union question), a debate is chaired with speeches, points and a
 * remote speaker, and every official looks at everything they may. Then every API response, every socket
 * message and the whole event log are searched: no pseudonymous key anywhere, no individual answer beside
 * an identity, no canary outside the form, the attendee's own answers and the monitors' suppressed cells.
 */
describe('speaker monitoring keeps every individual answer private', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  /** Every response body the test received, with who asked for what. */
  const seen: Array<{ who: string; path: string; body: string }> = [];

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await api?.close();
  });

  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> => api.database.dataSource.manager.query(text, params);
  const call = async (who: { auth: Record<string, string> } & { label?: string }, method: 'get' | 'put' | 'post', path: string, body?: unknown, status = 200) => {
    let req = api.http()[method](path).set(who.auth);
    if (path.includes('format=pdf')) req = req.buffer(true).parse((res, done) => { const c: Buffer[] = []; res.on('data', (d: Buffer) => c.push(d)); res.on('end', () => done(null, Buffer.concat(c))); });
    const res = await (body === undefined ? req : req.send(body as object)).expect(status);
    const text = Buffer.isBuffer(res.body) ? res.body.toString('latin1') : res.text;
    seen.push({ who: who.label ?? 'someone', path, body: text });
    return res;
  };

  it('never shows one person’s answers to anyone else, in any response, message or log entry', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const endsOn = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const { id: conferenceId } = await ctx.newConference({ name: 'Demo AGM', startsOn: today, endsOn });
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', to_jsonb(1)) WHERE id = $1`, [conferenceId]);
    const headOffice = Object.assign(await ctx.asHeadOffice(), { label: 'head office' });
    const chair = Object.assign(await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] }), { label: 'chair' });
    const monitor = Object.assign(await ctx.newOfficial({ roles: [{ conferenceId, role: 'monitor' }] }), { label: 'monitor' });
    const soc = Object.assign(await ctx.newOfficial({ roles: [{ conferenceId, role: 'soc' }] }), { label: 'soc' });
    const M = `/api/conferences/${conferenceId}/monitoring`;

    // 14 attendees: 10 in the hall, 4 remote; each gives a unique canary answer.
    const canaries = Array.from({ length: 14 }, (_, i) => `canary_${String(i).padStart(2, '0')}`);
    await call(headOffice, 'put', `${M}/questions`, { questions: [{ code: 'canary', label: 'Test question', answers: canaries.map((code) => ({ code, label: code })) }] });
    const genders = ['woman', 'man', 'non_binary', 'woman', 'man', 'woman', 'man', 'woman', 'prefer_not_to_say', 'woman', 'man', 'another_term', 'woman', 'man'];
    const attendees: Array<TestAttendee & { label: string; canary: string }> = [];
    for (let i = 0; i < 14; i++) {
      const attendee = await ctx.newAttendee(conferenceId, { mode: i < 10 ? 'hall' : 'remote' });
      attendees.push(Object.assign(attendee, { label: `attendee ${i}`, canary: canaries[i] }));
      await call(attendees[i], 'put', `${M}/my-answers`, { answers: { gender: genders[i], age_band: ['25_34', '35_44', '45_54'][i % 3], disability: i % 4 ? 'no' : 'yes', lgbt: i % 5 ? 'no' : 'yes', canary: canaries[i] } });
    }
    const keys = attendees.map((a) => createHmac('sha256', api.config.tokenSecret).update(`monitoring:${conferenceId}:${a.member.id}`).digest('hex'));
    expect(new Set(keys).size).toBe(14);
    expect((await sql('SELECT pseudonymous_key FROM monitoring_answer_set WHERE conference_id = $1', [conferenceId])).map((r) => r.pseudonymous_key).sort()).toEqual([...keys].sort());

    // Presence: the hall checked in, the remote attendees connected and confirmed.
    for (const a of attendees.slice(0, 10)) await call(headOffice, 'post', `/api/conferences/${conferenceId}/registrations/${a.registrationId}/check-in`);
    const streams: Array<{ who: string; stream: EventStream; monitorAudience: boolean }> = [];
    const listen = async (who: SignedInPerson & { label: string }, monitorAudience = false) => {
      const socket = await connect(api.url, who.token);
      sockets.push(socket);
      const stream = new EventStream(socket, conferenceId);
      await stream.join(socket);
      streams.push({ who: who.label, stream, monitorAudience });
      return socket;
    };
    for (const a of attendees.slice(10)) {
      const socket = await listen(a);
      expect(await emitWithAck(socket, 'presence.confirm', { conferenceId })).toMatchObject({ ok: true });
    }
    await listen(attendees[0]);
    await listen(chair);
    await listen(headOffice);
    await listen(soc);
    await listen(monitor, true);
    await sql(`UPDATE conference SET opened_at = now() WHERE id = $1`, [conferenceId]);

    // A motion under a section, debated: mover, seconder, a point of order, speakers from the hall and remote, right of reply.
    const section = await ctx.newSection(conferenceId, 'Professional');
    const [{ id: motionId }] = await sql(
      `INSERT INTO motion (conference_id, kind, title, text, status, section_id, proposer_member_id, seconder_member_id, word_count, over_word_limit, created_by, submitted_at)
       VALUES ($1, 'motion', 'Workloads', 'Conference calls for workload limits.', 'placed', $2, $3, $4, 5, false, $5, now()) RETURNING id`,
      [conferenceId, section.id, attendees[0].member.id, attendees[1].member.id, chair.id],
    );
    const version = async () => (await call(chair, 'get', `/api/conferences/${conferenceId}/debate`)).body.version as number;
    const chairSays = async (body: Record<string, unknown>) => call(chair, 'post', `/api/conferences/${conferenceId}/debate/commands`, { itemId: motionId, expectedSeq: await version(), ...body });
    const speech = async () => {
      await chairSays({ type: 'startSpeech' });
      await chairSays({ type: 'endSpeech' });
    };
    await call(chair, 'post', `/api/conferences/${conferenceId}/debate/commands`, { type: 'takeItem', motionId, expectedSeq: await version() });
    await chairSays({ type: 'callMover' });
    await speech();
    await chairSays({ type: 'callSeconder' });
    await speech();
    await chairSays({ type: 'openFloor' });
    const floor = attendees.slice(2, 13);
    for (const [i, a] of floor.entries()) await call(a, 'post', `/api/conferences/${conferenceId}/debate/commands`, { type: 'requestToSpeak', itemId: motionId, stance: i % 2 ? 'for' : 'against' });
    await call(attendees[13], 'post', `/api/conferences/${conferenceId}/debate/commands`, { type: 'raisePointOfOrder', itemId: motionId });
    await chairSays({ type: 'callSpeaker', memberId: attendees[13].member.id });
    await speech();
    await chairSays({ type: 'ruleOnPointOfOrder', ruling: 'In order.' });
    for (const a of floor) {
      await chairSays({ type: 'callSpeaker', memberId: a.member.id });
      await speech();
    }
    await chairSays({ type: 'callRightOfReply' });
    await speech();
    await pause(500);

    // Everyone looks at what they may.
    const updates = await streams.find((s) => s.monitorAudience)!.stream.waitFor('monitoring.updated', 3);
    expect((updates.at(-1)!.payload as any).speechesCounted).toBe(15);
    for (const breakdown of ['', '&breakdown=section', '&breakdown=motion', '&breakdown=role', '&breakdown=attendance_mode', '&breakdown=session']) {
      for (const question of ['gender', 'age_band', 'disability', 'lgbt', 'canary', 'first_agm']) await call(monitor, 'get', `${M}/report?question=${question}${breakdown}`);
    }
    await call(monitor, 'get', `${M}/report?question=gender&role=against&attendanceMode=remote`);
    await call(monitor, 'get', `${M}/report?question=canary&motion=${motionId}&format=csv`);
    await call(monitor, 'get', `${M}/report?question=canary&breakdown=role&format=html`);
    await call(monitor, 'get', `${M}/report?question=gender&breakdown=attendance_mode&format=pdf`);
    await call(monitor, 'get', `${M}/comparison?question=canary&with=${conferenceId}`);
    for (const who of [chair, headOffice, soc, attendees[3]]) await call(who, 'get', `${M}/report?question=gender`, undefined, 403);
    for (const who of [chair, headOffice, monitor, soc]) await call(who, 'get', `${M}/my-answers`, undefined, 403);
    for (const a of attendees) {
      const mine = (await call(a, 'get', `${M}/my-answers`)).body;
      expect(mine.answers.canary).toBe(a.canary);
    }
    await call(headOffice, 'get', `/api/conferences/${conferenceId}/registrations`);
    await call(chair, 'get', `/api/conferences/${conferenceId}/debate`);
    await call(chair, 'get', `/api/conferences/${conferenceId}/minutes`);
    await call(attendees[5], 'get', `/api/conferences/${conferenceId}/debate`);
    await call(attendees[5], 'get', `${M}/questions`);

    // 1. No pseudonymous key leaves the server: not in a response, a socket message or the log.
    const messages = streams.flatMap((s) => s.stream.applied.map((e) => ({ ...s, event: e })));
    const log: Array<{ audience: string; type: string; payload: unknown }> = await sql('SELECT audience, type, payload FROM conference_event WHERE conference_id = $1', [conferenceId]);
    const everything = [...seen.map((s) => s.body), ...messages.map((m) => JSON.stringify(m.event)), ...log.map((e) => JSON.stringify(e.payload))];
    for (const key of keys) for (const text of everything) expect(text).not.toContain(key);

    // 2. Outside the form, the attendee's own answers and the monitors' figures, no canary answer appears.
    const formOrOwn = (s: { path: string }) => s.path.endsWith('/monitoring/questions') || s.path.endsWith('/my-answers');
    const monitorsOnly = (s: { who: string }) => s.who === 'monitor';
    for (const s of seen.filter((x) => !formOrOwn(x) && !monitorsOnly(x))) for (const c of canaries) expect({ path: s.path, has: s.body.includes(c) }).toEqual({ path: s.path, has: false });
    const publicLog = log.filter((e) => e.audience !== 'monitors');
    expect(publicLog.length).toBeGreaterThan(50);
    for (const e of publicLog) for (const c of canaries) expect(JSON.stringify(e.payload)).not.toContain(c);
    for (const m of messages.filter((x) => !x.monitorAudience)) expect(m.event.type.startsWith('monitoring.updated')).toBe(false);
    const nonMonitorMessages: ConferenceEventMessage[] = messages.filter((x) => !x.monitorAudience).map((x) => x.event);
    expect(nonMonitorMessages.length).toBeGreaterThan(50);
    for (const e of nonMonitorMessages) for (const c of canaries) expect(JSON.stringify(e.payload)).not.toContain(c);

    // 3. Where the monitors see a canary (one person each), every figure about it is suppressed.
    const monitorTexts = [...seen.filter(monitorsOnly).filter((s) => s.path.includes('question=canary') && !s.path.includes('format=')).map((s) => JSON.parse(s.body)), ...updates.map((u) => u.payload)];
    const rows: any[] = [];
    const collect = (node: any): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === 'object') {
        if (typeof node.category === 'string' && canaries.includes(node.category)) rows.push(node);
        else if (node.byConference && canaries.includes(node.category)) rows.push(...node.byConference);
        Object.values(node).forEach(collect);
      }
    };
    monitorTexts.forEach(collect);
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) for (const [name, cell] of Object.entries(row)) if (cell && typeof cell === 'object' && 'flag' in (cell as object)) expect({ name, cell }).toEqual({ name, cell: { value: null, flag: 'suppressed' } });
    const csvAndHtml = seen.filter((s) => monitorsOnly(s) && /format=(csv|html)/.test(s.path) && s.path.includes('canary'));
    for (const s of csvAndHtml) for (const line of s.body.split(/\r?\n|<tr>/).filter((l) => /canary_\d\d/.test(l))) expect(line).not.toMatch(/[,>]1[,<]/);

    // 4. No response that names a person carries an equality answer of the form beside them.
    const identities = attendees.flatMap((a) => [a.member.id, a.registrationId, a.member.name, a.member.membershipNumber]);
    const named = seen.filter((s) => identities.some((id) => s.body.includes(id)));
    expect(named.length).toBeGreaterThan(3);
    for (const s of named) expect({ path: s.path, answer: /non_binary|another_term|prefer_not_to_say|"gender"|age_band|canary_/.test(s.body) }).toEqual({ path: s.path, answer: false });
  });
});
