import { EntityManager } from 'typeorm';
import type { GroupDeclaration, NominationStatus, PostForRules } from '@agm/domain';
import { ElectionPostEntity, NominationEntity } from '../entities/election-post.entity';

export interface PostRow extends PostForRules {
  id: string;
  conferenceId: string;
  resultSummary: string | null;
  createdAt: Date;
}

export type NewPost = Omit<PostRow, 'id' | 'createdAt' | 'closedAt' | 'outcome' | 'resultSummary'>;

export interface NominationRow {
  id: string;
  postId: string;
  candidateMemberId: string;
  candidateName: string;
  nominatingBodyId: string;
  nominatingBodyName: string;
  nominatedAt: Date;
  status: NominationStatus;
  statement: string | null;
  declaration: GroupDeclaration | null;
  acceptedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
}

/** What the rules need to know of a member who is nominated: their category and the bodies they belong to. */
export interface CandidateRow {
  id: string;
  name: string;
  category: string;
  bodyIds: string[];
}

const NOMINATION_SELECT = `SELECT n.id, n.post_id, n.candidate_member_id, m.name AS candidate_name, n.nominating_body_id, b.name AS nominating_body_name,
  n.nominated_at, n.status, n.statement, n.declared_groups, n.declaration_public, n.accepted_at, n.withdrawn_at, n.withdrawal_reason
  FROM nomination n JOIN member m ON m.id = n.candidate_member_id JOIN body b ON b.id = n.nominating_body_id`;

/** Election posts and their nominations. */
export class ElectionPostRepository {
  async insertPost(manager: EntityManager, post: NewPost): Promise<PostRow> {
    const saved = await manager.getRepository(ElectionPostEntity).save(
      manager.create(ElectionPostEntity, {
        ...post,
        eligibleCategories: [...post.eligibleCategories],
        eligibleBodyIds: [...post.eligibleBodyIds],
        nominatingBodyIds: [...post.nominatingBodyIds],
        reservedSeats: post.reservedSeats.map((r) => ({ ...r })),
      }),
    );
    // Read back, so the defaults the database filled in (closed_at, outcome) come as they are stored.
    return toPost(await manager.getRepository(ElectionPostEntity).findOneByOrFail({ id: saved.id }));
  }

  async titleTaken(manager: EntityManager, conferenceId: string, title: string): Promise<boolean> {
    const rows = await manager.query(
      'SELECT 1 FROM election_post WHERE conference_id = $1 AND lower(title) = lower($2)',
      [conferenceId, title],
    );
    return rows.length > 0;
  }

  /** The post, locked for the rest of the transaction when `lock` (nominations and the close queue behind one another). */
  async findPost(
    manager: EntityManager,
    conferenceId: string,
    postId: string,
    lock = false,
  ): Promise<PostRow | null> {
    const found = await manager.getRepository(ElectionPostEntity).findOne({
      where: { conferenceId, id: postId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return found ? toPost(found) : null;
  }

  async postsOf(manager: EntityManager, conferenceId: string): Promise<PostRow[]> {
    const rows = await manager
      .getRepository(ElectionPostEntity)
      .find({ where: { conferenceId }, order: { createdAt: 'ASC', title: 'ASC' } });
    return rows.map(toPost);
  }

  async recordClose(
    manager: EntityManager,
    postId: string,
    closedAt: Date,
    outcome: 'uncontested' | 'ballot',
    summary: string,
  ): Promise<void> {
    await manager.query(
      'UPDATE election_post SET closed_at = $2, outcome = $3, result_summary = $4 WHERE id = $1',
      [postId, closedAt, outcome, summary],
    );
  }

  /** The result of the post's ballot, in one line, once it is counted. */
  async recordBallotResult(manager: EntityManager, postId: string, summary: string): Promise<void> {
    await manager.query('UPDATE election_post SET result_summary = $2 WHERE id = $1', [postId, summary]);
  }

  async nominationsOf(manager: EntityManager, postIds: string[]): Promise<NominationRow[]> {
    const rows = await manager.query(
      `${NOMINATION_SELECT} WHERE n.post_id = ANY($1) ORDER BY n.nominated_at, m.name`,
      [postIds],
    );
    return rows.map(toNomination);
  }

  async findNomination(
    manager: EntityManager,
    postId: string,
    nominationId: string,
  ): Promise<NominationRow | null> {
    const rows = await manager.query(`${NOMINATION_SELECT} WHERE n.post_id = $1 AND n.id = $2`, [
      postId,
      nominationId,
    ]);
    return rows.length ? toNomination(rows[0]) : null;
  }

  async insertNomination(
    manager: EntityManager,
    nomination: {
      postId: string;
      candidateMemberId: string;
      nominatingBodyId: string;
      nominatedBy: string;
      at: Date;
    },
  ): Promise<string> {
    const saved = await manager.getRepository(NominationEntity).save(
      manager.create(NominationEntity, {
        postId: nomination.postId,
        candidateMemberId: nomination.candidateMemberId,
        nominatingBodyId: nomination.nominatingBodyId,
        nominatedBy: nomination.nominatedBy,
        nominatedAt: nomination.at,
      }),
    );
    return saved.id;
  }

  async recordAcceptance(
    manager: EntityManager,
    nominationId: string,
    acceptance: { statement: string; declaration: GroupDeclaration | null; at: Date; recordedBy: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE nomination SET status = 'accepted', statement = $2, declared_groups = $3, declaration_public = $4, accepted_at = $5, acceptance_recorded_by = $6 WHERE id = $1`,
      [
        nominationId,
        acceptance.statement,
        acceptance.declaration?.groups ?? null,
        acceptance.declaration?.showPublicly ?? null,
        acceptance.at,
        acceptance.recordedBy,
      ],
    );
  }

  async recordWithdrawal(
    manager: EntityManager,
    nominationId: string,
    at: Date,
    reason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE nomination SET status = 'withdrawn', withdrawn_at = $2, withdrawal_reason = $3 WHERE id = $1`,
      [nominationId, at, reason],
    );
  }

  /** A member with their category and every body they belong to: their branch and the bodies they hold office in. */
  async candidate(manager: EntityManager, memberId: string): Promise<CandidateRow | null> {
    const rows = await manager.query(
      `SELECT m.id, m.name, m.category,
              array_remove(array_cat(ARRAY[m.branch_id], COALESCE(array_agg(o.body_id) FILTER (WHERE o.body_id IS NOT NULL), '{}')), NULL) AS body_ids
         FROM member m LEFT JOIN body_officer o ON o.member_id = m.id WHERE m.id = $1 GROUP BY m.id`,
      [memberId],
    );
    if (!rows.length) return null;
    return {
      id: rows[0].id,
      name: rows[0].name,
      category: rows[0].category,
      bodyIds: rows[0].body_ids ?? [],
    };
  }

  /** Body names by id, for the refusals and the public list; unknown ids are left out. */
  async bodyNames(manager: EntityManager, bodyIds: string[]): Promise<Map<string, string>> {
    if (bodyIds.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await manager.query(
      'SELECT id, name FROM body WHERE id = ANY($1)',
      [bodyIds],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

function toPost(entity: ElectionPostEntity): PostRow {
  return {
    id: entity.id,
    conferenceId: entity.conferenceId,
    title: entity.title,
    seats: entity.seats,
    method: entity.method,
    eligibleCategories: entity.eligibleCategories ?? [],
    eligibleBodyIds: entity.eligibleBodyIds ?? [],
    nominatingBodyIds: entity.nominatingBodyIds ?? [],
    nominationsOpenAt: new Date(entity.nominationsOpenAt),
    nominationsCloseAt: new Date(entity.nominationsCloseAt),
    statementWordLimit: entity.statementWordLimit,
    reservedSeats: entity.reservedSeats ?? [],
    closedAt: entity.closedAt ? new Date(entity.closedAt) : null,
    outcome: entity.outcome ?? null,
    resultSummary: entity.resultSummary ?? null,
    createdAt: new Date(entity.createdAt),
  };
}

function toNomination(row: Record<string, any>): NominationRow {
  return {
    id: row.id,
    postId: row.post_id,
    candidateMemberId: row.candidate_member_id,
    candidateName: row.candidate_name,
    nominatingBodyId: row.nominating_body_id,
    nominatingBodyName: row.nominating_body_name,
    nominatedAt: new Date(row.nominated_at),
    status: row.status,
    statement: row.statement ?? null,
    declaration: row.declared_groups
      ? { groups: row.declared_groups, showPublicly: row.declaration_public }
      : null,
    acceptedAt: row.accepted_at ? new Date(row.accepted_at) : null,
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at) : null,
    withdrawalReason: row.withdrawal_reason ?? null,
  };
}
