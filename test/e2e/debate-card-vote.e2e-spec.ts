import { randomUUID } from 'node:crypto';
import { apiSuite } from '../support/api-suite';
import type { SignedInPerson, TestAttendee } from '../support/test-context';

/**
 * A card vote put from the debate: putTheQuestion's vote options carry the card holders, checked as
 * `POST /votes` checks them, before the question is put (a refusal leaves the debate as it was). The
 * card holders' list the chair's console picks from (`GET /votes/card-holders`), prefilled from the most
 * recent card vote or from a voided one to re-run, and who may read it.
 */
describe('a card vote on the question put', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();

  async function setUp() {
    const { ctx, sql } = suite;
    const conference = await ctx.newConference();
    const conferenceId = conference.id;
    const base = `/api/conferences/${conferenceId}`;
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conferenceId]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const north = await ctx.newBody({ kind: 'branch', name: 'North Branch' });
    const south = await ctx.newBody({ kind: 'branch', name: 'South Branch' });
    await sql('UPDATE body SET membership_count = 120 WHERE id = $1', [north.id]);
    await sql('UPDATE body SET membership_count = 45 WHERE id = $1', [south.id]);
    const [northHolder, northOther, southHolder, mover] = await Promise.all([1, 2, 3, 4].map(() => ctx.newAttendee(conferenceId, { mode: 'remote', category: 'full' })));
    await sql('UPDATE member SET branch_id = $1 WHERE id = ANY($2::uuid[])', [north.id, [northHolder.memberId, northOther.memberId]]);
    await sql('UPDATE member SET branch_id = $1 WHERE id = $2', [south.id, southHolder.memberId]);
    await ctx.markRemotePresent([northHolder, northOther, southHolder, mover].map((a) => a.registrationId));
    const [motion] = await sql(
      `INSERT INTO motion (conference_id, kind, submitting_body_id, title, text, status, proposer_member_id, word_count, over_word_limit, created_by, submitted_at)
       VALUES ($1, 'motion', $4, 'Conference fund', 'Conference funds the campaign.', 'placed', $2, 4, false, $3, now()) RETURNING id`,
      [conferenceId, mover.memberId, chair.id, north.id],
    );
    const snapshot = async () => (await http().get(`${base}/debate`).set(chair.auth).expect(200)).body;
    const chairSays = async (body: Record<string, unknown>, status = 200) =>
      (await http().post(`${base}/debate/commands`).set(chair.auth).send({ ...(body.type === 'takeItem' ? {} : { itemId: motion.id }), expectedSeq: (await snapshot()).version, ...body }).expect(status)).body;
    await chairSays({ type: 'takeItem', motionId: motion.id });
    for (const type of ['callMover', 'startSpeech', 'endSpeech', 'formallySeconded']) await chairSays({ type });
    return { conferenceId, base, chair, north, south, northHolder, northOther, southHolder, mover, motionId: motion.id as string, snapshot, chairSays };
  }

  const put = (cardHolders?: unknown) => ({ type: 'putTheQuestion', vote: { method: 'card_vote', secret: true, ...(cardHolders === undefined ? {} : { cardHolders }) } });
  const voteCount = async (conferenceId: string) => (await suite.sql('SELECT count(*)::int AS n FROM vote WHERE conference_id = $1', [conferenceId]))[0].n;

  it('opens the card vote with the question, each holder casting their body’s weight, and refuses wrong card holders before the question is put', async () => {
    const s = await setUp();
    const before = await s.snapshot();

    // Refused, each naming what is wrong, with nothing recorded: the question is not put, no vote opened.
    const refusals: Array<[unknown, number, string, Record<string, string>?]> = [
      [undefined, 400, 'card vote needs the card holder', { 'vote.cardHolders': 'name at least one card holder' }],
      [[], 400, 'card vote needs the card holder', { 'vote.cardHolders': 'name at least one card holder' }],
      [[{ bodyId: s.north.id, memberId: randomUUID() }], 400, 'card holders are wrong'],
      [[{ bodyId: s.north.id, memberId: s.northHolder.memberId }, { bodyId: s.south.id, memberId: s.northHolder.memberId }], 400, 'card holders are wrong', { [`vote.cardHolders.${s.northHolder.memberId}`]: 'one member holds one card' }],
      [[{ bodyId: s.north.id, memberId: s.northHolder.memberId }, { bodyId: s.north.id, memberId: s.northOther.memberId }], 400, 'card holders are wrong', { [`vote.cardHolders.${s.north.id}`]: 'one card per body: name one holder' }],
      [[{ bodyId: randomUUID(), memberId: s.northHolder.memberId }], 400, 'card holders are wrong'],
      // A registered member of North named for South's card: a body's card is cast by its own member or officer.
      [[{ bodyId: s.south.id, memberId: s.northHolder.memberId }], 400, 'card holders are wrong', { [`vote.cardHolders.${s.south.id}`]: 'not a member or officer of this body: name one of its own members' }],
      [[{ bodyId: 'LDN', memberId: s.northHolder.memberId }], 400, 'Body must be the id of a body'],
      [{ bodyId: s.north.id, memberId: s.northHolder.memberId }, 400, 'Card holders must be a list'],
    ];
    for (const [holders, status, message, errors] of refusals) {
      const refused = await s.chairSays(put(holders), status);
      // The use case's refusals say it in the message; the body's shape is named field by field in errors.
      expect(`${refused.message} ${JSON.stringify(refused.errors)}`).toContain(message);
      if (errors) expect(refused.errors).toMatchObject(errors);
    }
    // A member who is not registered for the conference at all, named by their real member id.
    const outsider = await suite.ctx.newMember();
    const notRegistered = await s.chairSays(put([{ bodyId: s.north.id, memberId: outsider.id }]), 400);
    expect(notRegistered.errors).toEqual({ [`vote.cardHolders.${outsider.id}`]: 'not registered for this conference' });
    // Card holders for another method are refused as on POST /votes.
    const hybrid = await s.chairSays({ type: 'putTheQuestion', vote: { method: 'hybrid', cardHolders: [{ bodyId: s.north.id, memberId: s.northHolder.memberId }] } }, 400);
    expect(hybrid.errors).toEqual({ 'vote.cardHolders': 'only for method card_vote' });
    expect((await s.snapshot()).version).toBe(before.version);
    expect((await s.snapshot()).floor.item.questionPut).toBeNull();
    expect(await voteCount(s.conferenceId)).toBe(0);

    // Right: the question is put and its card vote opens, holders weighted by their body's membership.
    const answer = await s.chairSays(put([{ bodyId: s.north.id, memberId: s.northHolder.memberId }, { bodyId: s.south.id, memberId: s.southHolder.memberId }]));
    expect(answer.voteError).toBeUndefined();
    const voteId: string = answer.voteId;
    const vote = (await http().get(`${s.base}/votes/${voteId}`).set(s.chair.auth).expect(200)).body;
    expect(vote).toMatchObject({ method: 'card_vote', subject: 'motion', subjectRef: s.motionId, eligibleCount: 2 });
    expect((await s.snapshot()).questionVote).toEqual({ voteId, subject: 'motion', state: 'open', outcome: null, totals: null });
    const me = async (who: TestAttendee) => (await http().get(`${s.base}/votes/${voteId}`).set(who.auth).expect(200)).body.me;
    expect(await me(s.northHolder)).toEqual({ eligible: true, channel: 'card', weight: 120, voted: false });
    expect(await me(s.northOther)).toMatchObject({ eligible: false, reason: 'not_card_holder' });
    const cast = (who: TestAttendee, choice: string) => http().post(`${s.base}/votes/${voteId}/ballots`).set(who.auth).send({ choice, idempotencyKey: randomUUID() });
    await cast(s.northHolder, 'for').expect(200);
    await cast(s.southHolder, 'against').expect(200);
    await cast(s.northOther, 'for').expect(403);
    const closed = (await http().post(`${s.base}/votes/${voteId}/close`).set(s.chair.auth).expect(200)).body;
    expect(closed.result).toMatchObject({ totals: { for: 120, against: 45, abstain: 0 }, outcome: 'carried' });
    expect((await s.snapshot()).questionVote).toMatchObject({ voteId, state: 'declared', outcome: 'carried', totals: { for: 120, against: 45, abstain: 0 } });
  });

  it('lists the card holders to pick from, prefilled from the latest card vote or a voided one to re-run, for the chair only', async () => {
    const s = await setUp();
    const read = (who: { auth: Record<string, string> }, query = '') => http().get(`${s.base}/votes/card-holders${query}`).set(who.auth);

    // No card vote yet: the bodies with registered members, nobody prefilled.
    const empty = (await read(s.chair).expect(200)).body;
    expect(empty.fromVoteId).toBeNull();
    const north = empty.bodies.find((b: { bodyId: string }) => b.bodyId === s.north.id);
    expect(north).toMatchObject({ name: 'North Branch', kind: 'branch', membershipCount: 120, holderMemberId: null });
    expect(north.members.map((m: { memberId: string }) => m.memberId).sort()).toEqual([s.northHolder.memberId, s.northOther.memberId].sort());
    expect(Object.keys(north.members[0]).sort()).toEqual(['memberId', 'membershipNumber', 'name', 'present']);
    expect(empty.bodies.map((b: { bodyId: string }) => b.bodyId).sort()).toEqual([s.north.id, s.south.id].sort());

    // The question put as a card vote; then voided: the list starts from its holders, and the re-run keeps them.
    const holders = [{ bodyId: s.north.id, memberId: s.northOther.memberId }, { bodyId: s.south.id, memberId: s.southHolder.memberId }];
    const { voteId } = await s.chairSays(put(holders));
    await http().post(`${s.base}/votes/${voteId}/void`).set(s.chair.auth).send({ reason: 'The wrong card holder for North' }).expect(200);
    const prefilled = (await read(s.chair).expect(200)).body;
    expect(prefilled.fromVoteId).toBe(voteId);
    expect(Object.fromEntries(prefilled.bodies.map((b: { bodyId: string; holderMemberId: string }) => [b.bodyId, b.holderMemberId]))).toEqual({
      [s.north.id]: s.northOther.memberId,
      [s.south.id]: s.southHolder.memberId,
    });
    const voided = (await http().get(`${s.base}/votes/${voteId}`).set(s.chair.auth).expect(200)).body;
    const rerun = (
      await http()
        .post(`${s.base}/votes`)
        .set(s.chair.auth)
        .send({ subject: voided.subject, subjectRef: voided.subjectRef, title: `${voided.title} (re-run)`, topics: voided.topics, method: 'card_vote', secret: true, cardHolders: [{ bodyId: s.north.id, memberId: s.northHolder.memberId }, holders[1]] })
        .expect(201)
    ).body;
    expect((await s.snapshot()).questionVote).toMatchObject({ voteId: rerun.id, state: 'open' });
    // The voided vote asked for by id still gives its own holders; the latest is the re-run.
    expect((await read(s.chair, `?voteId=${voteId}`).expect(200)).body.bodies.find((b: { bodyId: string }) => b.bodyId === s.north.id).holderMemberId).toBe(s.northOther.memberId);
    expect((await read(s.chair).expect(200)).body).toMatchObject({ fromVoteId: rerun.id });

    // Refusals: a vote that is not a card vote, an unknown vote, a malformed id; anyone but this conference's chair.
    const hybrid = (await http().post(`${s.base}/votes`).set(s.chair.auth).send({ subject: 'custom', title: 'Hands up', topics: [], method: 'electronic', secret: false }).expect(201)).body;
    expect((await read(s.chair, `?voteId=${hybrid.id}`).expect(400)).body.errors).toEqual({ voteId: 'not a card vote' });
    await read(s.chair, `?voteId=${randomUUID()}`).expect(404);
    expect((await read(s.chair, '?voteId=yesterday').expect(400)).body.errors).toEqual({ voteId: 'Vote must be the id of a vote' });
    const teller = await suite.ctx.newOfficial({ roles: [{ conferenceId: s.conferenceId, role: 'teller' }] });
    const otherChair: SignedInPerson = await suite.ctx.newOfficial({ roles: [{ conferenceId: (await suite.ctx.newConference()).id, role: 'chair' }] });
    for (const who of [s.northHolder, teller]) expect((await read(who).expect(403)).body.message).toContain('only the chair');
    // Another conference's chair is told nothing about this one, as for any conference they cannot see.
    await read(otherChair).expect(404);
    await http().get(`${s.base}/votes/card-holders`).expect(401);
  });
});
