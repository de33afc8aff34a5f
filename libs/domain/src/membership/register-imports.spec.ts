import { napoDefaultRuleset } from '../ruleset/ruleset';
import { checkBodiesCsv } from './bodies.import';
import { checkMembersCsv } from './members.import';
import { checkOfficersCsv } from './officers.import';

const context = { categories: Object.keys(napoDefaultRuleset().categories), branchCodes: ['LDN', 'MID'] };
const header = 'membership_number,name,email,category,branch_code';

describe('importing the membership register', () => {
  it('reads good lines into members, tidying the category as head office writes it', () => {
    const { rows, problems } = checkMembersCsv(
      `${header}\r\nN1,"Okafor, Ada",ada@example.org,Professional Associate,LDN\r\n`,
      context,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        membershipNumber: 'N1',
        name: 'Okafor, Ada',
        email: 'ada@example.org',
        category: 'professional_associate',
        branchCode: 'LDN',
      },
    ]);
  });

  it('refuses an unknown category, an unknown branch and an address that is not one', () => {
    const { problems } = checkMembersCsv(
      `${header}\nN1,Ada,ada@example,life,LDN\nN2,Bo,bo@example.org,full,XYZ`,
      context,
    );
    expect(problems).toEqual([
      { line: 2, column: 'email', message: 'not an email address' },
      {
        line: 2,
        column: 'category',
        message: expect.stringMatching(
          /'life' is not a known membership category; use one of full, professional_associate/,
        ),
      },
      {
        line: 3,
        column: 'branch_code',
        message: expect.stringContaining("'XYZ' is not a known branch code"),
      },
    ]);
  });

  it('takes the categories in force from its input, not from a list of its own', () => {
    const { problems } = checkMembersCsv(`${header}\nN1,Ada,ada@example.org,honorary,LDN`, {
      ...context,
      categories: ['honorary'],
    });
    expect(problems).toEqual([]);
  });

  it('names a duplicate membership number even on a line with other problems', () => {
    const { problems } = checkMembersCsv(`${header}\nN1,Ada,a@x.org,full,LDN\nN1,Cy,cy@x,full,XX`, context);
    expect(problems.map((p) => `${p.line} ${p.column}`)).toEqual([
      '3 email',
      '3 branch_code',
      '3 membership_number',
    ]);
  });

  it('refuses a membership number twice in the file, naming both lines', () => {
    const { problems } = checkMembersCsv(
      `${header}\nN1,Ada,a@x.org,full,LDN\nN2,Bo,b@x.org,full,LDN\nN1,Cy,c@x.org,full,MID`,
      context,
    );
    expect(problems).toEqual([
      {
        line: 4,
        column: 'membership_number',
        message: 'membership number N1 is on line 2 and line 4; each may appear once',
      },
    ]);
  });

  it('requires every field of a member but the email address (no address: the access code goes by letter)', () => {
    const { problems } = checkMembersCsv(`${header}\nN1,,,,\n,Ada,a@x.org,full,LDN`, context);
    expect(problems.map((p) => `${p.line} ${p.column}: ${p.message}`)).toEqual([
      '2 name: is required',
      '2 category: is required',
      '2 branch_code: is required',
      '3 membership_number: is required',
    ]);
  });
});

describe('importing bodies', () => {
  const bodies = 'code,kind,name,region,membership_count';

  it('reads branches, networks, committees and forums, with region and count optional', () => {
    const { rows, problems } = checkBodiesCsv(
      `${bodies}\nLDN,Branch,London Branch,London,412\nWIN,network,Women in Napo,,`,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, code: 'LDN', kind: 'branch', name: 'London Branch', region: 'London', membershipCount: 412 },
      { line: 3, code: 'WIN', kind: 'network', name: 'Women in Napo', region: null, membershipCount: 0 },
    ]);
  });

  it('refuses joint members as an imported body, a count that is not a whole number, and a code twice', () => {
    const { problems } = checkBodiesCsv(
      `${bodies}\nJ1,joint_members,Two members,,\nLDN,branch,London,,-3\nLDN,branch,London again,,1`,
    );
    expect(problems).toEqual([
      {
        line: 2,
        column: 'kind',
        message: expect.stringContaining(
          "'joint_members' is not a known kind of body; use one of branch, network, committee, forum",
        ),
      },
      { line: 3, column: 'membership_count', message: 'must be a whole number, 0 or more' },
      // The duplicate is named even though line 3 has a problem of its own.
      { line: 4, column: 'code', message: 'body code LDN is on line 3 and line 4; each may appear once' },
    ]);
  });
});

describe('importing body officers', () => {
  const officers = 'body_code,membership_number,office';
  const known = { bodyCodes: ['LDN', 'NEC'], membershipNumbers: ['N1', 'N2'] };

  it('reads officers of known bodies who are known members', () => {
    const { rows, problems } = checkOfficersCsv(`${officers}\nLDN,N1,Branch Secretary\nNEC,N1,Chair`, known);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, bodyCode: 'LDN', membershipNumber: 'N1', office: 'Branch Secretary' },
      { line: 3, bodyCode: 'NEC', membershipNumber: 'N1', office: 'Chair' },
    ]);
  });

  it('refuses an unknown body, an unknown member and the same office twice', () => {
    const { problems } = checkOfficersCsv(
      `${officers}\nXX,N1,Chair\nLDN,N9,Chair\nLDN,N2,Chair\nLDN,N2,chair`,
      known,
    );
    expect(problems).toEqual([
      { line: 2, column: 'body_code', message: expect.stringMatching(/^'XX' is not a known body code/) },
      {
        line: 3,
        column: 'membership_number',
        message: expect.stringMatching(/^'N9' is not a known membership number/),
      },
      {
        line: 5,
        column: 'body_code',
        message: 'N2 as chair of LDN is on line 4 and line 5; each may appear once',
      },
    ]);
  });
});
