import type { AttendanceMode, ConferenceRole } from '../enums';

/** An official signed in with email and password: head office, SOC, chair, teller, monitor, body officers. */
export interface AccountPrincipal {
  kind: 'account';
  sessionId: string;
  accountId: string;
  memberId: string | null;
  name: string;
  isHeadOffice: boolean;
  roles: Array<{ conferenceId: string; role: ConferenceRole }>;
  /** Bodies this person is an officer of (they submit motions for these and no others). */
  officerOf: string[];
}

/** A registered attendee signed in with membership number and access code, for one conference. */
export interface AttendeePrincipal {
  kind: 'attendee';
  sessionId: string;
  registrationId: string;
  memberId: string;
  conferenceId: string;
  name: string;
  attendanceMode: AttendanceMode;
}

export type Principal = AccountPrincipal | AttendeePrincipal;
