import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  announcedCloseTime,
  assertTestVoteShape,
  buildEligibilitySnapshot,
  computeQuorum,
  InvalidInput,
  majorityFor,
  NotFound,
  openVote,
  Principal,
  StandingOrderViolation,
  VotingAttendee,
} from '@agm/domain';
import type { VoteOpenDto } from '@agm/contracts';
import { loadRuleset, RegistrationRepository } from '@agm/persistence';
import { MotionRepository } from '@agm/persistence/motions';
import { VoteRepository, VoteRow } from '@agm/persistence/voting';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';

/**
 * The chair opens a vote: quorum is checked (a test vote is exempt), the majority comes from the
 * ruleset by kind, and the eligibility register is fixed now — who is registered, present, of a
 * category that may vote on these topics, and through which channel — and kept with the vote.
 */
@Injectable()
export class OpenVote {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VoteRepository,
    private readonly registrations: RegistrationRepository,
    private readonly motions: MotionRepository,
  ) {}

  /**
   * [SO 7] The meeting votes on admitting an emergency motion only once the SOC has accepted it, and its
   * result decides the motion (VoteDeclaration): so the vote names that motion as its subjectRef.
   */
  private async assertAwaitingAdmission(
    manager: EntityManager,
    conferenceId: string,
    motionId: string | undefined,
  ): Promise<void> {
    const motion =
      motionId && /^[0-9a-f-]{36}$/i.test(motionId)
        ? await this.motions.find(manager, conferenceId, motionId)
        : null;
    if (!motion)
      throw new InvalidInput('A vote on admitting an emergency motion names that motion as its subjectRef.', {
        subjectRef: 'the emergency motion id',
      });
    if (motion.kind !== 'emergency_motion' || motion.emergencyStage !== 'awaiting_meeting_vote') {
      throw new StandingOrderViolation(
        'SO 7',
        'The meeting votes to admit an emergency motion only after the SOC has accepted it, and only once.',
      );
    }
  }

  async execute(principal: Principal, conferenceId: string, command: VoteOpenDto): Promise<VoteRow> {
    assertCan(principal, 'debate.chair', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const ruleset = await loadRuleset(manager, conferenceId);
      if (!ruleset) throw new NotFound('No such conference, or it is not yours to see.');
      const unknown = command.topics.filter((topic) => !ruleset.topics.includes(topic));
      if (unknown.length > 0) {
        throw new InvalidInput(
          `Unknown topic(s) ${unknown.join(', ')}: a vote's topics must be among this conference's topics (${ruleset.topics.join(', ')}).`,
          {
            topics: `unknown: ${unknown.join(', ')}`,
          },
        );
      }
      const closesAt = announcedCloseTime(command.closesAt, now);
      assertTestVoteShape(command);
      if (command.subject === 'emergency_admission')
        await this.assertAwaitingAdmission(manager, conferenceId, command.subjectRef);
      const majority = majorityFor(
        ruleset,
        command.subject,
        command.motionKind,
        command.proceduralMotion,
        command.majority,
      );

      const { present, registered, membershipByCategory } = await this.registrations.quorumInputs(
        manager,
        conferenceId,
      );
      const quorum = computeQuorum(present, membershipByCategory, ruleset, registered);
      openVote({ state: 'draft', subject: command.subject }, quorum, now);

      const attendees = await this.withCards(
        manager,
        await this.votes.attendeesForSnapshot(manager, conferenceId),
        command,
      );
      const snapshot = buildEligibilitySnapshot(
        attendees,
        { method: command.method, topics: command.topics, subject: command.subject },
        ruleset,
      );

      const vote = await this.votes.insertVote(manager, {
        conferenceId,
        subject: command.subject,
        subjectRef: command.subjectRef ?? null,
        proceduralMotion: command.proceduralMotion ?? null,
        title: command.title,
        topics: command.topics,
        method: command.method,
        majority,
        tieRule: ruleset.tieRule,
        ballotsChangeable: ruleset.ballotsChangeable,
        secret: command.secret,
        openedBy: actorOf(principal),
        openedAt: now,
        closesAt,
        eligibleCount: snapshot.eligibleCount,
        eligibleWeight: snapshot.eligibleWeight,
        hallHeadcount: snapshot.hallHeadcount,
        electronicCount: snapshot.electronicCount,
      });
      await this.votes.insertEligibility(manager, vote.id, snapshot.entries);
      if (command.method === 'card_vote')
        await this.votes.saveCardHolders(manager, vote.id, command.cardHolders ?? []);
      record({
        conferenceId,
        type: 'vote.opened',
        payload: {
          voteId: vote.id,
          title: vote.title,
          subject: vote.subject,
          subjectRef: vote.subjectRef,
          proceduralMotion: vote.proceduralMotion,
          topics: vote.topics,
          method: vote.method,
          majority: vote.majority,
          secret: vote.secret,
          openedAt: now.toISOString(),
          closesAt: closesAt?.toISOString() ?? null,
          eligibleCount: snapshot.eligibleCount,
          hallHeadcount: snapshot.hallHeadcount,
          electronicCount: snapshot.electronicCount,
        },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return vote;
    });
  }

  /**
   * The card holders' checks alone, for a card vote opened by the debate's putTheQuestion: run in the
   * debate's transaction before the question is put, so wrong card holders refuse the command (400, the
   * question not put) instead of leaving the question put without its vote. `field` names the body's field.
   */
  async assertCardHolders(
    manager: EntityManager,
    conferenceId: string,
    options: CardVoteOptions,
    field = 'cardHolders',
  ): Promise<void> {
    if (options.method !== 'card_vote' && !options.cardHolders?.length) return;
    await this.withCards(
      manager,
      await this.votes.attendeesForSnapshot(manager, conferenceId),
      options,
      field,
    );
  }

  /**
   * Card vote: each named card holder carries their body's membership as the card's weight. Refused: a
   * card vote without card holders, card holders for another method, an unknown body, one member named
   * for two cards, a body given two cards, a member not registered for the conference, a member who does
   * not belong to the body whose card they are named for (neither its member nor its officer).
   */
  private async withCards(
    manager: EntityManager,
    attendees: VotingAttendee[],
    options: CardVoteOptions,
    field = 'cardHolders',
  ): Promise<VotingAttendee[]> {
    const holders = options.cardHolders ?? [];
    if (options.method !== 'card_vote') {
      if (holders.length > 0)
        throw new InvalidInput('Card holders are named only for a card vote.', {
          [field]: 'only for method card_vote',
        });
      return attendees;
    }
    if (holders.length === 0)
      throw new InvalidInput('A card vote needs the card holder of each body.', {
        [field]: 'name at least one card holder',
      });
    const memberships = await this.votes.bodyMemberships(
      manager,
      holders.map((h) => h.bodyId),
    );
    const byMember = new Map<string, { bodyId: string; weight: number }>();
    const problems: Record<string, string> = {};
    for (const holder of holders) {
      const weight = memberships.get(holder.bodyId);
      if (weight === undefined) problems[`${field}.${holder.bodyId}`] = 'no such body';
      else if ([...byMember.values()].some((card) => card.bodyId === holder.bodyId))
        problems[`${field}.${holder.bodyId}`] = 'one card per body: name one holder';
      else if (byMember.has(holder.memberId))
        problems[`${field}.${holder.memberId}`] = 'one member holds one card';
      else byMember.set(holder.memberId, { bodyId: holder.bodyId, weight });
    }
    const registered = new Set(attendees.map((a) => a.memberId));
    const belonging = await this.votes.bodyMembersAmong(
      manager,
      [...byMember].map(([memberId, card]) => ({ bodyId: card.bodyId, memberId })),
    );
    for (const [memberId, card] of byMember) {
      if (!registered.has(memberId)) problems[`${field}.${memberId}`] = 'not registered for this conference';
      // DOMAIN.md: a body's card is cast by that body's card holder, so one of its members or officers.
      else if (!belonging.has(`${card.bodyId}:${memberId}`))
        problems[`${field}.${card.bodyId}`] =
          'not a member or officer of this body: name one of its own members';
    }
    if (Object.keys(problems).length > 0)
      throw new InvalidInput('The card holders are wrong; fix them before opening the card vote.', problems);
    return attendees.map((attendee) => {
      const card = byMember.get(attendee.memberId);
      return card ? { ...attendee, bodyId: card.bodyId, cardWeight: card.weight } : attendee;
    });
  }
}

/** What the card holders' checks read from a vote's options (`VoteOpenDto`, or putTheQuestion's `vote`). */
export type CardVoteOptions = Pick<VoteOpenDto, 'method' | 'cardHolders'>;
