import { randomUUID } from 'node:crypto';
import { napoDefaultRuleset } from '@agm/domain';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestAttendee, TestContext } from '../support/test-context';

/** Issue 19 item 4: a quorum made of parts, checked when the AGM opens and before each vote; the new majorities. */
describe('a quorum made of parts, and majorities of votes cast and of those entitled', () => {
  let api: TestApi;
  let ctx: TestContext;
  let headOffice: SignedInPerson;
  const sql = (text: string, params: unknown[] = []) => api.database.dataSource.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
    headOffice = await ctx.asHeadOffice();
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Head office sets the quorum through the ruleset api, as set-up does. */
  async function setQuorum(conferenceId: string, quorum: Record<string, unknown>, status = 200) {
    const base = `/api/conferences/${conferenceId}`;
    const current = (await api.http().get(`${base}/ruleset`).set(headOffice.auth).expect(200)).body;
    return api
      .http()
      .put(`${base}/ruleset`)
      .set(headOffice.auth)
      .send({ ruleset: { ...current.ruleset, quorum: { ...current.ruleset.quorum, ...quorum } }, expectedVersion: current.version })
      .expect(status);
  }

  async function branch(): Promise<string> {
    const [row] = await sql(`INSERT INTO body (kind, code, name) VALUES ('branch', $1, $2) RETURNING id`, [
      `B${randomUUID().slice(0, 8)}`,
      `Branch ${randomUUID().slice(0, 4)}`,
    ]);
    return row.id;
  }

  /** A hall attendee of a branch, registered but not yet checked in. */
  async function memberOf(conferenceId: string, branchId: string): Promise<TestAttendee> {
    const attendee = await ctx.newAttendee(conferenceId, { mode: 'hall' });
    await sql('UPDATE member SET branch_id = $2 WHERE id = $1', [attendee.memberId, branchId]);
    return attendee;
  }
  const checkIn = (conferenceId: string, attendee: TestAttendee) =>
    api
      .http()
      .post(`/api/conferences/${conferenceId}/registrations/${attendee.registrationId}/check-in`)
      .set(headOffice.auth)
      .expect(200);

  it('refuses a quorum part that cannot be met, naming its rule, and keeps the ruleset in force', async () => {
    const conference = await ctx.newConference();
    const refused = await setQuorum(conference.id, { minimumBodiesRepresented: 0, minimumShareOfRegistered: 40 }, 400);
    expect(refused.body.errors).toEqual({
      'ruleset.quorum.minimumBodiesRepresented': 'must be a whole number of at least 1',
      'ruleset.quorum.minimumShareOfRegistered': 'must be a fraction above 0 and at most 1 (0.25 for a quarter), or null',
    });
    const misspelt = await setQuorum(conference.id, { minimumBranchesRepresented: 2 }, 400);
    expect(misspelt.body.errors).toEqual({
      'ruleset.quorum.minimumBranchesRepresented': 'is not a rule of the ruleset; check the spelling',
    });
    const inForce = (await api.http().get(`/api/conferences/${conference.id}/ruleset`).set(headOffice.auth).expect(200)).body;
    expect(inForce.version).toBe(1);
  });

  it("checks Napo's kind of quorum (branches represented and a share of those registered) when the AGM opens and before each vote, naming the part not met", async () => {
    const conference = await ctx.newConference();
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    await setQuorum(conference.id, { minimumCount: null, minimumBodiesRepresented: 2, minimumShareOfRegistered: 0.5 });
    const [london, wales] = [await branch(), await branch()];
    const londoners = [await memberOf(conference.id, london), await memberOf(conference.id, london)];
    const welsh = [await memberOf(conference.id, wales), await memberOf(conference.id, wales)];
    for (const member of londoners) await checkIn(conference.id, member);

    // Half of the four registered are present, but from one branch.
    const quorum = (await api.http().get(`/api/conferences/${conference.id}/quorum`).set(chair.auth).expect(200)).body;
    expect(quorum).toMatchObject({
      met: false,
      description: 'Not quorate: 1 branch represented, of 2 needed.',
      parts: [
        { rule: 'quorum.minimumBodiesRepresented', required: 2, present: 1, met: false },
        { rule: 'quorum.minimumShareOfRegistered', required: 2, present: 2, met: true },
      ],
    });
    const notOpened = await api.http().post(`/api/conferences/${conference.id}/open`).set(headOffice.auth).expect(422);
    expect(notOpened.body).toMatchObject({
      rule: 'quorum',
      message: expect.stringContaining('not quorate (1 branch represented, of 2 needed)'),
      errors: { 'quorum.minimumBodiesRepresented': '1 branch represented, of 2 needed' },
    });
    expect(await sql(`SELECT 1 FROM conference_event WHERE conference_id = $1 AND type = 'conference.opened'`, [conference.id])).toEqual([]);

    // A Welsh member checks in: two branches, three of four registered.
    await checkIn(conference.id, welsh[0]);
    const opened = await api.http().post(`/api/conferences/${conference.id}/open`).set(headOffice.auth).expect(200);
    expect(opened.body.quorum).toBe(
      'Quorate: 2 branches represented, of 2 needed; 3 members who count present, of 2 needed (50% of the 4 registered who count).',
    );
    const vote = { subject: 'custom', title: 'Conference fund', topics: [], method: 'show_of_cards', secret: false };
    const first = await api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send(vote).expect(201);
    await api.http().post(`/api/conferences/${conference.id}/votes/${first.body.id}/void`).set(chair.auth).send({ reason: 'Opened in error' }).expect(200);

    // Before the next vote Wales leaves: the vote is refused, naming the branches.
    await api
      .http()
      .post(`/api/conferences/${conference.id}/registrations/${welsh[0].registrationId}/check-out`)
      .set(headOffice.auth)
      .expect(200);
    const refused = await api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send(vote).expect(422);
    expect(refused.body.message).toContain('not quorate (1 branch represented, of 2 needed)');
  });

  describe('majorities', () => {
    async function votingConference() {
      const conference = await ctx.newConference();
      await setQuorum(conference.id, { minimumCount: 1 });
      const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
      const voters = [];
      for (let i = 0; i < 6; i++) voters.push(await ctx.newAttendee(conference.id, { mode: 'remote' }));
      await ctx.markRemotePresentIn(conference.id);
      return { conference, chair, voters };
    }
    const cast = (conferenceId: string, voteId: string, voter: TestAttendee, choice: string) =>
      api
        .http()
        .post(`/api/conferences/${conferenceId}/votes/${voteId}/ballots`)
        .set(voter.auth)
        .send({ choice, idempotencyKey: randomUUID() })
        .expect(200);

    it('counts abstentions in a majority of votes cast: more for than against is still lost', async () => {
      const { conference, chair, voters } = await votingConference();
      const vote = (
        await api
          .http()
          .post(`/api/conferences/${conference.id}/votes`)
          .set(chair.auth)
          .send({ subject: 'custom', title: 'Move to Cardiff', topics: [], method: 'electronic', secret: true, majority: 'votes_cast' })
          .expect(201)
      ).body;
      expect(vote.majority).toBe('votes_cast');
      // 2 for, 1 against, 2 abstain: 5 cast, 3 needed.
      for (const [i, choice] of ['for', 'for', 'against', 'abstain', 'abstain'].entries()) await cast(conference.id, vote.id, voters[i], choice);
      const closed = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
      expect(closed.body.result).toMatchObject({
        totals: { for: 2, against: 1, abstain: 2 },
        threshold: {
          majority: 'votes_cast',
          forNeeded: 3,
          description: 'Majority of votes cast: more than half of all 5 votes, abstentions included (3 needed).',
        },
        outcome: 'lost',
      });
    });

    it('needs more than half of those entitled to vote, however many voted', async () => {
      const { conference, chair, voters } = await votingConference();
      const vote = (
        await api
          .http()
          .post(`/api/conferences/${conference.id}/votes`)
          .set(chair.auth)
          .send({ subject: 'custom', title: 'Change the rules', topics: [], method: 'electronic', secret: false, majority: 'entitled' })
          .expect(201)
      ).body;
      // 6 entitled, 4 needed: 3 for and none against is lost.
      for (const voter of voters.slice(0, 3)) await cast(conference.id, vote.id, voter, 'for');
      const closed = await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);
      expect(closed.body.result).toMatchObject({
        threshold: { majority: 'entitled', forNeeded: 4 },
        outcome: 'lost',
      });
      expect(closed.body.result.threshold.description).toContain('more than half of the 6 entitled');
    });

    it('takes a motion’s majority from the ruleset by kind, and refuses one named for it', async () => {
      const { conference, chair } = await votingConference();
      const refused = await api
        .http()
        .post(`/api/conferences/${conference.id}/votes`)
        .set(chair.auth)
        .send({ subject: 'motion', title: 'Motion 1', topics: ['general'], method: 'electronic', secret: true, majority: 'simple' })
        .expect(400);
      expect(refused.body.errors).toEqual({ majority: 'only for a custom question' });
      const ruleset = napoDefaultRuleset();
      const current = (await api.http().get(`/api/conferences/${conference.id}/ruleset`).set(headOffice.auth).expect(200)).body;
      await api
        .http()
        .put(`/api/conferences/${conference.id}/ruleset`)
        .set(headOffice.auth)
        .send({
          ruleset: { ...current.ruleset, majorities: { ...ruleset.majorities, constitutional_amendment: 'entitled' } },
          expectedVersion: current.version,
        })
        .expect(200);
      const constitutional = await api
        .http()
        .post(`/api/conferences/${conference.id}/votes`)
        .set(chair.auth)
        .send({ subject: 'motion', motionKind: 'constitutional_amendment', title: 'Rule 5', topics: [], method: 'electronic', secret: true })
        .expect(201);
      expect(constitutional.body.majority).toBe('entitled');
    });
  });
});
