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
  /** Whether the register holds an email address for the member (an empty one means none). */
  hasEmail: boolean;
  /** How the current code reached the member; null for registrations made before this was recorded. */
  codeDelivery: CodeDelivery | null;
}

export type CodeDelivery = 'shown' | 'emailed' | 'email_failed' | 'letter_due' | 'letter_printed';

/** Everything a notice of an access code needs about the registration, its member and conference. */
export interface NoticeTarget {
  registrationId: string;
  memberId: string;
  memberName: string;
  membershipNumber: string;
  email: string;
  attendanceMode: AttendanceMode;
  conferenceName: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  codeRevoked: boolean;
}

/** A filter over the register for bulk registration: each given part narrows it. */
export interface MemberSelection {
  categories: string[];
  bodyIds?: string[];
  membershipNumbers?: string[];
}

const SELECT = `
  SELECT r.id, r.conference_id, r.member_id, m.membership_number, m.name, m.category, r.attendance_mode,
         r.checked_in, r.remote_confirmed, r.present, r.code_revoked_at IS NOT NULL AS code_revoked, r.registered_at,
         m.email <> '' AS has_email, r.code_delivery
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

  /** Records how the current codes of these registrations reached their members. */
  async setDelivery(manager: EntityManager, registrationIds: string[], delivery: CodeDelivery, now: Date): Promise<void> {
    if (registrationIds.length === 0) return;
    await manager.query('UPDATE registration SET code_delivery = $2, code_delivered_at = $3 WHERE id = ANY($1::uuid[])', [
      registrationIds,
      delivery,
      now,
    ]);
  }

  async noticeTargets(manager: EntityManager, conferenceId: string, registrationIds: string[]): Promise<NoticeTarget[]> {
    const rows = await manager.query(
      `SELECT r.id, r.member_id, m.name, m.membership_number, m.email, r.attendance_mode, r.code_revoked_at IS NOT NULL AS code_revoked,
              c.name AS conference_name, c.venue, c.starts_on::text AS starts_on, c.ends_on::text AS ends_on
         FROM registration r JOIN member m ON m.id = r.member_id JOIN conference c ON c.id = r.conference_id
        WHERE r.conference_id = $1 AND r.id = ANY($2::uuid[]) ORDER BY m.name, m.membership_number`,
      [conferenceId, registrationIds],
    );
    return rows.map(toTarget);
  }

  /** Registrations whose code has not reached the member: a letter is due, or the email failed. */
  async awaitingLetters(manager: EntityManager, conferenceId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM registration WHERE conference_id = $1 AND code_revoked_at IS NULL AND code_delivery IN ('letter_due', 'email_failed')`,
      [conferenceId],
    );
    return rows.map((row) => row.id);
  }

  /** The registration a lost-code request names, when the member's number and email both match. */
  async findByNumberAndEmail(manager: EntityManager, conferenceId: string, membershipNumber: string, email: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT r.id FROM registration r JOIN member m ON m.id = r.member_id
        WHERE r.conference_id = $1 AND upper(m.membership_number) = upper($2) AND m.email <> '' AND lower(m.email) = lower($3)
          AND r.code_revoked_at IS NULL`,
      [conferenceId, membershipNumber, email],
    );
    return rows[0]?.id ?? null;
  }

  /** Members of the register chosen for a bulk registration (who is already registered is decided on insert). */
  async selectMembers(manager: EntityManager, selection: MemberSelection): Promise<Array<{ id: string; membershipNumber: string; category: string }>> {
    const rows: Array<{ id: string; membership_number: string; category: string }> = await manager.query(
      `SELECT m.id, m.membership_number, m.category FROM member m
        WHERE m.category = ANY($1::text[])
          AND ($2::uuid[] IS NULL OR m.branch_id = ANY($2::uuid[])
               OR EXISTS (SELECT 1 FROM body_officer o WHERE o.member_id = m.id AND o.body_id = ANY($2::uuid[])))
          AND ($3::text[] IS NULL OR m.membership_number = ANY($3::text[]))
        ORDER BY m.membership_number`,
      [selection.categories, selection.bodyIds?.length ? selection.bodyIds : null, selection.membershipNumbers ?? null],
    );
    return rows.map((row) => ({ id: row.id, membershipNumber: row.membership_number, category: row.category }));
  }

  /** Registers many members with their code hashes at once; answers the registrations made (members already registered are skipped). */
  async insertMany(
    manager: EntityManager,
    conferenceId: string,
    entries: Array<{ memberId: string; codeHash: string }>,
    mode: AttendanceMode,
    now: Date,
  ): Promise<Array<{ registrationId: string; memberId: string }>> {
    if (entries.length === 0) return [];
    const rows: Array<{ id: string; member_id: string }> = await manager.query(
      `INSERT INTO registration (conference_id, member_id, attendance_mode, access_code_hash, code_issued_at, registered_at)
       SELECT $1, e.member_id, $3, e.code_hash, $4, $4 FROM unnest($2::uuid[], $5::text[]) AS e(member_id, code_hash)
       ON CONFLICT (conference_id, member_id) DO NOTHING RETURNING id, member_id`,
      [conferenceId, entries.map((e) => e.memberId), mode, now, entries.map((e) => e.codeHash)],
    );
    return rows.map((row) => ({ registrationId: row.id, memberId: row.member_id }));
  }

  /** Open votes of the conference whose register (fixed at their opening) holds the member, and whether they voted. */
  async openVotesHolding(manager: EntityManager, conferenceId: string, memberId: string): Promise<Array<{ title: string; voted: boolean }>> {
    const rows: Array<{ title: string; voted: boolean }> = await manager.query(
      `SELECT v.title, EXISTS (SELECT 1 FROM vote_participation p WHERE p.vote_id = v.id AND p.member_id = e.member_id) AS voted
         FROM vote v JOIN vote_eligibility e ON e.vote_id = v.id
        WHERE v.conference_id = $1 AND v.state = 'open' AND e.member_id = $2 AND e.eligible
        ORDER BY v.opened_at`,
      [conferenceId, memberId],
    );
    return rows;
  }

  /**
   * Moves an attendee between the hall and remote attendance. Into the hall they are checked in (they are
   * at the venue: that is why they were moved); to remote they are absent until their phone confirms.
   * A remote lease is ended either way. Returns whether `present` changed.
   */
  async switchMode(manager: EntityManager, registrationId: string, mode: AttendanceMode): Promise<{ changed: boolean; present: boolean }> {
    const result = await manager.query(
      `WITH before AS (SELECT present FROM registration WHERE id = $1 FOR UPDATE)
       UPDATE registration r SET attendance_mode = $2, checked_in = ($2 = 'hall'), remote_confirmed = false, present = ($2 = 'hall')
         FROM before WHERE r.id = $1
       RETURNING r.present, before.present AS was_present`,
      [registrationId, mode],
    );
    await manager.query('DELETE FROM presence_lease WHERE registration_id = $1', [registrationId]);
    const [row] = rowsOf(result);
    return { changed: row.present !== row.was_present, present: row.present };
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

  /**
   * The leases of attendees with a socket on this instance now. A lease that lapsed but was not swept
   * yet is renewed too: its person is connected, and it lapses unswept only when nobody could write
   * (a database outage longer than the grace), which must not cost a connected person their presence.
   * A lease that was swept is gone (its presence ended), so this never brings a presence back.
   */
  async renewLeases(manager: EntityManager, registrationIds: string[], instanceId: string): Promise<void> {
    if (registrationIds.length === 0) return;
    await manager.query(
      `UPDATE presence_lease SET expires_at = now() + grace_seconds * interval '1 second', instance_id = $2
        WHERE registration_id = ANY($1) AND expires_at < now() + grace_seconds * interval '0.5 second'`,
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

function toTarget(row: any): NoticeTarget {
  return {
    registrationId: row.id,
    memberId: row.member_id,
    memberName: row.name,
    membershipNumber: row.membership_number,
    email: row.email,
    attendanceMode: row.attendance_mode,
    conferenceName: row.conference_name,
    venue: row.venue,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    codeRevoked: row.code_revoked,
  };
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
    hasEmail: row.has_email,
    codeDelivery: row.code_delivery ?? null,
  };
}
