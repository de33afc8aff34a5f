import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@agm/config';
import type { AccountPrincipal, AttendeePrincipal } from '@agm/domain';
import { AccessRepository } from '@agm/persistence';
import { rulesetOf } from '../motions/motion-steps';
import { OrderOfBusiness } from '../motions/use-cases/agenda.use-case';
import { DraftMotion } from '../motions/use-cases/draft-motion.use-case';
import { ReviewMotion } from '../motions/use-cases/review-motion.use-case';
import { SubmitMotion } from '../motions/use-cases/submit-motion.use-case';
import { SaveMyAnswers } from '../monitoring/use-cases/save-my-answers.use-case';
import { RecordPresence } from '../registration/use-cases/record-presence.use-case';
import { ChangeRuleset } from '../conference-setup/use-cases/change-ruleset.use-case';
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
import { SetRemoteLinks } from '../remote/use-cases/set-remote-links.use-case';
import { randomBytes } from 'node:crypto';
import {
  buildDemoUnion,
  DEMO_CHECKED_IN,
  DEMO_QUORUM,
  demoMonitoringAnswers,
  readBooklet,
  toCsv,
} from './demo-union';

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
    private readonly changeRuleset: ChangeRuleset,
    private readonly presence: RecordPresence,
    private readonly saveAnswers: SaveMyAnswers,
    private readonly draftMotion: DraftMotion,
    private readonly submitMotion: SubmitMotion,
    private readonly reviewMotion: ReviewMotion,
    private readonly orderOfBusiness: OrderOfBusiness,
    private readonly remoteLinks: SetRemoteLinks,
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

    // The quorum fits the demo's twenty attendees (Napo's 150 would stop every vote).
    const ruleset = await rulesetOf(this.transactions.manager, conference.id);
    await this.changeRuleset.execute(principal, conference.id, {
      ruleset: { ...ruleset, quorum: { ...ruleset.quorum, minimumCount: DEMO_QUORUM } },
      reason: `The demo conference has 20 registered attendees: a quorum of ${DEMO_QUORUM}.`,
    });
    // A speakers' room a called remote member can really join: Jitsi opens a room on first use, and the
    // random name keeps every demo in a room of its own. No livestream: a demo has no stream to show
    // (head office adds one on the set-up screen).
    await this.remoteLinks.execute(principal, conference.id, {
      livestreamUrl: null,
      roomUrl: `https://meet.jit.si/NapoDemoAGM-${randomBytes(6).toString('hex')}`,
    });

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
    let hallCheckedIn = 0;
    for (const [position, a] of union.attendees.entries()) {
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
      // Each attendee fills in the monitoring form as themself, as a member would on their phone.
      const attendee: AttendeePrincipal = {
        kind: 'attendee',
        sessionId: 'demo-seed',
        registrationId: registration.id,
        memberId: registration.memberId,
        conferenceId: conference.id,
        name: registration.name,
        attendanceMode: a.mode,
      };
      await this.saveAnswers.execute(attendee, conference.id, demoMonitoringAnswers(position));
      // Most of the hall has arrived at the registration desk, so the quorum is met on the first screen.
      if (a.mode === 'hall' && hallCheckedIn < DEMO_CHECKED_IN) {
        await this.presence.checkIn(principal, conference.id, registration.id, true);
        hallCheckedIn += 1;
      }
    }

    await this.seedOrderOfBusiness(union, conference.id, ids, principal);

    const lines = loginTable(conference.name, conference.id, officials, attendees);
    lines.forEach((line) => print(line));
    return { conferenceId: conference.id, conferenceName: conference.name, officials, attendees, lines };
  }

  /**
   * London Branch's motions, drafted by its secretary, moved and seconded by its two attending members,
   * admitted by the SOC and published as the order of business: the chair can take the first item.
   */
  private async seedOrderOfBusiness(
    union: ReturnType<typeof buildDemoUnion>,
    conferenceId: string,
    ids: { bodies: Map<string, string>; members: Map<string, string> },
    headOffice: AccountPrincipal,
  ): Promise<void> {
    const secretaryLogin = union.officials.find((o) => o.role.startsWith('branch secretary'))!;
    const londonCode = union.officers.find(
      (o) => o.membershipNumber === secretaryLogin.membershipNumber,
    )!.bodyCode;
    const londonId = ids.bodies.get(londonCode)!;
    const [mover, seconder] = union.members.filter((m) => m.branchCode === londonCode);
    // Each acts as the official they are, so the motions' history names the secretary and the SOC.
    const signedIn = async (email: string, as: Partial<AccountPrincipal>): Promise<AccountPrincipal> => {
      const [account] = await this.transactions.manager.query(
        'SELECT id, name FROM account WHERE email = $1',
        [email],
      );
      return { ...headOffice, accountId: account.id, name: account.name, isHeadOffice: false, ...as };
    };
    const secretary = await signedIn(secretaryLogin.email, {
      memberId: ids.members.get(secretaryLogin.membershipNumber!)!,
      officerOf: [londonId],
    });
    const socLogin = union.officials.find((o) => o.conferenceRole === 'soc')!;
    const soc = await signedIn(socLogin.email, { roles: [{ conferenceId, role: 'soc' }] });
    const [section] = await this.transactions.manager.query(
      'SELECT id FROM section WHERE conference_id = $1 ORDER BY position LIMIT 1',
      [conferenceId],
    );
    for (const motion of union.motions) {
      const draft = await this.draftMotion.create(secretary, conferenceId, {
        kind: 'motion',
        bodyId: londonId,
        title: motion.title,
        text: motion.text,
        sectionId: section.id,
        proposerMemberId: ids.members.get(mover.membershipNumber),
        seconderMemberId: ids.members.get(seconder.membershipNumber),
      });
      await this.submitMotion.execute(secretary, conferenceId, draft.id);
      await this.reviewMotion.execute(soc, conferenceId, draft.id, 'admit', undefined);
    }
    await this.orderOfBusiness.publish(soc, conferenceId);
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
      // The category in words: 'professional associate', never its stored code.
      ...attendees.map((a) => [
        a.name,
        a.category.replace(/_/g, ' '),
        a.mode,
        a.membershipNumber,
        a.accessCode,
      ]),
    ]),
    rule,
  ];
}

function addDays(from: Date, days: number): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
}
