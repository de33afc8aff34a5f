import { EntityManager } from 'typeorm';
import type { ReportSection } from '@agm/domain';
import { rowsOf } from '../query-result';

/** A report to conference on the order of business, with its sections. */
export interface ReportRow {
  id: string;
  conferenceId: string;
  title: string;
  sections: ReportSection[];
  position: number;
  /** Raised at each correction: a correction made from an older read is refused. */
  version: number;
}

const COLUMNS = 'id, conference_id, title, sections, position, version';

/** Reports to conference: set up by the SOC or the conference's administrators, taken by the chair. */
export class ReportRepository {
  async list(manager: EntityManager, conferenceId: string): Promise<ReportRow[]> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM conference_report WHERE conference_id = $1 ORDER BY position, created_at`,
      [conferenceId],
    );
    return rows.map(toRow);
  }

  async find(manager: EntityManager, conferenceId: string, reportId: string): Promise<ReportRow | null> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM conference_report WHERE conference_id = $1 AND id = $2`,
      [conferenceId, reportId],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  async byTitle(manager: EntityManager, conferenceId: string, title: string): Promise<ReportRow | null> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM conference_report WHERE conference_id = $1 AND lower(title) = lower($2)`,
      [conferenceId, title],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  async insert(
    manager: EntityManager,
    report: { conferenceId: string; title: string; sections: ReportSection[]; createdBy: string | null },
  ): Promise<ReportRow> {
    const rows = await manager.query(
      `INSERT INTO conference_report (conference_id, title, sections, position, created_by)
       VALUES ($1, $2, $3::jsonb, (SELECT coalesce(max(position), 0) + 1 FROM conference_report WHERE conference_id = $1), $4)
       RETURNING ${COLUMNS}`,
      [report.conferenceId, report.title, JSON.stringify(report.sections), report.createdBy],
    );
    return toRow(rows[0]);
  }

  /** The corrected title and sections; the report keeps its place on the order of business. */
  async update(manager: EntityManager, reportId: string, report: { title: string; sections: ReportSection[] }): Promise<ReportRow> {
    const result = await manager.query(
      `UPDATE conference_report SET title = $2, sections = $3::jsonb, version = version + 1 WHERE id = $1 RETURNING ${COLUMNS}`,
      [reportId, report.title, JSON.stringify(report.sections)],
    );
    return toRow(rowsOf(result)[0]);
  }

  async delete(manager: EntityManager, reportId: string): Promise<void> {
    await manager.query('DELETE FROM conference_report WHERE id = $1', [reportId]);
  }
}

function toRow(r: Record<string, unknown>): ReportRow {
  return {
    id: r.id as string,
    conferenceId: r.conference_id as string,
    title: r.title as string,
    sections: r.sections as ReportSection[],
    position: Number(r.position),
    version: Number(r.version),
  };
}
