import { createHash, randomUUID } from 'node:crypto';
import { receiptHash, tallyVote } from '@agm/domain';
import type { BallotAckDto, BallotsCastMessage, VoteResponseDto } from '@agm/contracts';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';
import { connect, emitWithAck, EventStream, TestSocket, waitForEvent } from '../support/socket-client';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const key = (): string => randomUUID();

describe('live hybrid voting', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  const open = async (token: string) => {
    const socket = await connect(api.url, token);
    sockets.push(socket);
    return socket;
  };
  const sql = (text: string, params: unknown[] = []) => api.database.dataSource.query(text, params);

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

  /** A conference whose quorum is `quorum` present members (Napo's default of 150 is too many for a test). */
  async function conferenceWith(quorum: number | null, changes: { ballotsChangeable?: boolean } = {}) {
    const conference = await ctx.newConference();
    await sql(
      `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', $2::jsonb) WHERE id = $1`,
      [conference.id, JSON.stringify(quorum)],
    );
    if (changes.ballotsChangeable !== undefined) {
      await sql(
        `UPDATE conference SET ruleset = jsonb_set(ruleset, '{ballotsChangeable}', $2::jsonb) WHERE id = $1`,
        [conference.id, JSON.stringify(changes.ballotsChangeable)],
      );
    }
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const teller = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] });
    const teller2 = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] });
    return { conference, chair, teller, teller2 };
  }

  async function hallAttendee(conferenceId: string, category = 'full') {
    const attendee = await ctx.newAttendee(conferenceId, { mode: 'hall', category });
    const admin = await ctx.asHeadOffice();
    await api
      .http()
      .post(`/api/conferences/${conferenceId}/registrations/${attendee.registrationId}/check-in`)
      .set(admin.auth)
      .expect(200);
    return attendee;
  }

  /** A remote attendee connected and confirmed (present), joined to the conference's events. */
  async function remoteAttendee(conferenceId: string, category = 'full') {
    const attendee = await ctx.newAttendee(conferenceId, { mode: 'remote', category });
    const socket = await open(attendee.token);
    const stream = new EventStream(socket, conferenceId);
    await stream.join(socket);
    const confirmed = await emitWithAck<{ present: boolean }>(socket, 'presence.confirm', { conferenceId });
    expect(confirmed).toEqual({ ok: true, data: { present: true } });
    return { attendee, socket, stream };
  }

  const openVote = (conferenceId: string, who: SignedInPerson, body: Record<string, unknown> = {}) =>
    api
      .http()
      .post(`/api/conferences/${conferenceId}/votes`)
      .set(who.auth)
      .send({
        subject: 'motion',
        title: 'Motion 1: Workloads',
        topics: ['general'],
        method: 'hybrid',
        secret: true,
        ...body,
      });

  const castHttp = (
    conferenceId: string,
    voteId: string,
    who: TestAttendee,
    choice: unknown,
    idempotencyKey = key(),
  ) =>
    api
      .http()
      .post(`/api/conferences/${conferenceId}/votes/${voteId}/ballots`)
      .set(who.auth)
      .send({ choice, idempotencyKey });

  const castSocket = (
    socket: TestSocket,
    conferenceId: string,
    voteId: string,
    choice: string,
    idempotencyKey = key(),
  ) => emitWithAck<BallotAckDto>(socket, 'vote.cast', { conferenceId, voteId, choice, idempotencyKey });

  const ballotsStored = async (voteId: string) => {
    const [row] = await sql(
      `SELECT (SELECT count(*)::int FROM ballot WHERE vote_id = $1) + (SELECT count(*)::int FROM sealed_ballot WHERE vote_id = $1) AS ballots, (SELECT count(*)::int FROM vote_participation WHERE vote_id = $1) AS participations`,
      [voteId],
    );
    return row as { ballots: number; participations: number };
  };

  it('runs a hybrid vote from the hall (tellers), remote attendees (sockets) and the chair through to the result every client receives', async () => {
    const { conference, chair, teller, teller2 } = await conferenceWith(3);
    const hall = [
      await hallAttendee(conference.id),
      await hallAttendee(conference.id),
      await hallAttendee(conference.id),
    ];
    const remote = [
      await remoteAttendee(conference.id),
      await remoteAttendee(conference.id),
      await remoteAttendee(conference.id),
    ];
    const chairSocket = await open(chair.token);
    const chairStream = new EventStream(chairSocket, conference.id);
    await chairStream.join(chairSocket);
    const hallSocket = await open(hall[0].token);
    const hallStream = new EventStream(hallSocket, conference.id);
    await hallStream.join(hallSocket);
    const tellerSocket = await open(teller.token);
    const tellerStream = new EventStream(tellerSocket, conference.id);
    await tellerStream.join(tellerSocket);
    const everyone = [chairStream, hallStream, tellerStream, ...remote.map((r) => r.stream)];

    const opened = await openVote(conference.id, chair).expect(201);
    const vote: VoteResponseDto = opened.body;
    expect(vote).toMatchObject({
      state: 'open',
      method: 'hybrid',
      majority: 'simple',
      eligibleCount: 6,
      hallHeadcount: 3,
      electronicCount: 3,
      ballotsCast: 0,
    });
    for (const stream of everyone) {
      const [event] = await stream.waitFor('vote.opened');
      expect(event.payload).toMatchObject({
        voteId: vote.id,
        eligibleCount: 6,
        closesAt: null,
        method: 'hybrid',
      });
    }

    // Each attendee sees their own channel.
    const mine = await api
      .http()
      .get(`/api/conferences/${conference.id}/votes/${vote.id}`)
      .set(hall[1].auth)
      .expect(200);
    expect(mine.body.me).toEqual({ eligible: true, channel: 'hall', weight: 1, voted: false });

    const counter = waitForEvent<BallotsCastMessage>(remote[0].socket, 'vote.ballots', {
      where: (m) => m.ballotsCast === 3,
      timeout: 5000,
    });
    const choices = ['for', 'for', 'against'];
    const acks = await Promise.all(
      remote.map((r, i) =>
        castSocket(r.socket, conference.id, vote.id, choices[i], `remote-key-${i}-${randomUUID()}`),
      ),
    );
    for (const [i, answer] of acks.entries()) {
      expect(answer).toMatchObject({
        ok: true,
        data: { voteId: vote.id, choice: choices[i], channel: 'electronic', weight: 1, status: 'accepted' },
      });
    }
    expect(await counter).toMatchObject({
      conferenceId: conference.id,
      voteId: vote.id,
      ballotsCast: 3,
      eligible: 6,
    });

    // A resent ballot (same key) is answered again with the same receipt and not counted twice.
    const firstKey = `resend-${randomUUID()}`;
    const extra = await remoteAttendee(conference.id);
    const late = await castSocket(extra.socket, conference.id, vote.id, 'for', firstKey);
    expect(late).toMatchObject({ ok: false, error: { statusCode: 403 } }); // not on the register at opening
    const again = await castSocket(remote[0].socket, conference.id, vote.id, 'for', undefined);
    expect(again).toMatchObject({ ok: false, error: { statusCode: 409 } });
    expect(await ballotsStored(vote.id)).toEqual({ ballots: 3, participations: 3 });

    // The tellers count the hall; a second teller confirms.
    await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count`)
      .set(teller.auth)
      .send({ for: 2, against: 1, abstain: 0 })
      .expect(200);
    await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count/confirm`)
      .set(teller2.auth)
      .send({ for: 2, against: 1, abstain: 0 })
      .expect(200);
    await tellerStream.waitFor('vote.teller_count_confirmed');
    expect(hallStream.applied.some((e) => e.type.startsWith('vote.teller_count'))).toBe(false);

    const closed = await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${vote.id}/close`)
      .set(chair.auth)
      .expect(200);
    expect(closed.body).toMatchObject({ state: 'declared', ballotsCast: 3 });
    for (const stream of everyone) {
      await stream.waitFor('vote.closed');
      const [result] = await stream.waitFor('vote.result');
      expect(result.payload).toMatchObject({
        voteId: vote.id,
        channels: {
          electronic: { for: 2, against: 1, abstain: 0 },
          hall: { for: 2, against: 1, abstain: 0 },
          card: { for: 0, against: 0, abstain: 0 },
        },
        totals: { for: 4, against: 2, abstain: 0 },
        turnout: { voted: 6, eligible: 6, percent: 100 },
        threshold: { majority: 'simple', forNeeded: 3 },
        outcome: 'carried',
        hallCountConfirmed: true,
      });
    }

    // Each voter finds their receipt in the published list, with their choice.
    const receipts = await api
      .http()
      .get(`/api/conferences/${conference.id}/votes/${vote.id}/receipts`)
      .set(hall[0].auth)
      .expect(200);
    expect(receipts.body).toHaveLength(3);
    for (const [i, answer] of acks.entries()) {
      if (!answer.ok) throw new Error('expected an ack');
      const hash = receiptHash(
        { voteId: vote.id, receiptCode: answer.data.receiptCode, choice: choices[i] as 'for', weight: 1 },
        sha256,
      );
      expect(receipts.body).toContainEqual({
        receiptHash: hash,
        choice: choices[i],
        weight: 1,
        channel: 'electronic',
      });
    }

    // An independent recount from the scrutineer export gives the declared result.
    const exported = await api
      .http()
      .get(`/api/conferences/${conference.id}/votes/${vote.id}/export`)
      .set(chair.auth)
      .expect(200);
    const { register, ballots, hallCount, result } = exported.body;
    expect(register.filter((e: { eligible: boolean }) => e.eligible)).toHaveLength(6);
    expect(register.filter((e: { voted: boolean }) => e.voted)).toHaveLength(3);
    const recount = tallyVote({
      electronicBallots: ballots.filter((b: { channel: string }) => b.channel === 'electronic'),
      hallCount: { for: hallCount.for, against: hallCount.against, abstain: hallCount.abstain },
      majority: exported.body.vote.majority,
      tieRule: exported.body.vote.tieRule,
      eligibleCount: exported.body.vote.eligibleCount,
    });
    expect(recount).toEqual(result);
    await api
      .http()
      .get(`/api/conferences/${conference.id}/votes/${vote.id}/export`)
      .set(hall[0].auth)
      .expect(403);
  });

  it('answers a resent ballot with the same acknowledgement and counts it once', async () => {
    const { conference, chair } = await conferenceWith(1);
    const voter = await remoteAttendee(conference.id);
    const vote = (await openVote(conference.id, chair, { method: 'electronic' }).expect(201)).body;
    const sameKey = `same-key-${randomUUID()}`;
    const first = await castSocket(voter.socket, conference.id, vote.id, 'against', sameKey);
    const viaHttp = await castHttp(conference.id, vote.id, voter.attendee, 'against', sameKey).expect(200);
    const second = await castSocket(voter.socket, conference.id, vote.id, 'against', sameKey);
    if (!first.ok || !second.ok) throw new Error('expected acks');
    expect(first.data.status).toBe('accepted');
    expect(second.data).toEqual({ ...first.data, status: 'duplicate' });
    expect(viaHttp.body).toEqual({ ...first.data, status: 'duplicate' });
    expect(await ballotsStored(vote.id)).toEqual({ ballots: 1, participations: 1 });
    // The same key with another choice is a second ballot: refused, ballots not changeable.
    await castHttp(conference.id, vote.id, voter.attendee, 'for', sameKey).expect(409);
    expect(await ballotsStored(vote.id)).toEqual({ ballots: 1, participations: 1 });
    await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${vote.id}/close`)
      .set(chair.auth)
      .expect(200);
    const third = await castSocket(voter.socket, conference.id, vote.id, 'against', sameKey);
    expect(third).toEqual({ ok: true, data: { ...first.data, status: 'duplicate' } });
  });

  it('lets a voter change their ballot before the close when the ruleset allows it, with the same key; the last one counts', async () => {
    const { conference, chair } = await conferenceWith(1, { ballotsChangeable: true });
    const voter = await remoteAttendee(conference.id);
    const other = await remoteAttendee(conference.id);
    const vote = (await openVote(conference.id, chair, { method: 'electronic' }).expect(201)).body;
    const myKey = `mine-${randomUUID()}`;
    await castHttp(conference.id, vote.id, voter.attendee, 'for', myKey).expect(200);
    await castHttp(conference.id, vote.id, other.attendee, 'for').expect(200);
    // Another key cannot change it: only the device that voted (or the holder of its key) can.
    await castHttp(conference.id, vote.id, voter.attendee, 'against').expect(409);
    const changed = await castHttp(conference.id, vote.id, voter.attendee, 'against', myKey).expect(200);
    expect(changed.body).toMatchObject({ status: 'replaced', choice: 'against' });
    expect(await ballotsStored(vote.id)).toEqual({ ballots: 2, participations: 2 });
    const closed = await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${vote.id}/close`)
      .set(chair.auth)
      .expect(200);
    expect(closed.body.result).toMatchObject({
      totals: { for: 1, against: 1, abstain: 0 },
      outcome: 'tied_falls',
    });
  });

  describe('refusals, each with a reason and the count unchanged', () => {
    it('refuses a retired member on a pay and conditions motion, naming who may vote', async () => {
      const { conference, chair } = await conferenceWith(1);
      const full = await remoteAttendee(conference.id);
      const retired = await remoteAttendee(conference.id, 'retired');
      const vote = (
        await openVote(conference.id, chair, { method: 'electronic', topics: ['pay_and_conditions'] }).expect(
          201,
        )
      ).body;
      expect(vote.eligibleCount).toBe(1);
      const refused = await castSocket(retired.socket, conference.id, vote.id, 'for');
      expect(refused).toMatchObject({
        ok: false,
        error: {
          statusCode: 403,
          message: expect.stringContaining('Only full members vote on pay and conditions'),
        },
      });
      const me = await api
        .http()
        .get(`/api/conferences/${conference.id}/votes/${vote.id}`)
        .set(retired.attendee.auth)
        .expect(200);
      expect(me.body.me).toMatchObject({
        eligible: false,
        reason: 'topic_excluded_for_category',
        voted: false,
      });
      expect(await ballotsStored(vote.id)).toEqual({ ballots: 0, participations: 0 });
      expect((await castSocket(full.socket, conference.id, vote.id, 'for')).ok).toBe(true);
    });

    it('refuses a hall attendee voting electronically in a hybrid vote: the tellers count them', async () => {
      const { conference, chair } = await conferenceWith(1);
      const inHall = await hallAttendee(conference.id);
      const vote = (await openVote(conference.id, chair).expect(201)).body;
      const refused = await castHttp(conference.id, vote.id, inHall, 'for').expect(422);
      expect(refused.body).toMatchObject({
        rule: 'one-channel-per-voter',
        message: expect.stringContaining('counted by the tellers'),
      });
      expect(await ballotsStored(vote.id)).toEqual({ ballots: 0, participations: 0 });
    });

    it('refuses an attendee not present at the opening, and one from another conference', async () => {
      const { conference, chair } = await conferenceWith(1);
      await remoteAttendee(conference.id);
      const absent = await ctx.newAttendee(conference.id, { mode: 'remote' });
      const elsewhere = await ctx.newAttendee((await ctx.newConference()).id, { mode: 'remote' });
      const vote = (await openVote(conference.id, chair, { method: 'electronic' }).expect(201)).body;
      const notPresent = await castHttp(conference.id, vote.id, absent, 'for').expect(403);
      expect(notPresent.body.message).toContain('not recorded as present');
      await castHttp(conference.id, vote.id, elsewhere, 'for').expect(404);
      expect(await ballotsStored(vote.id)).toEqual({ ballots: 0, participations: 0 });
    });

    it('refuses a second ballot, a malformed choice and a ballot after the close', async () => {
      const { conference, chair } = await conferenceWith(1);
      const voter = await remoteAttendee(conference.id);
      const other = await remoteAttendee(conference.id);
      const vote = (await openVote(conference.id, chair, { method: 'electronic' }).expect(201)).body;
      await castHttp(conference.id, vote.id, voter.attendee, 'for').expect(200);
      const second = await castHttp(conference.id, vote.id, voter.attendee, 'against').expect(409);
      expect(second.body.message).toContain('already voted');
      const malformed = await castSocket(other.socket, conference.id, vote.id, 'maybe');
      expect(malformed).toMatchObject({
        ok: false,
        error: { statusCode: 400, errors: { choice: expect.any(String) } },
      });
      await castHttp(conference.id, vote.id, other.attendee, { for: true }).expect(400);
      await castHttp(conference.id, vote.id, other.attendee, 'for', 'short').expect(400);
      expect(await ballotsStored(vote.id)).toEqual({ ballots: 1, participations: 1 });

      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/close`)
        .set(chair.auth)
        .expect(200);
      const late = await castSocket(other.socket, conference.id, vote.id, 'for');
      expect(late).toMatchObject({
        ok: false,
        error: { statusCode: 422, rule: 'vote_closed', message: expect.stringContaining('closed') },
      });
      expect(await ballotsStored(vote.id)).toEqual({ ballots: 1, participations: 1 });
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/close`)
        .set(chair.auth)
        .expect(409);
    });

    it('refuses a teller count of more cards than eligible members in the hall, and counts from anyone but a teller', async () => {
      const { conference, chair, teller, teller2 } = await conferenceWith(1);
      const hall = [await hallAttendee(conference.id), await hallAttendee(conference.id)];
      const vote = (await openVote(conference.id, chair).expect(201)).body;
      const tooMany = await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count`)
        .set(teller.auth)
        .send({ for: 2, against: 1, abstain: 0 })
        .expect(400);
      expect(tooMany.body.message).toContain('only 2 eligible members were in the hall');
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count`)
        .set(chair.auth)
        .send({ for: 1, against: 0, abstain: 0 })
        .expect(403);
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count`)
        .set(hall[0].auth)
        .send({ for: 1, against: 0, abstain: 0 })
        .expect(403);
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count`)
        .set(teller.auth)
        .send({ for: -1, against: 0.5, abstain: 0 })
        .expect(400);
      expect(await sql('SELECT * FROM vote_teller_count WHERE vote_id = $1', [vote.id])).toEqual([]);
      // Closing without the hall count leaves the result waiting for the tellers.
      const closed = await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/close`)
        .set(chair.auth)
        .expect(200);
      expect(closed.body).toMatchObject({ state: 'closed', result: null });
      const counted = await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count`)
        .set(teller.auth)
        .send({ for: 1, against: 1, abstain: 0 })
        .expect(200);
      // Issue 19: one teller's count alone is not declared; it waits for a second teller (or the chair).
      expect(counted.body).toMatchObject({ state: 'closed', result: null });
      const confirmed = await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count/confirm`)
        .set(teller2.auth)
        .send({ for: 1, against: 1, abstain: 0 })
        .expect(200);
      expect(confirmed.body).toMatchObject({
        state: 'declared',
        result: { totals: { for: 1, against: 1, abstain: 0 }, outcome: 'tied_falls' },
      });
      expect(confirmed.body.result.unconfirmedHallCountReason).toBeUndefined();
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count`)
        .set(teller.auth)
        .send({ for: 2, against: 0, abstain: 0 })
        .expect(409);
    });

    it('declares an unconfirmed hall count only when the chair overrides with a reason, shown with the result', async () => {
      const { conference, chair, teller } = await conferenceWith(1);
      await hallAttendee(conference.id);
      await hallAttendee(conference.id);
      const vote = (await openVote(conference.id, chair).expect(201)).body;
      const base = `/api/conferences/${conference.id}/votes/${vote.id}`;
      // Nothing to override before a count is entered.
      expect(
        (
          await api
            .http()
            .post(`${base}/teller-count/accept-unconfirmed`)
            .set(chair.auth)
            .send({ reason: 'One teller only' })
            .expect(409)
        ).body.message,
      ).toMatch(/No hall count has been entered/);
      await api
        .http()
        .post(`${base}/teller-count`)
        .set(teller.auth)
        .send({ for: 2, against: 0, abstain: 0 })
        .expect(200);
      expect((await api.http().post(`${base}/close`).set(chair.auth).expect(200)).body).toMatchObject({
        state: 'closed',
        result: null,
      });
      // Only the chair, and only with a reason in words.
      await api
        .http()
        .post(`${base}/teller-count/accept-unconfirmed`)
        .set(teller.auth)
        .send({ reason: 'I am sure' })
        .expect(403);
      expect(
        (
          await api
            .http()
            .post(`${base}/teller-count/accept-unconfirmed`)
            .set(chair.auth)
            .send({ reason: '  ' })
            .expect(400)
        ).body.errors,
      ).toHaveProperty('reason');
      const accepted = await api
        .http()
        .post(`${base}/teller-count/accept-unconfirmed`)
        .set(chair.auth)
        .send({ reason: 'The second teller was taken ill' })
        .expect(200);
      expect(accepted.body).toMatchObject({
        state: 'declared',
        result: { outcome: 'carried', unconfirmedHallCountReason: 'The second teller was taken ill' },
      });
      const [logged] = await sql(
        `SELECT payload FROM conference_event WHERE conference_id = $1 AND type = 'vote.result'`,
        [conference.id],
      );
      expect(logged.payload).toMatchObject({
        hallCountConfirmed: false,
        unconfirmedHallCountReason: 'The second teller was taken ill',
      });
      await api
        .http()
        .post(`${base}/teller-count/accept-unconfirmed`)
        .set(chair.auth)
        .send({ reason: 'again' })
        .expect(409);
      const minutes = (
        await api.http().get(`/api/conferences/${conference.id}/minutes`).set(chair.auth).expect(200)
      ).text;
      expect(minutes).toContain(
        'was declared on a hall count no second teller confirmed; the chair accepted it: The second teller was taken ill.',
      );
    });

    it('refuses to open a vote without quorum, except a test vote', async () => {
      const { conference, chair } = await conferenceWith(150);
      await remoteAttendee(conference.id);
      const refused = await openVote(conference.id, chair, { method: 'electronic' }).expect(422);
      expect(refused.body).toMatchObject({
        rule: 'quorum',
        message: expect.stringContaining('not quorate (1 member who counts present, of 150 needed)'),
      });
      expect(
        await sql('SELECT count(*)::int AS n FROM vote WHERE conference_id = $1', [conference.id]),
      ).toEqual([{ n: 0 }]);
      const test = await openVote(conference.id, chair, {
        method: 'electronic',
        subject: 'test',
        title: 'Test vote',
      }).expect(201);
      expect(test.body).toMatchObject({ subject: 'test', state: 'open' });
    });

    it('refuses anyone but the chair opening, closing or voiding a vote', async () => {
      const { conference, chair, teller } = await conferenceWith(1);
      const voter = await remoteAttendee(conference.id);
      await openVote(conference.id, teller).expect(403);
      await openVote(conference.id, voter.attendee).expect(403);
      await openVote(conference.id, await ctx.asHeadOffice()).expect(403);
      const outsider = await ctx.newOfficial({
        roles: [{ conferenceId: (await ctx.newConference()).id, role: 'chair' }],
      });
      await openVote(conference.id, outsider).expect(404);
      expect(
        await sql('SELECT count(*)::int AS n FROM vote WHERE conference_id = $1', [conference.id]),
      ).toEqual([{ n: 0 }]);
      const vote = (await openVote(conference.id, chair, { method: 'electronic' }).expect(201)).body;
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/close`)
        .set(teller.auth)
        .expect(403);
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/void`)
        .set(voter.attendee.auth)
        .send({ reason: 'mine' })
        .expect(403);
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes/${vote.id}/void`)
        .set(chair.auth)
        .send({ reason: '' })
        .expect(400);
      expect(
        (
          await api
            .http()
            .get(`/api/conferences/${conference.id}/votes/${vote.id}`)
            .set(chair.auth)
            .expect(200)
        ).body.state,
      ).toBe('open');
    });

    it('refuses unknown topics and a procedural motion without its name, and takes two-thirds from the ruleset', async () => {
      const { conference, chair } = await conferenceWith(1);
      await remoteAttendee(conference.id);
      await openVote(conference.id, chair, { topics: ['astrology'] }).expect(400);
      await openVote(conference.id, chair, { subject: 'procedural_motion' }).expect(400);
      const suspend = await openVote(conference.id, chair, {
        subject: 'procedural_motion',
        proceduralMotion: 'suspend_standing_orders',
        method: 'electronic',
      }).expect(201);
      expect(suspend.body.majority).toBe('two_thirds');
      const rule = await openVote(conference.id, chair, {
        motionKind: 'constitutional_amendment',
        method: 'electronic',
      }).expect(201);
      expect(rule.body.majority).toBe('two_thirds');
    });
  });

  it('voids a vote with the reason logged for everyone; no ballot is taken in it afterwards', async () => {
    const { conference, chair } = await conferenceWith(1);
    const voter = await remoteAttendee(conference.id);
    const vote = (await openVote(conference.id, chair, { method: 'electronic' }).expect(201)).body;
    await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${vote.id}/void`)
      .set(chair.auth)
      .send({ reason: 'Point of order upheld: the stream failed' })
      .expect(200);
    const [voided] = await voter.stream.waitFor('vote.voided');
    expect(voided.payload).toMatchObject({
      voteId: vote.id,
      reason: 'Point of order upheld: the stream failed',
    });
    const refused = await castSocket(voter.socket, conference.id, vote.id, 'for');
    expect(refused).toMatchObject({
      ok: false,
      error: { rule: 'vote_closed', message: expect.stringContaining('voided') },
    });
    await api
      .http()
      .get(`/api/conferences/${conference.id}/votes/${vote.id}/receipts`)
      .set(voter.attendee.auth)
      .expect(409);
  });

  it('refuses a ballot after the announced close time', async () => {
    const { conference, chair } = await conferenceWith(1);
    const voter = await remoteAttendee(conference.id);
    const closesAt = new Date(Date.now() + 1500).toISOString();
    const vote = (await openVote(conference.id, chair, { method: 'electronic', closesAt }).expect(201)).body;
    const [opened] = await voter.stream.waitFor('vote.opened');
    expect(opened.payload.closesAt).toBe(closesAt);
    await new Promise((r) => setTimeout(r, 1700));
    const late = await castSocket(voter.socket, conference.id, vote.id, 'for');
    expect(late).toMatchObject({ ok: false, error: { rule: 'vote_closed' } });
  });

  it('keeps no link between voter and choice in a secret vote; a named vote may publish who voted how', async () => {
    const { conference, chair } = await conferenceWith(1);
    const voters = [await remoteAttendee(conference.id), await remoteAttendee(conference.id)];
    const secret = (await openVote(conference.id, chair, { method: 'electronic', secret: true }).expect(201))
      .body;
    const named = (
      await openVote(conference.id, chair, {
        method: 'electronic',
        secret: false,
        title: 'Named vote',
      }).expect(201)
    ).body;
    for (const voter of voters) {
      await castHttp(conference.id, secret.id, voter.attendee, 'for').expect(200);
      await castHttp(conference.id, named.id, voter.attendee, 'against').expect(200);
    }
    const memberIds = voters.map((v) => v.attendee.memberId);

    // The ballot table has no timestamp column at all, and participation has no choice.
    const columns = await sql(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name IN ('ballot', 'vote_participation')`,
    );
    expect(columns.filter((c: { data_type: string }) => c.data_type.includes('time'))).toEqual([]);
    expect(
      columns
        .filter((c: { table_name: string }) => c.table_name === 'vote_participation')
        .map((c: { column_name: string }) => c.column_name)
        .sort(),
    ).toEqual(['member_id', 'vote_id']);
    // While the vote is open a secret ballot is sealed: no choice in clear anywhere, no voter in it.
    expect(await sql('SELECT * FROM ballot WHERE vote_id = $1', [secret.id])).toEqual([]);
    const sealed = await sql(
      `SELECT encode(sealed, 'escape') AS sealed FROM sealed_ballot WHERE vote_id = $1`,
      [secret.id],
    );
    expect(sealed).toHaveLength(2);
    for (const row of sealed)
      for (const text of ['for', ...memberIds]) expect(row.sealed).not.toContain(text);
    // Ballots are not log entries: no vote event names a voter.
    const events = await sql(
      `SELECT type, payload::text AS payload FROM conference_event WHERE conference_id = $1 AND type LIKE 'vote.%'`,
      [conference.id],
    );
    expect(events.length).toBeGreaterThan(0);
    for (const event of events)
      for (const memberId of memberIds) expect(`${event.type} ${event.payload}`).not.toContain(memberId);
    // The database itself refuses a secret ballot that names its voter.
    await expect(
      sql(
        `INSERT INTO ballot (vote_id, choice, weight, channel, receipt_hash, ballot_key_hash, member_id) VALUES ($1, 'for', 1, 'electronic', 'x', 'y', $2)`,
        [secret.id, memberIds[0]],
      ),
    ).rejects.toThrow(/secret vote/);

    await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${secret.id}/close`)
      .set(chair.auth)
      .expect(200);
    await api
      .http()
      .post(`/api/conferences/${conference.id}/votes/${named.id}/close`)
      .set(chair.auth)
      .expect(200);
    // After the close: no ballot row of the secret vote names a voter; the sealed rows are gone.
    const secretBallots = await sql('SELECT * FROM ballot WHERE vote_id = $1', [secret.id]);
    expect(secretBallots).toHaveLength(2);
    for (const row of secretBallots) {
      expect(row.member_id).toBeNull();
      for (const memberId of memberIds) expect(JSON.stringify(row)).not.toContain(memberId);
    }
    expect(await sql('SELECT * FROM sealed_ballot WHERE vote_id = $1', [secret.id])).toEqual([]);
    const secretList = await api
      .http()
      .get(`/api/conferences/${conference.id}/votes/${secret.id}/receipts`)
      .set(voters[0].attendee.auth)
      .expect(200);
    expect(secretList.body.every((entry: Record<string, unknown>) => !('memberId' in entry))).toBe(true);
    const namedList = await api
      .http()
      .get(`/api/conferences/${conference.id}/votes/${named.id}/receipts`)
      .set(voters[0].attendee.auth)
      .expect(200);
    expect(namedList.body.map((entry: { memberId: string }) => entry.memberId).sort()).toEqual(
      [...memberIds].sort(),
    );
  });

  it('pushes a vote only to its own conference', async () => {
    const { conference: a, chair } = await conferenceWith(1);
    const { conference: b } = await conferenceWith(1);
    await remoteAttendee(a.id);
    const inB = await remoteAttendee(b.id);
    const seen: unknown[] = [];
    inB.socket.on('vote.ballots', (m) => seen.push(m));
    const before = inB.stream.applied.length;
    const vote = (await openVote(a.id, chair, { method: 'electronic' }).expect(201)).body;
    await api.http().post(`/api/conferences/${a.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(inB.stream.applied.length).toBe(before);
    expect(seen).toEqual([]);
    const fromB = await castSocket(inB.socket, a.id, vote.id, 'for');
    expect(fromB).toMatchObject({ ok: false, error: { statusCode: 404 } });
  });
});
