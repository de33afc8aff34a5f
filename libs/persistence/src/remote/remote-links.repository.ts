import type { EntityManager } from 'typeorm';

export interface RemoteLinksRow {
  livestreamUrl: string | null;
  roomUrl: string | null;
}

export interface RoomJoinedRow {
  memberId: string;
  itemId: string;
  at: Date;
}

/** The conference's livestream and speakers' room addresses, and who said they joined the room. */
export class RemoteLinksRepository {
  async find(manager: EntityManager, conferenceId: string): Promise<RemoteLinksRow | null> {
    const rows = await manager.query(
      'SELECT livestream_url, speaker_room_url FROM conference WHERE id = $1',
      [conferenceId],
    );
    return rows.length ? { livestreamUrl: rows[0].livestream_url, roomUrl: rows[0].speaker_room_url } : null;
  }

  async set(manager: EntityManager, conferenceId: string, links: RemoteLinksRow): Promise<void> {
    await manager.query('UPDATE conference SET livestream_url = $2, speaker_room_url = $3 WHERE id = $1', [
      conferenceId,
      links.livestreamUrl,
      links.roomUrl,
    ]);
  }

  /** The registration's attendance mode now (it can change during the AGM; the session keeps the old one). */
  async attendanceMode(manager: EntityManager, registrationId: string): Promise<string | null> {
    const rows = await manager.query('SELECT attendance_mode FROM registration WHERE id = $1', [
      registrationId,
    ]);
    return rows.length ? rows[0].attendance_mode : null;
  }

  /** Remote or hall for each of these members registered at the conference. */
  async attendanceModes(
    manager: EntityManager,
    conferenceId: string,
    memberIds: string[],
  ): Promise<Map<string, string>> {
    if (memberIds.length === 0) return new Map();
    const rows: Array<{ member_id: string; attendance_mode: string }> = await manager.query(
      'SELECT member_id, attendance_mode FROM registration WHERE conference_id = $1 AND member_id = ANY($2)',
      [conferenceId, memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, r.attendance_mode]));
  }

  /** Who said they joined the room while an item was open, from the log (newest last). */
  async joined(manager: EntityManager, conferenceId: string, itemId: string): Promise<RoomJoinedRow[]> {
    const rows: Array<{ payload: { memberId: string; itemId: string }; at: Date }> = await manager.query(
      `SELECT payload, at FROM conference_event
        WHERE conference_id = $1 AND type = 'speaker.room_joined' AND payload->>'itemId' = $2
        ORDER BY seq`,
      [conferenceId, itemId],
    );
    return rows.map((r) => ({ memberId: r.payload.memberId, itemId: r.payload.itemId, at: new Date(r.at) }));
  }
}
