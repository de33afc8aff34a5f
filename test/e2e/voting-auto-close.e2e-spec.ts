import { randomUUID } from 'node:crypto';
import { apiSuite } from '../support/api-suite';
import { connect, EventStream } from '../support/socket-client';

/** A vote opened with an announced close time closes at that time by itself, once, with its result to everyone. */
describe('closing a vote at its announced time', () => {
  const suite = apiSuite();
  const { sql } = suite;

  const timedVote = async (closesInMs: number | null) => {
    const { api, ctx } = suite;
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const voter = await ctx.newAttendee(conference.id, { mode: 'remote' });
    await suite.ctx.markRemotePresentIn(conference.id);
    const socket = suite.track(await connect(api.url, voter.token));
    const stream = new EventStream(socket, conference.id);
    await stream.join(socket);
    const closesAt = closesInMs === null ? undefined : new Date(Date.now() + closesInMs).toISOString();
    const vote = (
      await api
        .http()
        .post(`/api/conferences/${conference.id}/votes`)
        .set(chair.auth)
        .send({ subject: 'custom', title: 'Timed question', topics: [], method: 'electronic', secret: true, closesAt })
        .expect(201)
    ).body as { id: string; closesAt: string | null };
    return { conference, chair, voter, vote, stream };
  };

  it('closes by itself at the announced time and publishes the result, with no actor and the reason', async () => {
    const { api } = suite;
    const { conference, chair, voter, vote, stream } = await timedVote(1500);
    expect(vote.closesAt).not.toBeNull();
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set(voter.auth).send({ choice: 'for', idempotencyKey: randomUUID() }).expect(200);

    const [closed] = await stream.waitFor('vote.closed', 1, 10000);
    expect(closed.payload).toMatchObject({ voteId: vote.id, ballotsCast: 1, closedBy: 'announced close time' });
    expect(new Date((closed.payload as { closedAt: string }).closedAt).getTime()).toBeGreaterThanOrEqual(new Date(vote.closesAt!).getTime());
    const [result] = await stream.waitFor('vote.result');
    expect(result.payload).toMatchObject({ voteId: vote.id });
    const read = await api.http().get(`/api/conferences/${conference.id}/votes/${vote.id}`).set(chair.auth).expect(200);
    expect(read.body).toMatchObject({ state: 'declared', result: { totals: { for: 1 }, outcome: 'carried' } });

    // The chair's own close afterwards is refused as for any closed vote, and nothing is recorded twice.
    const late = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth);
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(late.status).toBeLessThan(500);
    const closings = await sql(`SELECT count(*)::int AS n FROM conference_event WHERE conference_id = $1 AND type = 'vote.closed'`, [conference.id]);
    expect(closings[0].n).toBe(1);
  });

  it('refuses a close time already past, or one with no offset from UTC, at the closesAt field, and opens nothing', async () => {
    const { api, ctx } = suite;
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    await ctx.newAttendee(conference.id, { mode: 'remote' });
    await suite.ctx.markRemotePresentIn(conference.id);
    const open = (closesAt: string) =>
      api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'custom', title: 'Timed question', topics: [], method: 'electronic', secret: true, closesAt });
    const inAnHour = new Date(Date.now() + 3600_000);

    const past = await open(new Date(Date.now() - 60_000).toISOString()).expect(400);
    expect(past.body).toMatchObject({ statusCode: 400, message: expect.stringContaining('already past'), errors: { closesAt: 'must be in the future' } });
    // "14:30" with no offset would be read in the server's zone, which need not be the conference's.
    const noOffset = await open(inAnHour.toISOString().slice(0, 16)).expect(400);
    expect(noOffset.body.errors).toEqual({ closesAt: expect.stringContaining('with its offset from UTC') });
    const dateOnly = await open(inAnHour.toISOString().slice(0, 10)).expect(400);
    expect(dateOnly.body.errors).toEqual({ closesAt: expect.stringContaining('with its offset from UTC') });
    const notATime = await open('at half past two').expect(400);
    expect(notATime.body.errors?.closesAt).toBeDefined();
    const votes = await sql('SELECT count(*)::int AS n FROM vote WHERE conference_id = $1', [conference.id]);
    expect(votes[0].n).toBe(0);

    // The same hour with an offset, either way of writing it, is taken as that instant.
    // The wall clock an hour ahead of UTC, with +01:00: the same instant.
    const plusOne = `${new Date(inAnHour.getTime() + 3600_000).toISOString().slice(0, 19)}+01:00`;
    const withOffset = await open(plusOne).expect(201);
    expect(new Date(withOffset.body.closesAt).getTime()).toBe(Math.floor(inAnHour.getTime() / 1000) * 1000);
    const utc = await open(inAnHour.toISOString()).expect(201);
    expect(utc.body.closesAt).toBe(inAnHour.toISOString());
  });

  it('leaves alone a vote the chair closed before its time', async () => {
    const { api } = suite;
    const { conference, chair, vote, stream } = await timedVote(1200);
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
    await stream.waitFor('vote.closed');
    await new Promise((resolve) => setTimeout(resolve, 2000)); // past the announced time
    const closings = await sql(`SELECT count(*)::int AS n, bool_and(actor_id IS NOT NULL) AS by_chair FROM conference_event WHERE conference_id = $1 AND type = 'vote.closed'`, [conference.id]);
    expect(closings[0]).toEqual({ n: 1, by_chair: true });
  });

  it('closes a vote whose time passed without this instance having timed it (opened elsewhere, or before a restart)', async () => {
    const { api } = suite;
    const { conference, chair, vote, stream } = await timedVote(null);
    // As if another instance had opened it with a close time a moment ago: only the sweep can find it.
    await sql(`UPDATE vote SET closes_at = now() - interval '1 second' WHERE id = $1`, [vote.id]);
    const [closed] = await stream.waitFor('vote.closed', 1, 15000);
    expect(closed.payload).toMatchObject({ voteId: vote.id, closedBy: 'announced close time' });
    const read = await api.http().get(`/api/conferences/${conference.id}/votes/${vote.id}`).set(chair.auth).expect(200);
    expect(['closed', 'declared']).toContain(read.body.state);
  });
});
