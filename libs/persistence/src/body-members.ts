import { EntityManager } from 'typeorm';

/**
 * Of the (body, member) pairs given, those where the member belongs to the body — a branch's member
 * (`member.branch_id`) or an officer of the body (`body_officer`) — as `bodyId:memberId` keys. The one
 * reading of "a body's own members": a card vote's card holders and a motion's proposer and seconder,
 * the same people `GET /membership/bodies/:id/members` lists.
 */
export async function bodyMembersAmong(manager: EntityManager, pairs: Array<{ bodyId: string; memberId: string }>): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows: Array<{ body_id: string; member_id: string }> = await manager.query(
    `SELECT p.body_id, p.member_id
       FROM unnest($1::uuid[], $2::uuid[]) AS p(body_id, member_id)
      WHERE EXISTS (SELECT 1 FROM member m WHERE m.id = p.member_id AND m.branch_id = p.body_id)
         OR EXISTS (SELECT 1 FROM body_officer o WHERE o.member_id = p.member_id AND o.body_id = p.body_id)`,
    [pairs.map((p) => p.bodyId), pairs.map((p) => p.memberId)],
  );
  return new Set(rows.map((row) => `${row.body_id}:${row.member_id}`));
}
