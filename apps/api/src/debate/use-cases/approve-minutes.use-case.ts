import { Injectable } from '@nestjs/common';
import { approveMinutes, foldDebate, NotFound, openItemOf, Principal } from '@agm/domain';
import type { MinutesApproveDto, MinutesStatusResponseDto } from '@agm/contracts';
import { DebateLogRepository, MinutesRepository } from '@agm/persistence/debate';
import { actorOf } from '../../auth/actor';
import { assertCan } from '../../auth/access-control';
import { Transactions } from '../../events/transactions';
import { minutesStatusOf } from '../debate.queries';

/**
 * Records that the next meeting (or the NEC) approved the minutes as a correct record (issue 19 item 7).
 * Head office or the conference's administrators record it, as the union's secretary would sign them.
 * Under the conference lock, so the last entry the approved minutes hold is the log's last one now.
 */
@Injectable()
export class ApproveMinutes {
  constructor(
    private readonly transactions: Transactions,
    private readonly log: DebateLogRepository,
    private readonly records: MinutesRepository,
  ) {}

  execute(principal: Principal, conferenceId: string, dto: MinutesApproveDto): Promise<MinutesStatusResponseDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const lastSeq = await this.log.lockConference(manager, conferenceId);
      const rows: Array<{ time_zone: string; ends_on: string }> = await manager.query(
        `SELECT time_zone, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM conference WHERE id = $1`,
        [conferenceId],
      );
      if (lastSeq === null || rows.length === 0) throw new NotFound('No such conference, or it is not yours to see.');
      const debate = await this.log.events(manager, conferenceId);
      const open = openItemOf(foldDebate(debate.map((e) => e.event)));
      const openTitle = open
        ? ((await this.log.motions(manager, conferenceId, [open.motionId])).get(open.motionId)?.title ?? 'an item')
        : null;
      const votes = await this.records.voteEvents(manager, conferenceId);
      const approval = approveMinutes(dto, {
        existing: await this.records.approval(manager, conferenceId),
        conference: { timeZone: rows[0].time_zone, endsOn: rows[0].ends_on },
        lastSeq,
        entries: debate.length + votes.length,
        openItem: openTitle,
        actorId: actorOf(principal),
        now,
      });
      await this.records.insertApproval(manager, conferenceId, approval);
      record({
        conferenceId,
        type: 'minutes.approved',
        payload: {
          approvedBy: approval.approvedBy,
          meeting: approval.meeting,
          meetingOn: approval.meetingOn,
          how: approval.how,
          corrections: approval.corrections,
          throughSeq: approval.throughSeq,
        },
        audience: 'public',
        actorId: approval.recordedBy,
      });
      const names = await this.log.names(manager, [approval.recordedBy]);
      return minutesStatusOf(approval, names, rows[0].time_zone);
    });
  }
}
