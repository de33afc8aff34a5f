import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';
import { connect, emitWithAck, EventStream, TestSocket } from '../support/socket-client';

/**
 * A small AGM through the API, each role doing its own part: head office sets the conference up, a
 * branch secretary submits a motion, the SOC admits it and publishes the agenda, the chair runs the
 * debate, the hall and a remote member ask to speak, the question goes to a hybrid vote (tellers for
 * the hall, a socket ballot for the remote member), the chair records the result and the motion is in
 * the resolutions booklet. Then the joins between the features: the motion's status follows the debate
 * in the same transaction, the chair cannot record a result against the declared vote, and the vote on
 * admitting an emergency motion decides it.
 */
describe('an AGM from call for motions to resolutions booklet', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  const open = async (token: string) => {
    const socket = await connect(api.url, token);
    sockets.push(socket);
    return socket;
  };
  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
    api.database.dataSource.manager.query(text, params);
  const http = () => api.http();

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await api?.close();
  });

  /** The conference set up through the set-up endpoints, with officials given their roles by head office. */
  async function setUpConference(quorum: number) {
    const headOffice = await ctx.asHeadOffice();
    const conference = await ctx.newConference({
      startsOn: '2027-10-07',
      endsOn: '2027-10-08',
      venue: 'Eastbourne',
      format: 'hybrid',
    });
    const base = `/api/conferences/${conference.id}`;
    await http()
      .put(`${base}/deadlines`)
      .set(headOffice.auth)
      .send({
        motions: { date: '2027-08-12', time: '12:00' },
        amendments: { date: '2027-09-09', time: '12:00' },
        emergency: { date: '2027-10-06', time: '17:30' },
        acceptsConstitutionalAmendments: false,
      })
      .expect(200);
    const current = (await http().get(`${base}/ruleset`).set(headOffice.auth).expect(200)).body;
    const ruleset = { ...current.ruleset, quorum: { ...current.ruleset.quorum, minimumCount: quorum } };
    await http()
      .put(`${base}/ruleset`)
      .set(headOffice.auth)
      .send({ ruleset, reason: 'A small test AGM', expectedVersion: current.version })
      .expect(200);
    const officials: Record<'soc' | 'chair' | 'teller', SignedInPerson> = {} as never;
    for (const role of ['soc', 'chair', 'teller'] as const) {
      officials[role] = await ctx.newOfficial();
      await http()
        .post(`${base}/roles`)
        .set(headOffice.auth)
        .send({ accountId: officials[role].id, role })
        .expect(201);
    }
    return { conference, base, headOffice, ...officials };
  }

  async function hallAttendee(conferenceId: string): Promise<TestAttendee> {
    const attendee = await ctx.newAttendee(conferenceId, { mode: 'hall', category: 'full' });
    await http()
      .post(`/api/conferences/${conferenceId}/registrations/${attendee.registrationId}/check-in`)
      .set((await ctx.asHeadOffice()).auth)
      .expect(200);
    return attendee;
  }

  /** A client that has joined the conference's event stream (a remote one also confirms presence). */
  async function client(conferenceId: string, person: { token: string }, remote = false) {
    const socket = await open(person.token);
    const stream = new EventStream(socket, conferenceId);
    await stream.join(socket);
    if (remote)
      expect(await emitWithAck(socket, 'presence.confirm', { conferenceId })).toEqual({
        ok: true,
        data: { present: true },
      });
    return { socket, stream };
  }

  const debate = (base: string, chair: SignedInPerson) => {
    const snapshot = async () => (await http().get(`${base}/debate`).set(chair.auth).expect(200)).body;
    const command = async (
      who: { auth: Record<string, string> },
      body: Record<string, unknown>,
      status = 200,
    ) => {
      const response = await http().post(`${base}/debate/commands`).set(who.auth).send(body);
      if (response.status !== status)
        throw new Error(
          `${String(body.type)}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`,
        );
      return response.body;
    };
    const chairSays = async (body: Record<string, unknown>, status = 200) =>
      command(chair, { ...body, expectedSeq: (await snapshot()).version }, status);
    return { snapshot, command, chairSays };
  };
  const motionOf = async (base: string, who: SignedInPerson, id: string) =>
    (await http().get(`${base}/motions/${id}`).set(who.auth).expect(200)).body;
  const logCount = async (conferenceId: string) =>
    Number(
      (await sql('SELECT count(*) AS n FROM conference_event WHERE conference_id = $1', [conferenceId]))[0].n,
    );

  it('runs a small AGM through the API as each role would, to "Resolution 1" in the booklet', async () => {
    const { conference, base, headOffice, soc, chair, teller } = await setUpConference(3);
    const committee = await ctx.newBody({ kind: 'committee', name: 'Professional and Training Committee' });
    const branch = await ctx.newBody({ kind: 'branch', name: 'London Branch' });
    const section = (
      await http()
        .post(`${base}/sections`)
        .set(headOffice.auth)
        .send({ name: 'PROFESSIONAL AND TRAINING', owningBodyId: committee.id })
        .expect(201)
    ).body;

    // Attendees: the mover, the seconder and a speaker in the hall, one member remote.
    const mover = await hallAttendee(conference.id);
    const seconder = await hallAttendee(conference.id);
    const hallSpeaker = await hallAttendee(conference.id);
    const remote = await ctx.newAttendee(conference.id, { mode: 'remote', category: 'full' });

    // The branch secretary drafts and submits for the branch; the SOC admits; the agenda is published.
    // The mover and seconder are the branch's members, as a body's motion's are.
    await sql('UPDATE member SET branch_id = $1 WHERE id = ANY($2::uuid[])', [
      branch.id,
      [mover.member.id, seconder.member.id],
    ]);
    const secretary = await ctx.newOfficer(branch.id);
    const title = 'Workload Stress';
    const text = 'This AGM instructs the NEC to campaign for workload measurement in every probation region.';
    const draft = (
      await http()
        .post(`${base}/motions`)
        .set(secretary.auth)
        .send({
          kind: 'motion',
          bodyId: branch.id,
          sectionId: section.id,
          title,
          text,
          proposerMemberId: mover.member.id,
          seconderMemberId: seconder.member.id,
        })
        .expect(201)
    ).body;
    expect(draft.status).toBe('draft');
    await http().post(`${base}/motions/${draft.id}/submit`).set(secretary.auth).expect(200);
    await http()
      .post(`${base}/motions/${draft.id}/review`)
      .set(soc.auth)
      .send({ action: 'admit' })
      .expect(200);
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);
    expect((await motionOf(base, chair, draft.id)).status).toBe('placed');
    const motionId: string = draft.id;

    const hall = await client(conference.id, hallSpeaker);
    const away = await client(conference.id, remote, true);
    const { snapshot, command, chairSays } = debate(base, chair);

    // The chair takes the item: the motion is now in debate, in the same commit as the item taken.
    await chairSays({ type: 'takeItem', motionId });
    expect((await motionOf(base, chair, motionId)).status).toBe('debated');
    for (const step of [
      'callMover',
      'startSpeech',
      'endSpeech',
      'callSeconder',
      'startSpeech',
      'endSpeech',
      'openFloor',
    ]) {
      await chairSays({ type: step, itemId: motionId });
    }
    // The hall asks over REST, the remote member over the socket.
    await command(hallSpeaker, { type: 'requestToSpeak', itemId: motionId, stance: 'for' });
    const asked = await emitWithAck<any>(away.socket, 'debate.command', {
      conferenceId: conference.id,
      command: { type: 'requestToSpeak', itemId: motionId, stance: 'against' },
    });
    expect(asked).toMatchObject({ ok: true });
    for (const speaker of [hallSpeaker, remote]) {
      await chairSays({ type: 'callSpeaker', itemId: motionId, memberId: speaker.member.id });
      await chairSays({ type: 'startSpeech', itemId: motionId });
      await chairSays({ type: 'endSpeech', itemId: motionId });
    }

    // The question put opens a hybrid vote; the chair's console shows it.
    const put = await chairSays({ type: 'putTheQuestion', itemId: motionId, vote: { method: 'hybrid' } });
    expect(put.voteError).toBeUndefined();
    const voteId: string = put.voteId;
    expect((await snapshot()).questionVote).toEqual({
      voteId,
      subject: 'motion',
      state: 'open',
      outcome: null,
      totals: null,
    });
    // Attendees do not get the chair's view of it.
    expect(
      (await http().get(`${base}/debate`).set(remote.auth).expect(200)).body.questionVote,
    ).toBeUndefined();

    // The remote member votes by socket; the teller enters the hall's count (3 in the hall at opening).
    const ballot = await emitWithAck<any>(away.socket, 'vote.cast', {
      conferenceId: conference.id,
      voteId,
      choice: 'for',
      idempotencyKey: randomUUID(),
    });
    expect(ballot).toMatchObject({ ok: true, data: { voteId, channel: 'electronic', status: 'accepted' } });
    await http()
      .post(`${base}/votes/${voteId}/teller-count`)
      .set(teller.auth)
      .send({ for: 2, against: 1, abstain: 0 })
      .expect(200);
    // A second teller confirms the count: only then is it declared.
    const teller2 = await ctx.newOfficial();
    await http()
      .post(`${base}/roles`)
      .set(headOffice.auth)
      .send({ accountId: teller2.id, role: 'teller' })
      .expect(201);
    await http()
      .post(`${base}/votes/${voteId}/teller-count/confirm`)
      .set(teller2.auth)
      .send({ for: 2, against: 1, abstain: 0 })
      .expect(200);
    await http().post(`${base}/votes/${voteId}/close`).set(chair.auth).expect(200);
    for (const { stream } of [hall, away]) {
      const [result] = await stream.waitFor('vote.result');
      expect(result.payload).toMatchObject({
        voteId,
        totals: { for: 3, against: 1, abstain: 0 },
        outcome: 'carried',
      });
    }
    expect((await snapshot()).questionVote).toEqual({
      voteId,
      subject: 'motion',
      state: 'declared',
      outcome: 'carried',
      totals: { for: 3, against: 1, abstain: 0 },
    });

    // The chair decides, but not against the declared vote: nothing is written by the refusal.
    const before = await logCount(conference.id);
    const contradicted = await chairSays({ type: 'recordOutcome', itemId: motionId, outcome: 'lost' }, 422);
    expect(contradicted).toMatchObject({
      rule: 'vote-result',
      message: expect.stringContaining('declared carried'),
    });
    expect(await logCount(conference.id)).toBe(before);
    expect((await motionOf(base, chair, motionId)).status).toBe('debated');

    await chairSays({ type: 'recordOutcome', itemId: motionId, outcome: 'carried' });
    expect((await motionOf(base, secretary, motionId)).status).toBe('carried');
    const audit = (await http().get(`${base}/motions/${motionId}/audit`).set(chair.auth).expect(200)).body;
    expect(audit.map((a: { action: string; role: string }) => [a.action, a.role]).slice(-2)).toEqual([
      ['open_debate', 'chair'],
      ['carry', 'chair'],
    ]);
    // Everyone hears the outcome on the motion as well as in the proceedings.
    const [outcome] = await away.stream.waitFor('motion.outcome', 2);
    expect(outcome.payload).toMatchObject({ motionId, status: 'debated', action: 'open_debate' });
    expect((await away.stream.waitFor('motion.outcome', 2))[1].payload).toMatchObject({
      motionId,
      status: 'carried',
      action: 'carry',
    });

    // The resolutions booklet lists it under its section, renumbered, with the proposing branch.
    const booklet = await http()
      .get(`${base}/documents/resolutions-booklet.html`)
      .set(remote.auth)
      .expect(200);
    const html: string = booklet.text;
    const heading = html.indexOf('<h2>PROFESSIONAL AND TRAINING</h2>');
    const resolution = html.indexOf('aria-label="Resolution 1: Workload Stress"');
    expect(heading).toBeGreaterThan(-1);
    expect(resolution).toBeGreaterThan(heading);
    expect(html).toContain('id="resolution-1"');
    expect(html).toContain('<span class="label">1.</span> Workload Stress');
    expect(html.slice(resolution)).toContain('<p class="note">Proposer: London Branch</p>');
  });

  it('moves each motion and amendment through its lifecycle as the debate decides, in the same transaction', async () => {
    const { conference, base, soc, chair } = await setUpConference(2);
    const branch = await ctx.newBody({ kind: 'branch' });
    const other = await ctx.newBody({ kind: 'branch' });
    const section = (
      await http()
        .post(`${base}/sections`)
        .set((await ctx.asHeadOffice()).auth)
        .send({ name: 'NEGOTIATING' })
        .expect(201)
    ).body;
    const mover = await hallAttendee(conference.id);
    const seconder = await hallAttendee(conference.id);
    const amender = await hallAttendee(conference.id);
    const amendSeconder = await hallAttendee(conference.id);
    const amender2 = await hallAttendee(conference.id);
    const amendSeconder2 = await hallAttendee(conference.id);
    const absent = await ctx.newAttendee(conference.id, { mode: 'hall', category: 'full' });
    // The branch's motions are moved and seconded by its own members.
    await sql('UPDATE member SET branch_id = $1 WHERE id = ANY($2::uuid[])', [
      branch.id,
      [mover.member.id, seconder.member.id, absent.member.id],
    ]);
    const secretary = await ctx.newOfficer(branch.id);
    const otherSecretary = await ctx.newOfficer(other.id);
    const motion = async (title: string, proposer: string) => {
      const { body } = await http()
        .post(`${base}/motions`)
        .set(secretary.auth)
        .send({
          kind: 'motion',
          bodyId: branch.id,
          sectionId: section.id,
          title,
          text: 'This AGM calls for fair pay for all probation staff.',
          proposerMemberId: proposer,
          seconderMemberId: seconder.member.id,
        })
        .expect(201);
      await http().post(`${base}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
      await http()
        .post(`${base}/motions/${body.id}/review`)
        .set(soc.auth)
        .send({ action: 'admit' })
        .expect(200);
      return body.id as string;
    };
    const amended = await motion('Fair pay', mover.member.id);
    const moverAbsent = await motion('Mover away', absent.member.id);
    const late = await motion('Not reached', mover.member.id);
    // Amendments from another body, for the SOC to rule on.
    const amend = async (instructions: unknown[]) =>
      (
        await http()
          .post(`${base}/motions/${amended}/amendments`)
          .set(otherSecretary.auth)
          .send({ bodyId: other.id, instructions })
          .expect(201)
      ).body;
    const amendment = await amend([{ op: 'replace', from: 'all probation staff', to: 'probation officers' }]);
    const second = await amend([{ op: 'insert', after: 'fair pay', text: ' and safe workloads' }]);
    const { snapshot, chairSays } = debate(base, chair);

    // An admitted motion not yet on the order of business is not debated.
    const notPlaced = await chairSays({ type: 'takeItem', motionId: amended }, 422);
    expect(notPlaced).toMatchObject({
      rule: 'order-of-business',
      message: expect.stringContaining('placed on the order of business'),
    });
    await http().post(`${base}/agenda/publish`).set(soc.auth).expect(200);

    // An amendment not yet ruled on is not moved; once ruled admissible it is, and it goes into debate.
    await chairSays({ type: 'takeItem', motionId: amended, moverMemberId: mover.member.id });
    for (const step of ['callMover', 'startSpeech', 'endSpeech', 'formallySeconded', 'openFloor'])
      await chairSays({ type: step, itemId: amended });
    const unruled = await chairSays(
      {
        type: 'moveToAmendment',
        itemId: amended,
        amendmentId: amendment.id,
        moverMemberId: amender.member.id,
        seconderMemberId: amendSeconder.member.id,
      },
      422,
    );
    expect(unruled).toMatchObject({
      rule: 'amendments',
      message: expect.stringContaining('ruled admissible'),
    });
    await http()
      .post(`${base}/amendments/${amendment.id}/ruling`)
      .set(soc.auth)
      .send({ admissible: true })
      .expect(200);
    await chairSays({
      type: 'moveToAmendment',
      itemId: amended,
      amendmentId: amendment.id,
      moverMemberId: amender.member.id,
      seconderMemberId: amendSeconder.member.id,
    });
    expect((await motionOf(base, chair, amendment.id)).status).toBe('debated');
    for (const step of ['callMover', 'startSpeech', 'endSpeech'])
      await chairSays({ type: step, itemId: amended });
    await chairSays({ type: 'formallySeconded', itemId: amended });

    // The amendment's vote, opened by the chair through the voting API, is declared lost: "carried" is refused.
    const put = await chairSays({ type: 'putTheQuestion', itemId: amended, vote: { method: 'electronic' } });
    const vote = put.voteId as string;
    await http()
      .post(`${base}/votes/${vote}/ballots`)
      .set(mover.auth)
      .send({ choice: 'against', idempotencyKey: randomUUID() })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await http().post(`${base}/votes/${vote}/close`).set(chair.auth).expect(200);
    expect((await snapshot()).questionVote).toMatchObject({
      voteId: vote,
      subject: 'amendment',
      state: 'declared',
      outcome: 'lost',
    });
    const wrong = await chairSays({ type: 'amendmentOutcome', itemId: amended, outcome: 'carried' }, 422);
    expect(wrong.rule).toBe('vote-result');
    expect((await motionOf(base, chair, amendment.id)).status).toBe('debated');
    await chairSays({ type: 'amendmentOutcome', itemId: amended, outcome: 'lost' });
    expect((await motionOf(base, chair, amendment.id)).status).toBe('lost');
    expect((await motionOf(base, chair, amended)).amendedText).toBeNull();

    // The second amendment's vote carries it: the amendment is carried and the motion reads as amended.
    await http()
      .post(`${base}/amendments/${second.id}/ruling`)
      .set(soc.auth)
      .send({ admissible: true })
      .expect(200);
    await chairSays({
      type: 'moveToAmendment',
      itemId: amended,
      amendmentId: second.id,
      moverMemberId: amender2.member.id,
      seconderMemberId: amendSeconder2.member.id,
    });
    for (const step of ['callMover', 'startSpeech', 'endSpeech', 'formallySeconded'])
      await chairSays({ type: step, itemId: amended });
    const carriedVote = (
      await chairSays({ type: 'putTheQuestion', itemId: amended, vote: { method: 'electronic' } })
    ).voteId as string;
    expect((await snapshot()).questionVote).toMatchObject({
      voteId: carriedVote,
      subject: 'amendment',
      state: 'open',
      outcome: null,
    });
    await http()
      .post(`${base}/votes/${carriedVote}/ballots`)
      .set(mover.auth)
      .send({ choice: 'for', idempotencyKey: randomUUID() })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await http().post(`${base}/votes/${carriedVote}/close`).set(chair.auth).expect(200);
    expect((await snapshot()).questionVote).toMatchObject({ voteId: carriedVote, outcome: 'carried' });
    expect((await chairSays({ type: 'amendmentOutcome', itemId: amended, outcome: 'lost' }, 422)).rule).toBe(
      'vote-result',
    );
    await chairSays({ type: 'amendmentOutcome', itemId: amended, outcome: 'carried' });
    expect((await motionOf(base, chair, second.id)).status).toBe('carried');
    expect((await motionOf(base, chair, amended)).amendedText).toMatch(
      /^This AGM calls for fair pay ?and safe workloads ?for all probation staff\.$/,
    );

    // The motion as amended, put without a vote handed over: no figures, so the chair declares it on a
    // show of hands, and must say so.
    await chairSays({ type: 'putTheQuestion', itemId: amended });
    expect((await snapshot()).questionVote).toBeNull();
    expect(
      (await chairSays({ type: 'recordOutcome', itemId: amended, outcome: 'carried_as_amended' }, 422)).rule,
    ).toBe('vote-result');
    await chairSays({
      type: 'recordOutcome',
      itemId: amended,
      outcome: 'carried_as_amended',
      showOfHands: true,
    });
    expect((await motionOf(base, chair, amended)).status).toBe('carried_as_amended');

    // A motion whose mover is absent falls, with the reason; the guillotine leaves the last one not reached.
    await chairSays({ type: 'takeItem', motionId: moverAbsent });
    await chairSays({ type: 'markMoverAbsent', itemId: moverAbsent });
    expect(await motionOf(base, chair, moverAbsent)).toMatchObject({
      status: 'fell',
      statusReason: 'not moved: the mover was absent',
    });
    await chairSays({ type: 'guillotine', itemIds: [late] });
    expect((await motionOf(base, chair, late)).status).toBe('not_reached');

    // A step the motion lifecycle refuses undoes the debate command too: the engine would record a motion
    // admitted after the agenda was published as not reached, but it was never placed on the order of business.
    const unplaced = await motion('Admitted after publication', mover.member.id);
    const before = await logCount(conference.id);
    const refusedStep = await chairSays({ type: 'guillotine', itemIds: [unplaced] }, 422);
    expect(refusedStep.rule).toBe('motion-lifecycle');
    expect(await logCount(conference.id)).toBe(before);
    expect((await motionOf(base, chair, unplaced)).status).toBe('admitted');
    expect((await snapshot()).floor.notReachedItemIds).toEqual([late]);
    const audit = (await http().get(`${base}/motions/${amended}/audit`).set(chair.auth).expect(200)).body;
    expect(audit.map((a: { action: string }) => a.action).slice(-3)).toEqual([
      'open_debate',
      'amended',
      'carry_as_amended',
    ]);

    // At the close of the AGM the motion carried as amended becomes a resolution of the conference's year,
    // numbered after the year's last and reading as amended; the chair may not do this, and it is done once.
    const headOffice = await ctx.asHeadOffice();
    await http().post(`${base}/resolutions`).set(chair.auth).expect(403);
    const year = Number(
      (await sql('SELECT starts_on::text AS d FROM conference WHERE id = $1', [conference.id]))[0].d.slice(
        0,
        4,
      ),
    );
    const [{ last }] = await sql(
      'SELECT COALESCE(max(number), 0)::int AS last FROM resolution WHERE year = $1',
      [year],
    );
    const registered = (await http().post(`${base}/resolutions`).set(headOffice.auth).expect(201)).body;
    expect(registered.resolutions).toHaveLength(1);
    expect(registered.resolutions[0]).toMatchObject({
      year,
      number: last + 1,
      name: `Resolution ${last + 1} (${year})`,
      title: 'Fair pay',
      outcome: 'Carried as amended',
      sectionHeading: 'NEGOTIATING',
      movedBy: [expect.stringContaining('Body ')],
      status: 'not_started',
    });
    expect(registered.resolutions[0].text).toMatch(
      /^This AGM calls for fair pay ?and safe workloads ?for all probation staff\.$/,
    );
    const again = await http().post(`${base}/resolutions`).set(headOffice.auth).expect(409);
    expect(again.body.message).toContain(`Resolutions ${last + 1}–${last + 1} of ${year}`);
  });

  it('admits or refuses an emergency motion with the result of the meeting’s vote, in the same commit', async () => {
    const { conference, base, soc, chair } = await setUpConference(1);
    const branch = await ctx.newBody({ kind: 'branch' });
    const secretary = await ctx.newOfficer(branch.id);
    const voter = await hallAttendee(conference.id);
    // The motions deadline has passed; emergency motions are still taken (SO 7).
    await sql('UPDATE conference SET motions_deadline = $2, amendments_deadline = $2 WHERE id = $1', [
      conference.id,
      new Date(Date.now() - 3600_000),
    ]);
    const emergency = async (title: string) => {
      const { body } = await http()
        .post(`${base}/motions`)
        .set(secretary.auth)
        .send({
          kind: 'emergency_motion',
          bodyId: branch.id,
          title,
          text: 'This AGM condemns the closure announced yesterday.',
          emergency: {
            aroseAfterDeadline: 'Announced yesterday.',
            cannotBeDealtWithOtherwise: 'The NEC meets after the closure.',
            graveEnoughToRearrangeBusiness: 'Hundreds of jobs.',
          },
        })
        .expect(201);
      await http().post(`${base}/motions/${body.id}/submit`).set(secretary.auth).expect(200);
      return body.id as string;
    };
    const admitted = await emergency('Office closure');
    const refused = await emergency('Another closure');
    const pending = await emergency('Not yet accepted');
    for (const id of [admitted, refused])
      await http()
        .post(`${base}/motions/${id}/emergency-decision`)
        .set(soc.auth)
        .send({ accept: true })
        .expect(200);

    const openAdmission = (motionId: string, status = 201) =>
      http()
        .post(`${base}/votes`)
        .set(chair.auth)
        .send({
          subject: 'emergency_admission',
          subjectRef: motionId,
          title: 'To admit the emergency motion',
          topics: [],
          method: 'electronic',
          secret: false,
        })
        .expect(status);
    // The meeting votes only on an emergency motion the SOC accepted.
    expect((await openAdmission(pending, 422)).body.rule).toBe('SO 7');

    const decide = async (motionId: string, choice: 'for' | 'against') => {
      const vote = (await openAdmission(motionId)).body;
      await http()
        .post(`${base}/votes/${vote.id}/ballots`)
        .set(voter.auth)
        .send({ choice, idempotencyKey: randomUUID() })
        .expect((r) => expect(r.status).toBeLessThan(300));
      await http().post(`${base}/votes/${vote.id}/close`).set(chair.auth).expect(200);
      return vote.id as string;
    };
    const carriedVote = await decide(admitted, 'for');
    expect(await motionOf(base, chair, admitted)).toMatchObject({
      status: 'admitted',
      emergency: { stage: 'admitted_by_meeting' },
    });
    await decide(refused, 'against');
    expect(await motionOf(base, chair, refused)).toMatchObject({
      status: 'ruled_out_of_order',
      emergency: { stage: 'refused_by_meeting' },
    });

    // The result and the admission are one commit: adjacent in the log, at the same instant.
    const rows = await sql<{ seq: string; type: string; at: Date }>(
      `SELECT seq, type, at FROM conference_event WHERE conference_id = $1 AND (payload->>'voteId' = $2 OR (type = 'motion.emergency_admitted' AND payload->>'motionId' = $3)) ORDER BY seq`,
      [conference.id, carriedVote, admitted],
    );
    const result = rows.find((r) => r.type === 'vote.result')!;
    const admission = rows.find((r) => r.type === 'motion.emergency_admitted')!;
    expect(Number(admission.seq)).toBe(Number(result.seq) + 1);
    expect(new Date(admission.at).getTime()).toBe(new Date(result.at).getTime());
    // A second admission vote on a decided motion is refused.
    expect((await openAdmission(admitted, 422)).body.rule).toBe('SO 7');
  });
});
