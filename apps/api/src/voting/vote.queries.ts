import { Injectable } from '@nestjs/common';
import { buildPublishedReceipts, can, Conflict, describeIneligibility, InvalidInput, NotFound, Principal } from '@agm/domain';
import type { CardHolderBodyDto, CardHolderCandidateDto, CardHoldersResponseDto, PublishedReceiptDto, VoteResponseDto } from '@agm/contracts';
import { loadRuleset } from '@agm/persistence';
import { VoteRepository, VoteRow } from '@agm/persistence/voting';
import { assertCan } from '../auth/access-control';
import { Transactions } from '../events/transactions';
import { SealedBallots } from './sealed-ballots';

/** Reads: votes, the published receipt list after the close, and the scrutineer's export. */
@Injectable()
export class VoteQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly sealedBallots: SealedBallots,
  ) {}

  async list(principal: Principal, conferenceId: string): Promise<VoteResponseDto[]> {
    assertCan(principal, 'conference.watch', { conferenceId });
    const manager = this.transactions.manager;
    const votes = await this.votes.list(manager, conferenceId);
    return Promise.all(votes.map(async (vote) => toVoteResponse(vote, await this.votes.countParticipation(manager, vote.id))));
  }

  async get(principal: Principal, conferenceId: string, voteId: string): Promise<VoteResponseDto> {
    assertCan(principal, 'conference.watch', { conferenceId });
    const manager = this.transactions.manager;
    const vote = await this.found(conferenceId, voteId);
    const response = toVoteResponse(vote, await this.votes.countParticipation(manager, voteId));
    if (principal.kind === 'attendee') {
      const entry = await this.votes.eligibilityOf(manager, voteId, principal.memberId);
      const voted = await this.votes.hasParticipated(manager, voteId, principal.memberId);
      if (!entry) {
        response.me = { eligible: false, reason: 'not_registered', message: 'You were not on the register of attendees when this vote opened.', voted };
      } else if (entry.eligible) {
        response.me = { eligible: true, channel: entry.channel, weight: entry.weight, voted };
      } else {
        const ruleset = (await loadRuleset(manager, conferenceId)) ?? undefined;
        response.me = { eligible: false, reason: entry.reason, message: describeIneligibility(entry, ruleset), voted };
      }
    }
    return response;
  }

  /**
   * After the close, the list of (receipt hash, choice, weight, channel) in hash order, so each voter
   * can find their own. A named (open) vote also says who cast each ballot.
   */
  async receipts(principal: Principal, conferenceId: string, voteId: string): Promise<PublishedReceiptDto[]> {
    assertCan(principal, 'conference.view', { conferenceId });
    const vote = await this.found(conferenceId, voteId);
    assertClosed(vote, 'The receipt list');
    await this.sealedBallots.ensureCounted(conferenceId, vote);
    const ballots = await this.votes.ballots(this.transactions.manager, voteId);
    const published = buildPublishedReceipts(ballots);
    if (vote.secret) return published;
    const voterOf = new Map(ballots.map((b) => [b.receiptHash, b.memberId]));
    return published.map((entry) => ({ ...entry, memberId: voterOf.get(entry.receiptHash) ?? undefined }));
  }

  /**
   * Everything an independent scrutineer needs to recount exactly: the vote as opened, the eligible
   * register (and who took part, never how, in a secret vote), every ballot or count per channel, and
   * the declared result. For the chair, the conference's administrators and the tellers.
   */
  async scrutineerExport(principal: Principal, conferenceId: string, voteId: string) {
    const scope = { conferenceId };
    if (!(can(principal, 'debate.chair', scope) || can(principal, 'conference.manage', scope) || can(principal, 'vote.count', scope))) {
      assertCan(principal, 'debate.chair', scope);
    }
    const vote = await this.found(conferenceId, voteId);
    assertClosed(vote, 'The scrutineer export');
    await this.sealedBallots.ensureCounted(conferenceId, vote);
    const manager = this.transactions.manager;
    const [register, ballots, tellerCount] = [await this.votes.register(manager, voteId), await this.votes.ballots(manager, voteId), await this.votes.tellerCount(manager, voteId)];
    return {
      format: 'agm-vote-export/v1',
      vote: {
        id: vote.id,
        conferenceId: vote.conferenceId,
        subject: vote.subject,
        subjectRef: vote.subjectRef,
        proceduralMotion: vote.proceduralMotion,
        title: vote.title,
        topics: vote.topics,
        method: vote.method,
        majority: vote.majority,
        tieRule: vote.tieRule,
        ballotsChangeable: vote.ballotsChangeable,
        secret: vote.secret,
        state: vote.state,
        openedAt: vote.openedAt.toISOString(),
        closesAt: vote.closesAt?.toISOString() ?? null,
        closedAt: vote.closedAt?.toISOString() ?? null,
        declaredAt: vote.declaredAt?.toISOString() ?? null,
        voidReason: vote.voidReason,
        eligibleCount: vote.eligibleCount,
        eligibleWeight: vote.eligibleWeight,
        hallHeadcount: vote.hallHeadcount,
        electronicCount: vote.electronicCount,
      },
      register: register.map((entry) => ({ ...entry })),
      ballots: buildPublishedReceipts(ballots).map((entry) => ({ ...entry, ...(vote.secret ? {} : { memberId: ballots.find((b) => b.receiptHash === entry.receiptHash)?.memberId }) })),
      hallCount: tellerCount
        ? {
            for: tellerCount.for,
            against: tellerCount.against,
            abstain: tellerCount.abstain,
            enteredBy: tellerCount.enteredBy,
            enteredAt: tellerCount.enteredAt.toISOString(),
            confirmedBy: tellerCount.confirmedBy,
            confirmedAt: tellerCount.confirmedAt?.toISOString() ?? null,
          }
        : null,
      result: vote.result,
    };
  }

  /**
   * For the chair opening a card vote: the bodies with a member registered for the conference, each
   * with those members (name, membership number, presence: nothing more) to pick its card holder from,
   * and the holders of a card vote to start from — the one asked for (a voided vote to re-run), or the
   * most recent. Only the chair reads it (`debate.chair`): it names who is registered, by body.
   */
  async cardHolders(principal: Principal, conferenceId: string, voteId?: string): Promise<CardHoldersResponseDto> {
    assertCan(principal, 'debate.chair', { conferenceId });
    const manager = this.transactions.manager;
    let from: VoteRow | null;
    if (voteId) {
      from = await this.found(conferenceId, voteId);
      if (from.method !== 'card_vote') throw new InvalidInput(`"${from.title}" was not a card vote: it has no card holders to start from.`, { voteId: 'not a card vote' });
    } else {
      from = [...(await this.votes.list(manager, conferenceId))].reverse().find((vote) => vote.method === 'card_vote') ?? null;
    }
    const held = from ? await this.votes.cardHolders(manager, from.id) : [];
    const members = await this.votes.registeredBodyMembers(manager, conferenceId);
    // A holder named before who is not on their body's list (still registered) is offered for that body too.
    const listed = new Set(members.map((m) => `${m.bodyId}:${m.memberId}`));
    const outside = held.filter((h) => !listed.has(`${h.bodyId}:${h.memberId}`));
    for (const m of await this.votes.registeredMembers(manager, conferenceId, outside.map((h) => h.memberId))) {
      for (const h of outside.filter((o) => o.memberId === m.memberId)) members.push({ ...m, bodyId: h.bodyId });
    }
    const byBody = new Map<string, CardHolderCandidateDto[]>();
    for (const { bodyId, ...candidate } of members) byBody.set(bodyId, [...(byBody.get(bodyId) ?? []), candidate]);
    const bodies = await this.votes.bodies(manager, [...byBody.keys()]);
    return {
      fromVoteId: from?.id ?? null,
      fromVoteTitle: from?.title ?? null,
      bodies: bodies.map((body): CardHolderBodyDto => {
        const candidates = (byBody.get(body.id) ?? []).sort((a, b) => a.name.localeCompare(b.name) || a.membershipNumber.localeCompare(b.membershipNumber));
        const holder = held.find((h) => h.bodyId === body.id && candidates.some((c) => c.memberId === h.memberId));
        return { bodyId: body.id, code: body.code, name: body.name, kind: body.kind, membershipCount: body.membershipCount, holderMemberId: holder?.memberId ?? null, members: candidates };
      }),
    };
  }

  private async found(conferenceId: string, voteId: string): Promise<VoteRow> {
    const vote = await this.votes.find(this.transactions.manager, conferenceId, voteId);
    if (!vote) throw new NotFound('No such vote in this conference.');
    return vote;
  }
}

function assertClosed(vote: VoteRow, what: string): void {
  if (vote.state === 'closed' || vote.state === 'declared') return;
  if (vote.state === 'voided') throw new Conflict(`${what} is not published for a voided vote.`);
  throw new Conflict(`${what} is published after the vote closes; this vote is still open.`);
}

export function toVoteResponse(vote: VoteRow, ballotsCast: number): VoteResponseDto {
  return {
    id: vote.id,
    conferenceId: vote.conferenceId,
    subject: vote.subject,
    subjectRef: vote.subjectRef,
    proceduralMotion: vote.proceduralMotion,
    title: vote.title,
    topics: vote.topics,
    method: vote.method,
    majority: vote.majority,
    secret: vote.secret,
    state: vote.state,
    openedAt: vote.openedAt.toISOString(),
    closesAt: vote.closesAt?.toISOString() ?? null,
    closedAt: vote.closedAt?.toISOString() ?? null,
    voidReason: vote.voidReason,
    eligibleCount: vote.eligibleCount,
    hallHeadcount: vote.hallHeadcount,
    electronicCount: vote.electronicCount,
    ballotsCast,
    result: vote.result,
  };
}
