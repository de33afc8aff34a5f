import { InvalidInput, StandingOrderViolation } from '../errors';
import { checkAttendanceSwitch } from './attendance-switch';

describe('switching between the hall and remote attendance', () => {
  const base = { name: 'Ann Lee', from: 'remote' as const, to: 'hall' as const, reason: 'arrived at the venue', openVotes: [] };

  it('lets a remote attendee who arrived be moved to the hall with a reason', () => {
    expect(() => checkAttendanceSwitch(base)).not.toThrow();
  });

  it('wants a reason, for the proceedings log', () => {
    expect(() => checkAttendanceSwitch({ ...base, reason: '  ' })).toThrow(InvalidInput);
  });

  it('refuses a switch to the mode they already have', () => {
    expect(() => checkAttendanceSwitch({ ...base, to: 'remote' })).toThrow(/already attends remotely/);
  });

  it('refuses a switch while a vote with them on its register is open, voted or not, naming the vote', () => {
    for (const voted of [true, false]) {
      const attempt = () => checkAttendanceSwitch({ ...base, openVotes: [{ title: 'Motion 3', voted }] });
      expect(attempt).toThrow(StandingOrderViolation);
      expect(attempt).toThrow(/"Motion 3"/);
    }
  });
});
