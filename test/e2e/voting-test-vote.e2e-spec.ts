import { randomUUID } from 'node:crypto';
import { apiSuite } from '../support/api-suite';

/** A test vote proves devices work and registers who took part: the export's register is the attendance list. */
describe('the test vote', () => {
  const suite = apiSuite();
  const { sql } = suite;

  it('records who voted from a device, and nobody else, with no quorum needed', async () => {
    const { api, ctx } = suite;
    const conference = await ctx.newConference(); // Napo's default quorum of 150: a test vote opens anyway
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const [working, alsoWorking, silent] = [await ctx.newAttendee(conference.id), await ctx.newAttendee(conference.id), await ctx.newAttendee(conference.id)];
    await suite.ctx.markRemotePresentIn(conference.id);
    const vote = (
      await api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'test', title: 'Test vote: check your device', topics: [], method: 'electronic', secret: true }).expect(201)
    ).body as { id: string };
    for (const attendee of [working, alsoWorking]) {
      const ack = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set(attendee.auth).send({ choice: 'abstain', idempotencyKey: randomUUID() }).expect(200);
      expect(ack.body).toMatchObject({ status: 'accepted', receiptCode: expect.any(String) });
    }
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);

    const exported = await api.http().get(`/api/conferences/${conference.id}/votes/${vote.id}/export`).set(chair.auth).expect(200);
    const votedBy = new Map<string | null, boolean>((exported.body.register as Array<{ memberId: string; voted: boolean }>).map((entry) => [entry.memberId, entry.voted]));
    expect(votedBy.get(working.memberId)).toBe(true);
    expect(votedBy.get(alsoWorking.memberId)).toBe(true);
    expect(votedBy.get(silent.memberId)).toBe(false);
  });

  it('is refused by show of cards, hybrid or card vote, naming the method, and opens nothing', async () => {
    const { api, ctx } = suite;
    const conference = await ctx.newConference();
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    await ctx.newAttendee(conference.id);
    const open = (body: Record<string, unknown>) =>
      api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'test', title: 'Test vote', topics: [], method: 'electronic', secret: true, ...body });
    for (const method of ['show_of_cards', 'hybrid', 'card_vote']) {
      const refused = await open({ method }).expect(400);
      expect(refused.body).toMatchObject({ message: expect.stringContaining('open it electronic'), errors: { method: 'a test vote is electronic: it checks each device' } });
    }
    const votes = await sql('SELECT count(*)::int AS n FROM vote WHERE conference_id = $1', [conference.id]);
    expect(votes[0].n).toBe(0);
    await open({}).expect(201);
  });
});
