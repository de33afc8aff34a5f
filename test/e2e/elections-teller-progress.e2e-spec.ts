import { apiSuite } from '../support/api-suite';
import { castRemote, openContestedBallot } from '../support/elections';
import { connect, EventStream, TestSocket } from '../support/socket-client';

/**
 * Issue 20, the tellers' progress without polling: every paper entered, confirmed or discarded sends
 * `election.papers { postId, entered, confirmed }` to the tellers' audience (docs/REALTIME.md), through
 * the event log like every event. It says how many, never what a paper says, and no member receives it.
 */
describe('elections: the tellers follow the hall papers live', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();
  const sockets: TestSocket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  const listen = async (conferenceId: string, auth: { Authorization: string }) => {
    const socket = await connect(suite.api.url, auth.Authorization.replace(/^Bearer /, ''), 5000, 2);
    sockets.push(socket);
    const stream = new EventStream(socket, conferenceId);
    await stream.join(socket);
    return stream;
  };

  it('tells each teller how many papers are entered and confirmed as it changes, and tells no member', async () => {
    const ballot = await openContestedBallot(suite, { method: 'instant-runoff', seats: 1, candidates: ['Ann Archer', 'Ben Brook'], remote: 1, hall: 3 });
    const [one, two] = ballot.tellers;
    const papers = `${ballot.postUrl}/ballot/papers`;
    const tellerStream = await listen(ballot.conferenceId, two.auth);
    const memberStream = await listen(ballot.conferenceId, ballot.remote[0].auth);
    const progress = (stream: EventStream) =>
      stream.applied.filter((e) => e.type === 'election.papers').map((e) => e.payload as { postId: string; entered: number; confirmed: number });

    const first = await http().post(papers).set(one.auth).send({ preferences: [ballot.id['Ann Archer']] }).expect(201);
    await tellerStream.waitFor('election.papers', 1);
    await http().post(`${papers}/${first.body.id}/confirm`).set(two.auth).send({ preferences: [ballot.id['Ann Archer']] }).expect(200);
    await tellerStream.waitFor('election.papers', 2);
    const spoilt = await http().post(papers).set(one.auth).send({ spoilt: 'uncertain' }).expect(201);
    await tellerStream.waitFor('election.papers', 3);
    await http().delete(`${papers}/${spoilt.body.id}`).set(one.auth).expect(204);
    await tellerStream.waitFor('election.papers', 4);
    expect(progress(tellerStream)).toEqual([
      { postId: ballot.postId, entered: 1, confirmed: 0 },
      { postId: ballot.postId, entered: 1, confirmed: 1 },
      { postId: ballot.postId, entered: 2, confirmed: 1 },
      { postId: ballot.postId, entered: 1, confirmed: 1 },
    ]);

    // A refused entry changes nothing and says nothing.
    await http().post(`${papers}/${first.body.id}/confirm`).set(two.auth).send({ preferences: [ballot.id['Ann Archer']] }).expect(409);

    // The member's stream gets the close's public events after everything above (one seq order), and
    // never a tellers' event.
    await castRemote(suite, ballot, ballot.remote[0], ['Ann Archer', 'Ben Brook']);
    await http().post(`${ballot.postUrl}/ballot/close`).set(ballot.returningOfficer.auth).send({}).expect(200);
    await memberStream.waitFor('election.result');
    await tellerStream.waitFor('election.result');
    expect(progress(memberStream)).toEqual([]);
    expect(progress(tellerStream)).toHaveLength(4);
  });
});
