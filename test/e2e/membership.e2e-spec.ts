import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

const BODIES = [
  'code,kind,name,region,membership_count',
  'LDN,branch,London Branch,London,412',
  'MID,branch,Midlands Branch,Midlands,300',
  'WIN,network,Women in Napo,,',
  'NEC,committee,National Executive Committee,,',
].join('\r\n');
const MEMBERS_HEADER = 'membership_number,name,email,category,branch_code';

function csv(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

describe('the membership register over HTTP', () => {
  let api: TestApi;
  let auth: { Authorization: string };
  const get = (path: string) => api.http().get(path).set(auth);
  const post = (what: string, body: string) =>
    api.http().post(`/api/membership/${what}/import`).set(auth).set('content-type', 'text/csv').send(body);
  const memberCount = async () =>
    (await get('/api/membership/members?limit=1').expect(200)).body.total as number;

  beforeAll(async () => {
    api = await startTestApi();
    auth = (await new TestContext(api).asHeadOffice()).auth;
    await post('bodies', BODIES).expect(200, { imported: 4, updated: 0 });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('lets only head office import or read the register', async () => {
    const ctx = new TestContext(api);
    const conference = await ctx.newConference();
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const before = await memberCount();
    await api.http().post('/api/membership/members/import').set(chair.auth).set('content-type', 'text/csv').send(`${MEMBERS_HEADER}\nN900,Eve,eve@example.org,full,LDN\n`).expect(403);
    await api.http().get('/api/membership/members').set(chair.auth).expect(403);
    await api.http().post('/api/membership/members/import').set('content-type', 'text/csv').send(`${MEMBERS_HEADER}\n`).expect(401);
    expect(await memberCount()).toBe(before);
  });

  it('lists the imported bodies', async () => {
    const bodies = await get('/api/membership/bodies').expect(200);
    expect(bodies.body).toContainEqual({
      id: expect.any(String),
      code: 'LDN',
      kind: 'branch',
      name: 'London Branch',
      region: 'London',
      membershipCount: 412,
    });
    expect(bodies.body).toHaveLength(4);
  });

  it('imports a good register file and finds its members by search, page by page', async () => {
    const file = csv([
      MEMBERS_HEADER,
      'N100,"Okafor, Ada",ada@example.org,full,LDN',
      'N101,Ben Price,ben@example.org,Retired,MID',
      'N102,Cara Jones,cara@example.org,professional associate,LDN',
    ]);
    await post('members', file).expect(200, { imported: 3, updated: 0 });
    const found = await get('/api/membership/members?search=okafor').expect(200);
    expect(found.body).toEqual({
      items: [
        {
          id: expect.any(String),
          membershipNumber: 'N100',
          name: 'Okafor, Ada',
          email: 'ada@example.org',
          category: 'full',
          branchCode: 'LDN',
          createdAt: expect.any(String),
        },
      ],
      total: 1,
      limit: 50,
      offset: 0,
    });
    const second = await get('/api/membership/members?limit=2&offset=2').expect(200);
    expect(second.body.total).toBe(3);
    expect(second.body.items).toHaveLength(1);
    const retired = await get('/api/membership/members?search=N101').expect(200);
    expect(retired.body.items[0].category).toBe('retired');
  });

  it('refuses a bad file whole, naming every problem by line and column, and changes nothing', async () => {
    const before = await memberCount();
    const file = csv([
      'Membership Number,name,email,category', // branch_code missing from the header
      'N200,Dee Good,dee@example.org,full',
      'N201,Eve Bad,not-an-email,full',
      'N200,Dee Again,dee2@example.org,full',
      'N202,Fay,fay@example.org,astronaut',
    ]);
    const refused = await post('members', file).expect(400);
    expect(refused.body).toEqual({
      statusCode: 400,
      message: expect.stringContaining('not imported: 4 problems on 4 lines. Nothing was changed'),
      errors: {
        'line 1, branch_code': 'column is missing from the header',
        'line 3, email': 'not an email address',
        'line 4, membership_number': 'membership number N200 is on line 2 and line 4; each may appear once',
        'line 5, category': expect.stringContaining("'astronaut' is not a known membership category"),
      },
    });
    expect(await memberCount()).toBe(before);
  });

  it('refuses an unknown branch and a short line, with nothing written from the good lines', async () => {
    const before = await memberCount();
    const file = csv([
      MEMBERS_HEADER,
      'N300,Gus,gus@example.org,full,LDN',
      'N301,Hal,hal@example.org,full,NOWHERE',
      'N302,Ivy,ivy@example.org,full',
    ]);
    const refused = await post('members', file).expect(400);
    expect(refused.body.errors).toEqual({
      'line 3, branch_code': expect.stringContaining("'NOWHERE' is not a known branch code"),
      'line 4, branch_code': expect.stringContaining('the line has 4 fields but the header has 5'),
    });
    expect(await memberCount()).toBe(before);
    await get('/api/membership/members?search=N300').expect(200, {
      items: [],
      total: 0,
      limit: 50,
      offset: 0,
    });
  });

  it('updates members already on the register when the register is imported again', async () => {
    const file = csv([
      MEMBERS_HEADER,
      'N100,Ada Okafor-Smith,ada.smith@example.org,retired,MID',
      'N103,Dan New,dan@example.org,student,LDN',
    ]);
    await post('members', file).expect(200, { imported: 1, updated: 1 });
    const ada = await get('/api/membership/members?search=N100').expect(200);
    expect(ada.body.items[0]).toMatchObject({
      name: 'Ada Okafor-Smith',
      email: 'ada.smith@example.org',
      category: 'retired',
      branchCode: 'MID',
    });
  });

  it('imports officers, and a second file for a body replaces that body’s list', async () => {
    await post(
      'officers',
      csv(['body_code,membership_number,office', 'LDN,N102,Branch Secretary', 'NEC,N101,Chair']),
    ).expect(200, { imported: 2, updated: 0, removed: 0 });
    await post('officers', csv(['body_code,membership_number,office', 'LDN,N103,Branch Secretary'])).expect(
      200,
      { imported: 1, updated: 0, removed: 1 },
    );
    const rows = await api.database.dataSource.query(
      'SELECT b.code, m.membership_number FROM body_officer o JOIN body b ON b.id = o.body_id JOIN member m ON m.id = o.member_id ORDER BY b.code',
    );
    expect(rows).toEqual([
      { code: 'LDN', membership_number: 'N103' },
      { code: 'NEC', membership_number: 'N101' },
    ]);
    const refused = await post(
      'officers',
      csv(['body_code,membership_number,office', 'XXX,N999,Chair']),
    ).expect(400);
    expect(Object.keys(refused.body.errors)).toEqual(['line 2, body_code', 'line 2, membership_number']);
  });

  it('refuses a body of an unknown kind, in the same error shape', async () => {
    const refused = await post(
      'bodies',
      csv(['code,kind,name,region,membership_count', 'J1,joint_members,Two of us,,']),
    ).expect(400);
    expect(refused.body.errors).toEqual({
      'line 2, kind': expect.stringContaining('use one of branch, network, committee, forum'),
    });
  });

  it('asks for CSV when the body is not CSV text', async () => {
    const refused = await api
      .http()
      .post('/api/membership/members/import')
      .set(auth)
      .send({ csv: 'a,b' })
      .expect(400);
    expect(refused.body).toEqual({
      statusCode: 400,
      message: expect.stringContaining('text/csv'),
      errors: { body: expect.any(String) },
    });
  });

  it('refuses paging outside its limits', async () => {
    const refused = await get('/api/membership/members?limit=5000').expect(400);
    expect(refused.body.errors).toHaveProperty('limit');
  });
});
