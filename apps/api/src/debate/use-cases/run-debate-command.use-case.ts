import { Injectable } from '@nestjs/common';
import {
  announcedCloseTime,
  can,
  Conflict,
  openReportOf,
  DebateCommand,
  openItemOf,
  QuestionVoteFigures,
  DebateContext,
  DebateEvent,
  DebateState,
  decide,
  foldDebate,
  Forbidden,
  InvalidInput,
  NotFound,
  Principal,
  StandingOrderViolation,
  suggestNextSpeaker,
} from '@agm/domain';
import { ATTENDEE_COMMAND_TYPES, DebateCommandDto, ErrorResponseDto, VoteOpenDto } from '@agm/contracts';
import { loadRuleset } from '@agm/persistence';
import { DebateLogRepository, logTypeOf, ReportRepository } from '@agm/persistence/debate';
import { VoteRepository } from '@agm/persistence/voting';
import type { EntityManager } from 'typeorm';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { toErrorResponse } from '../../common/error-response';
import { Transactions, UnitOfWork } from '../../events/transactions';
import { RecordMotionOutcome } from '../../motions/use-cases/record-outcome.use-case';
import { OpenVote } from '../../voting/use-cases/open-vote.use-case';
import { parseDebateCommand } from '../debate-command.parse';
import { motionStepsOf } from '../motion-projection';
import {
  assertAgreesWithVote,
  questionVoteOf,
  referenceBackVote,
  referenceBackVoteOf,
  voteForQuestion,
} from '../question-vote';
import {
  floorView,
  memberIdsFor,
  motionIdsFor,
  queueView,
  requestsByMember,
  spokenAtThisAgm,
  textAsAmended,
  ViewInputs,
} from '../debate.views';

export interface DebateCommandResult {
  version: number;
  events: DebateEvent[];
  /** When the chair put the question with vote options: the vote opened for it. */
  voteId?: string;
  /** ...or why it could not be opened (the question stays put; open it through the voting API). */
  voteError?: Omit<ErrorResponseDto, 'requestId'>;
}

/**
 * A motion is debated once it is on the order of business (`placed`: the published agenda, or an
 * emergency motion or late composite slotted by the SOC); the motion lifecycle goes placed → debated.
 */
const DEBATABLE = ['placed'];
/** An amendment is moved once ruled admissible (`admitted`); one not yet ruled, ruled out, withdrawn or composited is not. */
const MOVABLE_AMENDMENT = ['admitted', 'placed'];

/**
 * Runs one debate command, from the chair or from an attendee for themselves. In one transaction:
 * lock the conference's log, fold the debate's events, decide, append what the engine returned
 * (`debate.<type>`, the chair's audience: the proceedings log), then the views that changed —
 * `debate.floor` (public), `debate.queue` (chair) and `debate.queue_position` (each member whose place
 * changed). No cache: the fold is rebuilt on each command, so every instance decides on the log itself.
 */
@Injectable()
export class RunDebateCommand {
  constructor(
    private readonly transactions: Transactions,
    private readonly log: DebateLogRepository,
    private readonly openVote: OpenVote,
    private readonly motionOutcome: RecordMotionOutcome,
    private readonly votes: VoteRepository,
    private readonly reports: ReportRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, body: unknown): Promise<DebateCommandResult> {
    const dto = await parseDebateCommand(body);
    const forSelf = ATTENDEE_COMMAND_TYPES.includes(dto.type);
    // Chair commands need the chair; attendee commands act for the signed-in member, never one named in the body.
    // A steward may do one chair command: put a hall member without a device in the queue (issue 19).
    assertCan(principal, forSelf ? 'conference.view' : dto.type === 'addToQueue' ? 'debate.queue' : 'debate.chair', {
      conferenceId,
    });
    const memberId = forSelf ? principal.memberId : null;
    if (forSelf && !memberId)
      throw new Forbidden('Only a member attending the conference asks to speak or raises a point.');
    const actorId = actorOf(principal);

    const decided = await this.transactions.runFor(conferenceId, async (uow) => {
      const { manager, now } = uow;
      if ((await this.log.lockConference(manager, conferenceId)) === null)
        throw new NotFound('No such conference, or it is not yours to see.');
      const ruleset = await loadRuleset(manager, conferenceId);
      if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
      const before = foldDebate((await this.log.events(manager, conferenceId)).map((e) => e.event));
      const present = await this.log.presentAttendance(manager, conferenceId);
      // Names for the engine's refusals: everyone present, and everyone the debate has named (a mover who left).
      const names = await this.log.names(manager, [...present.keys(), ...memberIdsFor(before, null)]);
      const context: DebateContext = {
        attendanceOf: (id) => present.get(id) ?? null,
        spokenAtThisAgm: spokenAtThisAgm(before),
        questionVote: await this.questionVoteFigures(manager, conferenceId, before),
        nameOf: (id) => names.get(id),
        // Items and amendments by their label in refusals ("Motion 7 is still open"), never by id: the
        // ones the debate has touched and the ones the command names.
        titleOf: titlesOf(await this.log.motions(manager, conferenceId, itemIdsNamed(before, dto))),
      };
      const command = await this.toEngineCommand(
        manager,
        conferenceId,
        dto,
        memberId,
        context,
        principal,
        names,
        before,
      );
      await this.assertAgreesWithDeclaredVote(manager, conferenceId, before, dto);
      const voteOptions = (dto.type === 'putTheQuestion' || dto.type === 'putReferenceBack') && dto.vote ? dto.vote : null;
      // A close time already past is refused as POST /votes refuses it, before anything is decided.
      if (voteOptions) announcedCloseTime(voteOptions.closesAt, now, 'vote.closesAt');
      const events = decide(before, command, ruleset, now, context);
      // A card vote's holders are checked as POST /votes checks them, before the question is put: wrong
      // ones refuse the command (400), rather than leave the question put without its vote.
      if (voteOptions) await this.openVote.assertCardHolders(manager, conferenceId, voteOptions, 'vote.cardHolders');
      const after = foldDebate(events, before);
      for (const event of events)
        uow.record({
          conferenceId,
          type: logTypeOf(event),
          payload: { ...event },
          audience: 'chair',
          actorId,
        });
      // The motions' statuses follow the debate in this same transaction (a refusal there undoes the command).
      for (const step of motionStepsOf(events))
        await this.motionOutcome.apply(uow, { conferenceId, ...step, actorId });
      await this.recordViews(uow, conferenceId, before, after, context, actorId);
      const vote =
        dto.type === 'putTheQuestion' && dto.vote
          ? await this.voteRequest(manager, conferenceId, events, dto.vote)
          : dto.type === 'putReferenceBack' && dto.vote
            ? referenceBackVote(events, dto.vote)
            : null;
      return { version: after.version, events, vote };
    });
    const { vote, ...result } = decided;
    if (!vote) return result;
    // The hand-over to voting, after the commit: OpenVote is its own unit of work (and the embedded
    // database has one connection). If it refuses (no quorum, say), the question stays put and the chair
    // opens the vote through the voting API; the refusal is returned, never hidden.
    try {
      return { ...result, voteId: (await this.openVote.execute(principal, conferenceId, vote)).id };
    } catch (error) {
      const { retryAfterSeconds: _r, requestId: _q, ...voteError } = toErrorResponse(error);
      return { ...result, voteError };
    }
  }

  /** The vote (not voided) on the open item's question put, as the engine reads it: no figures, no result. */
  private async questionVoteFigures(
    manager: EntityManager,
    conferenceId: string,
    state: DebateState,
  ): Promise<QuestionVoteFigures | null> {
    const report = openReportOf(state);
    if (report?.pending?.put) {
      const vote = referenceBackVoteOf(await this.votes.list(manager, conferenceId), report.reportId, report.pending.referenceId);
      return vote && vote.state !== 'voided' ? { state: vote.state, outcome: vote.outcome } : null;
    }
    const open = openItemOf(state);
    if (!open?.questionPut) return null;
    const vote = questionVoteOf(
      await this.votes.list(manager, conferenceId),
      open.motionId,
      open.questionPut,
    );
    return vote && vote.state !== 'voided' ? { state: vote.state, outcome: vote.outcome } : null;
  }

  /** The chair records the result of a question put, never one contradicting its declared vote (rule 'vote-result'). */
  private async assertAgreesWithDeclaredVote(
    manager: EntityManager,
    conferenceId: string,
    state: DebateState,
    dto: DebateCommandDto,
  ): Promise<void> {
    const recorded =
      dto.type === 'recordOutcome'
        ? dto.outcome
        : dto.type === 'amendmentOutcome'
          ? dto.outcome
          : dto.type === 'proceduralOutcome'
            ? dto.result
            : dto.type === 'partOutcome'
              ? dto.outcome
              : null;
    if (dto.type === 'referenceBackOutcome') {
      const pending = state.reports?.[dto.reportId]?.pending;
      if (pending?.put)
        assertAgreesWithVote(
          referenceBackVoteOf(await this.votes.list(manager, conferenceId), dto.reportId, pending.referenceId),
          dto.result,
        );
      return;
    }
    if (recorded === null || !('itemId' in dto)) return;
    const item = state.items[dto.itemId];
    if (!item?.questionPut) return;
    assertAgreesWithVote(
      questionVoteOf(await this.votes.list(manager, conferenceId), item.motionId, item.questionPut),
      recorded,
    );
  }

  private async voteRequest(
    manager: EntityManager,
    conferenceId: string,
    events: DebateEvent[],
    options: NonNullable<Extract<DebateCommandDto, { type: 'putTheQuestion' }>['vote']>,
  ): Promise<VoteOpenDto | null> {
    const put = events.find((e) => e.type === 'question_put');
    if (!put || put.type !== 'question_put') return null;
    const rows = await this.log.motions(manager, conferenceId, [
      put.motionId,
      ...(put.amendmentId ? [put.amendmentId] : []),
    ]);
    return voteForQuestion(
      put,
      rows.get(put.motionId),
      put.amendmentId ? rows.get(put.amendmentId) : undefined,
      options,
    );
  }

  /** The engine's command: motions read from the motions table, the member and their place from registration. */
  private async toEngineCommand(
    manager: EntityManager,
    conferenceId: string,
    dto: DebateCommandDto,
    memberId: string | null,
    context: DebateContext,
    principal: Principal,
    names: Map<string, string>,
    state: DebateState,
  ): Promise<DebateCommand> {
    switch (dto.type) {
      case 'takeInParts': {
        // The parts divide the motion as it now stands before the meeting (with the amendments carried).
        const item = state.items[dto.itemId];
        const text = item ? textAsAmended(item, await this.log.motions(manager, conferenceId, motionIdsFor(state))) : null;
        return { ...dto, text: text ?? '' };
      }
      case 'takeItem': {
        const motion = await this.log.motion(manager, conferenceId, dto.motionId);
        if (!motion) throw new NotFound('No such motion in this conference.');
        if (motion.kind === 'amendment') {
          throw new InvalidInput(
            'An amendment is debated within its motion: take the motion, then move to the amendment.',
          );
        }
        if (!DEBATABLE.includes(motion.status)) {
          throw new StandingOrderViolation(
            'order-of-business',
            `Motion "${motion.title}" is ${motion.status.replace(/_/g, ' ')}; only a motion placed on the order of business is debated (the SOC publishes the agenda or slots it).`,
          );
        }
        const mover = dto.moverMemberId ?? motion.proposerMemberId;
        if (!mover)
          throw new InvalidInput('The motion names no proposer: name the member who moves it.', {
            moverMemberId: 'required for this motion',
          });
        return {
          type: 'takeItem',
          expectedSeq: dto.expectedSeq,
          itemId: motion.id,
          motionId: motion.id,
          kind: motion.kind,
          moverMemberId: mover,
          seconderMemberId: dto.seconderMemberId ?? motion.seconderMemberId ?? null,
        };
      }
      case 'moveToAmendment': {
        const amendment = await this.log.motion(manager, conferenceId, dto.amendmentId);
        if (!amendment) throw new NotFound('No such amendment in this conference.');
        if (amendment.kind !== 'amendment' || amendment.parentMotionId !== dto.itemId) {
          throw new StandingOrderViolation(
            'amendments',
            `"${amendment.title}" is not an amendment to the motion under debate.`,
          );
        }
        if (!MOVABLE_AMENDMENT.includes(amendment.status)) {
          throw new StandingOrderViolation(
            'amendments',
            `Amendment "${amendment.title}" is ${amendment.status.replace(/_/g, ' ')}; only an amendment ruled admissible is moved.`,
          );
        }
        const mover = dto.moverMemberId ?? amendment.proposerMemberId;
        if (!mover)
          throw new InvalidInput('The amendment names no proposer: name the member who moves it.', {
            moverMemberId: 'required for this amendment',
          });
        return {
          type: 'moveToAmendment',
          expectedSeq: dto.expectedSeq,
          itemId: dto.itemId,
          amendmentId: amendment.id,
          moverMemberId: mover,
          seconderMemberId: dto.seconderMemberId ?? amendment.seconderMemberId ?? null,
        };
      }
      case 'guillotine': {
        const found = await this.log.motions(manager, conferenceId, dto.itemIds);
        const missing = dto.itemIds.filter((id) => !found.has(id));
        if (missing.length > 0) throw new NotFound(missing.length === 1 ? 'One of the motions chosen is not in this conference.' : `${missing.length} of the motions chosen are not in this conference.`);
        context.titleOf = titlesOf(found);
        return { type: 'guillotine', expectedSeq: dto.expectedSeq, itemIds: dto.itemIds };
      }
      case 'moveProcedural': {
        // Later business a suspension names is a motion of this conference, named in refusals by its label.
        const later = dto.suspension?.laterItemIds ?? [];
        const found = await this.log.motions(manager, conferenceId, later);
        const missing = later.filter((id) => !found.has(id));
        if (missing.length > 0)
          throw new NotFound('A later item named in the suspension is not a motion of this conference.', {
            'suspension.laterItemIds': 'not a motion of this conference',
          });
        context.titleOf = titlesOf(found);
        return { ...dto } as DebateCommand;
      }
      case 'requestToSpeak':
      case 'raisePointOfOrder':
      case 'requestForInformation':
      case 'withdrawRequest': {
        // Where they are now; a member not present is refused by the engine (rule 'presence').
        const attendanceMode =
          context.attendanceOf(memberId!) ??
          (principal.kind === 'attendee' ? principal.attendanceMode : 'hall');
        if (dto.type === 'withdrawRequest') return { ...dto, memberId: memberId! };
        if (dto.type === 'requestToSpeak') return { ...dto, memberId: memberId!, attendanceMode };
        return { ...dto, memberId: memberId!, attendanceMode };
      }
      case 'addToQueue': {
        const { member, ...rest } = dto;
        const named = await this.memberNamed(manager, conferenceId, member);
        // Named in the engine's refusal even when not present (and so not among the names read).
        names.set(named.memberId, named.name);
        const bySteward = !can(principal, 'debate.chair', { conferenceId });
        return { ...rest, memberId: named.memberId, ...(bySteward ? { addedBy: 'steward' as const } : {}) };
      }
      case 'putTheQuestion':
        // The vote options are for the hand-over, not the engine.
        return { type: 'putTheQuestion', expectedSeq: dto.expectedSeq, itemId: dto.itemId };
      case 'takeReport': {
        const report = await this.reports.find(manager, conferenceId, dto.reportId);
        if (!report) throw new NotFound('No such report on this conference’s order of business.', { reportId: 'not a report of this conference' });
        return { ...dto, title: report.title, sections: report.sections };
      }
      case 'moveReferenceBack': {
        const { member, ...rest } = dto;
        const named = await this.memberNamed(manager, conferenceId, member);
        names.set(named.memberId, named.name);
        return { ...rest, sectionKey: rest.sectionKey.trim(), memberId: named.memberId };
      }
      case 'putReferenceBack':
        return { type: 'putReferenceBack', expectedSeq: dto.expectedSeq, reportId: dto.reportId };
      default:
        return { ...dto } as DebateCommand;
    }
  }

  /** The member named by membership number, voting-card number or name: one registered member, or a refusal in words. */
  private async memberNamed(
    manager: EntityManager,
    conferenceId: string,
    text: string,
  ): Promise<{ memberId: string; name: string }> {
    const found = await this.log.registeredMembersNamed(manager, conferenceId, text);
    if (found.length === 0) {
      throw new NotFound(
        `No member registered for this conference has the membership number, card number or name "${text.trim()}".`,
        { member: 'no such registered member' },
      );
    }
    if (found.length > 1) {
      throw new Conflict(
        `${found.length} registered members are called "${text.trim()}" (${found.map((m) => m.membershipNumber).join(', ')}); give the membership number.`,
        {
          member: 'more than one member: give the membership number',
        },
      );
    }
    return found[0];
  }

  /** Appends the audiences' views that the command changed, in the same transaction as its events. */
  private async recordViews(
    uow: UnitOfWork,
    conferenceId: string,
    before: DebateState,
    after: DebateState,
    context: DebateContext,
    actorId: string,
  ) {
    const { manager, record } = uow;
    const history = {
      spokenAtThisAgm: context.spokenAtThisAgm ?? new Set<string>(),
      attendanceOf: context.attendanceOf,
    };
    const suggestion = suggestNextSpeaker(after, history);
    const motions = await this.log.motions(manager, conferenceId, [
      ...new Set([...motionIdsFor(before), ...motionIdsFor(after)]),
    ]);
    const names = await this.log.names(manager, memberIdsFor(after, suggestion));
    const inputs: ViewInputs = { motions, names, attendanceOf: context.attendanceOf };

    const beforeFloor = floorView(before, inputs);
    const afterFloor = floorView(after, inputs);
    if (JSON.stringify({ ...beforeFloor, version: 0 }) !== JSON.stringify({ ...afterFloor, version: 0 })) {
      record({ conferenceId, type: 'debate.floor', payload: { ...afterFloor }, audience: 'public', actorId });
    }
    // The chair's console follows every version (it sends it back as expectedSeq).
    record({
      conferenceId,
      type: 'debate.queue',
      payload: { ...queueView(after, suggestion, inputs) },
      audience: 'chair',
      actorId,
    });
    // Each member hears only their own place, and only when it changed.
    const was = requestsByMember(before);
    const now = requestsByMember(after);
    for (const memberId of new Set([...was.keys(), ...now.keys()])) {
      const mine = now.get(memberId) ?? { itemId: after.openItemId, requests: [] };
      if (JSON.stringify(was.get(memberId) ?? null) === JSON.stringify(now.get(memberId) ?? null)) continue;
      record({
        conferenceId,
        type: 'debate.queue_position',
        payload: { ...mine },
        audience: `member:${memberId}`,
        actorId,
      });
    }
  }
}

/** Motions by their label on the order of business ("Motion 7"), else their title, for the engine's refusals. */
function titlesOf(motions: Map<string, { agendaLabel: string | null; title: string }>): (itemId: string) => string | undefined {
  return (itemId) => {
    const motion = motions.get(itemId);
    return motion ? (motion.agendaLabel ?? `"${motion.title}"`) : undefined;
  };
}

/** The motions and amendments a refusal of this command may name: every item the debate has touched, the command's. */
function itemIdsNamed(state: DebateState, dto: DebateCommandDto): string[] {
  const ids = new Set<string>([...motionIdsFor(state), ...Object.keys(state.items), ...state.notReachedItemIds]);
  for (const item of Object.values(state.items)) for (const a of item.amendmentsDealtWith) ids.add(a.amendmentId);
  const named = dto as { itemId?: unknown; itemIds?: unknown; amendmentId?: unknown; motionId?: unknown };
  for (const id of [named.itemId, named.amendmentId, named.motionId, ...(Array.isArray(named.itemIds) ? named.itemIds : [])])
    if (typeof id === 'string') ids.add(id);
  return [...ids];
}
