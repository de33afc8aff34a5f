import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/** Card votes: each body's card holder casts the body's membership as one weighted ballot. */
describe('a card vote', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sql = (text: string, params: unknown[] = []) => api.database.dataSource.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  const newBody = async (membership: number) => {
    const [row] = await sql(`INSERT INTO body (kind, code, name, membership_count) VALUES ('branch', $1, $1, $2) RETURNING id`, [`BR-${randomUUID().slice(0, 8)}`, membership]);
    return row.id as string;
  };

  it('weights each card by its body membership, refuses members without a card and wrong card holders, and counts turnout by weight', async () => {
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const [north, south, east] = [await newBody(120), await newBody(45), await newBody(30)];
    const holders = [await ctx.newAttendee(conference.id, { mode: 'remote' }), await ctx.newAttendee(conference.id, { mode: 'remote' }), await ctx.newAttendee(conference.id, { mode: 'remote' })];
    const noCard = await ctx.newAttendee(conference.id, { mode: 'remote' });
    // Each card holder belongs to the body whose card they hold: North's and South's are branch members,
    // East's is an officer of East (in no branch); noCard is a member of North without its card.
    await sql('UPDATE member SET branch_id = $1 WHERE id = ANY($2::uuid[])', [north, [holders[0].member.id, noCard.member.id]]);
    await sql('UPDATE member SET branch_id = $1 WHERE id = $2', [south, holders[1].member.id]);
    await sql(`INSERT INTO body_officer (body_id, member_id, office) VALUES ($1, $2, 'secretary')`, [east, holders[2].member.id]);
    await ctx.markRemotePresentIn(conference.id);
    const open = (cardHolders: Array<{ bodyId: string; memberId: string }>) =>
      api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'custom', title: 'Card vote', topics: [], method: 'card_vote', secret: true, cardHolders });

    // Wrong weights are a known failure: one member with two cards, or an unknown body, is refused.
    await open([]).expect(400);
    await open([{ bodyId: north, memberId: holders[0].member.id }, { bodyId: south, memberId: holders[0].member.id }]).expect(400);
    await open([{ bodyId: randomUUID(), memberId: holders[0].member.id }]).expect(400);
    // A card is cast by the body's own card holder: North's member named for South's card, or South's for
    // East's, is refused, each naming the body whose card it is.
    const strangers = await open([{ bodyId: south, memberId: holders[0].member.id }, { bodyId: east, memberId: holders[1].member.id }]).expect(400);
    expect(strangers.body.message).toContain('card holders are wrong');
    expect(strangers.body.errors).toEqual({
      [`cardHolders.${south}`]: 'not a member or officer of this body: name one of its own members',
      [`cardHolders.${east}`]: 'not a member or officer of this body: name one of its own members',
    });
    expect(await sql('SELECT count(*)::int AS n FROM vote WHERE conference_id = $1', [conference.id])).toEqual([{ n: 0 }]);

    const vote = (await open([{ bodyId: north, memberId: holders[0].member.id }, { bodyId: south, memberId: holders[1].member.id }, { bodyId: east, memberId: holders[2].member.id }]).expect(201)).body;
    expect(vote).toMatchObject({ method: 'card_vote', eligibleCount: 3 });
    const cast = (who: (typeof holders)[number], choice: string) => api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set(who.auth).send({ choice, idempotencyKey: randomUUID() });
    // Before voting, a card holder is told what their card counts for; a member without a card is not eligible.
    const mine = async (who: (typeof holders)[number]) => (await api.http().get(`/api/conferences/${conference.id}/votes/${vote.id}`).set(who.auth).expect(200)).body.me;
    expect(await mine(holders[0])).toEqual({ eligible: true, channel: 'card', weight: 120, voted: false });
    expect(await mine(noCard)).toMatchObject({ eligible: false, reason: 'not_card_holder' });
    const refused = await cast(noCard, 'for').expect(403);
    expect(refused.body.message).toContain('card holder');
    expect((await cast(holders[0], 'against').expect(200)).body).toMatchObject({ channel: 'card', weight: 120 });
    expect((await cast(holders[1], 'for').expect(200)).body).toMatchObject({ channel: 'card', weight: 45 });
    const closed = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
    expect(closed.body.result).toMatchObject({
      channels: { card: { for: 45, against: 120, abstain: 0 } },
      totals: { for: 45, against: 120, abstain: 0 },
      turnout: { voted: 165, eligible: 195 },
      outcome: 'lost',
    });
  });
});
