import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Conflict, InvalidInput } from '../errors';
import { assertLink, assertStatusChange, dueForReport, numberNewResolutions, resolutionsFromBooklet, ResolutionStatus, statusFromLink, titleCase } from './register.rules';
import { assertCitations, citationText, objectiveLine, sectionHeading, uncarriedResolutions } from './operational-plan.rules';

const booklet2025 = () => readFileSync(join(__dirname, '../../../../fixtures/napo-agm-2025-resolutions.txt'), 'utf8');

describe('importing a past year’s booklet into the register', () => {
  it('reads the 2025 booklet as 17 resolutions under their section headings', () => {
    const found = resolutionsFromBooklet(booklet2025());
    expect(found.map((r) => r.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(found[0]).toMatchObject({ title: 'Workload Stress should be recorded in RIDDOR', sectionHeading: 'HEALTH AND SAFETY COMMITTEE', movedBy: ['Health and Safety Committee'] });
    expect(found[2].sectionHeading).toBe('NATIONAL EXECUTIVE COMMITTEE');
    expect(found.find((r) => r.number === 11)?.movedBy).toEqual(['London Branch']);
  });

  it('refuses text with no resolutions in it', () => {
    expect(() => resolutionsFromBooklet('Just a letter.\n\nNothing numbered.')).toThrow(InvalidInput);
  });

  it('writes headings in title case for the mover, keeping small words small', () => {
    expect(titleCase('HEALTH AND SAFETY COMMITTEE')).toBe('Health and Safety Committee');
  });
});

describe('numbering at the close of the AGM', () => {
  it('numbers in booklet order, after the year’s last resolution', () => {
    const numbered = numberNewResolutions([{ number: 2, id: 'b' }, { number: 1, id: 'a' }], 17);
    expect(numbered.map((r) => [r.id, r.registerNumber])).toEqual([['a', 18], ['b', 19]]);
  });

  it('always gives consecutive numbers after the last, whatever the order given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 500 })), fc.integer({ min: 0, max: 100 }), (numbers, last) => {
        const out = numberNewResolutions(numbers.map((number) => ({ number })), last).map((r) => r.registerNumber);
        expect(out).toEqual(numbers.map((_, i) => last + i + 1));
      }),
    );
  });
});

describe('status changes', () => {
  it('needs a reason for not pursued', () => {
    expect(() => assertStatusChange('in_progress', 'not_pursued', '  ')).toThrow(/Say why/);
    expect(() => assertStatusChange('in_progress', 'not_pursued', 'The employer withdrew the policy.')).not.toThrow();
    expect(() => assertStatusChange('not_started', 'completed', undefined)).not.toThrow();
  });

  it('leaves superseded and rescinded to a later resolution’s link', () => {
    expect(() => assertStatusChange('in_progress', 'rescinded', 'Rescinded at the 2026 AGM')).toThrow(/link the later resolution/);
  });
});

describe('a later resolution supersedes or rescinds an earlier one', () => {
  const r = (year: number, number: number, status: ResolutionStatus = 'in_progress') => ({ id: `${year}-${number}`, year, number, status });

  it('accepts an earlier year, or a lower number of the same year', () => {
    expect(() => assertLink(r(2026, 1), r(2025, 12), 'rescinds')).not.toThrow();
    expect(() => assertLink(r(2026, 5), r(2026, 2), 'supersedes')).not.toThrow();
  });

  it('refuses itself, a later resolution, and one already rescinded', () => {
    expect(() => assertLink(r(2026, 1), r(2026, 1), 'rescinds')).toThrow(/itself/);
    expect(() => assertLink(r(2025, 1), r(2026, 3), 'rescinds')).toThrow(/not later/);
    expect(() => assertLink(r(2026, 1), r(2025, 3, 'rescinded'), 'supersedes')).toThrow(Conflict);
  });

  it('gives the earlier one its status and a reason naming the later one', () => {
    expect(statusFromLink({ year: 2026, number: 4 }, 'rescinds')).toEqual({ status: 'rescinded', reason: 'Rescinded by Resolution 4 (2026).' });
  });
});

describe('resolutions due a report at a meeting', () => {
  it('lists the open ones with no progress since the last meeting, those with a target date first', () => {
    const due = dueForReport(
      [
        { year: 2025, number: 1, status: 'in_progress', latestProgressOn: '2026-01-10', targetDate: null },
        { year: 2025, number: 2, status: 'in_progress', latestProgressOn: '2025-11-01', targetDate: null },
        { year: 2025, number: 3, status: 'not_started', latestProgressOn: null, targetDate: '2026-03-01' },
        { year: 2025, number: 4, status: 'completed', latestProgressOn: null, targetDate: null },
      ],
      '2026-01-01',
    );
    expect(due.map((r) => r.number)).toEqual([3, 2]);
  });
});

describe('citations in the operational plan', () => {
  const c = (number: number, year = 2025) => ({ resolutionId: `${year}-${number}`, year, number });

  it('reads as Napo’s plans print them', () => {
    expect(citationText([c(12)], 2025)).toBe('(Resolution 12)');
    expect(citationText([c(4), c(3)], 2025)).toBe('(Resolutions 3 and 4)');
    expect(citationText([c(7, 2024), c(2)], 2025)).toBe('(Resolutions 2 and 7 of 2024)');
    expect(objectiveLine({ text: 'Negotiate flexible working ', citations: [c(12)] }, 2025)).toBe('Negotiate flexible working (Resolution 12)');
    expect(sectionHeading({ title: "Promoting and protecting members' interests" }, 0)).toBe("OBJECTIVE 1: PROMOTING AND PROTECTING MEMBERS' INTERESTS");
  });

  it('refuses a citation twice and a rescinded resolution', () => {
    expect(() => assertCitations([{ ...c(1), status: 'in_progress' }, { ...c(1), status: 'in_progress' }])).toThrow(/twice/);
    expect(() => assertCitations([{ ...c(1), status: 'rescinded' }])).toThrow(/in force/);
  });

  it('shows which open resolutions no objective carries yet', () => {
    const resolutions = [
      { id: '2025-1', status: 'in_progress' as const },
      { id: '2025-2', status: 'not_started' as const },
      { id: '2025-3', status: 'completed' as const },
    ];
    const plan = { sections: [{ id: 's', title: 'T', description: null, objectives: [{ id: 'o', area: null, text: 'Do', citations: [c(1)] }] }] };
    expect(uncarriedResolutions(resolutions, plan).map((r) => r.id)).toEqual(['2025-2']);
  });
});
