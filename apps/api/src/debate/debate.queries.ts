import { Injectable } from '@nestjs/common';
import {
  can,
  foldDebate,
  MINUTES_APPROVER_WORDS,
  MinutesApproval,
  NotFound,
  openItemOf,
  openReportOf,
  Principal,
  ReportBusiness,
  suggestNextSpeaker,
} from '@agm/domain';
import type { EntityManager } from 'typeorm';
import type { DebateSnapshotResponseDto, MinutesStatusResponseDto, ReportResponseDto } from '@agm/contracts';
import { DebateLogRepository, LoggedDebateEvent, MinutesRepository, ReportRepository, ReportRow } from '@agm/persistence/debate';
import { VoteRepository } from '@agm/persistence/voting';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';
import {
  floorView,
  memberIdsFor,
  motionIdsFor,
  myRequestsView,
  queueView,
  spokenAtThisAgm,
} from './debate.views';
import {
  calendarDateWords,
  minutesModel,
  MinutesModel,
  minutesStatusText,
  minutesTimeFormat,
} from './minutes.renderer';
import { questionVoteOf, referenceBackVoteOf } from './question-vote';

/** The chair's snapshot also shows the vote on the question put (`questionVote`: its id, state and declared outcome). */
export type DebateSnapshot = DebateSnapshotResponseDto;

/** Reads of the debate: the snapshot each audience may see, and the minutes. Both fold the log afresh. */
@Injectable()
export class DebateQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly log: DebateLogRepository,
    private readonly votes: VoteRepository,
    private readonly minutesRecords: MinutesRepository,
    private readonly reportRecords: ReportRepository,
  ) {}

  /** The reports on the order of business, each with what the meeting has done with it so far. */
  async reports(principal: Principal, conferenceId: string): Promise<ReportResponseDto[]> {
    assertCan(principal, 'conference.view', { conferenceId });
    return this.transactions.manager.transaction('REPEATABLE READ', async (manager) => {
      const state = foldDebate((await this.log.events(manager, conferenceId)).map((e) => e.event));
      const rows = await this.reportRecords.list(manager, conferenceId);
      const movers = rows.map((r) => state.reports?.[r.id]?.pending?.memberId ?? '').filter(Boolean);
      const names = await this.log.names(manager, movers);
      return rows.map((row) => reportView(row, state.reports?.[row.id], names));
    });
  }

  async snapshot(principal: Principal, conferenceId: string): Promise<DebateSnapshot> {
    assertCan(principal, 'conference.watch', { conferenceId });
    // One read-only transaction so the log and presence are read at one point in time.
    return this.transactions.manager.transaction('REPEATABLE READ', async (manager) => {
      const state = foldDebate((await this.log.events(manager, conferenceId)).map((e) => e.event));
      const present = await this.log.presentAttendance(manager, conferenceId);
      const attendanceOf = (id: string) => present.get(id) ?? null;
      const isChair = can(principal, 'debate.chair', { conferenceId });
      const suggestion = isChair
        ? suggestNextSpeaker(state, { spokenAtThisAgm: spokenAtThisAgm(state), attendanceOf })
        : null;
      const motions = await this.log.motions(manager, conferenceId, motionIdsFor(state));
      const names = await this.log.names(manager, memberIdsFor(state, suggestion));
      const inputs = { motions, names, attendanceOf };
      const base = {
        conferenceId,
        version: state.version,
        serverTime: new Date().toISOString(),
        floor: floorView(state, inputs),
      };
      if (isChair) {
        const open = openItemOf(state);
        const report = openReportOf(state);
        // The vote on the question put, or on the reference back put while a report is taken.
        const questionVote = open
          ? questionVoteOf(await this.votes.list(manager, conferenceId), open.motionId, open.questionPut)
          : report?.pending?.put
            ? referenceBackVoteOf(await this.votes.list(manager, conferenceId), report.reportId, report.pending.referenceId)
            : null;
        return { ...base, view: 'chair' as const, queue: queueView(state, suggestion, inputs), questionVote };
      }
      if (principal.memberId)
        return { ...base, view: 'member' as const, myRequests: myRequestsView(state, principal.memberId) };
      return { ...base, view: 'viewer' as const };
    });
  }

  /**
   * The minutes: every command, ruling and vote from the log, with actor and time (rendered as HTML or
   * PDF). Approved minutes hold only the entries logged up to the approval: the record does not move.
   */
  async minutes(principal: Principal, conferenceId: string): Promise<MinutesModel> {
    assertCan(principal, 'conference.view', { conferenceId });
    return this.transactions.manager.transaction('REPEATABLE READ', async (manager) => {
      const conference = await this.conference(manager, conferenceId);
      const approval = await this.minutesRecords.approval(manager, conferenceId);
      const upTo = <T extends { seq: number }>(rows: T[]) =>
        approval ? rows.filter((r) => r.seq <= approval.throughSeq) : rows;
      let events: LoggedDebateEvent[] = upTo(await this.log.events(manager, conferenceId));
      // The live queue is the chair's: others see the proceedings without the requests waiting to speak.
      const full =
        can(principal, 'debate.chair', { conferenceId }) ||
        can(principal, 'conference.manage', { conferenceId });
      if (!full)
        events = events.filter(
          (e) => e.event.type !== 'speak_requested' && e.event.type !== 'request_withdrawn',
        );
      const votes = upTo(await this.minutesRecords.voteEvents(manager, conferenceId));
      const memberIds = events.flatMap((e) => memberIdsOf(e.event as unknown as Record<string, unknown>));
      const names = await this.log.names(manager, [
        ...memberIds,
        ...events.map((e) => e.actorId ?? ''),
        ...votes.map((v) => v.actorId ?? ''),
        approval?.recordedBy ?? '',
      ]);
      const motionIds = events.flatMap((e) => {
        const p = e.event as unknown as Record<string, unknown>;
        return [p.motionId, p.amendmentId, ...(Array.isArray(p.itemIds) ? p.itemIds : [])].filter(
          (x): x is string => typeof x === 'string',
        );
      });
      const motions = await this.log.motions(manager, conferenceId, [...new Set(motionIds)]);
      return minutesModel({
        conferenceName: conference.name,
        timeZone: conference.timeZone,
        events,
        votes,
        names,
        motions,
        generatedAt: new Date(),
        approval,
      });
    });
  }

  /** Whether the minutes are a draft or approved, with the approval in words (the set-up screen's card). */
  async minutesStatus(principal: Principal, conferenceId: string): Promise<MinutesStatusResponseDto> {
    assertCan(principal, 'conference.view', { conferenceId });
    const manager = this.transactions.manager;
    const conference = await this.conference(manager, conferenceId);
    const approval = await this.minutesRecords.approval(manager, conferenceId);
    return minutesStatusOf(approval, await this.log.names(manager, [approval?.recordedBy ?? '']), conference.timeZone);
  }

  private async conference(manager: EntityManager, conferenceId: string) {
    const rows: Array<{ name: string; time_zone: string }> = await manager.query(
      'SELECT name, time_zone FROM conference WHERE id = $1',
      [conferenceId],
    );
    if (rows.length === 0) throw new NotFound('No such conference, or it is not yours to see.');
    return { name: rows[0].name, timeZone: rows[0].time_zone };
  }
}

/** The approval as the api answers it: every part in words, the codes beside them for programs. */
export function minutesStatusOf(
  approval: MinutesApproval | null,
  names: Map<string, string>,
  timeZone: string,
): MinutesStatusResponseDto {
  const recordedBy = approval ? (names.get(approval.recordedBy) ?? 'a former official') : '';
  return {
    state: approval ? 'approved' : 'draft',
    statusText: minutesStatusText(approval, recordedBy, timeZone),
    approval: approval && {
      approvedBy: approval.approvedBy,
      approvedByText: MINUTES_APPROVER_WORDS[approval.approvedBy],
      meeting: approval.meeting,
      meetingOn: approval.meetingOn,
      meetingOnText: calendarDateWords(approval.meetingOn),
      how: approval.how,
      corrections: approval.corrections,
      recordedBy,
      recordedAt: approval.recordedAt.toISOString(),
      recordedAtText: `${minutesTimeFormat(timeZone).format(approval.recordedAt)} (${timeZone})`,
    },
  };
}

function memberIdsOf(payload: Record<string, unknown>): string[] {
  return ['memberId', 'moverMemberId', 'seconderMemberId']
    .map((k) => payload[k])
    .filter((v): v is string => typeof v === 'string');
}

/** A report as the order of business and the chair's console show it: its state in words. */
function reportView(row: ReportRow, business: ReportBusiness | undefined, names: Map<string, string>): ReportResponseDto {
  const referredBack = row.sections.filter((s) => business?.referredBack.includes(s.key));
  const pending = business?.pending ?? null;
  const sectionWords = (sections: typeof referredBack) =>
    sections.map((s) => `section ${s.key} (${s.title})`).join(', ');
  const status = !business ? 'to_come' : business.status === 'received' ? 'received' : 'being_taken';
  const statusText =
    status === 'to_come'
      ? 'To come.'
      : status === 'being_taken'
        ? `Being taken${referredBack.length ? `; referred back so far: ${sectionWords(referredBack)}` : ''}.`
        : referredBack.length
          ? `Received, except ${sectionWords(referredBack)}, referred back.`
          : 'Received.';
  return {
    id: row.id,
    title: row.title,
    sections: row.sections,
    status,
    statusText,
    referredBack,
    pending: pending
      ? {
          sectionKey: pending.sectionKey,
          sectionTitle: row.sections.find((s) => s.key === pending.sectionKey)?.title ?? pending.sectionKey,
          moverName: names.get(pending.memberId) ?? null,
          put: pending.put,
        }
      : null,
    version: row.version,
  };
}
