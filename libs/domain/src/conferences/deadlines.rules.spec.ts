import { InvalidInput } from '../errors';
import { localParts, resolveDeadlines, wallClockToInstant } from './deadlines.rules';

const conference = { timeZone: 'Europe/London', startsOn: '2025-10-02', endsOn: '2025-10-03' };
const noon = (date: string) => ({ date, time: '12:00' });

function problemsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).errors ?? {};
  }
  throw new Error('expected a refusal');
}

describe('deadlines entered in the conference time zone', () => {
  it('puts noon on a summer day at 11:00 UTC and reads it back as noon', () => {
    const d = resolveDeadlines(
      { motions: noon('2025-08-07'), amendments: noon('2025-09-04'), emergency: noon('2025-10-01') },
      conference,
    );
    expect(d.motions.toISOString()).toBe('2025-08-07T11:00:00.000Z');
    expect(localParts(d.motions, 'Europe/London')).toEqual({ date: '2025-08-07', time: '12:00' });
  });

  it('allows no emergency deadline', () => {
    expect(
      resolveDeadlines(
        { motions: noon('2025-08-07'), amendments: noon('2025-09-04'), emergency: null },
        conference,
      ).emergency,
    ).toBeNull();
  });

  it('refuses amendments closing before motions', () => {
    const problems = problemsOf(() =>
      resolveDeadlines(
        { motions: noon('2025-09-04'), amendments: noon('2025-08-07'), emergency: null },
        conference,
      ),
    );
    expect(problems).toEqual({
      amendments: expect.stringContaining('cannot be before the motions deadline'),
    });
  });

  it('refuses emergency motions closing before amendments, and after the conference', () => {
    expect(
      problemsOf(() =>
        resolveDeadlines(
          { motions: noon('2025-08-07'), amendments: noon('2025-09-04'), emergency: noon('2025-09-01') },
          conference,
        ),
      ),
    ).toEqual({
      emergency: expect.stringContaining('cannot be before the amendments deadline'),
    });
    expect(
      problemsOf(() =>
        resolveDeadlines(
          { motions: noon('2025-08-07'), amendments: noon('2025-09-04'), emergency: noon('2025-10-04') },
          conference,
        ),
      ),
    ).toEqual({
      emergency: expect.stringContaining('before the conference ends'),
    });
  });

  it('refuses motions and amendments closing once the conference has opened', () => {
    const problems = problemsOf(() =>
      resolveDeadlines(
        { motions: noon('2025-10-02'), amendments: noon('2025-10-02'), emergency: null },
        conference,
      ),
    );
    expect(Object.keys(problems).sort()).toEqual(['amendments', 'motions']);
  });

  it('accepts the last minute of the conference for emergency motions', () => {
    const d = resolveDeadlines(
      {
        motions: noon('2025-08-07'),
        amendments: noon('2025-09-04'),
        emergency: { date: '2025-10-03', time: '23:59' },
      },
      conference,
    );
    expect(d.emergency?.toISOString()).toBe('2025-10-03T22:59:00.000Z');
  });

  it('refuses a time the clocks skip', () => {
    expect(wallClockToInstant({ date: '2025-03-30', time: '01:30' }, 'Europe/London')).toEqual({
      problem: expect.stringContaining('does not exist'),
    });
    expect(wallClockToInstant({ date: '2025-03-30', time: '02:30' }, 'Europe/London')).toEqual({
      instant: new Date('2025-03-30T01:30:00Z'),
    });
  });
});
