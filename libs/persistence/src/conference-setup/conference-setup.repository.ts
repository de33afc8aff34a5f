import { EntityManager } from 'typeorm';
import type { ConferenceRole, Ruleset } from '@agm/domain';
import { rowsOf } from '../query-result';

export interface ConferenceSetupRow {
  id: string;
  name: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  motionsDeadline: Date | null;
  amendmentsDeadline: Date | null;
  emergencyDeadline: Date | null;
  acceptsConstitutionalAmendments: boolean;
  rulesetVersion: number;
  openedAt: Date | null;
}

export interface DeadlineFields {
  motions: Date;
  amendments: Date;
  emergency: Date | null;
  acceptsConstitutionalAmendments: boolean;
}

export interface RulesetVersionRow {
  version: number;
  ruleset: Ruleset;
  changedBy: string | null;
  changedAt: Date;
  reason: string | null;
}

export interface SectionRow {
  id: string;
  conferenceId: string;
  name: string;
  owningBodyId: string | null;
  owningBodyName: string | null;
  position: number;
}

export interface RoleAssignmentRow {
  accountId: string;
  email: string;
  name: string;
  role: ConferenceRole;
}

/** Conference set-up SQL: deadlines, the versioned ruleset, sections and role assignments. */
export class ConferenceSetupRepository {
  /** The conference's set-up; `lock` holds its row until commit so set-up changes queue one by one. */
  async find(manager: EntityManager, conferenceId: string, lock = false): Promise<ConferenceSetupRow | null> {
    const rows = await manager.query(
      `SELECT id, name, time_zone, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
              motions_deadline, amendments_deadline, emergency_deadline, accepts_constitutional_amendments, ruleset_version, opened_at
         FROM conference WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [conferenceId],
    );
    return rows.length ? toSetup(rows[0]) : null;
  }

  async setDeadlines(manager: EntityManager, conferenceId: string, d: DeadlineFields): Promise<void> {
    await manager.query(
      `UPDATE conference SET motions_deadline = $2, amendments_deadline = $3, emergency_deadline = $4, accepts_constitutional_amendments = $5, updated_at = now() WHERE id = $1`,
      [conferenceId, d.motions, d.amendments, d.emergency, d.acceptsConstitutionalAmendments],
    );
  }

  async markOpened(manager: EntityManager, conferenceId: string, at: Date): Promise<void> {
    await manager.query('UPDATE conference SET opened_at = $2, updated_at = now() WHERE id = $1', [
      conferenceId,
      at,
    ]);
  }

  async currentRuleset(
    manager: EntityManager,
    conferenceId: string,
  ): Promise<{ ruleset: Ruleset; version: number } | null> {
    const rows = await manager.query('SELECT ruleset, ruleset_version FROM conference WHERE id = $1', [
      conferenceId,
    ]);
    return rows.length ? { ruleset: rows[0].ruleset, version: Number(rows[0].ruleset_version) } : null;
  }

  /** Puts a new ruleset in force as the next version, keeping every earlier one with who, when and why. */
  async saveRulesetVersion(
    manager: EntityManager,
    conferenceId: string,
    v: RulesetVersionRow,
  ): Promise<void> {
    const json = JSON.stringify(v.ruleset);
    await manager.query(
      'INSERT INTO ruleset_version (conference_id, version, ruleset, changed_by, changed_at, reason) VALUES ($1, $2, $3, $4, $5, $6)',
      [conferenceId, v.version, json, v.changedBy, v.changedAt, v.reason],
    );
    await manager.query(
      'UPDATE conference SET ruleset = $2, ruleset_version = $3, updated_at = now() WHERE id = $1',
      [conferenceId, json, v.version],
    );
  }

  async rulesetVersions(manager: EntityManager, conferenceId: string): Promise<RulesetVersionRow[]> {
    const rows = await manager.query(
      'SELECT version, ruleset, changed_by, changed_at, reason FROM ruleset_version WHERE conference_id = $1 ORDER BY version',
      [conferenceId],
    );
    return rows.map((r: any) => ({
      version: Number(r.version),
      ruleset: r.ruleset,
      changedBy: r.changed_by,
      changedAt: new Date(r.changed_at),
      reason: r.reason,
    }));
  }

  async listSections(manager: EntityManager, conferenceId: string): Promise<SectionRow[]> {
    const rows = await manager.query(
      `SELECT s.id, s.conference_id, s.name, s.owning_body_id, b.name AS owning_body_name, s.position
         FROM section s LEFT JOIN body b ON b.id = s.owning_body_id
        WHERE s.conference_id = $1 ORDER BY s.position`,
      [conferenceId],
    );
    return rows.map(toSection);
  }

  async findSection(
    manager: EntityManager,
    conferenceId: string,
    sectionId: string,
  ): Promise<SectionRow | null> {
    const rows = await manager.query(
      `SELECT s.id, s.conference_id, s.name, s.owning_body_id, b.name AS owning_body_name, s.position
         FROM section s LEFT JOIN body b ON b.id = s.owning_body_id
        WHERE s.conference_id = $1 AND s.id = $2`,
      [conferenceId, sectionId],
    );
    return rows.length ? toSection(rows[0]) : null;
  }

  async sectionNameTaken(
    manager: EntityManager,
    conferenceId: string,
    name: string,
    exceptId?: string,
  ): Promise<boolean> {
    const rows = await manager.query(
      'SELECT 1 FROM section WHERE conference_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
      [conferenceId, name, exceptId ?? null],
    );
    return rows.length > 0;
  }

  /** A new section goes last in the order. */
  async insertSection(
    manager: EntityManager,
    conferenceId: string,
    name: string,
    owningBodyId: string | null,
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO section (conference_id, name, owning_body_id, position)
       VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM section WHERE conference_id = $1)) RETURNING id`,
      [conferenceId, name, owningBodyId],
    );
    return row.id;
  }

  async updateSection(
    manager: EntityManager,
    sectionId: string,
    fields: { name?: string; owningBodyId?: string | null },
  ): Promise<void> {
    if (fields.name !== undefined)
      await manager.query('UPDATE section SET name = $2 WHERE id = $1', [sectionId, fields.name]);
    if (fields.owningBodyId !== undefined)
      await manager.query('UPDATE section SET owning_body_id = $2 WHERE id = $1', [
        sectionId,
        fields.owningBodyId,
      ]);
  }

  async deleteSection(manager: EntityManager, sectionId: string): Promise<void> {
    await manager.query('DELETE FROM section WHERE id = $1', [sectionId]);
  }

  /** Positions 1..n in the given order; the unique (conference, position) constraint is checked at commit. */
  /** Whether the SOC has published the order of business (its section order is then the published one). */
  async agendaPublished(manager: EntityManager, conferenceId: string): Promise<boolean> {
    const rows = await manager.query('SELECT 1 FROM motion_agenda WHERE conference_id = $1', [conferenceId]);
    return rows.length > 0;
  }

  async setSectionOrder(manager: EntityManager, conferenceId: string, orderedIds: string[]): Promise<void> {
    if (orderedIds.length === 0) return;
    await manager.query(
      `UPDATE section s SET position = o.ord FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ord)
        WHERE s.id = o.id AND s.conference_id = $1`,
      [conferenceId, orderedIds],
    );
  }

  async findBody(
    manager: EntityManager,
    bodyId: string,
  ): Promise<{ id: string; kind: string; name: string } | null> {
    const rows = await manager.query('SELECT id, kind, name FROM body WHERE id = $1', [bodyId]);
    return rows[0] ?? null;
  }

  async memberExists(manager: EntityManager, memberId: string): Promise<boolean> {
    return (await manager.query('SELECT 1 FROM member WHERE id = $1', [memberId])).length > 0;
  }

  async listRoles(manager: EntityManager, conferenceId: string): Promise<RoleAssignmentRow[]> {
    const rows = await manager.query(
      `SELECT r.account_id, a.email, a.name, r.role FROM role_assignment r JOIN account a ON a.id = r.account_id
        WHERE r.conference_id = $1 ORDER BY r.role, lower(a.email)`,
      [conferenceId],
    );
    return rows.map((r: any) => ({ accountId: r.account_id, email: r.email, name: r.name, role: r.role }));
  }

  /** True when the role was new; false when the account already held it. */
  async assignRole(
    manager: EntityManager,
    conferenceId: string,
    accountId: string,
    role: ConferenceRole,
  ): Promise<boolean> {
    const rows = await manager.query(
      'INSERT INTO role_assignment (account_id, conference_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING account_id',
      [accountId, conferenceId, role],
    );
    return rows.length > 0;
  }

  async removeRole(
    manager: EntityManager,
    conferenceId: string,
    accountId: string,
    role: ConferenceRole,
  ): Promise<boolean> {
    const result = await manager.query(
      'DELETE FROM role_assignment WHERE account_id = $1 AND conference_id = $2 AND role = $3 RETURNING account_id',
      [accountId, conferenceId, role],
    );
    return rowsOf(result).length > 0;
  }
}

function toSetup(r: any): ConferenceSetupRow {
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
  return {
    id: r.id,
    name: r.name,
    timeZone: r.time_zone,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    motionsDeadline: date(r.motions_deadline),
    amendmentsDeadline: date(r.amendments_deadline),
    emergencyDeadline: date(r.emergency_deadline),
    acceptsConstitutionalAmendments: r.accepts_constitutional_amendments,
    rulesetVersion: Number(r.ruleset_version),
    openedAt: date(r.opened_at),
  };
}

function toSection(r: any): SectionRow {
  return {
    id: r.id,
    conferenceId: r.conference_id,
    name: r.name,
    owningBodyId: r.owning_body_id,
    owningBodyName: r.owning_body_name,
    position: Number(r.position),
  };
}
