import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/** Hall ↔ remote: head office or a teller moves an attendee, with a reason; never two channels in one vote. */
describe('switching an attendee between the hall and remote attendance', () => {
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

  async function conference() {
    const made = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [made.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: made.id, role: 'chair' }] });
    const teller = await ctx.newOfficial({ roles: [{ conferenceId: made.id, role: 'teller' }] });
    return { id: made.id, chair, teller };
  }

  const switchTo = (conferenceId: string, registrationId: string, who: { auth: Record<string, string> }, body: Record<string, unknown>) =>
    api.http().post(`/api/conferences/${conferenceId}/registrations/${registrationId}/attendance-mode`).set(who.auth).send(body);

  const openHybridVote = (conferenceId: string, chair: { auth: Record<string, string> }, title = 'Motion 1: Workloads') =>
    api.http().post(`/api/conferences/${conferenceId}/votes`).set(chair.auth).send({ subject: 'motion', title, topics: ['general'], method: 'hybrid', secret: true }).expect(201);

  it("lets a teller check a remote registrant in at the hall, with a reason; then the member's electronic ballot is refused in a hybrid vote", async () => {
    const { id, chair, teller } = await conference();
    const member = await ctx.newAttendee(id, { mode: 'remote' });
    const refusedCheckIn = await api.http().post(`/api/conferences/${id}/registrations/${member.registrationId}/check-in`).set(teller.auth).expect(422);
    expect(refusedCheckIn.body.message).toContain('switch them to the hall with a reason');

    const switched = await switchTo(id, member.registrationId, teller, { attendanceMode: 'hall', reason: 'Arrived at the venue' }).expect(200);
    expect(switched.body).toMatchObject({ attendanceMode: 'hall', checkedIn: true, present: true });
    const [logged] = await sql(`SELECT payload FROM conference_event WHERE conference_id = $1 AND type = 'attendance.switched' AND audience = 'admin'`, [id]);
    expect(logged.payload).toMatchObject({ from: 'remote', to: 'hall', reason: 'Arrived at the venue', name: member.member.name });
    const quorum = await api.http().get(`/api/conferences/${id}/quorum`).set(chair.auth).expect(200);
    expect(quorum.body).toMatchObject({ presentHall: 1, presentRemote: 0 });

    const vote = (await openHybridVote(id, chair)).body;
    const refused = await api.http().post(`/api/conferences/${id}/votes/${vote.id}/ballots`).set(member.auth).send({ choice: 'for', idempotencyKey: randomUUID() }).expect(422);
    expect(refused.body.message).toContain('counted by the tellers on the show of cards');
    expect(refused.body.rule).toBe('one-channel-per-voter');
  });

  it('lets head office switch a hall registrant to remote: absent until their phone confirms', async () => {
    const { id } = await conference();
    const member = await ctx.newAttendee(id, { mode: 'hall' });
    const admin = await ctx.asHeadOffice();
    await api.http().post(`/api/conferences/${id}/registrations/${member.registrationId}/check-in`).set(admin.auth).expect(200);
    const switched = await switchTo(id, member.registrationId, admin, { attendanceMode: 'remote', reason: 'Unwell, voting from home' }).expect(200);
    expect(switched.body).toMatchObject({ attendanceMode: 'remote', checkedIn: false, present: false });
    const me = await api.http().get('/api/auth/me').set(member.auth).expect(200);
    expect(me.body.attendanceMode).toBe('remote');
  });

  it('refuses a switch while an open vote holds them on its register, voted or not, and allows it after the close', async () => {
    const { id, chair, teller } = await conference();
    const member = await ctx.newAttendee(id, { mode: 'remote' });
    await ctx.markRemotePresent([member.registrationId]);
    const vote = (await openHybridVote(id, chair, 'Motion 2: Pay')).body;
    const before = await switchTo(id, member.registrationId, teller, { attendanceMode: 'hall', reason: 'Arrived' }).expect(422);
    expect(before.body).toMatchObject({ rule: 'one-channel-per-vote' });
    expect(before.body.message).toContain('"Motion 2: Pay"');
    expect(before.body.message).not.toContain('has voted');

    await api.http().post(`/api/conferences/${id}/votes/${vote.id}/ballots`).set(member.auth).send({ choice: 'for', idempotencyKey: randomUUID() }).expect(200);
    const voted = await switchTo(id, member.registrationId, teller, { attendanceMode: 'hall', reason: 'Arrived' }).expect(422);
    expect(voted.body.message).toContain('has voted in it');
    const [row] = await sql('SELECT attendance_mode FROM registration WHERE id = $1', [member.registrationId]);
    expect(row.attendance_mode).toBe('remote');

    await api.http().post(`/api/conferences/${id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
    await switchTo(id, member.registrationId, teller, { attendanceMode: 'hall', reason: 'Arrived' }).expect(200);
  });

  it('says what is wrong: no reason, the mode they already have, an unknown mode; and is not for attendees', async () => {
    const { id, teller } = await conference();
    const member = await ctx.newAttendee(id, { mode: 'remote' });
    const noReason = await switchTo(id, member.registrationId, teller, { attendanceMode: 'hall', reason: '' }).expect(400);
    expect(noReason.body.errors).toHaveProperty('reason');
    const blank = await switchTo(id, member.registrationId, teller, { attendanceMode: 'hall', reason: '   ' }).expect(400);
    expect(blank.body.errors).toHaveProperty('reason');
    const same = await switchTo(id, member.registrationId, teller, { attendanceMode: 'remote', reason: 'x' }).expect(400);
    expect(same.body.message).toContain('already attends remotely');
    const unknown = await switchTo(id, member.registrationId, teller, { attendanceMode: 'sofa', reason: 'x' }).expect(400);
    expect(unknown.body.errors).toHaveProperty('attendanceMode');
    await switchTo(id, member.registrationId, member, { attendanceMode: 'hall', reason: 'x' }).expect(403);
  });
});
