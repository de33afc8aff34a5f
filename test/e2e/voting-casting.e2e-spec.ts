import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { connect, EventStream, TestSocket } from '../support/socket-client';

/** A tie under the casting-vote rule: the chair decides it, once, and everyone is told. */
describe("the chair's casting vote", () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  const sql = (text: string, params: unknown[] = []) => api.database.dataSource.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await api?.close();
  });

  const tiedVote = async (tieRule: 'chair_casting_vote' | 'motion_falls') => {
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(jsonb_set(ruleset, '{quorum,minimumCount}', '1'), '{tieRule}', $2::jsonb) WHERE id = $1`, [conference.id, JSON.stringify(tieRule)]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const voters = [await ctx.newAttendee(conference.id, { mode: 'remote' }), await ctx.newAttendee(conference.id, { mode: 'remote' })];
    await ctx.markRemotePresentIn(conference.id);
    const vote = (await api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'custom', title: 'Tied question', topics: [], method: 'electronic', secret: true }).expect(201)).body;
    for (const [voter, choice] of [
      [voters[0], 'for'],
      [voters[1], 'against'],
    ] as const) {
      await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set(voter.auth).send({ choice, idempotencyKey: randomUUID() }).expect(200);
    }
    const closed = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
    return { conference, chair, voters, vote, closed: closed.body };
  };

  it('lets the chair decide a declared tie, tells everyone, and keeps the counts as they were', async () => {
    const { conference, chair, voters, vote, closed } = await tiedVote('chair_casting_vote');
    expect(closed.result).toMatchObject({ totals: { for: 1, against: 1 }, outcome: 'tied_chair_casting_vote_needed' });
    const socket = await connect(api.url, voters[0].token);
    sockets.push(socket);
    const stream = new EventStream(socket, conference.id);
    await stream.join(socket);

    const decided = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/casting-vote`).set(chair.auth).send({ castingVote: 'against' }).expect(200);
    expect(decided.body.result).toMatchObject({ totals: { for: 1, against: 1 }, outcome: 'lost', castingVote: 'against' });
    const [event] = await stream.waitFor('vote.casting_vote');
    expect(event.payload).toMatchObject({ voteId: vote.id, castingVote: 'against', outcome: 'lost' });
    const read = await api.http().get(`/api/conferences/${conference.id}/votes/${vote.id}`).set(chair.auth).expect(200);
    expect(read.body.result.outcome).toBe('lost');

    // Only once.
    const again = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/casting-vote`).set(chair.auth).send({ castingVote: 'for' }).expect(422);
    expect(again.body.rule).toBe('casting-vote');
    expect((await api.http().get(`/api/conferences/${conference.id}/votes/${vote.id}`).set(chair.auth).expect(200)).body.result.outcome).toBe('lost');
  });

  it('refuses a casting vote from anyone but the chair, a malformed one, and one on a tie that falls', async () => {
    const { conference, voters, vote, chair } = await tiedVote('chair_casting_vote');
    const teller = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] });
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/casting-vote`).set(teller.auth).send({ castingVote: 'for' }).expect(403);
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/casting-vote`).set(voters[0].auth).send({ castingVote: 'for' }).expect(403);
    const malformed = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/casting-vote`).set(chair.auth).send({ castingVote: 'abstain' }).expect(400);
    expect(malformed.body.errors).toHaveProperty('castingVote');
    expect((await api.http().get(`/api/conferences/${conference.id}/votes/${vote.id}`).set(chair.auth).expect(200)).body.result.outcome).toBe('tied_chair_casting_vote_needed');

    const falls = await tiedVote('motion_falls');
    expect(falls.closed.result.outcome).toBe('tied_falls');
    const refused = await api.http().post(`/api/conferences/${falls.conference.id}/votes/${falls.vote.id}/casting-vote`).set(falls.chair.auth).send({ castingVote: 'for' }).expect(422);
    expect(refused.body.rule).toBe('casting-vote');
  });
});
