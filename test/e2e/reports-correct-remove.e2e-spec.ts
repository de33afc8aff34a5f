import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { connect, EventStream, pause, TestSocket } from '../support/socket-client';

/**
 * Issue 19: the SOC (or the conference's administrators) corrects a report to conference still to come, or
 * takes it off the order of business (added twice, or by mistake), checked as adding it is; once the chair
 * has taken it, its record stands and both are refused in words. Every screen hears `report.changed` and
 * `report.removed`; another conference's screens hear neither.
 */
describe('correcting and removing a report to conference', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];

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

  const NEC = { title: 'NEC Anual Report', sections: [{ key: '3', title: 'Finance' }, { key: '5', title: 'Campaigns' }] };

  async function setUp() {
    const conference = await ctx.newConference();
    const conferenceId = conference.id;
    const base = `/api/conferences/${conferenceId}/reports`;
    const soc = await ctx.newOfficial({ roles: [{ conferenceId, role: 'soc' }] });
    const admin = await ctx.newOfficial({ roles: [{ conferenceId, role: 'admin' }] });
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const member = await ctx.newAttendee(conferenceId, { mode: 'remote' });
    const add = async (report: object) => (await api.http().post(base).set(soc.auth).send(report).expect(201)).body;
    const list = async () => (await api.http().get(base).set(member.auth).expect(200)).body as Array<Record<string, unknown>>;
    return { conferenceId, base, soc, admin, chair, member, add, list };
  }

  async function listen(token: string, conferenceId: string): Promise<EventStream> {
    const socket = await connect(api.url, token);
    sockets.push(socket);
    const stream = new EventStream(socket, conferenceId);
    await stream.join(socket);
    return stream;
  }

  it('corrects a report to come and removes one added twice, announced to every screen of the conference only', async () => {
    const s = await setUp();
    const other = await setUp();
    const hall = await listen(s.member.token, s.conferenceId);
    const elsewhere = await listen(other.member.token, other.conferenceId);
    const nec = await s.add(NEC);
    const twice = await s.add({ title: 'NEC Annual Report (again)', sections: [{ key: '1', title: 'All of it' }] });
    expect(nec).toMatchObject({ status: 'to_come', version: 1 });

    // The slips corrected: the title's spelling and a section's number. It keeps its place.
    const corrected = await api
      .http()
      .put(`${s.base}/${nec.id}`)
      .set(s.soc.auth)
      .send({ title: ' NEC Annual Report ', sections: [{ key: '3', title: 'Finance' }, { key: '4', title: 'Campaigns' }], expectedVersion: 1 })
      .expect(200);
    expect(corrected.body).toMatchObject({
      id: nec.id,
      title: 'NEC Annual Report',
      sections: [{ key: '3', title: 'Finance' }, { key: '4', title: 'Campaigns' }],
      status: 'to_come',
      statusText: 'To come.',
      version: 2,
    });
    // A member's phone hears it: the event is public, as `report.added` is.
    const [changed] = await hall.waitFor('report.changed');
    expect(changed).toMatchObject({ payload: { reportId: nec.id, title: 'NEC Annual Report', formerTitle: 'NEC Anual Report' } });

    // A correction made from the list as it was before is refused, not saved over the other.
    const stale = await api.http().put(`${s.base}/${nec.id}`).set(s.admin.auth).send({ ...NEC, expectedVersion: 1 }).expect(409);
    expect(stale.body.message).toBe('“NEC Annual Report” was corrected by someone else after you read it. Reload the list to see it as it is now, then make your correction again.');
    // The conference's administrators may correct it too.
    await api
      .http()
      .put(`${s.base}/${nec.id}`)
      .set(s.admin.auth)
      .send({ title: 'NEC Annual Report', sections: [{ key: '3', title: 'Finance' }, { key: '4', title: 'Campaigns and organising' }], expectedVersion: 2 })
      .expect(200);

    // The report added twice is removed; the order of business keeps the corrected one.
    await api.http().delete(`${s.base}/${twice.id}`).set(s.soc.auth).expect(204);
    const [removed] = await hall.waitFor('report.removed');
    expect(removed).toMatchObject({ payload: { reportId: twice.id, title: 'NEC Annual Report (again)' } });
    expect(await s.list()).toEqual([
      expect.objectContaining({ id: nec.id, title: 'NEC Annual Report', sections: [{ key: '3', title: 'Finance' }, { key: '4', title: 'Campaigns and organising' }], version: 3 }),
    ]);
    // Gone: removing or correcting it again finds nothing.
    const gone = await api.http().delete(`${s.base}/${twice.id}`).set(s.soc.auth).expect(404);
    expect(gone.body.message).toMatch(/No such report on this conference’s order of business/);
    await api.http().put(`${s.base}/${twice.id}`).set(s.soc.auth).send(NEC).expect(404);

    // Another conference's screens heard none of it.
    await pause(200);
    expect(elsewhere.applied.filter((e) => e.type.startsWith('report.'))).toEqual([]);
  });

  it('refuses a correction as it refuses adding: a number used twice, a blank title, another report’s title', async () => {
    const s = await setUp();
    const nec = await s.add(NEC);
    await s.add({ title: 'Treasurer’s Report', sections: [{ key: '1', title: 'Accounts' }] });
    const correct = (body: object, status: number) => api.http().put(`${s.base}/${nec.id}`).set(s.soc.auth).send(body).expect(status);

    const twice = await correct({ title: 'NEC Annual Report', sections: [{ key: '3', title: 'Finance' }, { key: '3', title: 'Campaigns' }] }, 400);
    expect(twice.body).toMatchObject({ message: 'Two sections are numbered 3; give each its own number.', errors: { 'sections.1.key': 'used twice' } });
    expect((await correct({ title: '  ', sections: NEC.sections }, 400)).body.errors).toHaveProperty('title');
    expect((await correct({ title: 'NEC Annual Report', sections: [] }, 400)).body.errors).toHaveProperty('sections');
    const taken = await correct({ title: 'treasurer’s report', sections: NEC.sections }, 409);
    expect(taken.body).toMatchObject({ message: 'A report called “treasurer’s report” is already on the order of business.', errors: { title: 'already used' } });
    // Nothing was changed by any of them.
    expect((await s.list())[0]).toMatchObject({ title: 'NEC Anual Report', version: 1 });
    // A report may keep its own title, in another case.
    await correct({ title: 'NEC ANUAL REPORT', sections: NEC.sections }, 200);
  });

  it('refuses anyone but the SOC and administrators, and tells someone outside the conference it is not there', async () => {
    const s = await setUp();
    const nec = await s.add(NEC);
    const stranger = await ctx.newOfficial();
    const correct = (who: { auth: Record<string, string> }) => api.http().put(`${s.base}/${nec.id}`).set(who.auth).send(NEC);
    const remove = (who: { auth: Record<string, string> }) => api.http().delete(`${s.base}/${nec.id}`).set(who.auth);
    expect((await correct(s.chair)).status).toBe(403);
    expect((await remove(s.chair)).status).toBe(403);
    expect((await remove(s.member)).status).toBe(403);
    expect((await correct(stranger)).status).toBe(404);
    expect((await remove(stranger)).status).toBe(404);
    // An unknown report, and one of another conference, are not found.
    const other = await setUp();
    const theirs = await other.add({ title: 'Their report', sections: [{ key: '1', title: 'One' }] });
    await api.http().delete(`${s.base}/${theirs.id}`).set(s.soc.auth).expect(404);
    await api.http().put(`${s.base}/00000000-0000-4000-8000-000000000000`).set(s.soc.auth).send(NEC).expect(404);
    expect(await other.list()).toHaveLength(1);
    expect(await s.list()).toHaveLength(1);
    // A conference that does not exist is named in words, never by its id.
    const nowhere = '00000000-0000-4000-8000-00000000beef';
    const headOffice = await ctx.asHeadOffice();
    const lost = await api.http().post(`/api/conferences/${nowhere}/reports`).set(headOffice.auth).send(NEC).expect(404);
    expect(lost.body.message).toMatch(/No such conference/);
    expect(JSON.stringify(lost.body)).not.toContain(nowhere);
  });

  it('refuses both once the chair has taken the report, saying why and what to do', async () => {
    const s = await setUp();
    const nec = await s.add(NEC);
    const chairSays = async (command: object) => {
      const { version } = (await api.http().get(`/api/conferences/${s.conferenceId}/debate`).set(s.chair.auth).expect(200)).body;
      await api.http().post(`/api/conferences/${s.conferenceId}/debate/commands`).set(s.chair.auth).send({ expectedSeq: version, ...command }).expect(200);
    };
    await chairSays({ type: 'takeReport', reportId: nec.id });

    const corrected = await api.http().put(`${s.base}/${nec.id}`).set(s.soc.auth).send(NEC).expect(409);
    expect(corrected.body.message).toBe(
      'The chair is taking “NEC Anual Report” now, so it can no longer be corrected: what the meeting does with it is recorded under the title and sections it was taken with. Tell the chair of the mistake; the minutes can be corrected when they are approved.',
    );
    expect((await api.http().delete(`${s.base}/${nec.id}`).set(s.soc.auth).expect(409)).body.message).toMatch(/can no longer be removed/);

    await chairSays({ type: 'receiveReport', reportId: nec.id });
    const removed = await api.http().delete(`${s.base}/${nec.id}`).set(s.admin.auth).expect(409);
    expect(removed.body.message).toBe(
      'The chair has taken “NEC Anual Report” and the meeting has received it, so it can no longer be removed: its record stands in the minutes. A mistake in it is corrected when the minutes are approved.',
    );
    expect((await s.list())[0]).toMatchObject({ title: 'NEC Anual Report', status: 'received', version: 1 });
  });
});
