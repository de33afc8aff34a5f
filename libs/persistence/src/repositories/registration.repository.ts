import { EntityManager } from 'typeorm';
import type { AttendanceMode } from '@agm/domain';
import { rowsOf } from '../query-result';

export interface RegistrationRow {
  id: string;
  conferenceId: string;
  memberId: string;
  membershipNumber: string;
  name: string;
  category: string;
  attendanceMode: AttendanceMode;
  checkedIn: boolean;
  remoteConfirmed: boolean;
  present: boolean;
  codeRevoked: boolean;
  registeredAt: Date;
}

const SELECT = `
  SELECT r.id, r.conference_id, r.member_id, m.membership_number, m.name, m.category, r.attendance_mode,
         r.checked_in, r.remote_confirmed, r.present, r.code_revoked_at IS NOT NULL AS code_revoked, r.registered_at
    FROM registration r JOIN member m ON m.id = r.member_id`;

/** Registrations, access codes and presence. */
export class RegistrationRepository {
  async findMemberByNumber(
    manager: EntityManager,
    membershipNumber: string,
  ): Promise<{ id: string; category: string; name: string } | null> {
    const rows = await manager.query('SELECT id, category, name FROM member WHERE membership_number = $1', [
      membershipNumber,
    ]);
    return rows[0] ?? null;
  }

  /** Inserts unless the member is already registered; null then (the unique constraint decides). */
  async insert(
    manager: EntityManager,
    conferenceId: string,
    memberId: string,
    mode: AttendanceMode,
    codeHash: string,
    now: Date,
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO registration (conference_id, member_id, attendance_mode, access_code_hash, code_issued_at, registered_at)
       VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (conference_id, member_id) DO NOTHING RETURNING id`,
      [conferenceId, memberId, mode, codeHash, now],
    );
    return rows[0]?.id ?? null;
  }

  async find(
    manager: EntityManager,
    conferenceId: string,
    registrationId: string,
    lock = false,
  ): Promise<RegistrationRow | null> {
    const rows = await manager.query(
      `${SELECT} WHERE r.conference_id = $1 AND r.id = $2${lock ? ' FOR UPDATE OF r' : ''}`,
      [conferenceId, registrationId],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  async list(manager: EntityManager, conferenceId: string): Promise<RegistrationRow[]> {
    const rows = await manager.query(`${SELECT} WHERE r.conference_id = $1 ORDER BY m.name`, [conferenceId]);
    return rows.map(toRow);
  }

  async setAccessCode(
    manager: EntityManager,
    registrationId: string,
    codeHash: string | null,
    now: Date,
  ): Promise<void> {
    if (codeHash) {
      await manager.query(
        'UPDATE registration SET access_code_hash = $2, code_issued_at = $3, code_revoked_at = NULL WHERE id = $1',
        [registrationId, codeHash, now],
      );
    } else {
      await manager.query('UPDATE registration SET code_revoked_at = $2 WHERE id = $1', [
        registrationId,
        now,
      ]);
    }
  }

  /**
   * Sets the presence flags and derives `present`: in the hall while checked in; remote while the
   * attendee has confirmed and is connected. Returns whether `present` changed.
   */
  async setPresence(
    manager: EntityManager,
    registrationId: string,
    change: { checkedIn?: boolean; remoteConfirmed?: boolean },
  ): Promise<{ changed: boolean; present: boolean }> {
    const result = await manager.query(
      `WITH before AS (SELECT present FROM registration WHERE id = $1 FOR UPDATE)
       UPDATE registration r SET
         checked_in = COALESCE($2, r.checked_in),
         remote_confirmed = COALESCE($3, r.remote_confirmed),
         present = CASE WHEN r.attendance_mode = 'hall' THEN COALESCE($2, r.checked_in) ELSE COALESCE($3, r.remote_confirmed) END
       FROM before WHERE r.id = $1
       RETURNING r.present, before.present AS was_present`,
      [registrationId, change.checkedIn ?? null, change.remoteConfirmed ?? null],
    );
    const [row] = rowsOf(result);
    return { changed: row.present !== row.was_present, present: row.present };
  }

  /**
   * A remote attendee's presence lease (migration PresenceLeases): `hold` starts or restarts it on a
   * confirmation; `resume` continues a live one when a socket of theirs connects (a reload, a new tab,
   * another instance) and answers whether there was one; `extend` gives a live one the whole grace
   * from now (their last socket here closed); `renew` is each instance's heartbeat for the attendees
   * it serves, writing only leases past half their grace, so the vote storm does not rewrite 3,000 rows a second.
   */
  async holdLease(
    manager: EntityManager,
    registrationId: string,
    graceSeconds: number,
    instanceId: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO presence_lease (registration_id, grace_seconds, expires_at, instance_id) VALUES ($1, $2::int, now() + $2::int * interval '1 second', $3)
       ON CONFLICT (registration_id) DO UPDATE SET grace_seconds = $2::int, expires_at = now() + $2::int * interval '1 second', instance_id = $3`,
      [registrationId, graceSeconds, instanceId],
    );
  }

  /** Continues the live leases of these remote attendees (their sockets connected): the ids whose lease was live. */
  async resumeLeases(manager: EntityManager, registrationIds: string[], instanceId: string): Promise<Set<string>> {
    if (registrationIds.length === 0) return new Set();
    const result = await manager.query(
      `UPDATE presence_lease SET expires_at = now() + grace_seconds * interval '1 second', instance_id = $2
        WHERE registration_id = ANY($1) AND expires_at > now() RETURNING registration_id`,
      [registrationIds, instanceId],
    );
    return new Set(rowsOf(result).map((row: { registration_id: string }) => row.registration_id));
  }

  async extendLeases(manager: EntityManager, registrationIds: string[]): Promise<void> {
    if (registrationIds.length === 0) return;
    await manager.query(
      `UPDATE presence_lease SET expires_at = now() + grace_seconds * interval '1 second' WHERE registration_id = ANY($1) AND expires_at > now()`,
      [registrationIds],
    );
  }

  async renewLeases(manager: EntityManager, registrationIds: string[], instanceId: string): Promise<void> {
    if (registrationIds.length === 0) return;
    await manager.query(
      `UPDATE presence_lease SET expires_at = now() + grace_seconds * interval '1 second', instance_id = $2
        WHERE registration_id = ANY($1) AND expires_at > now() AND expires_at < now() + grace_seconds * interval '0.5 second'`,
      [registrationIds, instanceId],
    );
  }

  /** Remote attendees counted as present whose lease has lapsed (or who never had one). */
  async lapsedRemote(
    manager: EntityManager,
    limit = 500,
  ): Promise<Array<{ registrationId: string; conferenceId: string }>> {
    const rows: Array<{ id: string; conference_id: string }> = await manager.query(
      `SELECT r.id, r.conference_id FROM registration r LEFT JOIN presence_lease l ON l.registration_id = r.id
        WHERE r.attendance_mode = 'remote' AND r.present AND (l.expires_at IS NULL OR l.expires_at <= now()) LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ registrationId: row.id, conferenceId: row.conference_id }));
  }

  /** Ends the lease if it has lapsed, under a row lock (a reconnect racing the sweeper wins or loses whole); true when it was ended. */
  async endLapsedLease(manager: EntityManager, registrationId: string): Promise<boolean> {
    const live = await manager.query(
      `SELECT 1 FROM presence_lease WHERE registration_id = $1 AND expires_at > now() FOR UPDATE`,
      [registrationId],
    );
    if (live.length > 0) return false;
    await manager.query('DELETE FROM presence_lease WHERE registration_id = $1', [registrationId]);
    return true;
  }

  /**
   * What quorum needs: present attendees (category, mode and branch), every registered attendee (the
   * base of a share of those registered), and the membership by category.
   */
  async quorumInputs(
    manager: EntityManager,
    conferenceId: string,
  ): Promise<{
    present: Array<{ category: string; attendanceMode: AttendanceMode; bodyId: string | null }>;
    registered: Array<{ category: string; attendanceMode: AttendanceMode; bodyId: string | null }>;
    membershipByCategory: Record<string, number>;
  }> {
    const rows = await manager.query(
      `SELECT m.category, r.attendance_mode, m.branch_id, r.present FROM registration r JOIN member m ON m.id = r.member_id WHERE r.conference_id = $1`,
      [conferenceId],
    );
    const members = await manager.query('SELECT category, count(*)::int AS n FROM member GROUP BY category');
    type Row = { category: string; attendance_mode: AttendanceMode; branch_id: string | null; present: boolean };
    const attendee = (r: Row) => ({ category: r.category, attendanceMode: r.attendance_mode, bodyId: r.branch_id });
    return {
      present: (rows as Row[]).filter((r) => r.present).map(attendee),
      registered: (rows as Row[]).map(attendee),
      membershipByCategory: Object.fromEntries(
        members.map((r: { category: string; n: number }) => [r.category, r.n]),
      ),
    };
  }
}

function toRow(row: any): RegistrationRow {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    memberId: row.member_id,
    membershipNumber: row.membership_number,
    name: row.name,
    category: row.category,
    attendanceMode: row.attendance_mode,
    checkedIn: row.checked_in,
    remoteConfirmed: row.remote_confirmed,
    present: row.present,
    codeRevoked: row.code_revoked,
    registeredAt: row.registered_at,
  };
}
