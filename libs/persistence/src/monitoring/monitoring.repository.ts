import { EntityManager } from 'typeorm';
import type { AttendanceMode, ConferenceFormat, DebateEvent, MonitoringAnswers, MonitoringQuestion } from '@agm/domain';
import { DEBATE_LOG_TYPES } from '../debate/debate-log.repository';

/**
 * Equality answers, keyed by pseudonymous key only. The caller (the monitoring module) computes keys;
 * this class never sees a member id, so nothing here can join an answer to a person.
 */
export class MonitoringAnswerRepository {
  async find(manager: EntityManager, conferenceId: string, key: string): Promise<MonitoringAnswers | null> {
    const rows: Array<{ answers: MonitoringAnswers }> = await manager.query(
      'SELECT answers FROM monitoring_answer_set WHERE conference_id = $1 AND pseudonymous_key = $2',
      [conferenceId, key],
    );
    return rows.length ? rows[0].answers : null;
  }

  async save(manager: EntityManager, conferenceId: string, key: string, answers: MonitoringAnswers): Promise<void> {
    await manager.query(
      `INSERT INTO monitoring_answer_set (conference_id, pseudonymous_key, answers) VALUES ($1, $2, $3)
       ON CONFLICT (conference_id, pseudonymous_key) DO UPDATE SET answers = EXCLUDED.answers`,
      [conferenceId, key, JSON.stringify(answers)],
    );
  }

  /** Every answer set of a conference, for the statistics. Ordered by key, never by insertion. */
  async all(manager: EntityManager, conferenceId: string): Promise<Map<string, MonitoringAnswers>> {
    const rows: Array<{ pseudonymous_key: string; answers: MonitoringAnswers }> = await manager.query(
      'SELECT pseudonymous_key, answers FROM monitoring_answer_set WHERE conference_id = $1 ORDER BY pseudonymous_key',
      [conferenceId],
    );
    return new Map(rows.map((r) => [r.pseudonymous_key, r.answers]));
  }
}

/** The union's own monitoring questions, added to the default form. */
export class MonitoringFormRepository {
  async unionQuestions(manager: EntityManager, conferenceId: string): Promise<MonitoringQuestion[]> {
    const rows: Array<{ union_questions: MonitoringQuestion[] }> = await manager.query(
      'SELECT union_questions FROM monitoring_form WHERE conference_id = $1',
      [conferenceId],
    );
    return rows.length ? rows[0].union_questions : [];
  }

  async save(manager: EntityManager, conferenceId: string, questions: MonitoringQuestion[]): Promise<void> {
    await manager.query(
      `INSERT INTO monitoring_form (conference_id, union_questions) VALUES ($1, $2)
       ON CONFLICT (conference_id) DO UPDATE SET union_questions = EXCLUDED.union_questions`,
      [conferenceId, JSON.stringify(questions)],
    );
  }
}

export interface MonitoredConference {
  id: string;
  name: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  format: ConferenceFormat;
  openedAt: Date | null;
}

export interface RegisteredAttendee {
  memberId: string;
  attendanceMode: AttendanceMode;
}

/** What the statistics read from the rest of the system: the conference, its register, its debate log, its motions. */
export class MonitoringSourceRepository {
  async conference(manager: EntityManager, conferenceId: string): Promise<MonitoredConference | null> {
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT id, name, time_zone, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
              format, opened_at
         FROM conference WHERE id = $1`,
      [conferenceId],
    );
    if (!rows.length) return null;
    const row = rows[0];
    return {
      id: row.id as string,
      name: row.name as string,
      timeZone: row.time_zone as string,
      startsOn: row.starts_on as string,
      endsOn: row.ends_on as string,
      format: row.format as ConferenceFormat,
      openedAt: row.opened_at ? new Date(row.opened_at as string) : null,
    };
  }

  /** The registered attendees: the profile the speakers are compared with. */
  async registrations(manager: EntityManager, conferenceId: string): Promise<RegisteredAttendee[]> {
    const rows: Array<{ member_id: string; attendance_mode: AttendanceMode }> = await manager.query(
      'SELECT member_id, attendance_mode FROM registration WHERE conference_id = $1',
      [conferenceId],
    );
    return rows.map((r) => ({ memberId: r.member_id, attendanceMode: r.attendance_mode }));
  }

  async isRegistered(manager: EntityManager, conferenceId: string, memberId: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM registration WHERE conference_id = $1 AND member_id = $2', [conferenceId, memberId]);
    return rows.length > 0;
  }

  /** The debate engine's events in log order (the same types the engine folds). */
  async debateEvents(manager: EntityManager, conferenceId: string): Promise<DebateEvent[]> {
    const rows: Array<{ payload: DebateEvent }> = await manager.query(
      `SELECT payload FROM conference_event
        WHERE conference_id = $1 AND type LIKE 'debate.%' AND type = ANY($2) ORDER BY seq`,
      [conferenceId, DEBATE_LOG_TYPES],
    );
    return rows.map((r) => r.payload);
  }

  /** The section each motion sits under (null when it has none). */
  async motionSections(manager: EntityManager, conferenceId: string, motionIds: string[]): Promise<Map<string, string | null>> {
    if (motionIds.length === 0) return new Map();
    const rows: Array<{ id: string; section_id: string | null }> = await manager.query(
      'SELECT id, section_id FROM motion WHERE conference_id = $1 AND id = ANY($2::uuid[])',
      [conferenceId, motionIds],
    );
    return new Map(rows.map((r) => [r.id, r.section_id]));
  }

  /** The latest payload of one event type, e.g. the last live update recorded. */
  async lastPayload(manager: EntityManager, conferenceId: string, type: string): Promise<Record<string, unknown> | null> {
    const rows: Array<{ payload: Record<string, unknown> }> = await manager.query(
      'SELECT payload FROM conference_event WHERE conference_id = $1 AND type = $2 ORDER BY seq DESC LIMIT 1',
      [conferenceId, type],
    );
    return rows.length ? rows[0].payload : null;
  }
}

/** Public names for the report's groups: sections by name, motions by agenda label and title. */
export class MonitoringLabelRepository {
  async sectionNames(manager: EntityManager, conferenceId: string): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = await manager.query('SELECT id, name FROM section WHERE conference_id = $1', [conferenceId]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async motionTitles(manager: EntityManager, conferenceId: string, motionIds: string[]): Promise<Map<string, string>> {
    if (motionIds.length === 0) return new Map();
    const rows: Array<{ id: string; title: string; agenda_label: string | null }> = await manager.query(
      'SELECT id, title, agenda_label FROM motion WHERE conference_id = $1 AND id = ANY($2::uuid[])',
      [conferenceId, motionIds],
    );
    return new Map(rows.map((r) => [r.id, r.agenda_label ? `${r.agenda_label}: ${r.title}` : r.title]));
  }
}
