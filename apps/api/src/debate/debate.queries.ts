import { Injectable } from '@nestjs/common';
import { can, foldDebate, NotFound, openItemOf, Principal, suggestNextSpeaker } from '@agm/domain';
import type { DebateSnapshotResponseDto } from '@agm/contracts';
import { DebateLogRepository, LoggedDebateEvent } from '@agm/persistence/debate';
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
import { minutesModel, MinutesModel } from './minutes.renderer';
import { questionVoteOf } from './question-vote';

/** The chair's snapshot also shows the vote on the question put (`questionVote`: its id, state and declared outcome). */
export type DebateSnapshot = DebateSnapshotResponseDto;

/** Reads of the debate: the snapshot each audience may see, and the minutes. Both fold the log afresh. */
@Injectable()
export class DebateQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly log: DebateLogRepository,
    private readonly votes: VoteRepository,
  ) {}

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
        const questionVote = open
          ? questionVoteOf(await this.votes.list(manager, conferenceId), open.motionId, open.questionPut)
          : null;
        return { ...base, view: 'chair' as const, queue: queueView(state, suggestion, inputs), questionVote };
      }
      if (principal.memberId)
        return { ...base, view: 'member' as const, myRequests: myRequestsView(state, principal.memberId) };
      return { ...base, view: 'viewer' as const };
    });
  }

  /** The minutes: every command and ruling from the log, with actor and time (rendered as HTML or PDF). */
  async minutes(principal: Principal, conferenceId: string): Promise<MinutesModel> {
    assertCan(principal, 'conference.view', { conferenceId });
    const manager = this.transactions.manager;
    const rows: Array<{ name: string; time_zone: string }> = await manager.query(
      'SELECT name, time_zone FROM conference WHERE id = $1',
      [conferenceId],
    );
    if (rows.length === 0) throw new NotFound(`No conference ${conferenceId}.`);
    let events: LoggedDebateEvent[] = await this.log.events(manager, conferenceId);
    // The live queue is the chair's: others see the proceedings without the requests waiting to speak.
    const full =
      can(principal, 'debate.chair', { conferenceId }) ||
      can(principal, 'conference.manage', { conferenceId });
    if (!full)
      events = events.filter(
        (e) => e.event.type !== 'speak_requested' && e.event.type !== 'request_withdrawn',
      );
    const memberIds = events.flatMap((e) => memberIdsOf(e.event as unknown as Record<string, unknown>));
    const unconfirmedCounts = await this.log.unconfirmedCountDeclarations(manager, conferenceId);
    const names = await this.log.names(manager, [
      ...memberIds,
      ...events.map((e) => e.actorId ?? ''),
      ...unconfirmedCounts.map((d) => d.actorId ?? ''),
    ]);
    const motionIds = events.flatMap((e) => {
      const p = e.event as unknown as Record<string, unknown>;
      return [p.motionId, p.amendmentId, ...(Array.isArray(p.itemIds) ? p.itemIds : [])].filter(
        (x): x is string => typeof x === 'string',
      );
    });
    const motions = await this.log.motions(manager, conferenceId, [...new Set(motionIds)]);
    return minutesModel({
      conferenceName: rows[0].name,
      timeZone: rows[0].time_zone,
      events,
      names,
      motions,
      generatedAt: new Date(),
      unconfirmedCounts,
    });
  }
}

function memberIdsOf(payload: Record<string, unknown>): string[] {
  return ['memberId', 'moverMemberId', 'seconderMemberId']
    .map((k) => payload[k])
    .filter((v): v is string => typeof v === 'string');
}
