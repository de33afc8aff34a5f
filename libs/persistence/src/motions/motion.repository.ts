import { EntityManager } from 'typeorm';
import { bodyMembersAmong } from '../body-members';
import type { AmendmentText, BodyKind, EmergencyStage, EmergencyTestAnswers, MotionKind, MotionStatus } from '@agm/domain';

export interface MotionRow {
  id: string;
  conferenceId: string;
  kind: MotionKind;
  parentMotionId: string | null;
  title: string;
  text: string;
  amendedText: string | null;
  status: MotionStatus;
  statusReason: string | null;
  sectionId: string | null;
  submittingBodyId: string | null;
  /** Every submitting body in order; a composite keeps all of its originals' bodies. */
  submitterBodyIds: string[];
  proposerMemberId: string | null;
  seconderMemberId: string | null;
  topics: string[];
  agreedOn: string | null;
  agendaNumber: number | null;
  agendaPosition: number | null;
  agendaLabel: string | null;
  wordCount: number;
  overWordLimit: boolean;
  compositeId: string | null;
  amendmentText: AmendmentText | null;
  acceptedByMoverAt: Date | null;
  amendmentRuling: 'admissible' | 'inadmissible' | null;
  amendmentRulingReason: string | null;
  emergencyStage: EmergencyStage | null;
  emergencyAnswers: EmergencyTestAnswers | null;
  emergencySocReason: string | null;
  createdBy: string;
  submittedAt: Date | null;
  createdAt: Date;
  version: number;
}

export interface NewMotion {
  conferenceId: string;
  kind: MotionKind;
  parentMotionId?: string | null;
  title: string;
  text: string;
  amendedText?: string | null;
  status: MotionStatus;
  sectionId?: string | null;
  submittingBodyId?: string | null;
  proposerMemberId?: string | null;
  seconderMemberId?: string | null;
  topics?: string[];
  agreedOn?: string | null;
  wordCount: number;
  overWordLimit: boolean;
  amendmentText?: AmendmentText | null;
  emergencyAnswers?: EmergencyTestAnswers | null;
  emergencyStage?: EmergencyStage | null;
  createdBy: string;
  submittedAt?: Date | null;
  agendaNumber?: number | null;
  agendaPosition?: number | null;
  now: Date;
}

export interface MotionAuditRow {
  motionId: string;
  action: string;
  who: string;
  role: string;
  at: Date;
  why: string | null;
  fromStatus: string | null;
  toStatus: string;
}

export interface BodyRow {
  id: string;
  kind: BodyKind;
  code: string;
  name: string;
}

export interface SectionRow {
  id: string;
  conferenceId: string;
  name: string;
  owningBodyId: string | null;
  position: number;
}

export interface ConferenceMotionSettings {
  id: string;
  name: string;
  venue: string;
  format: string;
  timeZone: string;
  startsOn: string;
  motionsDeadline: Date | null;
  amendmentsDeadline: Date | null;
  emergencyDeadline: Date | null;
  acceptsConstitutionalAmendments: boolean;
}

const SELECT = `
  SELECT m.*, COALESCE((SELECT array_agg(s.body_id::text ORDER BY s.position, s.body_id) FROM motion_submitter s WHERE s.motion_id = m.id), '{}') AS submitter_body_ids
    FROM motion m`;

/** Motions' SQL. Every method takes the transaction's EntityManager; rows come back as plain objects. */
export class MotionRepository {
  async conferenceSettings(manager: EntityManager, conferenceId: string, lock = false): Promise<ConferenceMotionSettings | null> {
    const rows = await manager.query(
      `SELECT id, name, venue, format, time_zone, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, motions_deadline, amendments_deadline,
              emergency_deadline, accepts_constitutional_amendments
         FROM conference WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [conferenceId],
    );
    if (!rows.length) return null;
    const r = rows[0];
    return {
      id: r.id,
      name: r.name,
      venue: r.venue,
      format: r.format,
      timeZone: r.time_zone,
      startsOn: r.starts_on,
      motionsDeadline: r.motions_deadline,
      amendmentsDeadline: r.amendments_deadline,
      emergencyDeadline: r.emergency_deadline,
      acceptsConstitutionalAmendments: r.accepts_constitutional_amendments,
    };
  }

  async findBody(manager: EntityManager, bodyId: string): Promise<BodyRow | null> {
    const rows = await manager.query('SELECT id, kind, code, name FROM body WHERE id = $1', [bodyId]);
    return rows[0] ?? null;
  }

  async findBodyByName(manager: EntityManager, name: string): Promise<BodyRow | null> {
    const rows = await manager.query('SELECT id, kind, code, name FROM body WHERE lower(name) = lower($1) ORDER BY code LIMIT 1', [name]);
    return rows[0] ?? null;
  }

  async insertBody(manager: EntityManager, body: Omit<BodyRow, 'id'>): Promise<BodyRow> {
    const [row] = await manager.query(
      `INSERT INTO body (kind, code, name) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id, kind, code, name`,
      [body.kind, body.code, body.name],
    );
    return row;
  }

  async bodiesByIds(manager: EntityManager, ids: string[]): Promise<BodyRow[]> {
    if (ids.length === 0) return [];
    return manager.query('SELECT id, kind, code, name FROM body WHERE id = ANY($1::uuid[])', [ids]);
  }

  async officerMemberIds(manager: EntityManager, bodyId: string): Promise<string[]> {
    const rows = await manager.query('SELECT DISTINCT member_id FROM body_officer WHERE body_id = $1', [bodyId]);
    return rows.map((r: { member_id: string }) => r.member_id);
  }

  /** Of the members given, those who belong to the body (a branch's members, the body's officers): who may move its motions. */
  async membersOfBody(manager: EntityManager, bodyId: string, memberIds: string[]): Promise<Set<string>> {
    const belonging = await bodyMembersAmong(manager, memberIds.map((memberId) => ({ bodyId, memberId })));
    return new Set(memberIds.filter((memberId) => belonging.has(`${bodyId}:${memberId}`)));
  }

  async memberCategories(manager: EntityManager, memberIds: string[]): Promise<Array<{ memberId: string; category: string; name: string }>> {
    const rows = await manager.query('SELECT id, category, name FROM member WHERE id = ANY($1::uuid[])', [memberIds]);
    return rows.map((r: { id: string; category: string; name: string }) => ({ memberId: r.id, category: r.category, name: r.name }));
  }

  async sections(manager: EntityManager, conferenceId: string): Promise<SectionRow[]> {
    const rows = await manager.query('SELECT id, conference_id, name, owning_body_id, position FROM section WHERE conference_id = $1 ORDER BY position, name', [conferenceId]);
    return rows.map((r: any) => ({ id: r.id, conferenceId: r.conference_id, name: r.name, owningBodyId: r.owning_body_id, position: r.position }));
  }

  async insertSection(manager: EntityManager, conferenceId: string, name: string, owningBodyId: string | null, position: number): Promise<SectionRow> {
    const [row] = await manager.query(
      `INSERT INTO section (conference_id, name, owning_body_id, position) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conference_id, name) DO UPDATE SET owning_body_id = COALESCE(section.owning_body_id, EXCLUDED.owning_body_id)
       RETURNING id, conference_id, name, owning_body_id, position`,
      [conferenceId, name, owningBodyId, position],
    );
    return { id: row.id, conferenceId: row.conference_id, name: row.name, owningBodyId: row.owning_body_id, position: row.position };
  }

  async insert(manager: EntityManager, m: NewMotion): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO motion (conference_id, kind, parent_motion_id, title, text, amended_text, status, section_id, submitting_body_id,
                           proposer_member_id, seconder_member_id, topics, agreed_on, word_count, over_word_limit, amendment_text,
                           emergency_answers, emergency_stage, created_by, submitted_at, agenda_number, agenda_position, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $23)
       RETURNING id`,
      [
        m.conferenceId, m.kind, m.parentMotionId ?? null, m.title, m.text, m.amendedText ?? null, m.status, m.sectionId ?? null,
        m.submittingBodyId ?? null, m.proposerMemberId ?? null, m.seconderMemberId ?? null, m.topics ?? [], m.agreedOn ?? null,
        m.wordCount, m.overWordLimit, m.amendmentText ? JSON.stringify(m.amendmentText) : null,
        m.emergencyAnswers ? JSON.stringify(m.emergencyAnswers) : null, m.emergencyStage ?? null, m.createdBy, m.submittedAt ?? null,
        m.agendaNumber ?? null, m.agendaPosition ?? null, m.now,
      ],
    );
    if (m.submittingBodyId) await this.addSubmitters(manager, row.id, [m.submittingBodyId]);
    return row.id;
  }

  async addSubmitters(manager: EntityManager, motionId: string, bodyIds: string[]): Promise<void> {
    for (const [position, bodyId] of bodyIds.entries()) {
      await manager.query('INSERT INTO motion_submitter (motion_id, body_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [motionId, bodyId, position]);
    }
  }

  async find(manager: EntityManager, conferenceId: string, id: string, lock = false): Promise<MotionRow | null> {
    // FOR UPDATE cannot stand with the aggregate: lock the row first, then read it.
    if (lock) await manager.query('SELECT id FROM motion WHERE conference_id = $1 AND id = $2 FOR UPDATE', [conferenceId, id]);
    const rows = await manager.query(`${SELECT} WHERE m.conference_id = $1 AND m.id = $2`, [conferenceId, id]);
    return rows.length ? toRow(rows[0]) : null;
  }

  async findMany(manager: EntityManager, conferenceId: string, ids: string[], lock = false): Promise<MotionRow[]> {
    if (lock) await manager.query('SELECT id FROM motion WHERE conference_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE', [conferenceId, ids]);
    const rows = await manager.query(`${SELECT} WHERE m.conference_id = $1 AND m.id = ANY($2::uuid[])`, [conferenceId, ids]);
    return rows.map(toRow);
  }

  async list(manager: EntityManager, conferenceId: string): Promise<MotionRow[]> {
    const rows = await manager.query(
      `${SELECT} WHERE m.conference_id = $1 ORDER BY m.agenda_position NULLS LAST, m.submitted_at NULLS LAST, m.created_at, m.id`,
      [conferenceId],
    );
    return rows.map(toRow);
  }

  async amendmentsOf(manager: EntityManager, motionId: string): Promise<MotionRow[]> {
    const rows = await manager.query(`${SELECT} WHERE m.parent_motion_id = $1 ORDER BY m.submitted_at, m.created_at, m.id`, [motionId]);
    return rows.map(toRow);
  }

  /** Motions of each kind this body has submitted (neither drafts nor withdrawn), for the per-body limits. */
  async countSubmittedByBody(manager: EntityManager, conferenceId: string, bodyId: string, excludeId: string): Promise<{ motions: number; constitutionalAmendments: number }> {
    const [row] = await manager.query(
      `SELECT count(*) FILTER (WHERE kind = 'motion')::int AS motions,
              count(*) FILTER (WHERE kind = 'constitutional_amendment')::int AS cas
         FROM motion WHERE conference_id = $1 AND submitting_body_id = $2 AND id <> $3 AND status NOT IN ('draft', 'withdrawn')`,
      [conferenceId, bodyId, excludeId],
    );
    return { motions: row.motions, constitutionalAmendments: row.cas };
  }

  /** Writes the changed fields and bumps the version. */
  async update(manager: EntityManager, id: string, changes: Partial<Record<keyof typeof COLUMNS, unknown>>, now: Date): Promise<void> {
    const keys = Object.keys(changes) as (keyof typeof COLUMNS)[];
    const sets = keys.map((key, i) => `${COLUMNS[key]} = $${i + 3}`);
    const values = keys.map((key) => {
      const value = changes[key];
      return key === 'amendmentText' || key === 'emergencyAnswers' ? (value === null ? null : JSON.stringify(value)) : value;
    });
    await manager.query(`UPDATE motion SET ${[...sets, 'updated_at = $2', 'version = version + 1'].join(', ')} WHERE id = $1`, [id, now, ...values]);
  }

  async audit(manager: EntityManager, entry: MotionAuditRow): Promise<void> {
    await manager.query(
      'INSERT INTO motion_audit (motion_id, action, who, role, at, why, from_status, to_status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [entry.motionId, entry.action, entry.who, entry.role, entry.at, entry.why, entry.fromStatus, entry.toStatus],
    );
  }

  async auditOf(manager: EntityManager, motionId: string): Promise<MotionAuditRow[]> {
    const rows = await manager.query('SELECT * FROM motion_audit WHERE motion_id = $1 ORDER BY id', [motionId]);
    return rows.map((r: any) => ({ motionId: r.motion_id, action: r.action, who: r.who, role: r.role, at: r.at, why: r.why, fromStatus: r.from_status, toStatus: r.to_status }));
  }

  async agenda(manager: EntityManager, conferenceId: string): Promise<{ publishedAt: Date; sectionOrder: string[] } | null> {
    const rows = await manager.query('SELECT published_at, section_order FROM motion_agenda WHERE conference_id = $1', [conferenceId]);
    return rows.length ? { publishedAt: rows[0].published_at, sectionOrder: rows[0].section_order } : null;
  }

  /** The agenda is published once; the primary key refuses a second publication. */
  async insertAgenda(manager: EntityManager, conferenceId: string, publishedBy: string, sectionOrder: string[], now: Date): Promise<boolean> {
    const rows = await manager.query(
      'INSERT INTO motion_agenda (conference_id, published_at, published_by, section_order) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING conference_id',
      [conferenceId, now, publishedBy, sectionOrder],
    );
    return rows.length > 0;
  }

  /** After publication: the sections' order in force (names, as published) when the SOC moves a whole section. */
  async setPublishedSectionOrder(manager: EntityManager, conferenceId: string, sectionOrder: string[]): Promise<void> {
    await manager.query('UPDATE motion_agenda SET section_order = $2 WHERE conference_id = $1', [conferenceId, sectionOrder]);
  }

  async castPriorityBallot(manager: EntityManager, conferenceId: string, memberId: string, picks: string[], now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO priority_ballot (conference_id, member_id, picks, cast_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conference_id, member_id) DO UPDATE SET picks = EXCLUDED.picks, cast_at = EXCLUDED.cast_at`,
      [conferenceId, memberId, picks, now],
    );
  }

  /** One member's own ballot, to show it back to them; null when they have not cast one. */
  async priorityBallotOf(manager: EntityManager, conferenceId: string, memberId: string): Promise<{ picks: string[]; castAt: Date } | null> {
    const rows = await manager.query('SELECT picks, cast_at FROM priority_ballot WHERE conference_id = $1 AND member_id = $2', [conferenceId, memberId]);
    return rows.length ? { picks: rows[0].picks, castAt: new Date(rows[0].cast_at) } : null;
  }

  async priorityBallots(manager: EntityManager, conferenceId: string): Promise<string[][]> {
    const rows = await manager.query('SELECT picks FROM priority_ballot WHERE conference_id = $1 ORDER BY cast_at, member_id', [conferenceId]);
    return rows.map((r: { picks: string[] }) => r.picks);
  }

  async countMotions(manager: EntityManager, conferenceId: string): Promise<number> {
    const [row] = await manager.query('SELECT count(*)::int AS n FROM motion WHERE conference_id = $1', [conferenceId]);
    return row.n;
  }
}

const COLUMNS = {
  kind: 'kind',
  title: 'title',
  text: 'text',
  amendedText: 'amended_text',
  status: 'status',
  statusReason: 'status_reason',
  sectionId: 'section_id',
  parentMotionId: 'parent_motion_id',
  proposerMemberId: 'proposer_member_id',
  seconderMemberId: 'seconder_member_id',
  topics: 'topics',
  agreedOn: 'agreed_on',
  agendaNumber: 'agenda_number',
  agendaPosition: 'agenda_position',
  agendaLabel: 'agenda_label',
  wordCount: 'word_count',
  overWordLimit: 'over_word_limit',
  compositeId: 'composite_id',
  amendmentText: 'amendment_text',
  acceptedByMoverAt: 'accepted_by_mover_at',
  amendmentRuling: 'amendment_ruling',
  amendmentRulingReason: 'amendment_ruling_reason',
  emergencyStage: 'emergency_stage',
  emergencyAnswers: 'emergency_answers',
  emergencySocReason: 'emergency_soc_reason',
  submittedAt: 'submitted_at',
} as const;

export type MotionChanges = Partial<Record<keyof typeof COLUMNS, unknown>>;

function toRow(r: any): MotionRow {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    kind: r.kind,
    parentMotionId: r.parent_motion_id,
    title: r.title,
    text: r.text,
    amendedText: r.amended_text,
    status: r.status,
    statusReason: r.status_reason,
    sectionId: r.section_id,
    submittingBodyId: r.submitting_body_id,
    submitterBodyIds: r.submitter_body_ids ?? [],
    proposerMemberId: r.proposer_member_id,
    seconderMemberId: r.seconder_member_id,
    topics: r.topics ?? [],
    agreedOn: r.agreed_on ? toDateString(r.agreed_on) : null,
    agendaNumber: r.agenda_number,
    agendaPosition: r.agenda_position,
    agendaLabel: r.agenda_label,
    wordCount: r.word_count,
    overWordLimit: r.over_word_limit,
    compositeId: r.composite_id,
    amendmentText: r.amendment_text,
    acceptedByMoverAt: r.accepted_by_mover_at,
    amendmentRuling: r.amendment_ruling,
    amendmentRulingReason: r.amendment_ruling_reason,
    emergencyStage: r.emergency_stage,
    emergencyAnswers: r.emergency_answers,
    emergencySocReason: r.emergency_soc_reason,
    createdBy: r.created_by,
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    version: r.version,
  };
}

/** pg returns a date column as a Date at local midnight (or a string with some drivers); keep the calendar date. */
function toDateString(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
