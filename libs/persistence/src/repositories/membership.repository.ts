import { EntityManager } from 'typeorm';

export interface MemberFields {
  membershipNumber: string;
  name: string;
  email: string;
  category: string;
  branchCode: string;
}

export interface MemberRecord {
  id: string;
  membershipNumber: string;
  name: string;
  email: string;
  category: string;
  branchCode: string | null;
  createdAt: Date;
}

export interface BodyMemberRecord {
  id: string;
  membershipNumber: string;
  name: string;
}

export interface BodyFields {
  code: string;
  kind: string;
  name: string;
  region: string | null;
  membershipCount: number;
}

export interface BodyRecord extends BodyFields {
  id: string;
}

export interface OfficerFields {
  bodyCode: string;
  membershipNumber: string;
  office: string;
}

export interface UpsertCounts {
  /** Rows that were new. */
  imported: number;
  /** Rows that were already there (same key) and were overwritten. */
  updated: number;
}

export interface MemberPage {
  items: MemberRecord[];
  total: number;
}

/** Rows per INSERT: 500 members are 2,500 parameters, well under PostgreSQL's 65,535. */
export const IMPORT_BATCH_SIZE = 500;

/**
 * The membership register's SQL: members, bodies, officers. Imports write in multi-row batches on the
 * caller's transaction, so a file is written whole or not at all. Re-importing upserts by key
 * (membership number, body code): head office sends the whole register again when it changes.
 */
export class MembershipRepository {
  async branchCodes(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ code: string }> = await manager.query(`SELECT code FROM body WHERE kind = 'branch'`);
    return rows.map((row) => row.code);
  }

  async bodyCodes(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ code: string }> = await manager.query('SELECT code FROM body');
    return rows.map((row) => row.code);
  }

  /** How many members of the register hold each category, by category code. */
  async categoryCounts(manager: EntityManager): Promise<Record<string, number>> {
    const rows: Array<{ category: string; count: string }> = await manager.query(
      'SELECT category, count(*) AS count FROM member GROUP BY category',
    );
    return Object.fromEntries(rows.map((row) => [row.category, Number(row.count)]));
  }

  async membershipNumbers(manager: EntityManager): Promise<string[]> {
    const rows: Array<{ membership_number: string }> = await manager.query(
      'SELECT membership_number FROM member',
    );
    return rows.map((row) => row.membership_number);
  }

  async countMembers(manager: EntityManager): Promise<number> {
    const rows: Array<{ count: string }> = await manager.query('SELECT count(*) AS count FROM member');
    return Number(rows[0].count);
  }

  /**
   * Inserts or updates members by membership number, `batchSize` rows per statement. `xmax = 0` tells a
   * freshly inserted row from one the ON CONFLICT branch updated. A branch code with no branch leaves
   * branch_id null only if the caller skipped validation; the use case checks codes first.
   */
  async upsertMembers(
    manager: EntityManager,
    members: readonly MemberFields[],
    onBatch?: (written: number) => void,
    batchSize = IMPORT_BATCH_SIZE,
  ): Promise<UpsertCounts> {
    const counts: UpsertCounts = { imported: 0, updated: 0 };
    for (let start = 0; start < members.length; start += batchSize) {
      const batch = members.slice(start, start + batchSize);
      const params: string[] = [];
      const tuples = batch.map((m) => {
        const at = params.push(m.membershipNumber, m.name, m.email, m.category, m.branchCode);
        return `($${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}, $${at})`;
      });
      const rows: Array<{ inserted: boolean }> = await manager.query(
        `INSERT INTO member (membership_number, name, email, category, branch_id)
         SELECT v.membership_number, v.name, v.email, v.category, b.id
           FROM (VALUES ${tuples.join(', ')}) AS v(membership_number, name, email, category, branch_code)
           LEFT JOIN body b ON b.code = v.branch_code AND b.kind = 'branch'
         ON CONFLICT (membership_number) DO UPDATE
           SET name = EXCLUDED.name, email = EXCLUDED.email, category = EXCLUDED.category, branch_id = EXCLUDED.branch_id
         RETURNING (xmax = 0) AS inserted`,
        params,
      );
      tally(rows, counts);
      onBatch?.(start + batch.length);
    }
    return counts;
  }

  async upsertBodies(
    manager: EntityManager,
    bodies: readonly BodyFields[],
    batchSize = IMPORT_BATCH_SIZE,
  ): Promise<UpsertCounts> {
    const counts: UpsertCounts = { imported: 0, updated: 0 };
    for (let start = 0; start < bodies.length; start += batchSize) {
      const batch = bodies.slice(start, start + batchSize);
      const params: Array<string | number | null> = [];
      const tuples = batch.map((b) => {
        const at = params.push(b.code, b.kind, b.name, b.region, b.membershipCount);
        return `($${at - 4}, $${at - 3}, $${at - 2}, $${at - 1}, $${at}::integer)`;
      });
      const rows: Array<{ inserted: boolean }> = await manager.query(
        `INSERT INTO body (code, kind, name, region, membership_count) VALUES ${tuples.join(', ')}
         ON CONFLICT (code) DO UPDATE
           SET kind = EXCLUDED.kind, name = EXCLUDED.name, region = EXCLUDED.region, membership_count = EXCLUDED.membership_count
         RETURNING (xmax = 0) AS inserted`,
        params,
      );
      tally(rows, counts);
    }
    return counts;
  }

  /**
   * Makes the officers of every body named in the file exactly the ones the file lists: the file is
   * that body's current list. Bodies the file does not name keep theirs. Answers how many appointments
   * are new, kept, and ended.
   */
  async replaceOfficers(
    manager: EntityManager,
    officers: readonly OfficerFields[],
  ): Promise<UpsertCounts & { removed: number }> {
    const bodyCodes = [...new Set(officers.map((o) => o.bodyCode))];
    const before: Array<{ key: string }> = await manager.query(
      `SELECT b.code || E'\\x1f' || m.membership_number || E'\\x1f' || o.office AS key
         FROM body_officer o JOIN body b ON b.id = o.body_id JOIN member m ON m.id = o.member_id
        WHERE b.code = ANY($1)`,
      [bodyCodes],
    );
    const existing = new Set(before.map((row) => row.key));
    const wanted = new Set(officers.map((o) => `${o.bodyCode}\x1f${o.membershipNumber}\x1f${o.office}`));
    await manager.query(
      'DELETE FROM body_officer WHERE body_id IN (SELECT id FROM body WHERE code = ANY($1))',
      [bodyCodes],
    );
    for (let start = 0; start < officers.length; start += IMPORT_BATCH_SIZE) {
      const batch = officers.slice(start, start + IMPORT_BATCH_SIZE);
      const params: string[] = [];
      const tuples = batch.map((o) => {
        const at = params.push(o.bodyCode, o.membershipNumber, o.office);
        return `($${at - 2}, $${at - 1}, $${at})`;
      });
      await manager.query(
        `INSERT INTO body_officer (body_id, member_id, office)
         SELECT b.id, m.id, v.office
           FROM (VALUES ${tuples.join(', ')}) AS v(body_code, membership_number, office)
           JOIN body b ON b.code = v.body_code
           JOIN member m ON m.membership_number = v.membership_number`,
        params,
      );
    }
    const kept = [...wanted].filter((key) => existing.has(key)).length;
    return { imported: wanted.size - kept, updated: kept, removed: existing.size - kept };
  }

  async findMembers(
    manager: EntityManager,
    query: { search?: string; limit: number; offset: number },
  ): Promise<MemberPage> {
    const params: unknown[] = [];
    let where = '';
    if (query.search?.trim()) {
      params.push(`%${query.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where = 'WHERE m.membership_number ILIKE $1 OR m.name ILIKE $1 OR m.email ILIKE $1';
    }
    const totalRows: Array<{ count: string }> = await manager.query(
      `SELECT count(*) AS count FROM member m ${where}`,
      params,
    );
    const rows: MemberRow[] = await manager.query(
      `SELECT m.id, m.membership_number, m.name, m.email, m.category, b.code AS branch_code, m.created_at
         FROM member m LEFT JOIN body b ON b.id = m.branch_id
         ${where}
        ORDER BY m.name, m.membership_number
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    return { total: Number(totalRows[0].count), items: rows.map(toMemberRecord) };
  }

  /**
   * The people a body's officer may name as proposer or seconder: a branch's members (the register
   * links members to branches only) and the body's own officers (the only members the register ties
   * to a network or committee). Name and membership number only: nothing else is needed to pick one.
   */
  async bodyMembers(manager: EntityManager, bodyId: string): Promise<BodyMemberRecord[]> {
    const rows: Array<{ id: string; membership_number: string; name: string }> = await manager.query(
      `SELECT m.id, m.membership_number, m.name FROM member m WHERE m.branch_id = $1
        UNION
       SELECT m.id, m.membership_number, m.name FROM body_officer o JOIN member m ON m.id = o.member_id WHERE o.body_id = $1
        ORDER BY name, membership_number`,
      [bodyId],
    );
    return rows.map((row) => ({ id: row.id, membershipNumber: row.membership_number, name: row.name }));
  }

  /** One member's name, number and category, by id or by membership number; null when none. */
  async memberCategory(
    manager: EntityManager,
    by: { id: string } | { membershipNumber: string },
  ): Promise<(BodyMemberRecord & { category: string }) | null> {
    const [row]: Array<{ id: string; membership_number: string; name: string; category: string }> = await manager.query(
      'id' in by
        ? 'SELECT id, membership_number, name, category FROM member WHERE id = $1'
        : 'SELECT id, membership_number, name, category FROM member WHERE membership_number = $1',
      ['id' in by ? by.id : by.membershipNumber],
    );
    return row ? { id: row.id, membershipNumber: row.membership_number, name: row.name, category: row.category } : null;
  }

  async listBodies(manager: EntityManager): Promise<BodyRecord[]> {
    const rows: Array<{
      id: string;
      code: string;
      kind: string;
      name: string;
      region: string | null;
      membership_count: number;
    }> = await manager.query(
      'SELECT id, code, kind, name, region, membership_count FROM body ORDER BY kind, name, code',
    );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      kind: row.kind,
      name: row.name,
      region: row.region,
      membershipCount: Number(row.membership_count),
    }));
  }
}

interface MemberRow {
  id: string;
  membership_number: string;
  name: string;
  email: string;
  category: string;
  branch_code: string | null;
  created_at: Date;
}

function toMemberRecord(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    membershipNumber: row.membership_number,
    name: row.name,
    email: row.email,
    category: row.category,
    branchCode: row.branch_code,
    createdAt: new Date(row.created_at),
  };
}

function tally(rows: Array<{ inserted: boolean | string }>, counts: UpsertCounts): void {
  for (const row of rows) {
    // node-postgres answers booleans; be tolerant of 't'/'f' from other drivers.
    if (row.inserted === true || row.inserted === 't') counts.imported += 1;
    else counts.updated += 1;
  }
}
