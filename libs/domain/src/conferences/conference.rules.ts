import { FieldErrors, InvalidInput } from '../errors';

/** True when the runtime's ICU knows the IANA time zone name, e.g. 'Europe/London'. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

export interface ConferenceDates {
  timeZone: string;
  /** Calendar dates in the conference's time zone, 'YYYY-MM-DD'. */
  startsOn: string;
  endsOn: string;
}

/** The rules a conference's dates must keep, whether it is being created or changed. */
export function assertValidConferenceDates(dates: ConferenceDates): void {
  const errors: FieldErrors = {};
  if (!isKnownTimeZone(dates.timeZone)) {
    errors.timeZone = `'${dates.timeZone}' is not a known IANA time zone; use a name such as 'Europe/London'`;
  }
  if (dates.endsOn < dates.startsOn) {
    errors.endsOn = `the conference cannot end (${dates.endsOn}) before it starts (${dates.startsOn})`;
  }
  if (Object.keys(errors).length > 0) throw new InvalidInput('The conference dates are invalid.', errors);
}

/**
 * Formats an instant as people in the conference read it: "12:00 on 12 August 2025 (Europe/London)".
 * Deadline messages use it so nobody has to convert from UTC.
 */
export function formatInConferenceTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} on ${part('day')} ${part('month')} ${part('year')} (${timeZone})`;
}

/**
 * The UTC instant of a wall-clock time in a time zone, e.g. noon on 2025-08-12 in Europe/London.
 * Deadlines are entered as local wall-clock times, so this is how the server knows when they fall.
 */
export function zonedWallTimeToInstant(localDate: string, localTime: string, timeZone: string): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  const [hh, mm] = localTime.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // The zone's offset at that moment; a second pass settles the hour around a clock change.
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone);
  guess = asUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}
