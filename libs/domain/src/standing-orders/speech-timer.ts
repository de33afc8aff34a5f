import { SpeechRole } from '../enums';
import { Ruleset, speechLimitFor, warningBeforeSeconds } from '../ruleset/ruleset';
import { SpeechInProgress } from './debate.types';

/**
 * Server-authoritative speech timing. Clients render the countdown from `endsAt` and `warningAt`; the
 * server recomputes them on pause and resume, and measures the overrun at the end.
 */

/** Time allowed for a speech by role. Points and requests for information have the point limit, if set. */
export function speechLimitSecondsFor(ruleset: Ruleset, role: SpeechRole): number {
  return speechLimitFor(ruleset, role);
}

export interface SpeechDeadline {
  warningAt: string;
  endsAt: string;
}

/**
 * When the speech ends and when the speaker is warned, given the time still to run from `from` of a
 * speech allowed `limitSeconds` in all.
 */
export function deadlineFrom(
  from: Date,
  remainingMs: number,
  ruleset: Ruleset,
  limitSeconds: number,
): SpeechDeadline {
  const endsAtMs = from.getTime() + remainingMs;
  return {
    endsAt: new Date(endsAtMs).toISOString(),
    warningAt: new Date(endsAtMs - warningBeforeSeconds(ruleset, limitSeconds) * 1000).toISOString(),
  };
}

/** Milliseconds spoken so far, counting only the time the clock was running. */
export function elapsedMs(speech: SpeechInProgress, now: Date): number {
  const running =
    speech.runningSince === null ? 0 : Math.max(0, now.getTime() - Date.parse(speech.runningSince));
  return speech.elapsedMsBefore + running;
}

/** Milliseconds left (negative once over time). */
export function remainingMs(speech: SpeechInProgress, now: Date): number {
  return speech.limitSeconds * 1000 - elapsedMs(speech, now);
}

export function overrunSeconds(speech: SpeechInProgress, now: Date): number {
  return Math.max(0, -remainingMs(speech, now)) / 1000;
}
