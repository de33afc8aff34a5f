import { AttendanceMode, SpeechRole } from '../enums';
import { MonitoringAnswers } from './monitoring.questions';

/**
 * One speech or intervention as the statistics see it. There is deliberately no member id or name:
 * the persistence layer maps each speaker to a pseudonymous key (the same key as the attendee's
 * monitoring profile), and joining is by that key only.
 */
export interface MonitoredSpeech {
  speechId: string;
  pseudonymousKey: string;
  role: SpeechRole;
  itemId: string;
  motionId: string | null;
  sectionId: string | null;
  sessionId: string;
  startedAt: Date;
  /** null while the speech is still going (live view): it counts up to `now`. */
  endedAt: Date | null;
  /** Where the speaker was when they spoke. */
  attendanceMode: AttendanceMode;
}

/** The monitoring answers of one registered attendee, under the same pseudonymous key as their speeches. */
export interface MonitoringAttendeeProfile {
  key: string;
  answers: MonitoringAnswers;
  /** The attendance mode registered; needed only for the hall-versus-remote attendee base. */
  attendanceMode?: AttendanceMode;
}

/** A published number, or a suppressed one that carries no value at all. */
export type StatCell = { value: number; flag: 'shown' } | { value: null; flag: 'suppressed' };

export const shownCell = (value: number): StatCell => ({ value, flag: 'shown' });
export const suppressedCell = (): StatCell => ({ value: null, flag: 'suppressed' });
