import { randomUUID } from 'node:crypto';
import type { Ack, BallotAckDto } from '@agm/contracts';
import { DEFAULT_BALLOT_RATE } from '@agm/domain';
import { apiSuite } from '../support/api-suite';
import { connect, emitWithAck } from '../support/socket-client';

/** A device flooding ballot messages is told to wait (429); the ballot it already cast stands and is counted once. */
describe('the ballot message rate', () => {
  const suite = apiSuite();
  const { sql } = suite;

  it('refuses messages beyond the burst with 429 and a wait, over the socket and HTTP alike, and counts the ballot once', async () => {
    const { api, ctx } = suite;
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const flooder = await ctx.newAttendee(conference.id, { mode: 'remote' });
    const neighbour = await ctx.newAttendee(conference.id, { mode: 'remote' });
    await ctx.markRemotePresent([flooder.registrationId, neighbour.registrationId]);
    const vote = (await api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'custom', title: 'Flood', topics: [], method: 'electronic', secret: true }).expect(201)).body as { id: string };
    const socket = suite.track(await connect(api.url, flooder.token));

    const key = randomUUID(); // the same ballot resent over and over, as a stuck client would
    const answers: Array<Ack<BallotAckDto>> = await Promise.all(
      Array.from({ length: DEFAULT_BALLOT_RATE.capacity + 5 }, () => emitWithAck<BallotAckDto>(socket, 'vote.cast', { conferenceId: conference.id, voteId: vote.id, choice: 'for', idempotencyKey: key })),
    );
    const refused = answers.filter((answer) => !answer.ok);
    expect(answers.filter((answer) => answer.ok).length).toBeGreaterThanOrEqual(DEFAULT_BALLOT_RATE.capacity);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(answer).toMatchObject({ ok: false, error: { statusCode: 429, message: expect.stringMatching(/Too many ballot messages.*wait \d+ s/) } });

    // The same session over HTTP shares the allowance; another voter is not affected.
    // (a burst of them: the bucket refills by one every half second while the socket's answers come back)
    const overHttp = await Promise.all([1, 2, 3, 4].map(() => api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set(flooder.auth).send({ choice: 'for', idempotencyKey: key })));
    const limited = overHttp.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0].headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(overHttp.every((response) => response.status === 429 || response.status === 200)).toBe(true);
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set(neighbour.auth).send({ choice: 'against', idempotencyKey: randomUUID() }).expect(200);

    const closed = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
    expect(closed.body.result).toMatchObject({ totals: { for: 1, against: 1 } });
  });
});
