import { randomUUID } from 'node:crypto';
import { apiSuite } from '../support/api-suite';
import { castRemote, enterPaper, openContestedBallot } from '../support/elections';

/**
 * Issue 20: the returning officer voids one post's ballot with a reason (a candidate's death, an error)
 * and holds it again. The reason is public and logged; a voided ballot's ballots are never counted, its
 * sealed ballots are deleted unopened, and nothing more is entered in it; the post awaits a ballot again,
 * a candidate may be withdrawn, and the new ballot has its own register, papers and count.
 */
describe('elections: voiding a ballot and holding it again', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();
  const REASON = 'Dev Dale died on 5 December; the ballot is held again without him';

  it('voids an open ballot with a reason, withdraws the candidate, and counts only the new ballot', async () => {
    const ballot = await openContestedBallot(suite, { method: 'instant-runoff', seats: 1, candidates: ['Ann Archer', 'Ben Brook', 'Dev Dale'], remote: 4, hall: 2 });
    const url = `${ballot.postUrl}/ballot`;
    await castRemote(suite, ballot, ballot.remote[0], ['Dev Dale']);
    await castRemote(suite, ballot, ballot.remote[1], ['Dev Dale', 'Ann Archer']);
    await enterPaper(suite, ballot, { preferences: ['Dev Dale'] });

    // Only the returning officer voids, and only with a reason.
    await http().post(`${url}/void`).set(ballot.tellers[0].auth).send({ reason: REASON }).expect(403);
    const noReason = await http().post(`${url}/void`).set(ballot.returningOfficer.auth).send({ reason: '  ' }).expect(400);
    expect(noReason.body.errors.reason).toBeDefined();
    const voided = await http().post(`${url}/void`).set(ballot.returningOfficer.auth).send({ reason: REASON }).expect(200);
    expect(voided.body).toMatchObject({ ballotId: ballot.ballotId, state: 'voided', stateText: `Ballot voided: ${REASON}`, voidReason: REASON, result: null });
    await http().post(`${url}/void`).set(ballot.returningOfficer.auth).send({ reason: REASON }).expect(404);

    // Everyone is told why; the sealed ballots are gone unopened; nothing more goes into it.
    const [event] = await suite.sql(`SELECT payload, audience FROM conference_event WHERE conference_id = $1 AND type = 'election.ballot_voided'`, [ballot.conferenceId]);
    expect(event).toMatchObject({ audience: 'public', payload: { reason: REASON, wasCounted: false, ballotId: ballot.ballotId } });
    expect(await suite.sql('SELECT count(*)::int AS n FROM sealed_election_ballot WHERE ballot_id = $1', [ballot.ballotId])).toEqual([{ n: 0 }]);
    const phone = await http().get(url).set(ballot.remote[0].auth).expect(200);
    expect(phone.body.you).toMatchObject({ votesHere: false, hasVoted: true, text: expect.stringContaining(`This ballot was voided (${REASON})`) });
    const late = await http().post(`${url}/ballots`).set(ballot.remote[2].auth).send({ preferences: [ballot.id['Ann Archer']], idempotencyKey: randomUUID() }).expect(422);
    expect(late.body.message).toBe(`The ballot for National Executive Committee was voided (${REASON}); nothing more is entered in it. Wait for the returning officer to open a new ballot.`);
    await http().post(`${url}/papers`).set(ballot.tellers[0].auth).send({ preferences: [ballot.id['Ann Archer']] }).expect(422);
    await http().post(`${url}/close`).set(ballot.returningOfficer.auth).send({}).expect(422);
    await http().get(`${url}/result.csv`).set(ballot.returningOfficer.auth).expect(422);

    // The post awaits a ballot again: the candidate can now be withdrawn, and a new ballot opens without him.
    const post = await http().get(ballot.postUrl).set(ballot.returningOfficer.auth).expect(200);
    expect(post.body.state).toBe('awaiting_ballot');
    await http().post(`${ballot.postUrl}/nominations/${ballot.id['Dev Dale']}/withdraw`).set(ballot.returningOfficer.auth).send({ reason: 'Died on 5 December' }).expect(204);
    const reopened = await http().post(`${url}/open`).set(ballot.returningOfficer.auth).expect(200);
    expect(reopened.body).toMatchObject({ state: 'open', voidReason: null, remoteBallotsCast: 0, paperBallotsConfirmed: 0 });
    expect(reopened.body.ballotId).not.toBe(ballot.ballotId);
    expect(reopened.body.candidates.map((c: { name: string }) => c.name)).toEqual(['Ann Archer', 'Ben Brook']);
    await http().post(`${url}/open`).set(ballot.returningOfficer.auth).expect(409);

    // Members who voted in the voided ballot vote again; only the new ballots are counted.
    const again = { ...ballot, ballotId: reopened.body.ballotId };
    await castRemote(suite, again, ballot.remote[0], ['Ben Brook']);
    await castRemote(suite, again, ballot.remote[1], ['Ann Archer']);
    await castRemote(suite, again, ballot.remote[2], ['Ben Brook']);
    await enterPaper(suite, again, { preferences: ['Ann Archer'] });
    await enterPaper(suite, again, { preferences: ['Ben Brook'] });
    const closed = await http().post(`${url}/close`).set(ballot.returningOfficer.auth).send({}).expect(200);
    expect(closed.body.result).toMatchObject({ validBallots: 5, elected: ['Ben Brook'] });
    expect(closed.body.result.stages[0].candidates.map((c: { name: string; votes: string }) => [c.name, c.votes])).toEqual([
      ['Ann Archer', '2.00000'],
      ['Ben Brook', '3.00000'],
    ]);
  });

  it('voids a counted ballot: the result no longer stands and the post says why', async () => {
    const ballot = await openContestedBallot(suite, { method: 'first-past-the-post', seats: 1, candidates: ['Ann Archer', 'Ben Brook'], remote: 2, hall: 0 });
    const url = `${ballot.postUrl}/ballot`;
    await castRemote(suite, ballot, ballot.remote[0], ['Ann Archer']);
    const closed = await http().post(`${url}/close`).set(ballot.returningOfficer.auth).send({}).expect(200);
    // The hall's projector, opened (or reloaded) after the close, finds the count published last.
    const chair = await suite.ctx.newOfficial({ roles: [{ conferenceId: ballot.conferenceId, role: 'chair' }] });
    const link = await http().post(`/api/conferences/${ballot.conferenceId}/projector-links`).set(chair.auth).send({ label: 'Main hall' }).expect(201);
    const latest = `/api/conferences/${ballot.conferenceId}/election-results/latest`;
    const shown = await http().get(latest).set({ Authorization: `Bearer ${link.body.key}` }).expect(200);
    expect(shown.body.ballot).toMatchObject({ ballotId: ballot.ballotId, title: 'National Executive Committee', state: 'closed', result: { elected: ['Ann Archer'] } });
    expect(shown.body.ballot.closedAt).toBe(closed.body.closedAt);
    expect(Date.parse(shown.body.ballot.closedAt)).not.toBeNaN();
    const otherConference = await suite.ctx.newConference();
    await http().get(`/api/conferences/${otherConference.id}/election-results/latest`).set({ Authorization: `Bearer ${link.body.key}` }).expect(404);
    const reason = 'The ballot paper listed Ben Brook under the wrong branch';
    const voided = await http().post(`${url}/void`).set(ballot.returningOfficer.auth).send({ reason }).expect(200);
    expect(voided.body).toMatchObject({ state: 'voided', result: null });
    const post = await http().get(ballot.postUrl).set(ballot.remote[1].auth).expect(200);
    expect(post.body).toMatchObject({
      state: 'awaiting_ballot',
      result: `The ballot for National Executive Committee was voided after its count: ${reason}. Its ballots are not counted; a new ballot is to be held.`,
    });
    const [event] = await suite.sql(`SELECT payload FROM conference_event WHERE conference_id = $1 AND type = 'election.ballot_voided'`, [ballot.conferenceId]);
    expect(event.payload).toMatchObject({ wasCounted: true, reason });
    await http().get(`${url}/result.pdf`).set(ballot.returningOfficer.auth).expect(422);
    await http().get(`${url}/receipts`).set(ballot.returningOfficer.auth).expect(422);
    // Voided, the count is no longer the last published: a projector opened now shows none.
    expect((await http().get(latest).set({ Authorization: `Bearer ${link.body.key}` }).expect(200)).body).toEqual({ ballot: null });
    expect((await http().get(latest).set(ballot.remote[1].auth).expect(200)).body).toEqual({ ballot: null });
  });
});
