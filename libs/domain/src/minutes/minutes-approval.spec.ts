import { Conflict, InvalidInput, StandingOrderViolation } from '../errors';
import { approveMinutes, MinutesApprovalCommand, MinutesApprovalContext } from './minutes-approval';

describe('approving the minutes of record', () => {
  const command: MinutesApprovalCommand = {
    approvedBy: 'nec',
    meeting: 'NEC meeting',
    meetingOn: '2027-11-04',
    how: 'Moved by the chair, seconded, agreed unanimously',
  };
  const context: MinutesApprovalContext = {
    existing: null,
    conference: { timeZone: 'Europe/London', endsOn: '2027-10-09' },
    lastSeq: 412,
    entries: 87,
    openItem: null,
    actorId: 'account-1',
    // 00:30 UTC on 5 November: the 5th in London (GMT), still the 4th in New York.
    now: new Date('2027-11-05T00:30:00Z'),
  };

  it('records who approved them, at which meeting, how, and the last entry they hold', () => {
    expect(approveMinutes({ ...command, corrections: '  ' }, context)).toEqual({
      approvedBy: 'nec',
      meeting: 'NEC meeting',
      meetingOn: '2027-11-04',
      how: 'Moved by the chair, seconded, agreed unanimously',
      corrections: null,
      throughSeq: 412,
      recordedBy: 'account-1',
      recordedAt: context.now,
    });
  });

  it('keeps the corrections the meeting made', () => {
    expect(approveMinutes({ ...command, corrections: ' Item 3: the mover was Jo Bloggs. ' }, context).corrections).toBe(
      'Item 3: the mover was Jo Bloggs.',
    );
  });

  it('approves once only', () => {
    const existing = approveMinutes(command, context);
    expect(() => approveMinutes(command, { ...context, existing })).toThrow(Conflict);
  });

  it('refuses a meeting before the conference ended, or one still to come (today in the conference zone)', () => {
    expect(() => approveMinutes({ ...command, meetingOn: '2027-10-08' }, context)).toThrow(
      expect.objectContaining({ errors: { meetingOn: expect.stringContaining('ended on 2027-10-09') } }),
    );
    expect(approveMinutes({ ...command, meetingOn: '2027-10-09' }, context).meetingOn).toBe('2027-10-09');
    // In New York it is still 4 November at 00:30 UTC on the 5th: the 5th has not come there.
    const ny = { ...context, conference: { ...context.conference, timeZone: 'America/New_York' } };
    expect(approveMinutes({ ...command, meetingOn: '2027-11-04' }, ny).meetingOn).toBe('2027-11-04');
    expect(() => approveMinutes({ ...command, meetingOn: '2027-11-05' }, ny)).toThrow(InvalidInput);
    expect(approveMinutes({ ...command, meetingOn: '2027-11-05' }, context).meetingOn).toBe('2027-11-05');
  });

  it('names every missing part', () => {
    try {
      approveMinutes({ ...command, meeting: ' ', how: '' }, context);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      expect(Object.keys((error as InvalidInput).errors!)).toEqual(['meeting', 'how']);
    }
  });

  it('refuses while an item is still open, or when nothing was recorded', () => {
    expect(() => approveMinutes(command, { ...context, openItem: 'Motion 3: Safe caseloads' })).toThrow(
      StandingOrderViolation,
    );
    expect(() => approveMinutes(command, { ...context, entries: 0 })).toThrow(/nothing to approve/);
  });
});
