import { apiSuite } from '../support/api-suite';
import { agendaConference } from '../support/agenda-fixture';

/**
 * Remote speaking and watching (issue 18 item 5): head office sets the livestream and the speakers' room
 * (https addresses of an external service); remote attendees and officials get the room, hall attendees
 * only the stream; a called remote speaker says they have joined and the chair sees it.
 */
describe('remote speaking and watching', () => {
  const suite = apiSuite();
  const http = () => suite.api.http();
  const links = {
    livestreamUrl: 'https://www.youtube.com/live/napo-agm',
    roomUrl: 'https://meet.jit.si/NapoAGMSpeakers',
  };

  const scene = async () => {
    const f = await agendaConference(suite, { branchName: 'Remote Branch', attendees: 0 });
    await http().post(`${f.base}/agenda/publish`).set(f.soc.auth).expect(200);
    const remote = await suite.ctx.newAttendee(f.conference.id, { mode: 'remote' });
    const seconder = await suite.ctx.newAttendee(f.conference.id, { mode: 'remote' });
    const hall = await suite.ctx.newAttendee(f.conference.id, { mode: 'hall' });
    await suite.ctx.markRemotePresent([remote.registrationId, seconder.registrationId]);
    const chairSays = async (command: Record<string, unknown>) => {
      const version = (await http().get(`${f.base}/debate`).set(f.chair.auth).expect(200)).body.version;
      await http()
        .post(`${f.base}/debate/commands`)
        .set(f.chair.auth)
        .send({ itemId: f.motions.pay, expectedSeq: version, ...command })
        .expect(200);
    };
    return { ...f, remote, seconder, hall, chairSays };
  };

  it('lets head office set https links, refusing anything else at the field, and nobody else', async () => {
    const f = await scene();
    const bad = await http()
      .put(`${f.base}/remote-links`)
      .set(f.headOffice.auth)
      .send({ livestreamUrl: 'http://stream.example.org/live', roomUrl: 'javascript:alert(1)' })
      .expect(400);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['livestreamUrl', 'roomUrl']);
    expect(bad.body.errors.roomUrl).toMatch(/https:\/\//);
    await http()
      .put(`${f.base}/remote-links`)
      .set(f.headOffice.auth)
      .send({ livestreamUrl: null })
      .expect(400);
    await http().put(`${f.base}/remote-links`).set(f.chair.auth).send(links).expect(403);
    await http().put(`${f.base}/remote-links`).set(f.remote.auth).send(links).expect(403);
    expect(
      (await http().put(`${f.base}/remote-links`).set(f.headOffice.auth).send(links).expect(200)).body,
    ).toEqual(links);

    // Remote attendees and the chair get the room; a hall attendee the stream only.
    expect((await http().get(`${f.base}/remote-links`).set(f.remote.auth).expect(200)).body).toEqual(links);
    expect((await http().get(`${f.base}/remote-links`).set(f.chair.auth).expect(200)).body).toEqual(links);
    expect((await http().get(`${f.base}/remote-links`).set(f.hall.auth).expect(200)).body).toEqual({
      livestreamUrl: links.livestreamUrl,
      roomUrl: null,
    });
    // Another conference's attendee learns nothing.
    const other = await suite.ctx.newConference();
    const stranger = await suite.ctx.newAttendee(other.id, { mode: 'remote' });
    await http().get(`${f.base}/remote-links`).set(stranger.auth).expect(404);

    // Cleared with null.
    await http()
      .put(`${f.base}/remote-links`)
      .set(f.headOffice.auth)
      .send({ livestreamUrl: null, roomUrl: null })
      .expect(200);
    expect((await http().get(`${f.base}/remote-links`).set(f.remote.auth).expect(200)).body).toEqual({
      livestreamUrl: null,
      roomUrl: null,
    });
  });

  it('lets a called remote speaker say they have joined the room, and shows the chair', async () => {
    const f = await scene();
    await http().put(`${f.base}/remote-links`).set(f.headOffice.auth).send(links).expect(200);
    const joined = () => http().post(`${f.base}/speaker-room/joined`).set(f.remote.auth);

    // Not called yet: refused in words.
    const early = await joined().expect(422);
    expect(early.body).toMatchObject({
      rule: 'speaker-room',
      message: expect.stringContaining('has not called you'),
    });
    await f.chairSays({
      type: 'takeItem',
      itemId: undefined,
      motionId: f.motions.pay,
      moverMemberId: f.remote.memberId,
      seconderMemberId: f.seconder.memberId,
    });
    await f.chairSays({ type: 'callMover' });
    const before = (await http().get(`${f.base}/speaker-room`).set(f.chair.auth).expect(200)).body;
    expect(before).toEqual({
      roomUrl: links.roomUrl,
      called: { memberId: f.remote.memberId, name: expect.any(String), remote: true, joinedAt: null },
    });

    // Only the one called may say so; a hall member is told to use the microphone.
    await http().post(`${f.base}/speaker-room/joined`).set(f.seconder.auth).expect(422);
    const hall = await http().post(`${f.base}/speaker-room/joined`).set(f.hall.auth).expect(422);
    expect(hall.body.message).toMatch(/in the hall/);
    await http().post(`${f.base}/speaker-room/joined`).set(f.chair.auth).expect(403);

    const said = (await joined().expect(200)).body;
    const after = (await http().get(`${f.base}/speaker-room`).set(f.chair.auth).expect(200)).body;
    expect(after.called).toMatchObject({
      memberId: f.remote.memberId,
      remote: true,
      joinedAt: said.joinedAt,
    });
    // The entry is the chair's, not the hall's: an attendee cannot read the chair's view.
    await http().get(`${f.base}/speaker-room`).set(f.remote.auth).expect(403);
    const [row] = await suite.sql(
      `SELECT audience, payload FROM conference_event WHERE conference_id = $1 AND type = 'speaker.room_joined'`,
      [f.conference.id],
    );
    expect(row).toMatchObject({
      audience: 'chair',
      payload: { memberId: f.remote.memberId, itemId: f.motions.pay },
    });

    // No room set: said in words, not a 500.
    await http()
      .put(`${f.base}/remote-links`)
      .set(f.headOffice.auth)
      .send({ livestreamUrl: null, roomUrl: null })
      .expect(200);
    expect((await joined().expect(422)).body.message).toMatch(/no speakers’ room/);
  });
});
