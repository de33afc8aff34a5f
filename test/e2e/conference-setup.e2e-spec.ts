import { napoDefaultRuleset } from '@agm/domain';
import { startTestApi, TestApi } from '../support/test-api';
import { SignedInPerson, TestContext } from '../support/test-context';

const noon = (date: string) => ({ date, time: '12:00' });
const goodDeadlines = {
  motions: noon('2025-08-07'),
  amendments: noon('2025-09-04'),
  emergency: { date: '2025-10-01', time: '17:30' },
  acceptsConstitutionalAmendments: true,
};
const missing = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';
const randomSuffix = () => Math.random().toString(36).slice(2, 10).replace(/[^a-z0-9]/g, '');

describe('conference set-up over HTTP', () => {
  let api: TestApi;
  let ctx: TestContext;
  let headOffice: SignedInPerson;
  const events = async (conferenceId: string, type: string) =>
    api.database.dataSource.query(
      'SELECT seq, payload, audience, actor_id AS actor FROM conference_event WHERE conference_id = $1 AND type = $2 ORDER BY seq',
      [conferenceId, type],
    );

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
    headOffice = await ctx.asHeadOffice();
  });
  afterAll(async () => {
    await api?.close();
  });

  describe('deadlines', () => {
    it('takes wall-clock times in the conference time zone and answers both the instant and the local time', async () => {
      const conference = await ctx.newConference();
      const admin = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'admin' }] });
      const set = await api
        .http()
        .put(`/api/conferences/${conference.id}/deadlines`)
        .set(admin.auth)
        .send(goodDeadlines)
        .expect(200);
      expect(set.body).toEqual({
        conferenceId: conference.id,
        timeZone: 'Europe/London',
        // British Summer Time: noon in London is 11:00 UTC.
        motions: {
          at: '2025-08-07T11:00:00.000Z',
          local: { date: '2025-08-07', time: '12:00' },
          text: '12:00 on 7 August 2025 (Europe/London)',
        },
        amendments: {
          at: '2025-09-04T11:00:00.000Z',
          local: { date: '2025-09-04', time: '12:00' },
          text: '12:00 on 4 September 2025 (Europe/London)',
        },
        emergency: {
          at: '2025-10-01T16:30:00.000Z',
          local: { date: '2025-10-01', time: '17:30' },
          text: '17:30 on 1 October 2025 (Europe/London)',
        },
        acceptsConstitutionalAmendments: true,
        openedAt: null,
      });
      const read = await api
        .http()
        .get(`/api/conferences/${conference.id}/deadlines`)
        .set(admin.auth)
        .expect(200);
      expect(read.body).toEqual(set.body);
      const [event] = await events(conference.id, 'deadlines.changed');
      expect(event).toMatchObject({
        audience: 'public',
        actor: admin.id,
        payload: { motions: { at: '2025-08-07T11:00:00.000Z' } },
      });
      // An attendee of the conference reads them too.
      const attendee = await ctx.newAttendee(conference.id);
      await api.http().get(`/api/conferences/${conference.id}/deadlines`).set(attendee.auth).expect(200);
    });

    it('allows no emergency deadline', async () => {
      const conference = await ctx.newConference();
      const set = await api
        .http()
        .put(`/api/conferences/${conference.id}/deadlines`)
        .set(headOffice.auth)
        .send({ ...goodDeadlines, emergency: null })
        .expect(200);
      expect(set.body.emergency).toBeNull();
    });

    it.each([
      [
        'amendments before motions',
        { amendments: noon('2025-08-01') },
        'amendments',
        'cannot be before the motions deadline',
      ],
      [
        'emergency before amendments',
        { emergency: noon('2025-09-01') },
        'emergency',
        'cannot be before the amendments deadline',
      ],
      [
        'motions closing after the conference opens',
        { motions: noon('2025-10-02'), amendments: noon('2025-10-02') },
        'motions',
        'before the conference opens',
      ],
      [
        'emergency after the conference ends',
        { emergency: noon('2025-10-04') },
        'emergency',
        'before the conference ends',
      ],
      [
        'a time the clocks skip',
        { motions: { date: '2025-03-30', time: '01:30' } },
        'motions',
        'does not exist',
      ],
      ['a malformed time', { motions: { date: '2025-08-07', time: '12pm' } }, 'motions.time', 'HH:mm'],
      [
        'an impossible date',
        { amendments: { date: '2025-09-31', time: '12:00' } },
        'amendments.date',
        'calendar date',
      ],
      [
        'a missing flag',
        { acceptsConstitutionalAmendments: undefined },
        'acceptsConstitutionalAmendments',
        'true or false',
      ],
    ])('refuses %s and changes nothing', async (_what, change, field, reason) => {
      const conference = await ctx.newConference();
      await api
        .http()
        .put(`/api/conferences/${conference.id}/deadlines`)
        .set(headOffice.auth)
        .send(goodDeadlines)
        .expect(200);
      const refused = await api
        .http()
        .put(`/api/conferences/${conference.id}/deadlines`)
        .set(headOffice.auth)
        .send({ ...goodDeadlines, ...change })
        .expect(400);
      expect(refused.body.errors[field]).toContain(reason);
      const after = await api
        .http()
        .get(`/api/conferences/${conference.id}/deadlines`)
        .set(headOffice.auth)
        .expect(200);
      expect(after.body.motions.at).toBe('2025-08-07T11:00:00.000Z');
      expect(after.body.amendments.at).toBe('2025-09-04T11:00:00.000Z');
      expect(await events(conference.id, 'deadlines.changed')).toHaveLength(1);
    });

    it('keeps the order as a database constraint too', async () => {
      const conference = await ctx.newConference();
      await expect(
        api.database.dataSource.query(
          `UPDATE conference SET motions_deadline = '2025-09-01T11:00Z', amendments_deadline = '2025-08-01T11:00Z' WHERE id = $1`,
          [conference.id],
        ),
      ).rejects.toThrow(/conference_amendments_after_motions/);
    });
  });

  describe('the ruleset', () => {
    it("starts at version 1 with Napo's defaults and records each new version with who and why", async () => {
      const conference = await ctx.newConference();
      const admin = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'admin' }] });
      const current = await api
        .http()
        .get(`/api/conferences/${conference.id}/ruleset`)
        .set(admin.auth)
        .expect(200);
      expect(current.body).toEqual({
        conferenceId: conference.id,
        version: 1,
        ruleset: napoDefaultRuleset(),
      });

      const ruleset = napoDefaultRuleset();
      ruleset.speechLimitsSeconds.mover = 420;
      ruleset.ballotsChangeable = true;
      const changed = await api
        .http()
        .put(`/api/conferences/${conference.id}/ruleset`)
        .set(admin.auth)
        .send({ ruleset, reason: 'SOC report agreed', expectedVersion: 1 })
        .expect(200);
      expect(changed.body).toEqual({ conferenceId: conference.id, version: 2, ruleset });
      const read = await api
        .http()
        .get(`/api/conferences/${conference.id}/ruleset`)
        .set(admin.auth)
        .expect(200);
      expect(read.body.version).toBe(2);
      expect(read.body.ruleset.speechLimitsSeconds.mover).toBe(420);

      const versions = await api
        .http()
        .get(`/api/conferences/${conference.id}/ruleset/versions`)
        .set(admin.auth)
        .expect(200);
      expect(versions.body).toEqual([
        {
          version: 1,
          ruleset: napoDefaultRuleset(),
          changedBy: null,
          changedAt: expect.any(String),
          reason: 'initial defaults',
        },
        {
          version: 2,
          ruleset,
          changedBy: admin.id,
          changedAt: expect.any(String),
          reason: 'SOC report agreed',
        },
      ]);
      const [event] = await events(conference.id, 'ruleset.changed');
      expect(event).toMatchObject({
        audience: 'public',
        payload: {
          version: 2,
          reason: 'SOC report agreed',
          changed: ['ballotsChangeable', 'speechLimitsSeconds.mover'],
          duringAgm: false,
        },
      });
    });

    it('refuses an invalid ruleset naming every broken rule by path, and keeps the one in force', async () => {
      const conference = await ctx.newConference();
      const ruleset: Record<string, any> = napoDefaultRuleset();
      ruleset.speechLimitsSeconds = { ...ruleset.speechLimitsSeconds, mover: 5 };
      ruleset.majorities = { ...ruleset.majorities, constitutional_amendment: 'three_quarters' };
      ruleset.quorum = { ...ruleset.quorum, minimumShareOfMembership: 1.5 };
      ruleset.categories = {
        ...ruleset.categories,
        retired: { ...ruleset.categories.retired, excludedTopics: ['pensions'] },
      };
      ruleset.tieRule = 'coin_toss';
      ruleset.monitoring = { suppressionThreshold: 0 };
      ruleset.colour = 'red';
      const refused = await api
        .http()
        .put(`/api/conferences/${conference.id}/ruleset`)
        .set(headOffice.auth)
        .send({ ruleset, reason: 'try' })
        .expect(400);
      expect(Object.keys(refused.body.errors).sort()).toEqual([
        'ruleset.categories.retired.excludedTopics',
        'ruleset.colour',
        'ruleset.majorities.constitutional_amendment',
        'ruleset.monitoring.suppressionThreshold',
        'ruleset.quorum.minimumShareOfMembership',
        'ruleset.speechLimitsSeconds.mover',
        'ruleset.speechLimitsSeconds.warningBefore',
        'ruleset.tieRule',
      ]);
      expect(refused.body.errors['ruleset.categories.retired.excludedTopics']).toContain("'pensions'");
      // Not even a typo reaches the database first: the shape is checked before the rules.
      const misspelt: Record<string, any> = napoDefaultRuleset();
      misspelt.speechLimitSeconds = misspelt.speechLimitsSeconds;
      delete misspelt.speechLimitsSeconds;
      const typo = await api
        .http()
        .put(`/api/conferences/${conference.id}/ruleset`)
        .set(headOffice.auth)
        .send({ ruleset: misspelt })
        .expect(400);
      expect(typo.body.errors).toEqual({
        'ruleset.speechLimitsSeconds': 'is missing',
        'ruleset.speechLimitSeconds': expect.stringContaining('not a rule'),
      });
      await api
        .http()
        .put(`/api/conferences/${conference.id}/ruleset`)
        .set(headOffice.auth)
        .send({ ruleset: 'strict' })
        .expect(400);

      const versions = await api
        .http()
        .get(`/api/conferences/${conference.id}/ruleset/versions`)
        .set(headOffice.auth)
        .expect(200);
      expect(versions.body).toHaveLength(1);
      expect(
        (await api.http().get(`/api/conferences/${conference.id}/ruleset`).set(headOffice.auth).expect(200))
          .body.version,
      ).toBe(1);
      expect(await events(conference.id, 'ruleset.changed')).toHaveLength(0);
    });

    it('takes a new category, a topic it may not vote on and who may submit, and refuses names where codes belong', async () => {
      const conference = await ctx.newConference();
      const put = (ruleset: unknown) =>
        api.http().put(`/api/conferences/${conference.id}/ruleset`).set(headOffice.auth).send({ ruleset });
      const named: Record<string, any> = napoDefaultRuleset();
      named.categories['Life member'] = { ...named.categories.retired };
      named.topics = [...named.topics, 'Pensions'];
      named.submission.constitutionalAmendmentBodyKinds = ['branch', 'regional_council'];
      const refused = await put(named).expect(400);
      expect(refused.body.errors).toEqual({
        'ruleset.categories.Life member': expect.stringContaining('lowercase letters, digits and underscores'),
        'ruleset.topics': expect.stringContaining("'Pensions' is not a code"),
        'ruleset.submission.constitutionalAmendmentBodyKinds': expect.stringContaining("unknown body kind 'regional_council'"),
      });
      expect(await events(conference.id, 'ruleset.changed')).toHaveLength(0);

      const ruleset = napoDefaultRuleset();
      ruleset.topics.push('pensions');
      ruleset.categories.life_member = { mayAttend: true, maySpeak: true, mayVote: true, countsTowardQuorum: false, excludedTopics: ['pensions'] };
      ruleset.submission.constitutionalAmendmentBodyKinds = ['branch', 'committee'];
      ruleset.submission.jointSubmissionCategories = ['full'];
      const saved = await put(ruleset).expect(200);
      expect(saved.body).toMatchObject({ version: 2, ruleset });
      const [event] = await events(conference.id, 'ruleset.changed');
      expect(event.payload.changed).toEqual(
        expect.arrayContaining(['categories.life_member', 'topics', 'submission.constitutionalAmendmentBodyKinds', 'submission.jointSubmissionCategories']),
      );
    });

    it('refuses to remove a category members of the register hold, naming it and how many, and removes an unused one', async () => {
      const conference = await ctx.newConference();
      const put = (ruleset: unknown) =>
        api.http().put(`/api/conferences/${conference.id}/ruleset`).set(headOffice.auth).send({ ruleset });
      // The register is shared by every conference: the categories are this test's own.
      const held = `held_${randomSuffix()}`;
      const unused = `unused_${randomSuffix()}`;
      const withBoth = napoDefaultRuleset();
      withBoth.categories[held] = { ...withBoth.categories.retired };
      withBoth.categories[unused] = { ...withBoth.categories.retired };
      await put(withBoth).expect(200);
      await ctx.newMember({ category: held });
      await ctx.newMember({ category: held });

      const withoutHeld = structuredClone(withBoth);
      delete withoutHeld.categories[held];
      const refused = await put(withoutHeld).expect(409);
      expect(refused.body).toEqual({
        statusCode: 409,
        message: expect.stringContaining(`members of the register still hold '${held}'`),
        errors: {
          [`ruleset.categories.${held}`]: expect.stringContaining('2 members of the register hold it'),
        },
      });
      expect(refused.body.errors[`ruleset.categories.${held}`]).toContain('Re-import the register with their new category first');
      const inForce = await api.http().get(`/api/conferences/${conference.id}/ruleset`).set(headOffice.auth).expect(200);
      expect(inForce.body).toMatchObject({ version: 2 });
      expect(Object.keys(inForce.body.ruleset.categories)).toContain(held);

      const withoutUnused = structuredClone(withBoth);
      delete withoutUnused.categories[unused];
      const saved = await put(withoutUnused).expect(200);
      expect(saved.body).toMatchObject({ version: 3 });
      expect(Object.keys(saved.body.ruleset.categories)).toEqual(expect.arrayContaining([held]));
      expect(Object.keys(saved.body.ruleset.categories)).not.toContain(unused);
    });

    it("tells the conference's administrators how many members of the register hold each category, and no one else", async () => {
      const conference = await ctx.newConference();
      const other = await ctx.newConference();
      const admin = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'admin' }] });
      const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
      const otherAdmin = await ctx.newOfficial({ roles: [{ conferenceId: other.id, role: 'admin' }] });
      const attendee = await ctx.newAttendee(conference.id, { category: 'full' });
      const url = `/api/conferences/${conference.id}/ruleset/category-holders`;
      // The register is shared by every conference: the counted category is this test's own.
      const held = `counted_${randomSuffix()}`;
      await ctx.newMember({ category: held });
      await ctx.newMember({ category: held });
      await ctx.newMember({ category: held });

      const asAdmin = await api.http().get(url).set(admin.auth).expect(200);
      expect(asAdmin.body).toEqual({ conferenceId: conference.id, holders: expect.objectContaining({ [held]: 3 }) });
      // The attendee's own category is counted with everyone else's; a category no member holds is absent.
      expect(asAdmin.body.holders.full).toBeGreaterThanOrEqual(1);
      expect(asAdmin.body.holders).not.toHaveProperty(`nobody_${randomSuffix()}`);
      await api.http().get(url).set(headOffice.auth).expect(200);

      const asChair = await api.http().get(url).set(chair.auth).expect(403);
      expect(asChair.body).toEqual({ statusCode: 403, message: expect.stringContaining('administrators') });
      await api.http().get(url).set(attendee.auth).expect(403);
      const asOther = await api.http().get(url).set(otherAdmin.auth).expect(404);
      expect(asOther.body.message).toContain('No such conference');
      await api.http().get(url).expect(401);
      await api.http().get(`/api/conferences/${missing}/ruleset/category-holders`).set(headOffice.auth).expect(404);
    });

    it('refuses a body code that may submit constitutional amendments when no body has it, at the field', async () => {
      const conference = await ctx.newConference();
      const put = (ruleset: unknown) =>
        api.http().put(`/api/conferences/${conference.id}/ruleset`).set(headOffice.auth).send({ ruleset });
      const body = await ctx.newBody({ kind: 'committee', code: `PCC${randomSuffix()}` });
      const missingCode = `NOBODY${randomSuffix()}`;
      const ruleset = napoDefaultRuleset();
      ruleset.submission.constitutionalAmendmentBodyCodes = [...ruleset.submission.constitutionalAmendmentBodyCodes, body.code, missingCode];
      const refused = await put(ruleset).expect(400);
      expect(refused.body).toEqual({
        statusCode: 400,
        message: expect.stringContaining('does not exist'),
        errors: {
          'ruleset.submission.constitutionalAmendmentBodyCodes': expect.stringContaining(`names no body: '${missingCode}'`),
        },
      });
      expect(await events(conference.id, 'ruleset.changed')).toHaveLength(0);
      // The body that exists is taken; the NEC of Napo's defaults stays, whether imported yet or not.
      ruleset.submission.constitutionalAmendmentBodyCodes = ruleset.submission.constitutionalAmendmentBodyCodes.filter((c) => c !== missingCode);
      const saved = await put(ruleset).expect(200);
      expect(saved.body.ruleset.submission.constitutionalAmendmentBodyCodes).toEqual(['NEC', body.code]);
    });

    it('refuses a change made from a stale version', async () => {
      const conference = await ctx.newConference();
      await api
        .http()
        .put(`/api/conferences/${conference.id}/ruleset`)
        .set(headOffice.auth)
        .send({ ruleset: napoDefaultRuleset(), expectedVersion: 1 })
        .expect(200);
      const stale = await api
        .http()
        .put(`/api/conferences/${conference.id}/ruleset`)
        .set(headOffice.auth)
        .send({ ruleset: napoDefaultRuleset(), expectedVersion: 1 })
        .expect(409);
      expect(stale.body.message).toContain('version 2 is in force');
    });

    it('requires a reason once the AGM has opened, and records the change as made during it', async () => {
      const conference = await ctx.newConference();
      // The AGM opens only when quorate (issue 19): a quorum of one, and one member checked in.
      await api.database.dataSource.query(
        `UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1'::jsonb) WHERE id = $1`,
        [conference.id],
      );
      const attendee = await ctx.newAttendee(conference.id, { mode: 'hall' });
      await api
        .http()
        .post(`/api/conferences/${conference.id}/registrations/${attendee.registrationId}/check-in`)
        .set(headOffice.auth)
        .expect(200);
      const opened = await api
        .http()
        .post(`/api/conferences/${conference.id}/open`)
        .set(headOffice.auth)
        .expect(200);
      expect(opened.body).toEqual({
        conferenceId: conference.id,
        openedAt: expect.any(String),
        quorum: 'Quorate: 1 member who counts present, of 1 needed.',
      });
      const [openEvent] = await events(conference.id, 'conference.opened');
      expect(openEvent).toMatchObject({
        audience: 'public',
        payload: { openedAt: opened.body.openedAt, quorum: 'Quorate: 1 member who counts present, of 1 needed.' },
      });
      const again = await api
        .http()
        .post(`/api/conferences/${conference.id}/open`)
        .set(headOffice.auth)
        .expect(409);
      expect(again.body.message).toContain('already opened');

      const ruleset = napoDefaultRuleset();
      ruleset.quorum.minimumCount = 1; // as set for the opening
      ruleset.speechLimitsSeconds.other = 120;
      for (const reason of [undefined, '   ']) {
        const refused = await api
          .http()
          .put(`/api/conferences/${conference.id}/ruleset`)
          .set(headOffice.auth)
          .send({ ruleset, ...(reason === undefined ? {} : { reason }) })
          .expect(400);
        expect(refused.body.errors).toEqual({
          reason: expect.stringContaining('required once the AGM has opened'),
        });
      }
      expect(
        (
          await api
            .http()
            .get(`/api/conferences/${conference.id}/ruleset/versions`)
            .set(headOffice.auth)
            .expect(200)
        ).body,
      ).toHaveLength(1);

      await api
        .http()
        .put(`/api/conferences/${conference.id}/ruleset`)
        .set(headOffice.auth)
        .send({ ruleset, reason: 'Suspension of standing orders carried: 2-minute speeches' })
        .expect(200);
      const versions = await api
        .http()
        .get(`/api/conferences/${conference.id}/ruleset/versions`)
        .set(headOffice.auth)
        .expect(200);
      expect(versions.body[1]).toMatchObject({
        version: 2,
        reason: 'Suspension of standing orders carried: 2-minute speeches',
        changedBy: headOffice.id,
      });
      const [event] = await events(conference.id, 'ruleset.changed');
      expect(event.payload).toEqual({
        version: 2,
        reason: 'Suspension of standing orders carried: 2-minute speeches',
        changed: ['speechLimitsSeconds.other'],
        duringAgm: true,
      });
    });
  });

  describe('sections', () => {
    async function body(name: string, kind = 'committee'): Promise<string> {
      const code = `B${Math.random().toString(36).slice(2, 8)}`;
      const [row] = await api.database.dataSource.query(
        'INSERT INTO body (kind, code, name) VALUES ($1, $2, $3) RETURNING id',
        [kind, code, name],
      );
      return row.id;
    }

    it('creates, renames, reorders, rotates and deletes, renumbering the places', async () => {
      const conference = await ctx.newConference({ startsOn: '2026-10-01', endsOn: '2026-10-02' });
      const url = `/api/conferences/${conference.id}/sections`;
      const hsc = await body('Health and Safety Committee');
      const names = [
        'National Executive Committee',
        'Health and Safety Committee',
        'Equal Rights Committee',
        'Campaigning Network',
        'Professional and Training',
      ];
      const made = [];
      for (const name of names) {
        made.push(
          (
            await api
              .http()
              .post(url)
              .set(headOffice.auth)
              .send({ name, ...(name.startsWith('Health') ? { owningBodyId: hsc } : {}) })
              .expect(201)
          ).body,
        );
      }
      expect(made.map((s) => s.position)).toEqual([1, 2, 3, 4, 5]);
      expect(made[1]).toMatchObject({ owningBodyId: hsc, owningBodyName: 'Health and Safety Committee' });

      const renamed = await api
        .http()
        .patch(`${url}/${made[4].id}`)
        .set(headOffice.auth)
        .send({ name: 'Professional and Training Committee' })
        .expect(200);
      expect(renamed.body).toMatchObject({
        id: made[4].id,
        name: 'Professional and Training Committee',
        position: 5,
      });
      const cleared = await api
        .http()
        .patch(`${url}/${made[1].id}`)
        .set(headOffice.auth)
        .send({ owningBodyId: null })
        .expect(200);
      expect(cleared.body.owningBodyId).toBeNull();

      const order = [made[3], made[0], made[4], made[1], made[2]].map((s) => s.id);
      const reordered = await api
        .http()
        .put(`${url}/order`)
        .set(headOffice.auth)
        .send({ sectionIds: order })
        .expect(200);
      expect(reordered.body.map((s: { id: string }) => s.id)).toEqual(order);
      expect(reordered.body.map((s: { position: number }) => s.position)).toEqual([1, 2, 3, 4, 5]);

      // [Napo] alphabetical, rotated one place a year: 2026 is one place on from 2025.
      const y2025 = (
        await api.http().post(`${url}/rotate`).set(headOffice.auth).send({ year: 2025 }).expect(200)
      ).body.map((s: { name: string }) => s.name);
      const y2026 = (
        await api.http().post(`${url}/rotate`).set(headOffice.auth).send({}).expect(200)
      ).body.map((s: { name: string }) => s.name);
      expect(y2026).toEqual([...y2025.slice(1), y2025[0]]);
      expect([...y2026].sort()).toEqual([...names.slice(0, 4), 'Professional and Training Committee'].sort());

      await api.http().delete(`${url}/${made[0].id}`).set(headOffice.auth).expect(204);
      const after = await api.http().get(url).set(headOffice.auth).expect(200);
      expect(after.body).toHaveLength(4);
      expect(after.body.map((s: { position: number }) => s.position)).toEqual([1, 2, 3, 4]);
      expect(after.body.map((s: { name: string }) => s.name)).toEqual(
        y2026.filter((n: string) => n !== 'National Executive Committee'),
      );

      const changes = await events(conference.id, 'sections.changed');
      expect(changes.map((e: { payload: { change: string } }) => e.payload.change)).toEqual([
        ...Array(5).fill('created'),
        'updated',
        'updated',
        'reordered',
        'reordered',
        'reordered',
        'deleted',
      ]);
      expect(changes.at(-1).payload.sections).toEqual(after.body);
    });

    it('refuses duplicates, unknown bodies, joint submissions and incomplete orders, writing nothing', async () => {
      const conference = await ctx.newConference();
      const url = `/api/conferences/${conference.id}/sections`;
      const a = (
        await api.http().post(url).set(headOffice.auth).send({ name: 'Equal Rights Committee' }).expect(201)
      ).body;
      const b = (
        await api.http().post(url).set(headOffice.auth).send({ name: 'Campaigning Network' }).expect(201)
      ).body;
      expect(
        (await api.http().post(url).set(headOffice.auth).send({ name: 'equal rights committee' }).expect(409))
          .body.message,
      ).toContain('already has a section');
      expect(
        (
          await api
            .http()
            .patch(`${url}/${b.id}`)
            .set(headOffice.auth)
            .send({ name: 'Equal Rights Committee' })
            .expect(409)
        ).body.message,
      ).toContain('already has');
      expect(
        (
          await api
            .http()
            .post(url)
            .set(headOffice.auth)
            .send({ name: 'X', owningBodyId: missing })
            .expect(400)
        ).body.errors,
      ).toHaveProperty('owningBodyId');
      const joint = await body('Two members', 'joint_members');
      expect(
        (await api.http().post(url).set(headOffice.auth).send({ name: 'Y', owningBodyId: joint }).expect(400))
          .body.errors.owningBodyId,
      ).toContain('joint');
      expect(
        (await api.http().post(url).set(headOffice.auth).send({ name: '   ' }).expect(400)).body.errors,
      ).toHaveProperty('name');
      expect(
        (
          await api
            .http()
            .put(`${url}/order`)
            .set(headOffice.auth)
            .send({ sectionIds: [b.id] })
            .expect(400)
        ).body.errors.sectionIds,
      ).toContain('leaves out');
      expect(
        (
          await api
            .http()
            .put(`${url}/order`)
            .set(headOffice.auth)
            .send({ sectionIds: [b.id, a.id, missing] })
            .expect(400)
        ).body.errors.sectionIds,
      ).toContain('not in this conference');
      expect(
        (
          await api
            .http()
            .put(`${url}/order`)
            .set(headOffice.auth)
            .send({ sectionIds: [b.id, b.id] })
            .expect(400)
        ).body.errors,
      ).toHaveProperty('sectionIds');
      await api.http().patch(`${url}/${missing}`).set(headOffice.auth).send({ name: 'Z' }).expect(404);
      await api.http().delete(`${url}/${missing}`).set(headOffice.auth).expect(404);

      const other = await ctx.newConference();
      // A section of another conference is not found through this one.
      await api
        .http()
        .delete(`/api/conferences/${other.id}/sections/${a.id}`)
        .set(headOffice.auth)
        .expect(404);
      const list = await api.http().get(url).set(headOffice.auth).expect(200);
      expect(list.body.map((s: { name: string }) => s.name)).toEqual([
        'Equal Rights Committee',
        'Campaigning Network',
      ]);
      expect(await events(conference.id, 'sections.changed')).toHaveLength(2);
    });
  });

  describe('roles', () => {
    it('assigns by email or account id, lists, removes, and takes effect at the next request', async () => {
      const conference = await ctx.newConference();
      const url = `/api/conferences/${conference.id}/roles`;
      const chair = await ctx.newOfficial();
      const [{ email }] = await api.database.dataSource.query('SELECT email FROM account WHERE id = $1', [
        chair.id,
      ]);
      await api.http().get(url).set(chair.auth).expect(404); // no role yet: the conference's admin data is not theirs to see
      const assigned = await api
        .http()
        .post(url)
        .set(headOffice.auth)
        .send({ email: email.toUpperCase(), role: 'chair' })
        .expect(201);
      expect(assigned.body).toEqual({ accountId: chair.id, email, name: expect.any(String), role: 'chair' });
      await api
        .http()
        .post(url)
        .set(headOffice.auth)
        .send({ accountId: chair.id, role: 'chair' })
        .expect(201); // again: nothing changes
      await api
        .http()
        .post(url)
        .set(headOffice.auth)
        .send({ accountId: chair.id, role: 'admin' })
        .expect(201);
      const list = await api.http().get(url).set(chair.auth).expect(200);
      expect(list.body.map((r: { role: string }) => r.role)).toEqual(['admin', 'chair']);
      expect(
        (await events(conference.id, 'role.assigned')).map((e: { audience: string }) => e.audience),
      ).toEqual(['admin', 'admin']);

      await api.http().delete(`${url}/${chair.id}/admin`).set(headOffice.auth).expect(204);
      await api.http().get(url).set(chair.auth).expect(403);
      await api.http().delete(`${url}/${chair.id}/admin`).set(headOffice.auth).expect(404);
      await api.http().delete(`${url}/${chair.id}/janitor`).set(headOffice.auth).expect(404);
      expect(await events(conference.id, 'role.removed')).toHaveLength(1);
    });

    it('refuses an unknown account, both or neither identifier, and an unknown role', async () => {
      const conference = await ctx.newConference();
      const url = `/api/conferences/${conference.id}/roles`;
      const someone = await ctx.newOfficial();
      expect(
        (
          await api
            .http()
            .post(url)
            .set(headOffice.auth)
            .send({ email: 'nobody@test.example', role: 'teller' })
            .expect(400)
        ).body.errors,
      ).toHaveProperty('email');
      expect(
        (
          await api
            .http()
            .post(url)
            .set(headOffice.auth)
            .send({ accountId: missing, role: 'teller' })
            .expect(400)
        ).body.errors,
      ).toHaveProperty('accountId');
      await api.http().post(url).set(headOffice.auth).send({ role: 'teller' }).expect(400);
      await api
        .http()
        .post(url)
        .set(headOffice.auth)
        .send({ accountId: someone.id, email: 'x@test.example', role: 'teller' })
        .expect(400);
      expect(
        (
          await api
            .http()
            .post(url)
            .set(headOffice.auth)
            .send({ accountId: someone.id, role: 'janitor' })
            .expect(400)
        ).body.errors,
      ).toHaveProperty('role');
      expect((await api.http().get(url).set(headOffice.auth).expect(200)).body).toEqual([]);
    });
  });

  describe('who may change the set-up', () => {
    it('refuses non-admins with 403, people of another conference with 404, and anonymous callers with 401', async () => {
      const conference = await ctx.newConference();
      const other = await ctx.newConference();
      const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
      const otherAdmin = await ctx.newOfficial({ roles: [{ conferenceId: other.id, role: 'admin' }] });
      const attendee = await ctx.newAttendee(conference.id);
      const base = `/api/conferences/${conference.id}`;
      const writes: Array<[string, string, object]> = [
        ['put', `${base}/deadlines`, goodDeadlines],
        ['put', `${base}/ruleset`, { ruleset: napoDefaultRuleset(), reason: 'x' }],
        ['post', `${base}/open`, {}],
        ['post', `${base}/sections`, { name: 'Sneaky' }],
        ['put', `${base}/sections/order`, { sectionIds: [] }],
        ['post', `${base}/sections/rotate`, {}],
        ['post', `${base}/roles`, { accountId: chair.id, role: 'admin' }],
      ];
      for (const [method, url, body] of writes) {
        const asChair = await (api.http() as any)[method](url).set(chair.auth).send(body).expect(403);
        expect(asChair.body.message).toContain('administrators');
        await (api.http() as any)[method](url).set(attendee.auth).send(body).expect(403);
        const asOther = await (api.http() as any)[method](url).set(otherAdmin.auth).send(body).expect(404);
        expect(asOther.body.message).toContain('No such conference');
        await (api.http() as any)[method](url).send(body).expect(401);
      }
      await api.http().get(`${base}/roles`).set(chair.auth).expect(403);
      await api.http().get(`${base}/ruleset`).set(otherAdmin.auth).expect(404);
      await api.http().get(`${base}/sections`).set(chair.auth).expect(200);
      // Nothing was written by any of them.
      const rows = await api.database.dataSource.query(
        `SELECT type FROM conference_event WHERE conference_id = $1 AND type <> 'registration.created'`,
        [conference.id],
      );
      expect(rows).toEqual([{ type: 'conference.created' }]);
    });

    it('answers 404 for a conference that does not exist and for a malformed id', async () => {
      await api
        .http()
        .put(`/api/conferences/${missing}/deadlines`)
        .set(headOffice.auth)
        .send(goodDeadlines)
        .expect(404);
      await api.http().get(`/api/conferences/${missing}/ruleset`).set(headOffice.auth).expect(404);
      await api.http().post(`/api/conferences/${missing}/open`).set(headOffice.auth).expect(404);
      await api.http().get(`/api/conferences/${missing}/sections`).set(headOffice.auth).expect(404);
      await api.http().get('/api/conferences/not-an-id/deadlines').set(headOffice.auth).expect(404);
    });
  });

  describe('official accounts', () => {
    it('lets head office create an account that can sign in, linked to a member', async () => {
      const member = await ctx.newMember();
      const created = await api
        .http()
        .post('/api/accounts')
        .set(headOffice.auth)
        .send({
          email: 'Secretary@Branch.example',
          name: 'Branch Secretary',
          password: 'a long enough phrase',
          memberId: member.id,
        })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        email: 'Secretary@Branch.example',
        name: 'Branch Secretary',
        memberId: member.id,
        isHeadOffice: false,
      });
      const [row] = await api.database.dataSource.query('SELECT password_hash FROM account WHERE id = $1', [
        created.body.id,
      ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const signIn = await api
        .http()
        .post('/api/auth/official')
        .send({ email: 'secretary@branch.example', password: 'a long enough phrase' })
        .expect(200);
      const me = await api
        .http()
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${signIn.body.token}` })
        .expect(200);
      expect(me.body).toMatchObject({ kind: 'account', memberId: member.id, isHeadOffice: false });
    });

    it('refuses short passwords, duplicates, unknown members and everyone but head office', async () => {
      const count = async () =>
        (await api.database.dataSource.query('SELECT count(*)::int AS n FROM account'))[0].n;
      const before = await count();
      const short = await api
        .http()
        .post('/api/accounts')
        .set(headOffice.auth)
        .send({ email: 'a@x.example', name: 'A', password: 'elevenchars' })
        .expect(400);
      expect(short.body.errors.password).toContain('at least 12');
      await api
        .http()
        .post('/api/accounts')
        .set(headOffice.auth)
        .send({ email: 'dup@x.example', name: 'A', password: 'twelve chars!' })
        .expect(201);
      expect(
        (
          await api
            .http()
            .post('/api/accounts')
            .set(headOffice.auth)
            .send({ email: 'DUP@x.example', name: 'B', password: 'twelve chars!' })
            .expect(409)
        ).body.message,
      ).toContain('already exists');
      expect(
        (
          await api
            .http()
            .post('/api/accounts')
            .set(headOffice.auth)
            .send({ email: 'm@x.example', name: 'M', password: 'twelve chars!', memberId: missing })
            .expect(400)
        ).body.errors,
      ).toHaveProperty('memberId');
      const conference = await ctx.newConference();
      const admin = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'admin' }] });
      const refused = await api
        .http()
        .post('/api/accounts')
        .set(admin.auth)
        .send({ email: 'b@x.example', name: 'B', password: 'twelve chars!', headOffice: true })
        .expect(403);
      expect(refused.body.message).toContain('Only head office');
      await api
        .http()
        .post('/api/accounts')
        .send({ email: 'c@x.example', name: 'C', password: 'twelve chars!' })
        .expect(401);
      expect(await count()).toBe(before + 2); // the duplicate's first copy and the conference admin only
    });
  });
});
