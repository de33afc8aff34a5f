import { randomBytes } from 'node:crypto';
import type { AttendanceMode, ConferenceRole } from '@agm/domain';
import { AccessRepository } from '@agm/persistence';
import { hashSecret } from '../../apps/api/src/auth/passwords';
import type { TestApi } from './test-api';

export interface SignedInPerson {
  id: string;
  memberId: string | null;
  token: string;
  auth: { Authorization: string };
}

export interface TestMember {
  id: string;
  membershipNumber: string;
  name: string;
  category: string;
  email: string;
}

export interface TestAttendee extends SignedInPerson {
  registrationId: string;
  accessCode: string;
  member: TestMember;
}

const unique = () => randomBytes(4).toString('hex');

/**
 * Seeds through the real system: people are written to the database, everything they do goes
 * through the API. Each `new…` returns what it made.
 */
export class TestContext {
  private headOffice?: SignedInPerson;
  constructor(readonly api: TestApi) {}

  private get manager() {
    return this.api.database.dataSource.manager;
  }

  async newOfficial(options: { headOffice?: boolean; roles?: Array<{ conferenceId: string; role: ConferenceRole }>; memberId?: string } = {}): Promise<SignedInPerson> {
    const email = `official-${unique()}@test.example`;
    const password = `pw-${unique()}-${unique()}`;
    const access = new AccessRepository();
    const account = await access.insertAccount(this.manager, {
      email,
      name: `Official ${email}`,
      passwordHash: await hashSecret(password),
      memberId: options.memberId ?? null,
      isHeadOffice: options.headOffice ?? false,
    });
    for (const { conferenceId, role } of options.roles ?? []) await access.assignRole(this.manager, account.id, conferenceId, role);
    const signIn = await this.api.http().post('/api/auth/official').send({ email, password }).expect(200);
    return { id: account.id, memberId: account.memberId, token: signIn.body.token, auth: { Authorization: `Bearer ${signIn.body.token}` } };
  }

  async asHeadOffice(): Promise<SignedInPerson> {
    return (this.headOffice ??= await this.newOfficial({ headOffice: true }));
  }

  async newConference(overrides: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
    const admin = await this.asHeadOffice();
    const response = await this.api
      .http()
      .post('/api/conferences')
      .set(admin.auth)
      .send({ name: `AGM ${unique()}`, venue: 'Eastbourne', timeZone: 'Europe/London', startsOn: '2025-10-02', endsOn: '2025-10-03', format: 'hybrid', ...overrides })
      .expect(201);
    return response.body;
  }

  /** A member of the register; `email: ''` for one the register holds no address for. */
  async newMember(options: { category?: string; email?: string; branchId?: string } = {}): Promise<TestMember> {
    const membershipNumber = `T${unique()}`;
    const name = `Member ${membershipNumber}`;
    const category = options.category ?? 'full';
    const [row] = await this.manager.query(`INSERT INTO member (membership_number, name, email, category, branch_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`, [
      membershipNumber,
      name,
      options.email ?? `${membershipNumber.toLowerCase()}@members.example`,
      category,
      options.branchId ?? null,
    ]);
    return { id: row.id, membershipNumber, name, category, email: options.email ?? `${membershipNumber.toLowerCase()}@members.example` };
  }

  /** Registers a member through the API and signs them in with the code they were given. */
  async newAttendee(conferenceId: string, options: { mode?: AttendanceMode; category?: string } = {}): Promise<TestAttendee> {
    const member = await this.newMember({ category: options.category });
    const admin = await this.asHeadOffice();
    const registered = await this.api
      .http()
      .post(`/api/conferences/${conferenceId}/registrations`)
      .set(admin.auth)
      .send({ membershipNumber: member.membershipNumber, attendanceMode: options.mode ?? 'remote' })
      .expect(201);
    const { accessCode, registration } = registered.body;
    const signIn = await this.api.http().post('/api/auth/attendee').send({ conferenceId, membershipNumber: member.membershipNumber, accessCode }).expect(200);
    return { id: registration.id, registrationId: registration.id, memberId: member.id, member, accessCode, token: signIn.body.token, auth: { Authorization: `Bearer ${signIn.body.token}` } };
  }

  /**
   * Marks remote registrations as present without a phone confirming over the socket, as a test's shortcut.
   * Presence is held by a lease (docs/REALTIME.md): without one the sweeper ends it within a second, so the
   * shortcut writes a lease too, an hour long, as a phone's confirmation would.
   */
  async markRemotePresent(registrationIds: string[]): Promise<void> {
    // The lease first: a sweeper tick between the two statements would otherwise find them present
    // with no lease, end their presence, and leave the test's vote inquorate (it did, in CI).
    await this.manager.query(
      `INSERT INTO presence_lease (registration_id, grace_seconds, expires_at, instance_id)
       SELECT id, 3600, now() + interval '1 hour', 'test' FROM registration WHERE id = ANY($1::uuid[]) AND attendance_mode = 'remote'
       ON CONFLICT (registration_id) DO UPDATE SET expires_at = EXCLUDED.expires_at`,
      [registrationIds],
    );
    await this.manager.query('UPDATE registration SET remote_confirmed = true, present = true WHERE id = ANY($1::uuid[])', [registrationIds]);
  }

  /**
   * A signed-in session for each registration, written straight to the database (no token anyone could
   * use): for tests that call a use case with principals they build themselves, which must name a live
   * session as the authenticator's would (a ballot checks its session in its own transaction).
   */
  async sessionsFor(registrationIds: string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; registration_id: string }> = await this.manager.query(
      `INSERT INTO session (token_hash, registration_id, expires_at)
       SELECT 'test-only-' || gen_random_uuid(), id, now() + interval '1 day' FROM unnest($1::uuid[]) AS r(id)
       RETURNING id, registration_id`,
      [registrationIds],
    );
    return new Map(rows.map((row) => [row.registration_id, row.id]));
  }

  /** Every remote registration of a conference marked present, with its lease (see markRemotePresent). */
  async markRemotePresentIn(conferenceId: string): Promise<void> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM registration WHERE conference_id = $1 AND attendance_mode = 'remote'`,
      [conferenceId],
    );
    await this.markRemotePresent(rows.map((row) => row.id));
    await this.manager.query('UPDATE registration SET remote_confirmed = true, present = true WHERE conference_id = $1', [conferenceId]);
  }

  /** A body in the register (branch, network, committee...). */
  async newBody(options: { kind?: string; code?: string; name?: string } = {}): Promise<{ id: string; kind: string; code: string; name: string }> {
    const code = options.code ?? `B${unique()}`;
    const name = options.name ?? `Body ${code}`;
    const kind = options.kind ?? 'branch';
    const [row] = await this.manager.query('INSERT INTO body (kind, code, name) VALUES ($1, $2, $3) RETURNING id', [kind, code, name]);
    return { id: row.id, kind, code, name };
  }

  /** A member who is an officer of the body, signed in as an official (branch secretary, convenor...). */
  async newOfficer(bodyId: string, options: { office?: string; category?: string } = {}): Promise<SignedInPerson & { member: TestMember }> {
    const member = await this.newMember({ category: options.category });
    await this.manager.query('INSERT INTO body_officer (body_id, member_id, office) VALUES ($1, $2, $3)', [bodyId, member.id, options.office ?? 'secretary']);
    const official = await this.newOfficial({ memberId: member.id });
    return { ...official, member };
  }

  /** A section (committee heading) of the conference, owned by a body. */
  async newSection(conferenceId: string, name: string, owningBodyId: string | null = null): Promise<{ id: string; name: string }> {
    const [row] = await this.manager.query(
      'INSERT INTO section (conference_id, name, owning_body_id, position) VALUES ($1, $2, $3, (SELECT COALESCE(max(position), 0) + 1 FROM section WHERE conference_id = $1)) RETURNING id',
      [conferenceId, name, owningBodyId],
    );
    return { id: row.id, name };
  }

  /** Sets the conference's submission deadlines (instants) and constitutional year directly. */
  async setMotionDeadlines(conferenceId: string, deadlines: { motions?: Date | null; amendments?: Date | null; emergency?: Date | null; acceptsConstitutionalAmendments?: boolean }): Promise<void> {
    await this.manager.query(
      'UPDATE conference SET motions_deadline = $2, amendments_deadline = $3, emergency_deadline = $4, accepts_constitutional_amendments = $5 WHERE id = $1',
      [conferenceId, deadlines.motions ?? null, deadlines.amendments ?? null, deadlines.emergency ?? null, deadlines.acceptsConstitutionalAmendments ?? false],
    );
  }
}
