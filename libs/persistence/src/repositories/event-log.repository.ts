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
  /**
   * The conference's lock: its event counter row, FOR UPDATE, until the transaction ends. Every write
   * to a conference takes it first (Transactions.runFor), before any other row of that conference, so
   * two writers of one conference queue here and never wait for each other in opposite orders
   * (docs/DECISIONS.md, "Lock order"). Returns the log's last seq, or null when there is no such conference.
   */
  async lockConference(manager: EntityManager, conferenceId: string): Promise<number | null> {
    const rows: Array<{ last_seq: string }> = await manager.query(
      'SELECT last_seq FROM conference_event_counter WHERE conference_id = $1 FOR UPDATE',
      [conferenceId],
    );
    return rows.length ? Number(rows[0].last_seq) : null;
  }

  async append(
    manager: EntityManager,
    events: NewConferenceEvent[],
    at: Date,
  ): Promise<StoredConferenceEvent[]> {
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
        [
          event.conferenceId,
          seq,
          event.type,
          JSON.stringify(event.payload),
          event.audience,
          event.actorId,
          at,
        ],
      );
      stored.push({ ...event, seq, at: at.toISOString() });
    }
    return stored;
  }

  /** Events after `afterSeq` (and up to `untilSeq` when given) whose audience is one of `audiences`, in order. */
  async readAfter(
    manager: EntityManager,
    conferenceId: string,
    afterSeq: number,
    audiences: string[],
    limit = 1000,
    untilSeq?: number,
  ): Promise<StoredConferenceEvent[]> {
    const rows: EventRow[] = await manager.query(
      `SELECT seq, type, payload, audience, actor_id, at FROM conference_event
        WHERE conference_id = $1 AND seq > $2 AND audience = ANY($3) AND ($5::bigint IS NULL OR seq <= $5) ORDER BY seq LIMIT $4`,
      [conferenceId, afterSeq, audiences, limit, untilSeq ?? null],
    );
    return rows.map((row) => toStored(conferenceId, row));
  }

  /** Every event after `afterSeq`, whatever its audience, in order: what an instance delivers to its sockets. */
  async readAllAfter(
    manager: EntityManager,
    conferenceId: string,
    afterSeq: number,
    limit: number,
  ): Promise<StoredConferenceEvent[]> {
    const rows: EventRow[] = await manager.query(
      'SELECT seq, type, payload, audience, actor_id, at FROM conference_event WHERE conference_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [conferenceId, afterSeq, limit],
    );
    return rows.map((row) => toStored(conferenceId, row));
  }

  /** The newest seq of each of these conferences, in one read. */
  async lastSeqs(manager: EntityManager, conferenceIds: string[]): Promise<Map<string, number>> {
    const rows: Array<{ conference_id: string; last_seq: string }> = await manager.query(
      'SELECT conference_id, last_seq FROM conference_event_counter WHERE conference_id = ANY($1)',
      [conferenceIds],
    );
    return new Map(rows.map((row) => [row.conference_id, Number(row.last_seq)]));
  }

  async lastSeq(manager: EntityManager, conferenceId: string): Promise<number> {
    const rows = await manager.query(
      'SELECT last_seq FROM conference_event_counter WHERE conference_id = $1',
      [conferenceId],
    );
    return rows.length ? Number(rows[0].last_seq) : 0;
  }
}

interface EventRow {
  seq: string;
  type: string;
  payload: Record<string, unknown>;
  audience: string;
  actor_id: string | null;
  at: Date;
}

function toStored(conferenceId: string, row: EventRow): StoredConferenceEvent {
  return {
    conferenceId,
    seq: Number(row.seq),
    type: row.type,
    payload: row.payload,
    audience: row.audience,
    actorId: row.actor_id,
    at: new Date(row.at).toISOString(),
  };
}
