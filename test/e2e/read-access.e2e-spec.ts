import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * Who may read conferences and the register's bodies, as API.md and SECURITY.md say (issue 17): the
 * public parts are public on purpose, everything else is hidden from someone with no part in it exactly
 * as if it did not exist.
 */
describe('who may read conferences and bodies', () => {
  let api: TestApi;
  let ctx: TestContext;
  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('shows anyone, signed in or not, a conference’s name, venue, zone, dates and format — and nothing more', async () => {
    const conference = await ctx.newConference();
    const list = await api.http().get('/api/conferences').expect(200);
    const listed = (list.body as Array<Record<string, unknown>>).find((c) => c.id === conference.id);
    expect(listed).toBeDefined();
    expect(Object.keys(listed!).sort()).toEqual(['createdAt', 'endsOn', 'format', 'id', 'name', 'startsOn', 'timeZone', 'updatedAt', 'venue', 'version']);
    const one = await api.http().get(`/api/conferences/${conference.id}`).expect(200);
    expect(one.body).toEqual(listed);
    await api.http().get(`/api/conferences/${randomUUID()}`).expect(404);
  });

  it('hides what happens inside a conference from someone with no part in it, exactly as for one that does not exist', async () => {
    const mine = await ctx.newConference();
    const theirs = await ctx.newConference();
    const attendee = await ctx.newAttendee(mine.id);
    const chairElsewhere = await ctx.newOfficial({ roles: [{ conferenceId: mine.id, role: 'chair' }] });
    for (const principal of [attendee, chairElsewhere]) {
      for (const path of ['motions', 'votes', 'quorum', 'debate']) {
        const hidden = await api.http().get(`/api/conferences/${theirs.id}/${path}`).set(principal.auth);
        const missing = await api.http().get(`/api/conferences/${randomUUID()}/${path}`).set(principal.auth);
        expect({ path, status: hidden.status }).toEqual({ path, status: 404 });
        expect({ path, status: missing.status }).toEqual({ path, status: 404 });
        expect(hidden.body.message).toBe(missing.body.message.replace(/[0-9a-f-]{36}/, theirs.id));
      }
      // Their own conference still answers.
      await api.http().get(`/api/conferences/${mine.id}/motions`).set(principal.auth).expect(200);
    }
    await api.http().get(`/api/conferences/${theirs.id}/motions`).expect(401);
  });

  it('lists the register’s bodies (branches, networks, committees) to anyone signed in, and to nobody else', async () => {
    const conference = await ctx.newConference();
    const body = await ctx.newBody({ name: 'Cymru Branch' });
    const attendee = await ctx.newAttendee(conference.id);
    const official = await ctx.newOfficial();
    for (const principal of [attendee, official, await ctx.asHeadOffice()]) {
      const bodies = await api.http().get('/api/membership/bodies').set(principal.auth).expect(200);
      expect(bodies.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: body.id, name: 'Cymru Branch' })]));
    }
    await api.http().get('/api/membership/bodies').expect(401);
    // The members of a body are another matter: its own officers only (API.md), head office included in the refusal.
    await api.http().get(`/api/membership/bodies/${body.id}/members`).set(official.auth).expect(403);
  });
});
