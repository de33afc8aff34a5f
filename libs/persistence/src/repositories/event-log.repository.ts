import { rowsOf } from '../query-result';
import { EntityManager } from 'typeorm';

export interface NewConferenceEvent {
  conferenceId: string;
  type: string;
  payload: Record<string, unknown>;
  /** Who may see it: 'public', 'chair', 'soc', 'monitors', 'admin', 'tellers' or 'member:<memberId>'. */
  audience: string;
  actorId: string | null;
}

export interface StoredConferenceEvent extends NewConferenceEvent {
  seq: number;
  at: string;
}

/**
 * The conference event log. `append` takes each conference's next seq by updating its counter row,
 * which locks that row until the transaction ends: appends to one conference are serialised and the
 * log has no gaps, while other conferences are not held up.
 */
export class EventLogRepository {
  async append(manager: EntityManager, events: NewConferenceEvent[], at: Date): Promise<StoredConferenceEvent[]> {
    const stored: StoredConferenceEvent[] = [];
    for (const event of events) {
      const result = await manager.query(
        'UPDATE conference_event_counter SET last_seq = last_seq + 1 WHERE conference_id = $1 RETURNING last_seq',
        [event.conferenceId],
      );
      const rows: Array<{ last_seq: string }> = rowsOf(result);
      if (rows.length !== 1) throw new Error(`No event counter for conference ${event.conferenceId}`);
      const seq = Number(rows[0].last_seq);
      await manager.query(
        'INSERT INTO conference_event (conference_id, seq, type, payload, audience, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [event.conferenceId, seq, event.type, JSON.stringify(event.payload), event.audience, event.actorId, at],
      );
      stored.push({ ...event, seq, at: at.toISOString() });
    }
    return stored;
  }

  /** Events after `afterSeq` whose audience is one of `audiences`, in order. */
  async readAfter(manager: EntityManager, conferenceId: string, afterSeq: number, audiences: string[], limit = 1000): Promise<StoredConferenceEvent[]> {
    const rows: Array<{ seq: string; type: string; payload: Record<string, unknown>; audience: string; actor_id: string | null; at: Date }> = await manager.query(
      `SELECT seq, type, payload, audience, actor_id, at FROM conference_event
        WHERE conference_id = $1 AND seq > $2 AND audience = ANY($3) ORDER BY seq LIMIT $4`,
      [conferenceId, afterSeq, audiences, limit],
    );
    return rows.map((row) => ({
      conferenceId,
      seq: Number(row.seq),
      type: row.type,
      payload: row.payload,
      audience: row.audience,
      actorId: row.actor_id,
      at: new Date(row.at).toISOString(),
    }));
  }

  async lastSeq(manager: EntityManager, conferenceId: string): Promise<number> {
    const rows = await manager.query('SELECT last_seq FROM conference_event_counter WHERE conference_id = $1', [conferenceId]);
    return rows.length ? Number(rows[0].last_seq) : 0;
  }
}
