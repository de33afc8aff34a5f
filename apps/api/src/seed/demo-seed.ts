import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@agm/config';
import type { AccountPrincipal } from '@agm/domain';
import { AccessRepository } from '@agm/persistence';
import { APP_CONFIG } from '../common/app-config.token';
import { CreateConference } from '../conferences/use-cases/create-conference.use-case';
import { Transactions } from '../events/transactions';
import { ImportBodies } from '../membership/use-cases/import-bodies.use-case';
import { ImportMembers } from '../membership/use-cases/import-members.use-case';
import { ImportOfficers } from '../membership/use-cases/import-officers.use-case';
import { RegisterAttendee } from '../registration/use-cases/register-attendee.use-case';
import { AssignRoles } from '../conference-setup/use-cases/assign-roles.use-case';
import { CreateAccount } from '../conference-setup/use-cases/create-account.use-case';
import { ManageSections } from '../conference-setup/use-cases/manage-sections.use-case';
import { SetDeadlines } from '../conference-setup/use-cases/set-deadlines.use-case';
import { buildDemoUnion, readBooklet, toCsv } from './demo-union';

export interface OfficialLogin {
  role: string;
  email: string;
  password: string;
}

export interface AttendeeLogin {
  name: string;
  category: string;
  mode: 'hall' | 'remote';
  conferenceId: string;
  membershipNumber: string;
  accessCode: string;
}

export interface DemoSeedResult {
  conferenceId: string;
  conferenceName: string;
  officials: OfficialLogin[];
  attendees: AttendeeLogin[];
  /** What was printed, line by line. */
  lines: string[];
}

/**
 * Seeds the demo union into an empty system on start (SEED_DEMO, on by default) and prints how to
 * sign in as each role. It writes through the same use cases as the API — register imports,
 * accounts, conference, deadlines, sections, roles, registrations — so the demo obeys every rule.
 * A system that already has an account is left alone, so a restart never seeds twice.
 */
@Injectable()
export class DemoSeed implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeed.name);
  /** The result of the seed this process ran, if it ran one. */
  result: DemoSeedResult | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly access: AccessRepository,
    private readonly importBodies: ImportBodies,
    private readonly importMembers: ImportMembers,
    private readonly importOfficers: ImportOfficers,
    private readonly createAccount: CreateAccount,
    private readonly createConference: CreateConference,
    private readonly setDeadlines: SetDeadlines,
    private readonly sections: ManageSections,
    private readonly roles: AssignRoles,
    private readonly registerAttendee: RegisterAttendee,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    this.result = await this.run();
  }

  /** Seeds when there is no account at all; answers null (and writes nothing) otherwise. */
  async run(
    print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    today: Date = new Date(),
  ): Promise<DemoSeedResult | null> {
    if ((await this.access.countAccounts(this.transactions.manager)) > 0) return null;
    const union = buildDemoUnion(readBooklet());
    const admin = await this.createAccount.createFirst(
      { email: union.headOffice.email, name: union.headOffice.name, password: union.headOffice.password },
      !!this.config.databaseUrl,
    );
    if (!admin) return null; // another instance seeded first
    this.logger.log('Empty database: seeding the demo union (SEED_DEMO=false turns this off).');
    const principal: AccountPrincipal = {
      kind: 'account',
      sessionId: 'demo-seed',
      accountId: admin.id,
      memberId: null,
      name: admin.name,
      isHeadOffice: true,
      roles: [],
      officerOf: [],
    };

    await this.importBodies.execute(
      toCsv(
        ['code', 'kind', 'name', 'region', 'membership_count'],
        union.bodies.map((b) => [b.code, b.kind, b.name, b.region, b.membershipCount]),
      ),
    );
    await this.importMembers.execute(
      toCsv(
        ['membership_number', 'name', 'email', 'category', 'branch_code'],
        union.members.map((m) => [m.membershipNumber, m.name, m.email, m.category, m.branchCode]),
      ),
    );
    await this.importOfficers.execute(
      toCsv(
        ['body_code', 'membership_number', 'office'],
        union.officers.map((o) => [o.bodyCode, o.membershipNumber, o.office]),
      ),
    );
    const ids = await this.lookupIds();

    // A hybrid AGM ten weeks away, so every deadline is still open when the demo starts.
    const startsOn = addDays(today, 70);
    const conference = await this.createConference.execute(
      {
        name: `Napo AGM ${startsOn.slice(0, 4)} (demo)`,
        venue: 'Eastbourne and online',
        timeZone: 'Europe/London',
        startsOn,
        endsOn: addDays(today, 71),
        format: 'hybrid',
      },
      principal,
    );
    await this.setDeadlines.execute(principal, conference.id, {
      motions: { date: addDays(today, 21), time: '12:00' },
      amendments: { date: addDays(today, 49), time: '12:00' },
      emergency: { date: addDays(today, 69), time: '12:00' },
      acceptsConstitutionalAmendments: true,
    });
    for (const section of union.sections) {
      await this.sections.create(principal, conference.id, {
        name: section.name,
        owningBodyId: ids.bodies.get(section.ownerCode) ?? null,
      });
    }
    await this.sections.rotate(principal, conference.id, undefined);

    const officials: OfficialLogin[] = [
      { role: union.headOffice.role, email: union.headOffice.email, password: union.headOffice.password },
    ];
    for (const o of union.officials) {
      const memberId = o.membershipNumber ? ids.members.get(o.membershipNumber) : undefined;
      const account = await this.createAccount.execute(principal, {
        email: o.email,
        name: o.name,
        password: o.password,
        memberId,
      });
      if (o.conferenceRole)
        await this.roles.assign(principal, conference.id, { accountId: account.id, role: o.conferenceRole });
      officials.push({ role: o.role, email: o.email, password: o.password });
    }

    const attendees: AttendeeLogin[] = [];
    for (const a of union.attendees) {
      const { registration, accessCode } = await this.registerAttendee.execute(
        principal,
        conference.id,
        a.membershipNumber,
        a.mode,
      );
      attendees.push({
        name: registration.name,
        category: registration.category,
        mode: a.mode,
        conferenceId: conference.id,
        membershipNumber: a.membershipNumber,
        accessCode,
      });
    }

    const lines = loginTable(conference.name, conference.id, officials, attendees);
    lines.forEach((line) => print(line));
    return { conferenceId: conference.id, conferenceName: conference.name, officials, attendees, lines };
  }

  private async lookupIds(): Promise<{ bodies: Map<string, string>; members: Map<string, string> }> {
    const manager = this.transactions.manager;
    const bodies: Array<{ id: string; code: string }> = await manager.query('SELECT id, code FROM body');
    const members: Array<{ id: string; membership_number: string }> = await manager.query(
      'SELECT id, membership_number FROM member',
    );
    return {
      bodies: new Map(bodies.map((b) => [b.code, b.id])),
      members: new Map(members.map((m) => [m.membership_number, m.id])),
    };
  }
}

/** The sign-in table printed at the end of the seed. */
export function loginTable(
  conferenceName: string,
  conferenceId: string,
  officials: OfficialLogin[],
  attendees: AttendeeLogin[],
): string[] {
  const pad = (rows: string[][]) => {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    return rows.map((r) => `  ${r.map((cell, c) => cell.padEnd(widths[c])).join('  ')}`.trimEnd());
  };
  const rule = '='.repeat(78);
  return [
    rule,
    `DEMO UNION SEEDED: ${conferenceName}`,
    `Conference id: ${conferenceId}`,
    '',
    'Officials sign in with email and password (POST /api/auth/official):',
    ...pad([['role', 'email', 'password'], ...officials.map((o) => [o.role, o.email, o.password])]),
    '',
    `Attendees sign in with conference id ${conferenceId}, membership number and access code (POST /api/auth/attendee).`,
    'The access codes are shown only now; head office can reissue them.',
    ...pad([
      ['name', 'category', 'attends', 'membership number', 'access code'],
      ...attendees.map((a) => [a.name, a.category, a.mode, a.membershipNumber, a.accessCode]),
    ]),
    rule,
  ];
}

function addDays(from: Date, days: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}
