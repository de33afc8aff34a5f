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

/**
 * The hall's projector, signed in with a read-only projector link for one conference: it sees what the
 * public room sees and may do nothing else. `sessionId` is the link's id, so revoking the link ends its
 * sockets as ending a session does. It is nobody: no member, no account.
 */
export interface ProjectorPrincipal {
  kind: 'projector';
  sessionId: string;
  projectorLinkId: string;
  conferenceId: string;
  name: string;
  memberId: null;
}

export type Principal = AccountPrincipal | AttendeePrincipal | ProjectorPrincipal;
