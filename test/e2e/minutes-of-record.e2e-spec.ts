import { randomUUID } from 'node:crypto';
import { pdfText } from '../support/pdf-text';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';

/**
 * Issue 19 item 7, minutes of record: every vote with its figures per channel and its outcome, times in
 * the conference's zone, people by name, rulings in words; a draft until the next meeting or the NEC
 * approves it, the approval recorded (who, when, how) and printed on the minutes; HTML and PDF, the PDF
 * printing every name as written.
 */
describe('minutes of record', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
    api.database.dataSource.manager.query(text, params);
  const NAME = 'Siân Wójcik-Ŵyn';

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** What a reader sees: the page's text with the markup (and its machine-readable attributes) removed. */
  const visible = (html: string) =>
    html
      .replace(/<style>.*?<\/style>/s, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ');

  interface Setup {
    conferenceId: string;
    chair: SignedInPerson;
    admin: SignedInPerson;
    remote: TestAttendee;
    motionId: string;
    laterMotionId: string;
    chairSays: (body: Record<string, unknown>, status?: number) => Promise<any>;
    minutes: (who?: { auth: Record<string, string> }) => Promise<string>;
    approve: (body: Record<string, unknown>, status: number, who?: { auth: Record<string, string> }) => Promise<any>;
  }

  async function setUp(): Promise<Setup> {
    // The conference ended on 3 October 2025 (Europe/London), so a meeting since may approve its minutes.
    const conference = await ctx.newConference({ startsOn: '2025-10-02', endsOn: '2025-10-03' });
    const conferenceId = conference.id;
    await sql(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', to_jsonb(1)) WHERE id = $1`,
      [conferenceId],
    );
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const admin = await ctx.asHeadOffice();
    const [mover, seconder, dot] = await Promise.all([1, 2, 3].map(() => ctx.newAttendee(conferenceId, { mode: 'hall' })));
    const remote = await ctx.newAttendee(conferenceId, { mode: 'remote' });
    await sql('UPDATE member SET name = $2 WHERE id = $1', [mover.memberId, NAME]);
    await sql(`UPDATE member SET name = 'Dot Cotton' WHERE id = $1`, [dot.memberId]);
    for (const a of [mover, seconder, dot])
      await api
        .http()
        .post(`/api/conferences/${conferenceId}/registrations/${a.registrationId}/check-in`)
        .set(admin.auth)
        .expect(200);
    await ctx.markRemotePresent([remote.registrationId]);
    const insert = async (title: string, label: string) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO motion (conference_id, kind, title, text, status, proposer_member_id, seconder_member_id,
                               word_count, over_word_limit, created_by, submitted_at, agenda_label)
           VALUES ($1, 'motion', $2, 'Conference calls on the NEC to act.', 'placed', $3, $4, 7, false, $5, now(), $6) RETURNING id`,
          [conferenceId, title, mover.memberId, seconder.memberId, chair.id, label],
        )
      )[0].id;
    const motionId = await insert('Safe caseloads', 'Motion 1');
    const laterMotionId = await insert('Taken after the approval', 'Motion 2');
    const version = async () =>
      (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200)).body.version;
    const command = async (who: { auth: Record<string, string> }, body: Record<string, unknown>, status = 200) =>
      (
        await api
          .http()
          .post(`/api/conferences/${conferenceId}/debate/commands`)
          .set(who.auth)
          .send({ itemId: motionId, expectedSeq: await version(), ...body })
          .expect(status)
      ).body;
    const chairSays = (body: Record<string, unknown>, status = 200) => command(chair, body, status);
    const minutes = async (who: { auth: Record<string, string> } = chair) =>
      (await api.http().get(`/api/conferences/${conferenceId}/minutes`).set(who.auth).expect(200)).text;
    const approve = async (body: Record<string, unknown>, status: number, who: { auth: Record<string, string> } = admin) =>
      (await api.http().post(`/api/conferences/${conferenceId}/minutes/approval`).set(who.auth).send(body).expect(status)).body;

    // The debate: moved, seconded, a point of order ruled on, then a hybrid vote.
    await chairSays({ type: 'takeItem', motionId, itemId: undefined });
    for (const type of ['callMover', 'startSpeech', 'endSpeech', 'callSeconder', 'startSpeech', 'endSpeech', 'openFloor'])
      await chairSays({ type });
    await command(dot, { type: 'raisePointOfOrder' });
    await chairSays({ type: 'callSpeaker', memberId: dot.memberId });
    await chairSays({ type: 'startSpeech' });
    await chairSays({ type: 'endSpeech' });
    await chairSays({ type: 'ruleOnPointOfOrder', ruling: 'The mover is in order: the motion is within the rules.' });
    const put = await chairSays({ type: 'putTheQuestion', vote: { method: 'hybrid' } });
    expect(put.voteId).toEqual(expect.any(String));
    const vote = `/api/conferences/${conferenceId}/votes/${put.voteId}`;
    await api
      .http()
      .post(`${vote}/ballots`)
      .set(remote.auth)
      .send({ choice: 'for', idempotencyKey: randomUUID() })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const [teller, second] = await Promise.all([1, 2].map(() => ctx.newOfficial({ roles: [{ conferenceId, role: 'teller' }] })));
    await api.http().post(`${vote}/teller-count`).set(teller.auth).send({ for: 2, against: 1, abstain: 0 }).expect(200);
    await api.http().post(`${vote}/teller-count/confirm`).set(second.auth).send({ for: 2, against: 1, abstain: 0 }).expect(200);
    await api.http().post(`${vote}/close`).set(chair.auth).expect(200);
    return { conferenceId, chair, admin, remote, motionId, laterMotionId, chairSays, minutes, approve };
  }

  const approval = { approvedBy: 'nec', meeting: 'NEC meeting', meetingOn: '2025-11-20', how: 'Moved by the chair, seconded, agreed unanimously' };

  it('prints every vote’s figures per channel, times in the conference zone, names and rulings in words; a draft, in HTML and PDF', async () => {
    const s = await setUp();
    await s.chairSays({ type: 'recordOutcome', outcome: 'carried' });
    const html = await s.minutes();
    const text = visible(html);
    expect(text).toContain('Draft: not yet approved.');
    expect(text).toContain(`Item taken: Motion 1: Safe caseloads; mover ${NAME}`);
    expect(text).toContain('The chair ruled on the point of order from Dot Cotton: “The mover is in order: the motion is within the rules.”');
    // The hybrid vote: hall and remote channels, the total, threshold, turnout and outcome.
    expect(text).toMatch(/The vote on “Motion 1: Safe caseloads” opened by a hybrid vote .*, simple majority; 4 eligible to vote: 3 in the hall, 1 remote\./);
    expect(text).toContain('Result of the vote on “Motion 1: Safe caseloads”: carried.');
    expect(text).toMatch(/Channel For Against Abstain Hall \(cards, tellers’ count\) 2 1 0 Remote \(electronic\) 1 0 0 Total 3 1 0/);
    expect(text).toMatch(/Simple majority: more votes for than against .* Turnout: 4 of 4 eligible voted \(100\.0%\)\. Outcome: carried/);
    expect(text).toContain('Outcome: carried.');
    // Never an id, a code or a UTC instant in what a reader sees; times are Europe/London's (GMT+1 in October 2025 is BST).
    expect(text).not.toMatch(/ruling-\d|\d{4}-\d{2}-\d{2}T\d{2}:|[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect(text).not.toMatch(/\b(right_of_reply|point_of_order|two_thirds|show_of_cards)\b/);
    expect(text).toContain('Times are in Europe/London.');
    const firstAt = /<time datetime="([^"]+)">([^<]+)<\/time>/.exec(html)!;
    const expected = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(firstAt[1]));
    expect(firstAt[2]).toBe(expected);
    // The speech's limit in words and its end as a time of day in the zone.
    expect(text).toMatch(/began speaking \(mover; 5 minutes allowed, until \d{2}:\d{2}:\d{2}\)/);

    const pdf = await api
      .http()
      .get(`/api/conferences/${s.conferenceId}/minutes?format=pdf`)
      .set(s.chair.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const printed = pdfText(pdf.body as Buffer);
    expect(printed).toContain(NAME);
    expect(printed).toContain('Draft: not yet approved.');
    expect(printed).toMatch(/Hall \(cards, tellers’ count\) 2 1 0 Remote \(electronic\) 1 0 0 Total 3 1 0/);
    expect(printed).toContain('“The mover is in order: the motion is within the rules.”');
  });

  it('is approved once, by the next meeting or the NEC, with who, when and how recorded and shown; then the record holds still', async () => {
    const s = await setUp();
    // The item is still open: not yet.
    expect(await s.approve(approval, 422)).toMatchObject({ rule: 'minutes-approval', message: expect.stringMatching(/Safe caseloads/) });
    await s.chairSays({ type: 'recordOutcome', outcome: 'carried' });
    const base = `/api/conferences/${s.conferenceId}/minutes/approval`;
    expect((await api.http().get(base).set(s.chair.auth).expect(200)).body).toMatchObject({ state: 'draft', approval: null });

    // Only head office or the conference's administrators record it; every bad part named.
    await s.approve(approval, 403, s.chair);
    await s.approve(approval, 403, s.remote);
    expect((await s.approve({ ...approval, meetingOn: '2025-10-01' }, 400)).errors).toEqual({
      meetingOn: expect.stringContaining('it ended on 2025-10-03'),
    });
    expect((await s.approve({ ...approval, meetingOn: '2999-01-01' }, 400)).errors.meetingOn).toMatch(/after today/);
    expect((await s.approve({ ...approval, how: ' ', approvedBy: 'the_members' }, 400)).errors).toEqual({
      how: expect.stringContaining('how'),
      approvedBy: expect.stringContaining('nec'),
    });
    expect((await s.approve({ ...approval, meetingOn: '2025-02-30' }, 400)).errors).toHaveProperty('meetingOn');

    const [{ name: adminName }] = await sql<{ name: string }>('SELECT name FROM account WHERE id = $1', [s.admin.id]);
    const approved = await s.approve({ ...approval, corrections: 'Item 1: the seconder’s name was misspelt.' }, 201);
    expect(approved).toMatchObject({
      state: 'approved',
      approval: {
        approvedBy: 'nec',
        approvedByText: 'the National Executive Committee (NEC)',
        meeting: 'NEC meeting',
        meetingOnText: '20 November 2025',
        how: 'Moved by the chair, seconded, agreed unanimously',
        corrections: 'Item 1: the seconder’s name was misspelt.',
        recordedBy: adminName,
      },
    });
    expect(approved.statusText).toMatch(
      /^Approved as a correct record by the National Executive Committee \(NEC\) at NEC meeting on 20 November 2025: Moved by the chair, seconded, agreed unanimously\. Recorded by .+ on .+ \(Europe\/London\)\.$/,
    );
    expect((await api.http().get(base).set(s.remote.auth).expect(200)).body).toEqual(approved);
    // Once only.
    expect((await s.approve(approval, 409)).message).toMatch(/already approved/);
    // Audited in the log, by who recorded it.
    const [logged] = await sql(`SELECT actor_id, audience, payload FROM conference_event WHERE conference_id = $1 AND type = 'minutes.approved'`, [s.conferenceId]);
    expect(logged).toMatchObject({ actor_id: s.admin.id, audience: 'public', payload: { approvedBy: 'nec', meetingOn: '2025-11-20' } });

    // Anything logged after the approval is not part of the approved record.
    await s.chairSays({ type: 'takeItem', motionId: s.laterMotionId, itemId: undefined });
    for (const who of [s.chair, s.remote]) {
      const text = visible(await s.minutes(who));
      expect(text).toContain('Approved as a correct record by the National Executive Committee (NEC) at NEC meeting on 20 November 2025');
      expect(text).toContain('Corrections made on approval: Item 1: the seconder’s name was misspelt.');
      expect(text).toContain('Result of the vote on “Motion 1: Safe caseloads”: carried.');
      expect(text).not.toContain('Taken after the approval');
      expect(text).not.toContain('Draft');
    }
  });
});
