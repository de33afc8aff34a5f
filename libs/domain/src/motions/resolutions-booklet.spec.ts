import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInput } from '../errors';
import {
  buildBookletModel,
  BookletSectionInput,
  CarriedMotionForBooklet,
  ParsedBooklet,
  parseResolutionsBooklet,
  renderBookletText,
} from './resolutions-booklet';

// The real booklet of Napo's 2025 AGM (tests may read files; the domain code takes text).
const BOOKLET_2025 = readFileSync(join(__dirname, '../../../../fixtures/napo-agm-2025-resolutions.txt'), 'utf8');

/** Turns a parsed booklet back into carried motions, each section owned by its own committee. */
function asCarriedMotions(parsed: ParsedBooklet): {
  motions: CarriedMotionForBooklet[];
  sections: BookletSectionInput[];
} {
  const sections = parsed.sections.map((s) => ({
    id: s.heading,
    heading: s.heading,
    ownerBodyId: `committee:${s.heading}`,
  }));
  const motions = parsed.sections.flatMap((s) =>
    s.resolutions.map((r) => ({
      motionId: `m${r.number}`,
      sectionId: s.heading,
      title: r.title,
      text: r.text,
      status: 'carried' as const,
      proposers: r.proposer
        ? [{ bodyId: `body:${r.proposer}`, name: r.proposer }]
        : [{ bodyId: `committee:${s.heading}`, name: s.heading }],
    })),
  );
  return { motions, sections };
}

describe('reading the 2025 resolutions booklet', () => {
  const parsed = parseResolutionsBooklet(BOOKLET_2025);

  it('finds the title and the occasion', () => {
    expect(parsed.title).toBe('RESOLUTIONS');
    expect(parsed.subtitle).toBe('Eastbourne and Hybrid 2025');
  });

  it('finds 17 resolutions, numbered 1 to 17 in order', () => {
    const numbers = parsed.sections.flatMap((s) => s.resolutions.map((r) => r.number));
    expect(numbers).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  // The file has seven section headings, not eight: Negotiating appears twice, as "NEGOTIATING – CAFCASS"
  // and "NEGOTIATING – PROBATION", and each is a heading of its own.
  it('finds the seven section headings as they stand in the file', () => {
    expect(parsed.sections.map((s) => [s.heading, s.resolutions.length])).toEqual([
      ['HEALTH AND SAFETY COMMITTEE', 2],
      ['NATIONAL EXECUTIVE COMMITTEE', 6],
      ['NEGOTIATING – CAFCASS', 1],
      ['NEGOTIATING – PROBATION', 1],
      ['PROFESSIONAL AND TRAINING', 3],
      ['CAMPAIGNING NETWORK', 3],
      ['EQUAL RIGHTS COMMITTEE', 1],
    ]);
  });

  it('names London Branch as the proposer of resolution 11, and no proposer elsewhere', () => {
    const all = parsed.sections.flatMap((s) => s.resolutions);
    expect(all.find((r) => r.number === 11)).toMatchObject({
      title: 'Toolkits no longer fit for purpose',
      proposer: 'London Branch',
    });
    expect(all.filter((r) => r.proposer !== undefined).map((r) => r.number)).toEqual([11]);
    expect(all.find((r) => r.number === 11)?.text).not.toContain('Proposer');
  });

  it("keeps a resolution's paragraphs and bullets, and leaves nothing unplaced", () => {
    const five = parsed.sections[1].resolutions.find((r) => r.number === 5);
    expect(five?.title).toBe('The use of AI in Probation');
    expect(five?.text.startsWith('This AGM notes that whilst the Probation Service')).toBe(true);
    expect(five?.text).toContain('\n\n- lobby for AI specific legislation');
    expect(five?.text.endsWith('in solidarity with workers in the creative industries.')).toBe(true);
    expect(parsed.unplaced).toEqual([]);
  });

  it('reads the last resolution to the end of the file', () => {
    const last = parsed.sections[6].resolutions[0];
    expect(last.title).toBe('Are we prepared for the far-right?');
    expect(
      last.text.endsWith(
        'upskilling practitioners to challenge appropriately in open and respectful dialogues.',
      ),
    ).toBe(true);
  });

  it('renders back to the same text: headings, numbering, paragraphs and the proposer line', () => {
    const { motions, sections } = asCarriedMotions(parsed);
    const model = buildBookletModel(motions, sections, { title: parsed.title, subtitle: parsed.subtitle });
    expect(renderBookletText(model)).toBe(BOOKLET_2025.trim() + '\n');
  });
});

describe('parsing booklets in general', () => {
  it('reads Windows line endings and a byte-order mark', () => {
    const parsed = parseResolutionsBooklet(
      '\uFEFFRESOLUTIONS\r\n\r\nNEC\r\n\r\n1. Pay\r\n\r\nWe want more.\r\n',
    );
    expect(parsed.sections).toEqual([
      { heading: 'NEC', resolutions: [{ number: 1, title: 'Pay', text: 'We want more.' }] },
    ]);
  });

  it('keeps a numbered list inside a resolution as its text', () => {
    const text = [
      'RESOLUTIONS',
      '',
      'NEC',
      '',
      '3. Pay',
      '',
      'Napo will:',
      '',
      '1. ask',
      '',
      '2. insist',
      '',
      '4. Hours',
      '',
      'Fewer.',
    ].join('\n');
    const parsed = parseResolutionsBooklet(text);
    expect(parsed.sections[0].resolutions.map((r) => r.number)).toEqual([3, 4]);
    expect(parsed.sections[0].resolutions[0].text).toBe('Napo will:\n\n1. ask\n\n2. insist');
  });

  it('puts text between a heading and its first resolution in unplaced', () => {
    const parsed = parseResolutionsBooklet(
      'RESOLUTIONS\n\nNEC\n\nThese came from the NEC.\n\n1. Pay\n\nMore.',
    );
    expect(parsed.unplaced).toEqual(['These came from the NEC.']);
  });

  it('takes a proposer line only as the last paragraph', () => {
    const parsed = parseResolutionsBooklet(
      'RESOLUTIONS\n\nNEC\n\n1. Pay\n\nProposer: Cymru Branch said it first.\n\nMore pay.',
    );
    expect(parsed.sections[0].resolutions[0].proposer).toBeUndefined();
  });
});

describe('building the booklet from carried motions', () => {
  const sections: BookletSectionInput[] = [
    { id: 'hs', heading: 'HEALTH AND SAFETY COMMITTEE', ownerBodyId: 'hsc' },
    { id: 'pt', heading: 'PROFESSIONAL AND TRAINING', ownerBodyId: 'ptc' },
    { id: 'er', heading: 'EQUAL RIGHTS COMMITTEE', ownerBodyId: 'erc' },
  ];
  const carried = (
    motionId: string,
    sectionId: string,
    proposers: [string, string][],
    status: 'carried' | 'carried_as_amended' = 'carried',
  ) => ({
    motionId,
    sectionId,
    title: `Title ${motionId}`,
    text: `Text ${motionId}.`,
    status,
    proposers: proposers.map(([bodyId, name]) => ({ bodyId, name })),
  });

  it('renumbers carried motions Resolution 1..N in section order and leaves out empty sections', () => {
    const model = buildBookletModel(
      [
        carried('m9', 'pt', [['ptc', 'P&T']]),
        carried('m2', 'hs', [['hsc', 'H&S']], 'carried_as_amended'),
        carried('m12', 'pt', [['london', 'London Branch']]),
      ],
      sections,
    );
    expect(
      model.sections.map((s) => [s.heading, s.resolutions.map((r) => [r.number, r.motionId, r.proposers])]),
    ).toEqual([
      ['HEALTH AND SAFETY COMMITTEE', [[1, 'm2', []]]],
      [
        'PROFESSIONAL AND TRAINING',
        [
          [2, 'm9', []],
          [3, 'm12', ['London Branch']],
        ],
      ],
    ]);
  });

  it("names every other body of a composite as proposers, but not the section's committee", () => {
    const model = buildBookletModel(
      [
        carried('c1', 'er', [
          ['erc', 'Equal Rights'],
          ['cymru', 'Cymru Branch'],
          ['london', 'London Branch'],
          ['yorks', 'Yorkshire Branch'],
        ]),
      ],
      sections,
    );
    expect(renderBookletText(model)).toContain('Proposers: Cymru Branch, London Branch and Yorkshire Branch');
  });

  it('refuses a motion that was not carried, and one in no section', () => {
    expect(() => buildBookletModel([{ ...carried('m1', 'hs', []), status: 'lost' }], sections)).toThrow(
      InvalidInput,
    );
    expect(() => buildBookletModel([carried('m1', 'nowhere', [])], sections)).toThrow('m1');
  });

  it('renders what it parses back: rendered text parses to the same model', () => {
    const model = buildBookletModel(
      [carried('m1', 'hs', [['hsc', 'H&S']]), carried('m2', 'er', [['london', 'London Branch']])],
      sections,
      {
        subtitle: 'Eastbourne 2026',
      },
    );
    const reparsed = parseResolutionsBooklet(renderBookletText(model));
    expect(reparsed.subtitle).toBe('Eastbourne 2026');
    expect(reparsed.sections).toEqual([
      {
        heading: 'HEALTH AND SAFETY COMMITTEE',
        resolutions: [{ number: 1, title: 'Title m1', text: 'Text m1.' }],
      },
      {
        heading: 'EQUAL RIGHTS COMMITTEE',
        resolutions: [{ number: 2, title: 'Title m2', text: 'Text m2.', proposer: 'London Branch' }],
      },
    ]);
  });
});
