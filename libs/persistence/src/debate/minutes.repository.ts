import { EntityManager } from 'typeorm';
import type { MinutesApproval, MinutesApprover } from '@agm/domain';

/** The vote entries of the conference log the minutes print beside the debate's. */
export const MINUTES_VOTE_LOG_TYPES = [
  'vote.opened',
  'vote.closed',
  'vote.result',
  'vote.voided',
  'vote.casting_vote',
] as const;
export type MinutesVoteLogType = (typeof MINUTES_VOTE_LOG_TYPES)[number];

/** One vote entry of the log, its payload as the voting feature recorded it. */
export interface LoggedVoteEvent {
  seq: number;
  type: MinutesVoteLogType;
  payload: Record<string, unknown>;
  actorId: string | null;
  at: string;
}

/** The minutes' own records: the approval, and the vote entries of the log. */
export class MinutesRepository {
  async voteEvents(manager: EntityManager, conferenceId: string): Promise<LoggedVoteEvent[]> {
    const rows: Array<{ seq: string; type: MinutesVoteLogType; payload: Record<string, unknown>; actor_id: string | null; at: Date }> =
      await manager.query(
        `SELECT seq, type, payload, actor_id, at FROM conference_event
          WHERE conference_id = $1 AND type = ANY($2) ORDER BY seq`,
        [conferenceId, MINUTES_VOTE_LOG_TYPES],
      );
    return rows.map((r) => ({
      seq: Number(r.seq),
      type: r.type,
      payload: r.payload,
      actorId: r.actor_id,
      at: new Date(r.at).toISOString(),
    }));
  }

  async approval(manager: EntityManager, conferenceId: string): Promise<MinutesApproval | null> {
    const rows: Array<{
      approved_by: MinutesApprover;
      meeting: string;
      meeting_on: string;
      how: string;
      corrections: string | null;
      through_seq: string;
      recorded_by: string;
      recorded_at: Date;
    }> = await manager.query(
      `SELECT approved_by, meeting, to_char(meeting_on, 'YYYY-MM-DD') AS meeting_on, how, corrections,
              through_seq, recorded_by, recorded_at
         FROM minutes_approval WHERE conference_id = $1`,
      [conferenceId],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      approvedBy: r.approved_by,
      meeting: r.meeting,
      meetingOn: r.meeting_on,
      how: r.how,
      corrections: r.corrections,
      throughSeq: Number(r.through_seq),
      recordedBy: r.recorded_by,
      recordedAt: new Date(r.recorded_at),
    };
  }

  async insertApproval(manager: EntityManager, conferenceId: string, a: MinutesApproval): Promise<void> {
    await manager.query(
      `INSERT INTO minutes_approval (conference_id, approved_by, meeting, meeting_on, how, corrections, through_seq, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [conferenceId, a.approvedBy, a.meeting, a.meetingOn, a.how, a.corrections, a.throughSeq, a.recordedBy, a.recordedAt],
    );
  }
}
