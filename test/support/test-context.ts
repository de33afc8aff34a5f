import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { AttendanceMode, ConferenceRole } from '@agm/domain';
import { AccessRepository } from '@agm/persistence';
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
      passwordHash: await argon2.hash(password),
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

  async newMember(options: { category?: string } = {}): Promise<TestMember> {
    const membershipNumber = `T${unique()}`;
    const name = `Member ${membershipNumber}`;
    const category = options.category ?? 'full';
    const [row] = await this.manager.query(`INSERT INTO member (membership_number, name, email, category) VALUES ($1, $2, $3, $4) RETURNING id`, [
      membershipNumber,
      name,
      `${membershipNumber.toLowerCase()}@members.example`,
      category,
    ]);
    return { id: row.id, membershipNumber, name, category };
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
}
