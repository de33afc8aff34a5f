import { EntityManager } from 'typeorm';
import type { AmendmentText, AttendanceMode, DebateEvent, DebateEventType, MotionKind } from '@agm/domain';

/** Prefix of the debate engine's entries in the conference event log: `debate.<event.type>`. */
export const DEBATE_EVENT_PREFIX = 'debate.';

/**
 * Every event type the engine emits. The fold reads exactly these log types, so the notifications
 * this feature also records under `debate.` (`debate.queue`, `debate.queue_position`, `debate.floor`)
 * are never folded. A `Record` so that a new engine event type fails to compile until listed here.
 */
const ENGINE_EVENT_TYPES: Record<DebateEventType, true> = {
  item_taken: true,
  mover_absent: true,
  speaker_called: true,
  formally_seconded: true,
  floor_opened: true,
  speak_requested: true,
  point_raised: true,
  request_withdrawn: true,
  speech_started: true,
  speech_paused: true,
  speech_resumed: true,
  speech_ended: true,
  point_ruled: true,
  amendment_taken: true,
  amendment_concluded: true,
  procedural_moved: true,
  procedural_decided: true,
  question_put: true,
  question_withdrawn: true,
  motion_taken_in_parts: true,
  part_decided: true,
  item_concluded: true,
  items_not_reached: true,
  report_taken: true,
  reference_back_moved: true,
  reference_back_put: true,
  reference_back_decided: true,
  report_received: true,
};

export const DEBATE_LOG_TYPES: readonly string[] = Object.keys(ENGINE_EVENT_TYPES).map(
  (t) => DEBATE_EVENT_PREFIX + t,
);

export function logTypeOf(event: DebateEvent): string {
  return DEBATE_EVENT_PREFIX + event.type;
}

/** One engine event as stored in the log, with who did it and when. */
export interface LoggedDebateEvent {
  seq: number;
  event: DebateEvent;
  actorId: string | null;
  at: string;
}

/** A motion (or amendment) as the debate needs it, read from the motions feature's table. */
export interface DebateMotionRow {
  id: string;
  conferenceId: string;
  kind: MotionKind;
  parentMotionId: string | null;
  title: string;
  text: string;
  amendedText: string | null;
  status: string;
  proposerMemberId: string | null;
  seconderMemberId: string | null;
  agendaNumber: number | null;
  agendaLabel: string | null;
  /** For an amendment: its delete/insert instructions or full replacement. */
  amendmentText: AmendmentText | null;
  topics: string[];
}

/** Reads the debate's part of the conference event log and what the engine needs from elsewhere. */
export class DebateLogRepository {
  /**
   * Takes the conference's event counter row lock until the transaction ends. Every write to the
   * conference takes the same lock first (Transactions.runFor, which the debate command runs in, has
   * taken it already; here it also says whether the conference exists), so once this returns no other
   * command can add to this conference's log: the events read next are the whole log, and two chairs
   * acting at once are decided one after the other.
   */
  async lockConference(manager: EntityManager, conferenceId: string): Promise<number | null> {
    const rows: Array<{ last_seq: string }> = await manager.query(
      'SELECT last_seq FROM conference_event_counter WHERE conference_id = $1 FOR UPDATE',
      [conferenceId],
    );
    return rows.length ? Number(rows[0].last_seq) : null;
  }

  /** The engine's events for the conference, in log order. */
  async events(manager: EntityManager, conferenceId: string): Promise<LoggedDebateEvent[]> {
    const rows: Array<{ seq: string; payload: DebateEvent; actor_id: string | null; at: Date }> =
      await manager.query(
        `SELECT seq, payload, actor_id, at FROM conference_event
        WHERE conference_id = $1 AND type LIKE 'debate.%' AND type = ANY($2) ORDER BY seq`,
        [conferenceId, DEBATE_LOG_TYPES],
      );
    return rows.map((row) => ({
      seq: Number(row.seq),
      event: row.payload,
      actorId: row.actor_id,
      at: new Date(row.at).toISOString(),
    }));
  }

  /** Where each present attendee is now: the engine's `attendanceOf`. */
  async presentAttendance(
    manager: EntityManager,
    conferenceId: string,
  ): Promise<Map<string, AttendanceMode>> {
    const rows: Array<{ member_id: string; attendance_mode: AttendanceMode }> = await manager.query(
      'SELECT member_id, attendance_mode FROM registration WHERE conference_id = $1 AND present',
      [conferenceId],
    );
    return new Map(rows.map((r) => [r.member_id, r.attendance_mode]));
  }

  async motion(
    manager: EntityManager,
    conferenceId: string,
    motionId: string,
  ): Promise<DebateMotionRow | null> {
    const rows = await manager.query(
      `SELECT id, conference_id, kind, parent_motion_id, title, text, amended_text, status,
              proposer_member_id, seconder_member_id, agenda_number, agenda_label, amendment_text, topics
         FROM motion WHERE conference_id = $1 AND id = $2`,
      [conferenceId, motionId],
    );
    return rows.length ? toMotion(rows[0]) : null;
  }

  async motions(
    manager: EntityManager,
    conferenceId: string,
    motionIds: string[],
  ): Promise<Map<string, DebateMotionRow>> {
    if (motionIds.length === 0) return new Map();
    const rows = await manager.query(
      `SELECT id, conference_id, kind, parent_motion_id, title, text, amended_text, status,
              proposer_member_id, seconder_member_id, agenda_number, agenda_label, amendment_text, topics
         FROM motion WHERE conference_id = $1 AND id = ANY($2)`,
      [conferenceId, motionIds],
    );
    return new Map(rows.map((row: Record<string, unknown>) => [row.id as string, toMotion(row)]));
  }

  /**
   * Members registered for the conference whose membership number is `text`, or whose name is `text`
   * (case and surrounding spaces ignored): how the chair names a hall member without a device.
   */
  async registeredMembersNamed(
    manager: EntityManager,
    conferenceId: string,
    text: string,
  ): Promise<Array<{ memberId: string; name: string; membershipNumber: string }>> {
    const rows: Array<{ id: string; name: string; membership_number: string }> = await manager.query(
      `SELECT m.id, m.name, m.membership_number FROM registration r JOIN member m ON m.id = r.member_id
        WHERE r.conference_id = $1
          AND (lower(m.membership_number) = lower($2) OR lower(m.name) = lower($2) OR lower(r.card_number) = lower($2))
        ORDER BY m.membership_number LIMIT 10`,
      [conferenceId, text.trim()],
    );
    return rows.map((r) => ({ memberId: r.id, name: r.name, membershipNumber: r.membership_number }));
  }

  /** Display names of members and accounts (actors and speakers in the minutes). */
  async names(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)].filter((id) => UUID.test(id));
    if (unique.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await manager.query(
      `SELECT id, name FROM member WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id, name FROM account WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toMotion(row: Record<string, unknown>): DebateMotionRow {
  return {
    id: row.id as string,
    conferenceId: row.conference_id as string,
    kind: row.kind as MotionKind,
    parentMotionId: (row.parent_motion_id as string | null) ?? null,
    title: row.title as string,
    text: row.text as string,
    amendedText: (row.amended_text as string | null) ?? null,
    status: row.status as string,
    proposerMemberId: (row.proposer_member_id as string | null) ?? null,
    seconderMemberId: (row.seconder_member_id as string | null) ?? null,
    agendaNumber:
      row.agenda_number === null || row.agenda_number === undefined ? null : Number(row.agenda_number),
    agendaLabel: (row.agenda_label as string | null) ?? null,
    amendmentText: (row.amendment_text as AmendmentText | null) ?? null,
    topics: (row.topics as string[] | null) ?? [],
  };
}
