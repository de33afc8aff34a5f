import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestContext } from '../support/test-context';

const napo2025 = {
  name: 'Napo AGM 2025',
  venue: 'Eastbourne and online',
  timeZone: 'Europe/London',
  startsOn: '2025-10-02',
  endsOn: '2025-10-03',
  format: 'hybrid',
};

describe('conferences over HTTP', () => {
  let api: TestApi;
  let admin: SignedInPerson;
  beforeAll(async () => {
    api = await startTestApi();
    admin = await new TestContext(api).asHeadOffice();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('creates a conference and reads it back', async () => {
    const created = await api.http().post('/api/conferences').set(admin.auth).send(napo2025).expect(201);
    expect(created.body).toMatchObject({ ...napo2025, id: expect.any(String) });
    const read = await api.http().get(`/api/conferences/${created.body.id}`).expect(200);
    expect(read.body).toEqual(created.body);
    const list = await api.http().get('/api/conferences').expect(200);
    expect(list.body.map((c: { id: string }) => c.id)).toContain(created.body.id);
  });

  it('starts the conference event log with its creation', async () => {
    const created = await api.http().post('/api/conferences').set(admin.auth).send({ ...napo2025, name: 'Logged AGM' }).expect(201);
    const rows = await api.database.dataSource.query('SELECT seq, type FROM conference_event WHERE conference_id = $1 ORDER BY seq', [created.body.id]);
    expect(rows).toEqual([{ seq: '1', type: 'conference.created' }]);
  });

  it('updates a conference and refuses dates that would end before the start', async () => {
    const created = await api.http().post('/api/conferences').set(admin.auth).send(napo2025).expect(201);
    const updated = await api.http().patch(`/api/conferences/${created.body.id}`).set(admin.auth).send({ venue: 'Online only', format: 'online' }).expect(200);
    expect(updated.body).toMatchObject({ venue: 'Online only', format: 'online', name: napo2025.name });

    const refused = await api.http().patch(`/api/conferences/${created.body.id}`).set(admin.auth).send({ endsOn: '2025-10-01' }).expect(400);
    expect(refused.body).toEqual({ statusCode: 400, message: expect.any(String), errors: { endsOn: expect.stringContaining('before it starts') } });
    const after = await api.http().get(`/api/conferences/${created.body.id}`).expect(200);
    expect(after.body.endsOn).toBe(napo2025.endsOn);
  });

  it('refuses an edit made from a stale version with 409, saying to reload, and changes nothing', async () => {
    const created = await api.http().post('/api/conferences').set(admin.auth).send({ ...napo2025, name: 'Stale AGM' }).expect(201);
    const id = created.body.id;
    const read = created.body.version;
    // The first administrator saves from what they read: the version moves on.
    const first = await api.http().patch(`/api/conferences/${id}`).set(admin.auth).send({ venue: 'Brighton', expectedVersion: read }).expect(200);
    expect(first.body).toMatchObject({ venue: 'Brighton', version: read + 1 });
    // The second, from the same reading, is refused and told to reload.
    const stale = await api.http().patch(`/api/conferences/${id}`).set(admin.auth).send({ venue: 'Blackpool', expectedVersion: read }).expect(409);
    expect(stale.body).toEqual({
      statusCode: 409,
      message: expect.stringMatching(new RegExp(`version ${read}; version ${read + 1} is saved now\\).*Reload them`)),
    });
    const after = await api.http().get(`/api/conferences/${id}`).expect(200);
    expect(after.body).toMatchObject({ venue: 'Brighton', version: read + 1 });
    const updates = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM conference_event WHERE conference_id = $1 AND type = 'conference.updated'`, [id]);
    expect(updates[0].n).toBe(1);
    // Reloaded, the change goes through; the version is not stored as a field, nor sent in the event.
    const again = await api.http().patch(`/api/conferences/${id}`).set(admin.auth).send({ venue: 'Blackpool', expectedVersion: read + 1 }).expect(200);
    expect(again.body).toMatchObject({ venue: 'Blackpool', version: read + 2 });
    const [event] = await api.database.dataSource.query(
      `SELECT payload FROM conference_event WHERE conference_id = $1 AND type = 'conference.updated' ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(event.payload).toEqual({ venue: 'Blackpool' });
    // A version that is not a whole number is refused at the field.
    const bad = await api.http().patch(`/api/conferences/${id}`).set(admin.auth).send({ venue: 'Hull', expectedVersion: 'two' }).expect(400);
    expect(Object.keys(bad.body.errors ?? {})).toContain('expectedVersion');
  });

  it('refuses moving the conference so that its deadlines would fall on or after its opening, and changes nothing', async () => {
    const created = await api.http().post('/api/conferences').set(admin.auth).send({ ...napo2025, name: 'Moved AGM' }).expect(201);
    const id = created.body.id;
    await api
      .http()
      .put(`/api/conferences/${id}/deadlines`)
      .set(admin.auth)
      .send({ motions: { date: '2025-08-12', time: '12:00' }, amendments: { date: '2025-09-02', time: '12:00' }, emergency: null, acceptsConstitutionalAmendments: false })
      .expect(200);

    // Opening on the day the amendments close: refused at the start date, naming the deadline in the way.
    const early = await api.http().patch(`/api/conferences/${id}`).set(admin.auth).send({ startsOn: '2025-09-02', endsOn: '2025-09-03' }).expect(400);
    expect(early.body).toEqual({
      statusCode: 400,
      message: expect.stringContaining('deadlines would no longer fall before it'),
      errors: { startsOn: expect.stringContaining('the amendments deadline (12:00 on 2 September 2025 (Europe/London))') },
    });
    // A zone whose midnight comes before London's noon deadline: refused at the time zone.
    const zone = await api.http().patch(`/api/conferences/${id}`).set(admin.auth).send({ timeZone: 'Pacific/Kiritimati', startsOn: '2025-09-03' }).expect(400);
    expect(zone.body.errors).toEqual({ startsOn: expect.stringContaining('Pacific/Kiritimati') });
    const after = await api.http().get(`/api/conferences/${id}`).expect(200);
    expect(after.body).toMatchObject({ startsOn: napo2025.startsOn, endsOn: napo2025.endsOn, timeZone: 'Europe/London' });
    const updates = await api.database.dataSource.query(`SELECT count(*)::int AS n FROM conference_event WHERE conference_id = $1 AND type = 'conference.updated'`, [id]);
    expect(updates[0].n).toBe(0);

    // The day after the amendments close is fine.
    const moved = await api.http().patch(`/api/conferences/${id}`).set(admin.auth).send({ startsOn: '2025-09-03', endsOn: '2025-09-04' }).expect(200);
    expect(moved.body).toMatchObject({ startsOn: '2025-09-03', endsOn: '2025-09-04' });
  });

  describe('refuses bad input with a 400 that names each field', () => {
    it.each([
      ['an unknown field', { ...napo2025, colour: 'red' }, 'colour'],
      ['a wrong type', { ...napo2025, name: 42 }, 'name'],
      ['an unknown time zone', { ...napo2025, timeZone: 'Europe/Eastbourne' }, 'timeZone'],
      ['an impossible date', { ...napo2025, startsOn: '2025-02-31' }, 'startsOn'],
      ['an unknown format', { ...napo2025, format: 'zoom' }, 'format'],
      ['an end before the start', { ...napo2025, endsOn: '2025-10-01' }, 'endsOn'],
    ])('%s', async (_what, body, field) => {
      const before = await api.http().get('/api/conferences').expect(200);
      const response = await api.http().post('/api/conferences').set(admin.auth).send(body).expect(400);
      expect(response.body.statusCode).toBe(400);
      expect(response.body.errors).toHaveProperty(field);
      const after = await api.http().get('/api/conferences').expect(200);
      expect(after.body).toHaveLength(before.body.length);
    });

    it('malformed JSON', async () => {
      const response = await api.http().post('/api/conferences').set(admin.auth).set('content-type', 'application/json').send('{"name": ').expect(400);
      expect(response.body).toEqual({ statusCode: 400, message: expect.stringMatching(/JSON/) });
    });
  });

  it('lets only head office create a conference', async () => {
    await api.http().post('/api/conferences').send(napo2025).expect(401);
    const chair = await new TestContext(api).newOfficial();
    const refused = await api.http().post('/api/conferences').set(chair.auth).send(napo2025).expect(403);
    expect(refused.body.message).toContain('head office');
  });

  it('answers 404 for a conference that does not exist, and for an id that is not one', async () => {
    const missing = await api.http().get('/api/conferences/6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, message: expect.stringContaining('No such conference') });
    await api.http().get('/api/conferences/not-an-id').expect(404);
  });
});

describe('operations endpoints', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('reports the database in /health', async () => {
    const health = await api.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document generated from the DTOs, and the Swagger UI', async () => {
    const doc = await api.http().get('/api/openapi.json').expect(200);
    expect(doc.body.paths).toHaveProperty('/api/conferences');
    expect(doc.body.components.schemas.ConferenceCreateDto.required).toEqual(expect.arrayContaining(['name', 'timeZone', 'startsOn']));
    await api.http().get('/api/docs').expect(200);
  });

  it('answers an unknown route with the same error shape', async () => {
    const response = await api.http().get('/api/nothing-here').expect(404);
    expect(response.body).toEqual({ statusCode: 404, message: expect.stringContaining('no such endpoint') });
  });

  it("keeps a caller's request id for tracing, and makes one when none is given", async () => {
    const given = await api.http().get('/api/conferences').set('x-request-id', 'trace-123').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await api.http().get('/api/conferences').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
