import { EntityManager } from 'typeorm';
import type { AttendanceMode } from '@agm/domain';

export interface RegistrationJobRow {
  id: string;
  conferenceId: string;
  attendanceMode: AttendanceMode;
  /** The selection in words, e.g. "Everyone who may attend" or "Categories: full, retired". */
  selection: string;
  state: 'running' | 'finished' | 'failed';
  total: number;
  processed: number;
  registered: number;
  alreadyRegistered: number;
  emailed: number;
  emailFailed: number;
  lettersDue: number;
  failure: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export type JobProgress = Pick<RegistrationJobRow, 'processed' | 'registered' | 'alreadyRegistered' | 'emailed' | 'emailFailed' | 'lettersDue'>;

/** Bulk registration jobs: their progress in the database, so any instance can answer a poll. */
export class RegistrationJobRepository {
  async create(manager: EntityManager, job: { conferenceId: string; requestedBy: string | null; attendanceMode: AttendanceMode; selection: string; total: number }): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO registration_job (conference_id, requested_by, attendance_mode, selection, total) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [job.conferenceId, job.requestedBy, job.attendanceMode, job.selection, job.total],
    );
    return rows[0].id;
  }

  /** Adds a batch's figures to the job's. */
  async advance(manager: EntityManager, jobId: string, step: JobProgress): Promise<void> {
    await manager.query(
      `UPDATE registration_job SET processed = processed + $2, registered = registered + $3, already_registered = already_registered + $4,
              emailed = emailed + $5, email_failed = email_failed + $6, letters_due = letters_due + $7 WHERE id = $1`,
      [jobId, step.processed, step.registered, step.alreadyRegistered, step.emailed, step.emailFailed, step.lettersDue],
    );
  }

  async finish(manager: EntityManager, jobId: string, failure: string | null): Promise<void> {
    await manager.query(`UPDATE registration_job SET state = $2, failure = $3, finished_at = now() WHERE id = $1`, [jobId, failure ? 'failed' : 'finished', failure]);
  }

  async find(manager: EntityManager, conferenceId: string, jobId: string): Promise<RegistrationJobRow | null> {
    const rows = await manager.query('SELECT * FROM registration_job WHERE conference_id = $1 AND id = $2', [conferenceId, jobId]);
    return rows.length ? toJob(rows[0]) : null;
  }

  async latest(manager: EntityManager, conferenceId: string, limit = 10): Promise<RegistrationJobRow[]> {
    const rows = await manager.query('SELECT * FROM registration_job WHERE conference_id = $1 ORDER BY started_at DESC LIMIT $2', [conferenceId, limit]);
    return rows.map(toJob);
  }
}

function toJob(row: any): RegistrationJobRow {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    attendanceMode: row.attendance_mode,
    selection: row.selection,
    state: row.state,
    total: row.total,
    processed: row.processed,
    registered: row.registered,
    alreadyRegistered: row.already_registered,
    emailed: row.emailed,
    emailFailed: row.email_failed,
    lettersDue: row.letters_due,
    failure: row.failure,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
