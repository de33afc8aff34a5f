import { FieldErrors, InvalidInput } from '../errors';
import { formatInConferenceTime, zonedWallTimeToInstant } from './conference.rules';

/** A deadline as people enter it: a wall-clock time in the conference's time zone. */
export interface WallClockTime {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:mm', 24-hour */
  time: string;
}

export interface DeadlineInstants {
  /** Motions and constitutional amendments. */
  motions: Date;
  amendments: Date;
  /** null: emergency motions are taken until the conference decides otherwise. */
  emergency: Date | null;
}

export interface DeadlineConference {
  timeZone: string;
  startsOn: string;
  endsOn: string;
}

type DeadlineName = 'motions' | 'amendments' | 'emergency';

/**
 * The instant of a wall-clock time, or a problem when that time does not exist in the zone (the hour
 * skipped when the clocks go forward): a deadline must name a moment everyone can read on a clock.
 */
export function wallClockToInstant(
  wall: WallClockTime,
  timeZone: string,
): { instant: Date } | { problem: string } {
  const instant = zonedWallTimeToInstant(wall.date, wall.time, timeZone);
  const back = localParts(instant, timeZone);
  if (back.date !== wall.date || back.time !== wall.time) {
    return {
      problem: `${wall.time} on ${wall.date} does not exist in ${timeZone} (the clocks change then); pick another time`,
    };
  }
  return { instant };
}

/** The wall-clock date and time of an instant in a zone, as 'YYYY-MM-DD' and 'HH:mm'. */
export function localParts(instant: Date, timeZone: string): WallClockTime {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/**
 * Turns the deadlines entered as wall-clock times into instants and checks they keep the order of a
 * call for motions: motions (and constitutional amendments) first, then amendments to them, then
 * emergency motions ([common] UNISON: 16, 8 and 1 weeks before). Motions and amendments close before
 * the conference opens; emergency motions may be taken until it ends. Every problem is named by field.
 */
export function resolveDeadlines(
  entered: { motions: WallClockTime; amendments: WallClockTime; emergency: WallClockTime | null },
  conference: DeadlineConference,
): DeadlineInstants {
  const errors: FieldErrors = {};
  const zone = conference.timeZone;
  const resolve = (name: DeadlineName, wall: WallClockTime | null): Date | null => {
    if (!wall) return null;
    const result = wallClockToInstant(wall, zone);
    if ('problem' in result) {
      errors[name] = result.problem;
      return null;
    }
    return result.instant;
  };
  const motions = resolve('motions', entered.motions);
  const amendments = resolve('amendments', entered.amendments);
  const emergency = resolve('emergency', entered.emergency);
  const at = (d: Date) => formatInConferenceTime(d, zone);

  const opens = zonedWallTimeToInstant(conference.startsOn, '00:00', zone);
  const ends = zonedWallTimeToInstant(nextDay(conference.endsOn), '00:00', zone);
  if (motions && motions >= opens)
    errors.motions = `the motions deadline (${at(motions)}) must fall before the conference opens on ${conference.startsOn}`;
  if (amendments && amendments >= opens)
    errors.amendments = `the amendments deadline (${at(amendments)}) must fall before the conference opens on ${conference.startsOn}`;
  if (motions && amendments && amendments < motions && !errors.amendments) {
    errors.amendments = `the amendments deadline (${at(amendments)}) cannot be before the motions deadline (${at(motions)}): amendments are made to motions already submitted`;
  }
  if (emergency && emergency >= ends)
    errors.emergency = `the emergency motions deadline (${at(emergency)}) must fall before the conference ends on ${conference.endsOn}`;
  if (emergency && amendments && emergency < amendments && !errors.emergency) {
    errors.emergency = `the emergency motions deadline (${at(emergency)}) cannot be before the amendments deadline (${at(amendments)}): emergency motions are for issues that arise after the ordinary deadlines`;
  }
  if (Object.keys(errors).length > 0 || !motions || !amendments) {
    throw new InvalidInput(
      `The deadlines were not changed: ${Object.keys(errors).length} need fixing.`,
      errors,
    );
  }
  return { motions, amendments, emergency };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The deadlines already in force, as the server keeps them. */
export interface DeadlinesInForce {
  motions: Date | null;
  amendments: Date | null;
  emergency: Date | null;
}

/**
 * When a conference's dates or time zone change, the deadlines already set must still keep the rules
 * `resolveDeadlines` set them under: motions and amendments close before the conference opens,
 * emergency motions before it ends. Otherwise a conference could be moved to start before its own call
 * for motions closes. Each problem is named at `field` (the conference field that moved), saying which
 * deadline is in the way and what to do. Empty when nothing clashes or no deadline is set.
 */
export function findDeadlineClashes(
  deadlines: DeadlinesInForce,
  conference: DeadlineConference,
  field: { opening: string; closing: string },
): FieldErrors {
  const zone = conference.timeZone;
  const at = (d: Date) => formatInConferenceTime(d, zone);
  const opens = zonedWallTimeToInstant(conference.startsOn, '00:00', zone);
  const ends = zonedWallTimeToInstant(nextDay(conference.endsOn), '00:00', zone);
  const late = (['motions', 'amendments'] as const).filter((name) => {
    const d = deadlines[name];
    return d !== null && d >= opens;
  });
  const errors: FieldErrors = {};
  if (late.length > 0) {
    const named = late.map((name) => `the ${name} deadline (${at(deadlines[name]!)})`).join(' and ');
    errors[field.opening] =
      `the conference cannot open on ${conference.startsOn} in ${zone}: ${named} would fall on or after its opening; move the deadlines earlier first`;
  }
  if (deadlines.emergency && deadlines.emergency >= ends && !errors[field.closing]) {
    errors[field.closing] =
      `the conference cannot end on ${conference.endsOn} in ${zone}: the emergency motions deadline (${at(deadlines.emergency)}) would fall after it ends; move that deadline first`;
  }
  return errors;
}
