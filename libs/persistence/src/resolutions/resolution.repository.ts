import { EntityManager } from 'typeorm';
import type { ResolutionLinkKind, ResolutionStatus } from '@agm/domain';

export interface ResolutionVoteSummary {
  for: number;
  against: number;
  abstain: number;
  /** "Carried: 120 for, 30 against, 5 abstentions (hybrid vote)", or how it was decided without figures. */
  description: string;
}

export interface ResolutionRow {
  id: string;
  year: number;
  number: number;
  title: string;
  text: string;
  sectionHeading: string;
  conferenceId: string | null;
  motionId: string | null;
  movedBy: string[];
  moverBodyIds: string[];
  outcome: string | null;
  vote: ResolutionVoteSummary | null;
  topics: string[];
  ownerBodyId: string | null;
  ownerAccountId: string | null;
  /** The owner's name: the body's, or the officer's. */
  ownerName: string | null;
  targetDate: string | null;
  status: ResolutionStatus;
  statusReason: string | null;
  updatedAt: Date;
  latestProgressOn: string | null;
  latestProgressText: string | null;
}

export interface NewResolution {
  year: number;
  number: number;
  title: string;
  text: string;
  sectionHeading: string;
  conferenceId: string | null;
  motionId: string | null;
  movedBy: string[];
  moverBodyIds: string[];
  outcome: string | null;
  vote: ResolutionVoteSummary | null;
  topics: string[];
}

export interface ResolutionChange {
  ownerBodyId?: string | null;
  ownerAccountId?: string | null;
  targetDate?: string | null;
  status?: ResolutionStatus;
  statusReason?: string | null;
}

export interface ProgressRow {
  id: string;
  resolutionId: string;
  reportedOn: string;
  text: string;
  authorName: string;
  createdAt: Date;
}

export interface LinkRow {
  laterId: string;
  earlierId: string;
  kind: ResolutionLinkKind;
}

export interface AuditRow {
  at: Date;
  actorName: string;
  action: string;
  detail: Record<string, unknown>;
}

export interface ResolutionFilter {
  year?: number;
  status?: ResolutionStatus;
  /** Resolutions this body moved: a branch sees what its motions became. */
  moverBodyId?: string;
  /** Full-text search over title and text; results ranked, best first. */
  search?: string;
}

const SELECT = `
  SELECT r.id, r.year, r.number, r.title, r.text, r.section_heading, r.conference_id, r.motion_id, r.moved_by, r.mover_body_ids,
         r.outcome, r.vote, r.topics, r.owner_body_id, r.owner_account_id, COALESCE(ob.name, oa.name) AS owner_name,
         to_char(r.target_date, 'YYYY-MM-DD') AS target_date, r.status, r.status_reason, r.updated_at,
         to_char(p.reported_on, 'YYYY-MM-DD') AS latest_progress_on, p.text AS latest_progress_text
    FROM resolution r
    LEFT JOIN body ob ON ob.id = r.owner_body_id
    LEFT JOIN account oa ON oa.id = r.owner_account_id
    LEFT JOIN LATERAL (SELECT reported_on, text FROM resolution_progress WHERE resolution_id = r.id ORDER BY reported_on DESC, created_at DESC LIMIT 1) p ON true`;

/** The union's resolution register: resolutions, their progress and links, the plans citing them, and the audit. */
export class ResolutionRepository {
  /** Serialises numbering within a year (two conferences closing at once still number one after the other). */
  async lockYear(manager: EntityManager, year: number): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('resolution-register'), $1)", [year]);
  }

  async lastNumberOfYear(manager: EntityManager, year: number): Promise<number> {
    const [row] = await manager.query('SELECT COALESCE(max(number), 0)::int AS last FROM resolution WHERE year = $1', [year]);
    return row.last;
  }

  async numbersOfConference(manager: EntityManager, conferenceId: string): Promise<Array<{ year: number; number: number }>> {
    return manager.query('SELECT year, number FROM resolution WHERE conference_id = $1 ORDER BY number', [conferenceId]);
  }

  async insertMany(manager: EntityManager, rows: NewResolution[]): Promise<string[]> {
    const ids: string[] = [];
    for (const r of rows) {
      const [row] = await manager.query(
        `INSERT INTO resolution (year, number, title, text, section_heading, conference_id, motion_id, moved_by, mover_body_ids, outcome, vote, topics)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [r.year, r.number, r.title, r.text, r.sectionHeading, r.conferenceId, r.motionId, r.movedBy, r.moverBodyIds, r.outcome, r.vote ? JSON.stringify(r.vote) : null, r.topics],
      );
      ids.push(row.id);
    }
    return ids;
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ResolutionRow | null> {
    if (lock) await manager.query('SELECT id FROM resolution WHERE id = $1 FOR UPDATE', [id]);
    const rows = await manager.query(`${SELECT} WHERE r.id = $1`, [id]);
    return rows.length ? toResolution(rows[0]) : null;
  }

  async findMany(manager: EntityManager, ids: string[]): Promise<ResolutionRow[]> {
    if (ids.length === 0) return [];
    const rows = await manager.query(`${SELECT} WHERE r.id = ANY($1::uuid[]) ORDER BY r.year DESC, r.number`, [ids]);
    return rows.map(toResolution);
  }

  async findByNumber(manager: EntityManager, year: number, number: number): Promise<ResolutionRow | null> {
    const rows = await manager.query(`${SELECT} WHERE r.year = $1 AND r.number = $2`, [year, number]);
    return rows.length ? toResolution(rows[0]) : null;
  }

  /**
   * Newest year first, in number order; with a search, best match first: a match of the words as a phrase
   * before one of the words anywhere, then by rank (the title weighs more than the text).
   */
  async list(manager: EntityManager, filter: ResolutionFilter): Promise<ResolutionRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => (params.push(value), `$${params.length}`);
    if (filter.year !== undefined) where.push(`r.year = ${param(filter.year)}`);
    if (filter.status) where.push(`r.status = ${param(filter.status)}`);
    if (filter.moverBodyId) where.push(`${param(filter.moverBodyId)}::uuid = ANY(r.mover_body_ids)`);
    let order = 'r.year DESC, r.number';
    if (filter.search) {
      const q = param(filter.search);
      where.push(`r.search @@ websearch_to_tsquery('english', ${q})`);
      order = `(r.search @@ phraseto_tsquery('english', ${q})) DESC, ts_rank_cd(r.search, websearch_to_tsquery('english', ${q})) DESC, r.year DESC, r.number`;
    }
    const rows = await manager.query(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`, params);
    return rows.map(toResolution);
  }

  async update(manager: EntityManager, id: string, change: ResolutionChange, now: Date): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => (params.push(value), sets.push(`${column} = $${params.length}`));
    if (change.ownerBodyId !== undefined) set('owner_body_id', change.ownerBodyId);
    if (change.ownerAccountId !== undefined) set('owner_account_id', change.ownerAccountId);
    if (change.targetDate !== undefined) set('target_date', change.targetDate);
    if (change.status !== undefined) set('status', change.status);
    if (change.statusReason !== undefined) set('status_reason', change.statusReason);
    set('updated_at', now);
    await manager.query(`UPDATE resolution SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async insertLink(manager: EntityManager, link: LinkRow): Promise<void> {
    await manager.query('INSERT INTO resolution_link (later_id, earlier_id, kind) VALUES ($1, $2, $3)', [link.laterId, link.earlierId, link.kind]);
  }

  /** Both ways: what this resolution supersedes or rescinds, and what superseded or rescinded it. */
  async linksOf(manager: EntityManager, id: string): Promise<LinkRow[]> {
    const rows = await manager.query('SELECT later_id, earlier_id, kind FROM resolution_link WHERE later_id = $1 OR earlier_id = $1 ORDER BY created_at', [id]);
    return rows.map((r: any) => ({ laterId: r.later_id, earlierId: r.earlier_id, kind: r.kind }));
  }

  async insertProgress(manager: EntityManager, progress: { resolutionId: string; reportedOn: string; text: string; authorAccountId: string | null; authorName: string }): Promise<string> {
    const [row] = await manager.query('INSERT INTO resolution_progress (resolution_id, reported_on, text, author_account_id, author_name) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
      progress.resolutionId,
      progress.reportedOn,
      progress.text,
      progress.authorAccountId,
      progress.authorName,
    ]);
    return row.id;
  }

  async progressOf(manager: EntityManager, id: string): Promise<ProgressRow[]> {
    const rows = await manager.query(
      `SELECT id, resolution_id, to_char(reported_on, 'YYYY-MM-DD') AS reported_on, text, author_name, created_at
         FROM resolution_progress WHERE resolution_id = $1 ORDER BY reported_on DESC, created_at DESC`,
      [id],
    );
    return rows.map((r: any) => ({ id: r.id, resolutionId: r.resolution_id, reportedOn: r.reported_on, text: r.text, authorName: r.author_name, createdAt: r.created_at }));
  }

  async audit(manager: EntityManager, entry: { resolutionId?: string | null; planId?: string | null; actorAccountId: string | null; actorName: string; action: string; detail?: Record<string, unknown>; at: Date }): Promise<void> {
    await manager.query('INSERT INTO register_audit (resolution_id, plan_id, actor_account_id, actor_name, action, detail, at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      entry.resolutionId ?? null,
      entry.planId ?? null,
      entry.actorAccountId,
      entry.actorName,
      entry.action,
      JSON.stringify(entry.detail ?? {}),
      entry.at,
    ]);
  }

  async auditOf(manager: EntityManager, resolutionId: string): Promise<AuditRow[]> {
    const rows = await manager.query('SELECT at, actor_name, action, detail FROM register_audit WHERE resolution_id = $1 ORDER BY at, id', [resolutionId]);
    return rows.map((r: any) => ({ at: r.at, actorName: r.actor_name, action: r.action, detail: r.detail }));
  }

  async bodyName(manager: EntityManager, bodyId: string): Promise<string | null> {
    const [row] = await manager.query('SELECT name FROM body WHERE id = $1', [bodyId]);
    return row?.name ?? null;
  }

  async accountName(manager: EntityManager, accountId: string): Promise<string | null> {
    const [row] = await manager.query('SELECT name FROM account WHERE id = $1', [accountId]);
    return row?.name ?? null;
  }

  /** The body ids by name (exact, case-folded): a past booklet names its movers in words. */
  async bodyIdsByName(manager: EntityManager, names: string[]): Promise<Map<string, string>> {
    if (names.length === 0) return new Map();
    const rows = await manager.query('SELECT id, lower(name) AS name FROM body WHERE lower(name) = ANY($1::text[])', [names.map((n) => n.toLowerCase())]);
    return new Map(rows.map((r: any) => [r.name, r.id]));
  }

  /** The declared vote on a motion, newest first: the figures a resolution carries. */
  async declaredVoteOn(manager: EntityManager, motionId: string): Promise<{ method: string; result: any } | null> {
    const rows = await manager.query(
      `SELECT method, result FROM vote WHERE subject = 'motion' AND subject_ref = $1 AND state = 'declared' ORDER BY declared_at DESC NULLS LAST LIMIT 1`,
      [motionId],
    );
    return rows[0] ?? null;
  }
}

export function toResolution(r: any): ResolutionRow {
  return {
    id: r.id,
    year: r.year,
    number: r.number,
    title: r.title,
    text: r.text,
    sectionHeading: r.section_heading,
    conferenceId: r.conference_id,
    motionId: r.motion_id,
    movedBy: r.moved_by ?? [],
    moverBodyIds: r.mover_body_ids ?? [],
    outcome: r.outcome,
    vote: r.vote,
    topics: r.topics ?? [],
    ownerBodyId: r.owner_body_id,
    ownerAccountId: r.owner_account_id,
    ownerName: r.owner_name,
    targetDate: r.target_date,
    status: r.status,
    statusReason: r.status_reason,
    updatedAt: r.updated_at,
    latestProgressOn: r.latest_progress_on,
    latestProgressText: r.latest_progress_text,
  };
}
