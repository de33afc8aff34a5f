import { EntityManager } from 'typeorm';
import type { AttendanceMode, ConferenceRole } from '@agm/domain';
import { rowsOf } from '../query-result';

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  memberId: string | null;
  isHeadOffice: boolean;
}

export interface SessionSubject {
  sessionId: string;
  accountId: string | null;
  registrationId: string | null;
}

export interface AttendeeRow {
  registrationId: string;
  conferenceId: string;
  memberId: string;
  name: string;
  attendanceMode: AttendanceMode;
  accessCodeHash: string | null;
  codeRevoked: boolean;
}

export interface LiveSession extends SessionSubject {
  /** The attendee behind an attendee's session; null for an account's, or a registration gone. */
  attendee: AttendeeRow | null;
}

/** Accounts, sessions and the facts authorisation needs (roles, offices). */
export class AccessRepository {
  async insertAccount(manager: EntityManager, account: Omit<AccountRow, 'id'>): Promise<AccountRow> {
    const [row] = await manager.query(
      `INSERT INTO account (email, name, password_hash, member_id, is_head_office) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [account.email, account.name, account.passwordHash, account.memberId, account.isHeadOffice],
    );
    return { ...account, id: row.id };
  }

  async findAccountByEmail(manager: EntityManager, email: string): Promise<AccountRow | null> {
    const rows = await manager.query(
      `SELECT id, email, name, password_hash, member_id, is_head_office FROM account WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows.length ? toAccount(rows[0]) : null;
  }

  async findAccount(manager: EntityManager, id: string): Promise<AccountRow | null> {
    const rows = await manager.query(`SELECT id, email, name, password_hash, member_id, is_head_office FROM account WHERE id = $1`, [id]);
    return rows.length ? toAccount(rows[0]) : null;
  }

  async countAccounts(manager: EntityManager): Promise<number> {
    const [row] = await manager.query('SELECT count(*)::int AS n FROM account');
    return row.n;
  }

  async assignRole(manager: EntityManager, accountId: string, conferenceId: string, role: ConferenceRole): Promise<void> {
    await manager.query(`INSERT INTO role_assignment (account_id, conference_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [accountId, conferenceId, role]);
  }

  async rolesOf(manager: EntityManager, accountId: string): Promise<Array<{ conferenceId: string; role: ConferenceRole }>> {
    const rows = await manager.query(`SELECT conference_id, role FROM role_assignment WHERE account_id = $1 ORDER BY conference_id, role`, [accountId]);
    return rows.map((r: { conference_id: string; role: ConferenceRole }) => ({ conferenceId: r.conference_id, role: r.role }));
  }

  async officesOf(manager: EntityManager, memberId: string): Promise<string[]> {
    const rows = await manager.query(`SELECT DISTINCT body_id FROM body_officer WHERE member_id = $1`, [memberId]);
    return rows.map((r: { body_id: string }) => r.body_id);
  }

  /** Attendee login candidates: the member's registration for that conference. */
  async findAttendee(manager: EntityManager, conferenceId: string, membershipNumber: string): Promise<AttendeeRow | null> {
    const rows = await manager.query(
      `SELECT r.id AS registration_id, r.conference_id, r.member_id, m.name, r.attendance_mode, r.access_code_hash, r.code_revoked_at IS NOT NULL AS code_revoked
         FROM registration r JOIN member m ON m.id = r.member_id
        WHERE r.conference_id = $1 AND m.membership_number = $2`,
      [conferenceId, membershipNumber],
    );
    return rows.length ? toAttendee(rows[0]) : null;
  }

  async findAttendeeByRegistration(manager: EntityManager, registrationId: string): Promise<AttendeeRow | null> {
    const rows = await manager.query(
      `SELECT r.id AS registration_id, r.conference_id, r.member_id, m.name, r.attendance_mode, r.access_code_hash, r.code_revoked_at IS NOT NULL AS code_revoked
         FROM registration r JOIN member m ON m.id = r.member_id WHERE r.id = $1`,
      [registrationId],
    );
    return rows.length ? toAttendee(rows[0]) : null;
  }

  async insertSession(manager: EntityManager, tokenHash: string, subject: { accountId?: string; registrationId?: string }, expiresAt: Date): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO session (token_hash, account_id, registration_id, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [tokenHash, subject.accountId ?? null, subject.registrationId ?? null, expiresAt],
    );
    return row.id;
  }

  /** A live session for this token hash: not revoked, not expired. */
  async findLiveSession(manager: EntityManager, tokenHash: string, now: Date): Promise<SessionSubject | null> {
    const rows = await manager.query(
      `SELECT id, account_id, registration_id FROM session WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [tokenHash, now],
    );
    return rows.length ? { sessionId: rows[0].id, accountId: rows[0].account_id, registrationId: rows[0].registration_id } : null;
  }

  /**
   * The live sessions of many token hashes in one read, each with its attendee (registration and
   * member) when it is an attendee's: what the handshakes of a hall reconnecting at once need.
   * A hash with no live session is absent from the answer.
   */
  async findLiveSessions(manager: EntityManager, tokenHashes: string[], now: Date): Promise<Map<string, LiveSession>> {
    const rows = await manager.query(
      `SELECT s.token_hash, s.id, s.account_id, s.registration_id,
              r.id AS attendee_registration_id, r.conference_id, r.member_id, m.name, r.attendance_mode, r.access_code_hash, r.code_revoked_at IS NOT NULL AS code_revoked
         FROM session s LEFT JOIN registration r ON r.id = s.registration_id LEFT JOIN member m ON m.id = r.member_id
        WHERE s.token_hash = ANY($1) AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [tokenHashes, now],
    );
    return new Map(
      rows.map((row: any) => [
        row.token_hash,
        {
          sessionId: row.id,
          accountId: row.account_id,
          registrationId: row.registration_id,
          attendee: row.attendee_registration_id ? toAttendee({ ...row, registration_id: row.attendee_registration_id }) : null,
        },
      ]),
    );
  }

  async revokeSession(manager: EntityManager, sessionId: string, now: Date): Promise<boolean> {
    const result = await manager.query(`UPDATE session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [sessionId, now]);
    return rowsOf(result).length > 0;
  }

  /** Revokes every live session of a registration (its access code was revoked); returns their ids. */
  async revokeRegistrationSessions(manager: EntityManager, registrationId: string, now: Date): Promise<string[]> {
    const result = await manager.query(`UPDATE session SET revoked_at = $2 WHERE registration_id = $1 AND revoked_at IS NULL RETURNING id`, [registrationId, now]);
    return rowsOf(result).map((r: { id: string }) => r.id);
  }
}


function toAccount(row: any): AccountRow {
  return { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, memberId: row.member_id, isHeadOffice: row.is_head_office };
}

function toAttendee(row: any): AttendeeRow {
  return {
    registrationId: row.registration_id,
    conferenceId: row.conference_id,
    memberId: row.member_id,
    name: row.name,
    attendanceMode: row.attendance_mode,
    accessCodeHash: row.access_code_hash,
    codeRevoked: row.code_revoked,
  };
}
