import { assertValidConferenceDates, formatInConferenceTime, isKnownTimeZone, zonedWallTimeToInstant } from './conference.rules';
import { InvalidInput } from '../errors';

describe('conference dates', () => {
  it('knows Europe/London and refuses a made-up zone', () => {
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('Europe/Eastbourne')).toBe(false);
  });

  it('refuses an end before the start, naming the field', () => {
    try {
      assertValidConferenceDates({ timeZone: 'Europe/London', startsOn: '2025-10-02', endsOn: '2025-10-01' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).errors).toHaveProperty('endsOn');
    }
  });

  it('accepts a one-day conference', () => {
    expect(() => assertValidConferenceDates({ timeZone: 'Europe/London', startsOn: '2025-10-02', endsOn: '2025-10-02' })).not.toThrow();
  });
});

describe('conference time', () => {
  it('puts noon in British Summer Time at 11:00 UTC', () => {
    expect(zonedWallTimeToInstant('2025-08-12', '12:00', 'Europe/London').toISOString()).toBe('2025-08-12T11:00:00.000Z');
  });

  it('puts noon in winter at 12:00 UTC', () => {
    expect(zonedWallTimeToInstant('2025-12-12', '12:00', 'Europe/London').toISOString()).toBe('2025-12-12T12:00:00.000Z');
  });

  it('formats a deadline as the hall reads it', () => {
    expect(formatInConferenceTime(new Date('2025-08-12T11:00:00Z'), 'Europe/London')).toBe('12:00 on 12 August 2025 (Europe/London)');
  });
});
