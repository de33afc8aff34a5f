import { apiSuite } from '../support/api-suite';
import type { SignedInPerson, TestAttendee } from '../support/test-context';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Posts and nominations through the API (issue 20, docs/elections.md "Posts and nominations"): the
 * returning officer sets up posts, branch secretaries nominate, candidates accept or withdraw, and the
 * close of nominations declares an uncontested post or leaves a contested one awaiting its ballot.
 */
describe('elections: posts and nominations', () => {
  const suite = apiSuite();
  let conferenceId: string;
  let base: string;
  let returningOfficer: SignedInPerson;
  let londonSecretary: SignedInPerson;
  let cymruSecretary: SignedInPerson;
  let london: { id: string; name: string };
  let cymru: { id: string; name: string };
  // The window is open now: it opened a day ago and closes in a day.
  const openWindow = () => ({
    nominationsOpenAt: new Date(Date.now() - DAY).toISOString(),
    nominationsCloseAt: new Date(Date.now() + DAY).toISOString(),
  });

  beforeAll(async () => {
    const { ctx } = suite;
    conferenceId = (await ctx.newConference()).id;
    base = `/api/conferences/${conferenceId}/posts`;
    returningOfficer = await ctx.newOfficial({ roles: [{ conferenceId, role: 'returning_officer' }] });
    london = await ctx.newBody({ name: 'London Branch' });
    cymru = await ctx.newBody({ name: 'Cymru Branch' });
    londonSecretary = await ctx.newOfficer(london.id);
    cymruSecretary = await ctx.newOfficer(cymru.id);
  });

  const http = () => suite.api.http();
  const nominate = (postId: string, who: SignedInPerson, candidateMemberId: string, bodyId: string) =>
    http().post(`${base}/${postId}/nominations`).set(who.auth).send({ candidateMemberId, bodyId });

  it('runs a one-seat post from nominations to a candidate elected unopposed', async () => {
    const { ctx } = suite;
    const created = await http()
      .post(base)
      .set(returningOfficer.auth)
      .send({
        title: 'Treasurer',
        seats: 1,
        method: 'instant-runoff',
        eligibleCategories: ['full'],
        nominatingBodyIds: [london.id],
        statementWordLimit: 10,
        ...openWindow(),
      })
      .expect(201);
    const postId = created.body.id;
    expect(created.body).toMatchObject({
      title: 'Treasurer',
      state: 'open',
      stateText: 'Nominations open',
      nominatingBodies: ['London Branch'],
      candidates: [],
    });
    expect(created.body.nominationWindow).toContain('(Europe/London)');

    const ann: TestAttendee = await ctx.newAttendee(conferenceId, { category: 'full' });
    const bo: TestAttendee = await ctx.newAttendee(conferenceId, { category: 'full' });
    const annNomination = (await nominate(postId, londonSecretary, ann.member.id, london.id).expect(201)).body
      .id;
    const boNomination = (await nominate(postId, londonSecretary, bo.member.id, london.id).expect(201)).body
      .id;

    // Refusals, each in words.
    const duplicate = await nominate(postId, londonSecretary, ann.member.id, london.id).expect(409);
    expect(duplicate.body.message).toBe(`${ann.member.name} is already nominated for Treasurer.`);
    const retired = await ctx.newMember({ category: 'retired' });
    const ineligible = await nominate(postId, londonSecretary, retired.id, london.id).expect(422);
    expect(ineligible.body.message).toBe(
      `${retired.name} may not stand for Treasurer: only members in the full category may stand, and they are a retired member.`,
    );
    const wrongBody = await nominate(postId, cymruSecretary, ann.member.id, cymru.id).expect(422);
    expect(wrongBody.body.message).toBe(
      'Cymru Branch may not nominate for Treasurer: nominations come from London Branch.',
    );
    await nominate(postId, cymruSecretary, ann.member.id, london.id).expect(403);
    await nominate(postId, await ctx.asHeadOffice(), ann.member.id, london.id).expect(403);

    // The candidate finds their own nomination, and only theirs.
    const mine = await http().get(`${base}/${postId}/nominations`).set(ann.auth).expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        id: annNomination,
        candidateName: ann.member.name,
        nominatedBy: 'London Branch',
        status: 'nominated',
      }),
    ]);

    const tooLong = await http()
      .post(`${base}/${postId}/nominations/${annNomination}/accept`)
      .set(ann.auth)
      .send({ statement: 'I will keep the union’s books open to every member, every year, without fail.' })
      .expect(400);
    expect(tooLong.body.errors).toEqual({
      statement: '14 words: 4 words over the limit of 10; shorten it by 4',
    });
    await http()
      .post(`${base}/${postId}/nominations/${annNomination}/accept`)
      .set(bo.auth)
      .send({ statement: 'Not mine to accept.' })
      .expect(403);
    const stranger = await ctx.newOfficial();
    await http()
      .post(`${base}/${postId}/nominations/${annNomination}/accept`)
      .set(stranger.auth)
      .send({ statement: 'Not mine either.' })
      .expect(404);
    await http()
      .post(`${base}/${postId}/nominations/${annNomination}/accept`)
      .set(ann.auth)
      .send({ statement: 'Open books for every member.' })
      .expect(204);
    await http()
      .post(`${base}/${postId}/nominations/${boNomination}/accept`)
      .set(bo.auth)
      .send({ statement: 'Steady hands.' })
      .expect(204);
    await http()
      .post(`${base}/${postId}/nominations/${boNomination}/withdraw`)
      .set(bo.auth)
      .send({ reason: 'Standing for the NEC instead' })
      .expect(204);
    await http()
      .post(`${base}/${postId}/nominations/${boNomination}/withdraw`)
      .set(bo.auth)
      .send({ reason: 'Again' })
      .expect(409);

    const before = await http().get(base).set(bo.auth).expect(200);
    expect(before.body.find((p: { id: string }) => p.id === postId).candidates).toEqual([
      {
        nominationId: annNomination,
        name: ann.member.name,
        body: 'London Branch',
        statement: 'Open books for every member.',
        declaredGroups: null,
      },
    ]);

    await http().post(`${base}/${postId}/close-nominations`).set(londonSecretary.auth).expect(403);
    const closed = await http()
      .post(`${base}/${postId}/close-nominations`)
      .set(returningOfficer.auth)
      .expect(200);
    expect(closed.body).toMatchObject({
      state: 'uncontested',
      result: `${ann.member.name} is elected unopposed to Treasurer.`,
    });
    const again = await http()
      .post(`${base}/${postId}/close-nominations`)
      .set(returningOfficer.auth)
      .expect(409);
    expect(again.body.message).toContain('were already closed at');
    const late = await nominate(postId, londonSecretary, bo.member.id, london.id).expect(422);
    expect(late.body.message).toContain('Nominations for Treasurer were closed at');

    const events = await suite.sql(
      `SELECT type, audience, payload FROM conference_event WHERE conference_id = $1 AND type LIKE 'election.%' ORDER BY seq`,
      [conferenceId],
    );
    const declared = events.find((e: { type: string }) => e.type === 'election.declared_uncontested');
    expect(declared).toMatchObject({
      audience: 'public',
      payload: { postId, elected: [ann.member.name], vacantSeats: 0 },
    });
    // The withdrawal's reason stays with the returning officer.
    expect(
      events
        .filter((e: { type: string; audience: string }) => e.type.includes('withdrawn'))
        .map((e: { type: string; audience: string }) => [e.type, e.audience]),
    ).toEqual([
      ['election.nomination.withdrawn', 'elections'],
      ['election.candidate.withdrawn', 'public'],
    ]);
  });

  it('leaves a contested post awaiting its ballot, shows declarations only where chosen, and declares it once withdrawals leave no contest', async () => {
    const { ctx } = suite;
    const created = await http()
      .post(base)
      .set(returningOfficer.auth)
      .send({
        title: 'National Executive Committee',
        seats: 2,
        method: 'scottish-stv',
        reservedSeats: [{ group: 'women', atLeast: 1 }],
        ...openWindow(),
      })
      .expect(201);
    const postId = created.body.id;
    expect(created.body.statementWordLimit).toBe(250);
    const [cara, dev, eve] = [
      await ctx.newAttendee(conferenceId),
      await ctx.newAttendee(conferenceId),
      await ctx.newAttendee(conferenceId),
    ];
    const ids: string[] = [];
    for (const [candidate, secretary, body] of [
      [cara, londonSecretary, london],
      [dev, cymruSecretary, cymru],
      [eve, londonSecretary, london],
    ] as const) {
      ids.push((await nominate(postId, secretary, candidate.member.id, body.id).expect(201)).body.id);
    }
    const missing = await http()
      .post(`${base}/${postId}/nominations/${ids[0]}/accept`)
      .set(cara.auth)
      .send({ statement: 'For members.' })
      .expect(400);
    expect(missing.body.errors.declaration).toContain('reserves seats for women');
    await http()
      .post(`${base}/${postId}/nominations/${ids[0]}/accept`)
      .set(cara.auth)
      .send({ statement: 'For members.', declaration: { groups: ['women'], showPublicly: true } })
      .expect(204);
    // The returning officer records Dev's signed paper acceptance.
    await http()
      .post(`${base}/${postId}/nominations/${ids[1]}/accept`)
      .set(returningOfficer.auth)
      .send({ statement: 'For branches.', declaration: { groups: ['women'], showPublicly: false } })
      .expect(204);
    await http()
      .post(`${base}/${postId}/nominations/${ids[2]}/accept`)
      .set(eve.auth)
      .send({ statement: 'For everyone.', declaration: { groups: [], showPublicly: false } })
      .expect(204);

    const closed = await http()
      .post(`${base}/${postId}/close-nominations`)
      .set(returningOfficer.auth)
      .expect(200);
    expect(closed.body).toMatchObject({
      state: 'awaiting_ballot',
      stateText: 'Nominations closed: awaiting the ballot',
      result: '3 candidates stand for 2 seats on National Executive Committee: a ballot is needed.',
    });
    expect(
      closed.body.candidates.map((c: { name: string; declaredGroups: string[] | null }) => [
        c.name,
        c.declaredGroups,
      ]),
    ).toEqual([
      [cara.member.name, ['women']],
      [dev.member.name, null],
      [eve.member.name, null],
    ]);
    const stored = await suite.sql('SELECT declared_groups FROM nomination WHERE id = $1', [ids[1]]);
    expect(stored[0].declared_groups).toEqual(['women']);

    await http()
      .post(`${base}/${postId}/nominations/${ids[2]}/withdraw`)
      .set(eve.auth)
      .send({ reason: 'Moved away' })
      .expect(204);
    const after = await http().get(`${base}/${postId}`).set(eve.auth).expect(200);
    expect(after.body).toMatchObject({
      state: 'uncontested',
      result: `${cara.member.name} and ${dev.member.name} are elected unopposed to National Executive Committee.`,
    });
  });

  it('lets head office give the returning officer role through conference set-up, and the new officer set up a post', async () => {
    const headOffice = await suite.ctx.asHeadOffice();
    const official = await suite.ctx.newOfficial();
    await http()
      .post(base)
      .set(official.auth)
      .send({ title: 'Auditor', seats: 1, method: 'first-past-the-post', ...openWindow() })
      .expect(404);
    await http()
      .post(`/api/conferences/${conferenceId}/roles`)
      .set(headOffice.auth)
      .send({ accountId: official.id, role: 'returning_officer' })
      .expect(201);
    // Roles are read at each request, so the same token now runs the elections.
    await http()
      .post(base)
      .set(official.auth)
      .send({ title: 'Auditor', seats: 1, method: 'first-past-the-post', ...openWindow() })
      .expect(201);
  });

  it('refuses a nomination outside the window with the window in the conference’s zone, and a post that cannot be counted', async () => {
    const future = await http()
      .post(base)
      .set(returningOfficer.auth)
      .send({
        title: 'President',
        seats: 1,
        method: 'first-past-the-post',
        nominationsOpenAt: '2099-03-02T09:00:00Z',
        nominationsCloseAt: '2099-03-30T12:00:00+01:00',
      })
      .expect(201);
    const member = await suite.ctx.newMember();
    const early = await nominate(future.body.id, londonSecretary, member.id, london.id).expect(422);
    expect(early.body.message).toBe(
      'Nominations for President open at 09:00 on 2 March 2099 (Europe/London) and close at 12:00 on 30 March 2099 (Europe/London): they are not open yet.',
    );
    await http().post(`${base}/${future.body.id}/close-nominations`).set(returningOfficer.auth).expect(422);

    const irv = await http()
      .post(base)
      .set(returningOfficer.auth)
      .send({ title: 'Vice-presidents', seats: 2, method: 'instant-runoff', ...openWindow() })
      .expect(400);
    expect(irv.body.errors.method).toContain('instant runoff fills one seat');
    const typo = await http()
      .post(base)
      .set(returningOfficer.auth)
      .send({
        title: 'Auditor',
        seats: 1,
        method: 'first-past-the-post',
        eligibleCategories: ['fulll'],
        ...openWindow(),
      })
      .expect(400);
    expect(typo.body.errors.eligibleCategories).toContain(
      'fulll: not a membership category of this conference (full,',
    );
    const noOffset = await http()
      .post(base)
      .set(returningOfficer.auth)
      .send({
        title: 'Auditor',
        seats: 1,
        method: 'first-past-the-post',
        nominationsOpenAt: '2099-03-02T09:00',
        nominationsCloseAt: '2099-03-30T12:00:00Z',
      })
      .expect(400);
    expect(noOffset.body.errors.nominationsOpenAt).toContain('offset');
    await http()
      .post(base)
      .set(returningOfficer.auth)
      .send({ title: 'president', seats: 1, method: 'first-past-the-post', ...openWindow() })
      .expect(409);
    await http()
      .post(base)
      .set(londonSecretary.auth)
      .send({ title: 'Auditor', seats: 1, method: 'first-past-the-post', ...openWindow() })
      .expect(403);
    const stranger = await suite.ctx.newOfficial();
    await http().get(base).set(stranger.auth).expect(404);
  });
});
