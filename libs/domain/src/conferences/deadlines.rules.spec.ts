import { InvalidInput } from '../errors';
import { findDeadlineClashes, localParts, resolveDeadlines, wallClockToInstant } from './deadlines.rules';

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

describe('moving a conference whose deadlines are set', () => {
  const fields = { opening: 'startsOn', closing: 'endsOn' };
  // Motions close at noon on 12 August 2025 (11:00 UTC), amendments on 2 September, emergency motions on 2 October.
  const set = {
    motions: new Date('2025-08-12T11:00:00Z'),
    amendments: new Date('2025-09-02T11:00:00Z'),
    emergency: new Date('2025-10-02T11:00:00Z'),
  };

  it('lets the conference move while every deadline still falls before it', () => {
    expect(findDeadlineClashes(set, { ...conference, startsOn: '2025-09-03', endsOn: '2025-10-02' }, fields)).toEqual({});
    expect(findDeadlineClashes({ motions: null, amendments: null, emergency: null }, { ...conference, startsOn: '2025-01-01' }, fields)).toEqual({});
  });

  it('refuses an opening on or before the amendments deadline, naming it at the start date', () => {
    const clashes = findDeadlineClashes(set, { ...conference, startsOn: '2025-09-02', endsOn: '2025-10-03' }, fields);
    expect(clashes).toEqual({ startsOn: expect.stringContaining('the amendments deadline (12:00 on 2 September 2025 (Europe/London))') });
    expect(clashes.startsOn).toContain('move the deadlines earlier first');
  });

  it('refuses an end before the emergency deadline, naming it at the end date', () => {
    // The emergency deadline is noon on 2 October: a conference ending on 1 October is over by then.
    const clashes = findDeadlineClashes(set, { ...conference, startsOn: '2025-09-30', endsOn: '2025-10-01' }, fields);
    expect(Object.keys(clashes)).toEqual(['endsOn']);
    expect(clashes.endsOn).toContain('emergency motions deadline');
  });

  it('reads the opening in the new zone: midnight in Auckland comes 12 hours before London noon', () => {
    // Opening 12 August in Pacific/Auckland is 11 August 12:00 UTC, before the motions deadline (12 August 11:00 UTC).
    const moved = { timeZone: 'Pacific/Auckland', startsOn: '2025-08-12', endsOn: '2025-10-03' };
    expect(findDeadlineClashes({ ...set, amendments: null, emergency: null }, moved, { opening: 'timeZone', closing: 'timeZone' })).toEqual({
      timeZone: expect.stringContaining('the motions deadline'),
    });
  });
});
