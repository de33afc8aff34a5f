import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NAPO_MEMBER_CATEGORIES, parseResolutionsBooklet } from '@agm/domain';

/**
 * The demo union's data, built from Napo's 2025 resolutions booklet (fixtures/): its section
 * headings become committees (or branches, where a heading names one) and sections; the branches
 * named as proposers become branches. Everything else is invented and fixed, so every start of an
 * empty system prints the same logins (access codes apart, which are random and shown once).
 */
export const BOOKLET_FIXTURE = 'fixtures/napo-agm-2025-resolutions.txt';

/** The headings of the 2025 booklet, should the fixture not be shipped beside the build. */
const FALLBACK_HEADINGS = [
  'HEALTH AND SAFETY COMMITTEE',
  'NATIONAL EXECUTIVE COMMITTEE',
  'PROFESSIONAL AND TRAINING',
  'CAMPAIGNING NETWORK',
  'EQUAL RIGHTS COMMITTEE',
];
const FALLBACK_PROPOSERS = ['London Branch'];

export interface DemoBody {
  code: string;
  kind: 'branch' | 'network' | 'committee' | 'forum';
  name: string;
  region: string | null;
  membershipCount: number;
}

export interface DemoSection {
  name: string;
  ownerCode: string;
}

export interface DemoMember {
  membershipNumber: string;
  name: string;
  email: string;
  category: string;
  branchCode: string;
}

export interface DemoOfficial {
  role: string;
  email: string;
  name: string;
  password: string;
  conferenceRole: 'soc' | 'chair' | 'teller' | 'monitor' | null;
  /** The member this official is (body officers submit for their body). */
  membershipNumber: string | null;
}

export interface DemoUnion {
  bodies: DemoBody[];
  sections: DemoSection[];
  members: DemoMember[];
  officers: Array<{ bodyCode: string; membershipNumber: string; office: string }>;
  headOffice: DemoOfficial;
  officials: DemoOfficial[];
  /** Membership numbers registered for the demo conference, with how they attend. */
  attendees: Array<{ membershipNumber: string; mode: 'hall' | 'remote' }>;
  /** Motions London Branch submits and the SOC admits, so the chair can take one straight away. */
  motions: Array<{ title: string; text: string }>;
}

/**
 * The demo conference's quorum: enough that the chair sees it counted, few enough that the hall
 * attendees the seed checks in meet it (six of them count), so a vote can be put without changing a rule.
 */
export const DEMO_QUORUM = 5;

/** How many of the ten hall attendees the seed checks in: the rest are left for head office to try check-in. */
export const DEMO_CHECKED_IN = 8;

const DEMO_MOTIONS = [
  {
    title: 'Workload Measurement',
    text: 'This AGM instructs the NEC to campaign for a workload measurement tool agreed with Napo in every probation region, and to report progress to the next AGM.',
  },
  {
    title: 'Safe Staffing in Family Courts',
    text: 'This AGM calls on the NEC to press Cafcass for published safe staffing levels and to support branches whose members carry caseloads above them.',
  },
];

/**
 * A plausible spread of equality monitoring answers, one set per demo attendee (by position): a mix
 * across every question, with a few "prefer not to say", as a real AGM's would be.
 */
export function demoMonitoringAnswers(position: number): Record<string, string> {
  const pick = (options: string[], step: number) =>
    options[(position * step + Math.floor(position / 3)) % options.length];
  return {
    gender: pick(['woman', 'woman', 'man', 'woman', 'man', 'non_binary', 'woman', 'prefer_not_to_say'], 3),
    ethnicity: pick(
      ['white', 'white', 'black', 'white', 'asian', 'mixed', 'white', 'prefer_not_to_say', 'white', 'other'],
      7,
    ),
    disability: pick(['no', 'no', 'yes', 'no', 'no', 'prefer_not_to_say'], 5),
    lgbt: pick(['no', 'no', 'no', 'yes', 'no', 'prefer_not_to_say', 'no'], 4),
    age_band: pick(['35_44', '45_54', '25_34', '55_64', '45_54', 'under_25', '35_44', '65_plus', '55_64'], 5),
    first_agm: pick(['no', 'yes', 'no', 'no', 'yes', 'prefer_not_to_say'], 1),
  };
}

const NETWORKS: Array<[string, string]> = [
  ['BMN', 'Black Members Network'],
  ['LGBT', 'LGBT+ Network'],
  ['DMN', 'Disabled Members Network'],
  ['RMN', 'Retired Members Network'],
  ['WIN', 'Women in Napo'],
  ['YMN', 'Young Members Network'],
];

/** Branches beyond the booklet's proposers; the Family Court Section counts as a branch. */
const MORE_BRANCHES: Array<[string, string, string]> = [
  ['South Yorkshire Branch', 'Yorkshire and the Humber', 'SYK'],
  ['Cymru Branch', 'Wales', 'CYM'],
  ['North West Branch', 'North West', 'NW'],
  ['Kent, Surrey and Sussex Branch', 'South East', 'KSS'],
  ['Family Court Section', 'National', 'FCS'],
];

const FIRST = [
  'Ada',
  'Bola',
  'Ciaran',
  'Deepa',
  'Eilidh',
  'Femi',
  'Gareth',
  'Hana',
  'Ifan',
  'Jo',
  'Kwame',
  'Leah',
  'Marek',
  'Nia',
  'Owen',
  'Priya',
  'Rhys',
  'Sam',
  'Tariq',
  'Una',
];
const LAST = [
  'Okafor',
  'Hughes',
  'Patel',
  'Murphy',
  'Evans',
  'Nowak',
  'Campbell',
  'Ahmed',
  'Jones',
  'Reid',
  'Mensah',
  'Williams',
];

/** Category of the i-th demo member: every category, mostly full members, as in the union. */
const CATEGORY_PATTERN = [
  'full',
  'full',
  'professional_associate',
  'full',
  'associate',
  'retired',
  'full',
  'student',
  'full',
  'retired',
];

export function readBooklet(startDir: string = __dirname): string | null {
  for (let dir = startDir; ; dir = dirname(dir)) {
    const candidate = join(dir, BOOKLET_FIXTURE);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    if (dirname(dir) === dir) return null;
  }
}

export function buildDemoUnion(bookletText: string | null): DemoUnion {
  const booklet = bookletText ? parseResolutionsBooklet(bookletText) : null;
  const headings = booklet ? booklet.sections.map((s) => s.heading).filter(Boolean) : FALLBACK_HEADINGS;
  const proposers = booklet
    ? [
        ...new Set(
          booklet.sections.flatMap((s) =>
            s.resolutions.map((r) => r.proposer).filter((p): p is string => !!p),
          ),
        ),
      ]
    : FALLBACK_PROPOSERS;

  const bodies: DemoBody[] = [];
  const codes = new Set<string>();
  const add = (body: Omit<DemoBody, 'code'>, preferred?: string) => {
    let code = preferred ?? initials(body.name);
    for (let n = 2; codes.has(code); n++) code = `${preferred ?? initials(body.name)}${n}`;
    codes.add(code);
    const made = { ...body, code };
    bodies.push(made);
    return made;
  };
  const byName = new Map<string, DemoBody>();

  const sections: DemoSection[] = [];
  for (const heading of headings) {
    const name = titleCase(heading);
    // A heading that names a branch is that branch's section; any other heading is a committee's.
    const isBranch = /\b(branch|section)$/i.test(name) && !/committee/i.test(name);
    const bodyName = isBranch || /committee|network|forum/i.test(name) ? name : `${name} Committee`;
    const body =
      byName.get(bodyName) ??
      add(
        {
          kind: isBranch ? 'branch' : 'committee',
          name: bodyName,
          region: isBranch ? null : 'National',
          membershipCount: 0,
        },
        bodyName === 'National Executive Committee' ? 'NEC' : undefined,
      );
    byName.set(bodyName, body);
    sections.push({ name, ownerCode: body.code });
  }
  for (const proposer of proposers) {
    if (!byName.has(proposer))
      byName.set(
        proposer,
        add(
          { kind: 'branch', name: proposer, region: proposer.replace(/ Branch$/, ''), membershipCount: 0 },
          proposer === 'London Branch' ? 'LDN' : undefined,
        ),
      );
  }
  for (const [name, region, code] of MORE_BRANCHES) {
    if (!byName.has(name)) byName.set(name, add({ kind: 'branch', name, region, membershipCount: 0 }, code));
  }
  for (const [code, name] of NETWORKS)
    byName.set(name, add({ kind: 'network', name, region: null, membershipCount: 0 }, code));
  add({ kind: 'forum', name: 'PSO Forum', region: null, membershipCount: 0 }, 'PSO');

  const branches = bodies.filter((b) => b.kind === 'branch');
  const london = byName.get('London Branch') ?? branches[0];
  const members: DemoMember[] = [];
  for (let i = 0; i < 60; i++) {
    const membershipNumber = `D${10001 + i}`;
    const branch = i < 2 ? london : branches[i % branches.length];
    const category = i < 2 ? 'full' : CATEGORY_PATTERN[i % CATEGORY_PATTERN.length];
    members.push({
      membershipNumber,
      name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`,
      email: `${membershipNumber.toLowerCase()}@members.demo.napo.example`,
      category,
      branchCode: branch.code,
    });
    branch.membershipCount += 1;
  }
  for (const category of NAPO_MEMBER_CATEGORIES) {
    if (!members.some((m) => m.category === category))
      throw new Error(`demo union has no ${category} member`);
  }

  const secretary = members[0];
  const convenor = members[1];
  const bmn = byName.get('Black Members Network')!;
  const officers = [
    { bodyCode: london.code, membershipNumber: secretary.membershipNumber, office: 'branch secretary' },
    { bodyCode: bmn.code, membershipNumber: convenor.membershipNumber, office: 'convenor' },
  ];

  const official = (
    role: string,
    local: string,
    name: string,
    conferenceRole: DemoOfficial['conferenceRole'],
    membershipNumber: string | null = null,
  ): DemoOfficial => ({
    role,
    email: `${local}@demo.napo.example`,
    name,
    password: `demo-${local.replace(/\./g, '-')}-password`,
    conferenceRole,
    membershipNumber,
  });

  // Ten in the hall and ten remote, across every category; the two officers attend too.
  const attendees = members.slice(0, 20).map((m, i) => ({
    membershipNumber: m.membershipNumber,
    mode: (i % 2 === 0 ? 'hall' : 'remote') as 'hall' | 'remote',
  }));

  return {
    bodies,
    sections,
    members,
    officers,
    headOffice: official('head office (admin)', 'headoffice', 'Head Office Administrator', null),
    officials: [
      official('Standing Orders Committee', 'soc', 'SOC Member', 'soc'),
      official('chair', 'chair', 'Conference Chair', 'chair'),
      official('teller', 'teller', 'Teller', 'teller'),
      official('equality monitor', 'monitor', 'AGM Monitor', 'monitor'),
      official(
        `branch secretary, ${london.name}`,
        'london.secretary',
        secretary.name,
        null,
        secretary.membershipNumber,
      ),
      official(
        `network convenor, ${bmn.name}`,
        'bmn.convenor',
        convenor.name,
        null,
        convenor.membershipNumber,
      ),
    ],
    attendees,
    motions: DEMO_MOTIONS,
  };
}

/** 'HEALTH AND SAFETY COMMITTEE' → 'Health and Safety Committee'. */
export function titleCase(heading: string): string {
  const small = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to']);
  return heading
    .toLowerCase()
    .split(/\s+/)
    .map((word, i) => (i > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('')
    .slice(0, 8);
}

/** CSV text for the register import use cases (RFC 4180 quoting). */
export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
