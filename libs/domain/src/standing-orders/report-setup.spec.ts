import { Conflict, InvalidInput } from '../errors';
import { DebateTestContext } from './debate.test-context';
import { assertReportMayChange, assertReportTitleFree, reportSetUp } from './report-setup.rules';

// Issue 19: the SOC puts a report to conference on the order of business, and may correct a slip in it
// or take it off again while it is to come; once the chair has taken it, the record stands.
const NEC = { id: 'nec-report', title: 'NEC Annual Report' };
const SECTIONS = [
  { key: '3', title: 'Finance' },
  { key: '4', title: 'Campaigns' },
];

function refusalOf(work: () => void): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('a report as the SOC sets it up', () => {
  it('trims the title and sections as typed', () => {
    expect(reportSetUp({ title: '  NEC Annual Report ', sections: [{ key: ' 3 ', title: ' Finance ' }] })).toEqual({
      title: 'NEC Annual Report',
      sections: [{ key: '3', title: 'Finance' }],
    });
  });

  it('refuses two sections with one number, at the second, whatever their case', () => {
    const error = refusalOf(() =>
      reportSetUp({ title: 'NEC Annual Report', sections: [{ key: '4a', title: 'Campaigns' }, { key: ' 4A', title: 'Membership' }] }),
    );
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.message).toBe('Two sections are numbered 4A; give each its own number.');
    expect((error as InvalidInput).errors).toEqual({ 'sections.1.key': 'used twice' });
  });

  it('lets a report keep its own title, and refuses another report’s', () => {
    expect(() => assertReportTitleFree('NEC Annual Report', null)).not.toThrow();
    expect(() => assertReportTitleFree('NEC annual report', { id: NEC.id }, NEC.id)).not.toThrow();
    const error = refusalOf(() => assertReportTitleFree('NEC Annual Report', { id: NEC.id }, 'treasurers-report'));
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).errors).toEqual({ title: 'already used' });
    expect(refusalOf(() => assertReportTitleFree('NEC Annual Report', { id: NEC.id }))).toBeInstanceOf(Conflict);
  });
});

describe('correcting or removing a report', () => {
  it('allows either while the report is to come, even with other business taken', () => {
    const ctx = new DebateTestContext();
    ctx.run({ type: 'takeReport', reportId: 'treasurers-report', title: 'Treasurer’s Report', sections: SECTIONS });
    expect(() => assertReportMayChange(ctx.state, NEC, 'correct')).not.toThrow();
    expect(() => assertReportMayChange(ctx.state, NEC, 'remove')).not.toThrow();
  });

  it('refuses both once the chair is taking it, saying why and what to do', () => {
    const ctx = new DebateTestContext();
    ctx.run({ type: 'takeReport', reportId: NEC.id, title: NEC.title, sections: SECTIONS });
    const corrected = refusalOf(() => assertReportMayChange(ctx.state, NEC, 'correct'));
    expect(corrected).toBeInstanceOf(Conflict);
    expect(corrected.message).toBe(
      'The chair is taking “NEC Annual Report” now, so it can no longer be corrected: what the meeting does with it is recorded under the title and sections it was taken with. Tell the chair of the mistake; the minutes can be corrected when they are approved.',
    );
    expect(refusalOf(() => assertReportMayChange(ctx.state, NEC, 'remove')).message).toMatch(/can no longer be removed/);
  });

  it('refuses both once the report is received, a section referred back or not: its record stands in the minutes', () => {
    const ctx = new DebateTestContext({ ann: 'hall' });
    ctx.run({ type: 'takeReport', reportId: NEC.id, title: NEC.title, sections: SECTIONS });
    ctx.run({ type: 'moveReferenceBack', reportId: NEC.id, sectionKey: '3', memberId: 'ann' });
    ctx.run({ type: 'referenceBackOutcome', reportId: NEC.id, result: 'carried', showOfHands: true });
    ctx.run({ type: 'receiveReport', reportId: NEC.id });
    const removed = refusalOf(() => assertReportMayChange(ctx.state, NEC, 'remove'));
    expect(removed).toBeInstanceOf(Conflict);
    expect(removed.message).toBe(
      'The chair has taken “NEC Annual Report” and the meeting has received it, so it can no longer be removed: its record stands in the minutes. A mistake in it is corrected when the minutes are approved.',
    );
    expect(refusalOf(() => assertReportMayChange(ctx.state, NEC, 'correct')).message).toMatch(/can no longer be corrected/);
  });
});
