import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ApplicationRow {
  id: string;
  conferenceId: string;
  memberId: string;
  name: string;
  membershipNumber: string;
  email: string;
  category: string;
  attendanceMode: 'hall' | 'remote';
  state: 'pending' | 'approved' | 'declined';
  appliedAt: Date;
}

const SELECT = `SELECT a.id, a.conference_id, a.member_id, m.name, m.membership_number, m.email, m.category,
                       a.attendance_mode, a.state, a.applied_at
                  FROM registration_application a JOIN member m ON m.id = a.member_id`;

const toRow = (r: Record<string, unknown>): ApplicationRow => ({
  id: r.id as string,
  conferenceId: r.conference_id as string,
  memberId: r.member_id as string,
  name: r.name as string,
  membershipNumber: r.membership_number as string,
  email: r.email as string,
  category: r.category as string,
  attendanceMode: r.attendance_mode as ApplicationRow['attendanceMode'],
  state: r.state as ApplicationRow['state'],
  appliedAt: new Date(r.applied_at as string),
});

/** Members' applications to attend a conference, and whether the conference takes them. */
@Injectable()
export class ApplicationRepository {
  /** null: no such conference. */
  async isOpen(manager: EntityManager, conferenceId: string): Promise<boolean | null> {
    const rows = await manager.query('SELECT self_application FROM conference WHERE id = $1', [conferenceId]);
    return rows.length ? Boolean(rows[0].self_application) : null;
  }

  async setOpen(manager: EntityManager, conferenceId: string, open: boolean): Promise<boolean> {
    const rows = await manager.query('UPDATE conference SET self_application = $2 WHERE id = $1 RETURNING id', [conferenceId, open]);
    return (Array.isArray(rows[0]) ? rows[0] : rows).length > 0;
  }

  /** The member whose number and register email are these (case ignored), not yet registered nor applying. */
  async applicant(
    manager: EntityManager,
    conferenceId: string,
    membershipNumber: string,
    email: string,
  ): Promise<{ id: string; category: string } | null> {
    const rows = await manager.query(
      `SELECT m.id, m.category FROM member m
        WHERE upper(m.membership_number) = upper($2) AND m.email <> '' AND lower(m.email) = lower($3)
          AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.conference_id = $1 AND r.member_id = m.id)
          AND NOT EXISTS (SELECT 1 FROM registration_application a WHERE a.conference_id = $1 AND a.member_id = m.id AND a.state = 'pending')`,
      [conferenceId, membershipNumber, email],
    );
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, conferenceId: string, memberId: string, mode: 'hall' | 'remote', now: Date): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO registration_application (conference_id, member_id, attendance_mode, applied_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING id`,
      [conferenceId, memberId, mode, now],
    );
    return rows[0]?.id ?? null;
  }

  async pending(manager: EntityManager, conferenceId: string): Promise<ApplicationRow[]> {
    const rows = await manager.query(`${SELECT} WHERE a.conference_id = $1 AND a.state = 'pending' ORDER BY a.applied_at, m.name`, [conferenceId]);
    return rows.map(toRow);
  }

  async find(manager: EntityManager, conferenceId: string, id: string, forUpdate = false): Promise<ApplicationRow | null> {
    const rows = await manager.query(`${SELECT} WHERE a.conference_id = $1 AND a.id = $2${forUpdate ? ' FOR UPDATE OF a' : ''}`, [conferenceId, id]);
    return rows.length ? toRow(rows[0]) : null;
  }

  async decide(manager: EntityManager, id: string, state: 'approved' | 'declined', reason: string | null, now: Date, by: string | null): Promise<void> {
    await manager.query(
      'UPDATE registration_application SET state = $2, decline_reason = $3, decided_at = $4, decided_by = $5 WHERE id = $1',
      [id, state, reason, now, by],
    );
  }
}
