import { EntityManager } from 'typeorm';
import { rowsOf } from '../query-result';

export interface ProjectorLinkRow {
  id: string;
  conferenceId: string;
  label: string;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

const COLUMNS = 'id, conference_id, label, created_by, created_at, expires_at, revoked_at';

/** The hall's read-only projector links. Only the secret's HMAC is stored, never the secret. */
export class ProjectorLinkRepository {
  async insert(manager: EntityManager, link: { conferenceId: string; tokenHash: string; label: string; createdBy: string | null; createdAt: Date; expiresAt: Date }): Promise<ProjectorLinkRow> {
    const [row] = await manager.query(
      `INSERT INTO projector_link (conference_id, token_hash, label, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [link.conferenceId, link.tokenHash, link.label, link.createdBy, link.createdAt, link.expiresAt],
    );
    return toLink(row);
  }

  /** A live link for this secret's hash: not revoked, not expired. */
  async findLive(manager: EntityManager, tokenHash: string, now: Date): Promise<ProjectorLinkRow | null> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM projector_link WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`, [tokenHash, now]);
    return rows.length ? toLink(rows[0]) : null;
  }

  /** The conference's links still in force, newest first. */
  async listLive(manager: EntityManager, conferenceId: string, now: Date): Promise<ProjectorLinkRow[]> {
    const rows = await manager.query(
      `SELECT ${COLUMNS} FROM projector_link WHERE conference_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY created_at DESC, id`,
      [conferenceId, now],
    );
    return rows.map(toLink);
  }

  /** Revokes one link of the conference; false when there is no such live link. */
  async revoke(manager: EntityManager, conferenceId: string, linkId: string, revokedBy: string | null, now: Date): Promise<boolean> {
    const result = await manager.query(
      `UPDATE projector_link SET revoked_at = $4, revoked_by = $3 WHERE id = $2 AND conference_id = $1 AND revoked_at IS NULL RETURNING id`,
      [conferenceId, linkId, revokedBy, now],
    );
    return rowsOf(result).length > 0;
  }
}

function toLink(row: any): ProjectorLinkRow {
  return {
    id: row.id,
    conferenceId: row.conference_id,
    label: row.label,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  };
}
