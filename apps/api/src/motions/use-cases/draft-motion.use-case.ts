import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  assertActsForBody,
  assertEmergencyTestsAnswered,
  assertJointPartner,
  assertMayChangeKind,
  countWords,
  EmergencyTestAnswers,
  Forbidden,
  InvalidInput,
  mayViewConference,
  MotionKind,
  NotFound,
  Principal,
  Ruleset,
  SubmittingBody,
  transitionMotion,
} from '@agm/domain';
import type { EmergencyAnswersDto, MotionCreateDto, MotionUpdateDto } from '@agm/contracts';
import { MotionChanges, MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { actsForMotion, announce, assertMayRead, audiencesOf } from '../motion-access';
import {
  assertKnownTopics,
  assertMoversOf,
  assertSectionOf,
  JOINT_SUBMISSION,
  rulesetOf,
  submissionSettingOf,
  submitterOf,
} from '../motion-steps';

/**
 * A body's officer (or two members jointly) writes a draft. Drafts are private to the body until
 * submitted; the word count is kept with the text so an over-length motion is flagged, not refused.
 */
@Injectable()
export class DraftMotion {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async create(principal: Principal, conferenceId: string, input: MotionCreateDto): Promise<MotionRow> {
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const conference = await this.motions.conferenceSettings(manager, conferenceId);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      const ruleset = await rulesetOf(manager, conferenceId);
      let proposer = input.proposerMemberId ?? null;
      let seconder = input.seconderMemberId ?? null;
      let submitter: SubmittingBody = JOINT_SUBMISSION;
      if (input.bodyId) {
        if (input.jointWithMemberId)
          throw new InvalidInput('Give a body or a joint member, not both.', {
            jointWithMemberId: 'omit it when submitting for a body',
          });
        // Only an officer of the body submits for it (403 otherwise).
        assertCan(principal, 'body.submit', { conferenceId, bodyId: input.bodyId });
        const body = await this.motions.findBody(manager, input.bodyId);
        if (!body) throw new InvalidInput('No such body.', { bodyId: 'not a body in the register' });
        if (principal.memberId)
          assertActsForBody(principal.memberId, body, await this.motions.officerMemberIds(manager, body.id));
        submitter = { id: body.id, kind: body.kind, code: body.code, name: body.name };
      } else if (input.jointWithMemberId) {
        // [Napo] any two full or professional associate members jointly: the signed-in member and the one named.
        if (!principal.memberId)
          throw new Forbidden(
            'A joint submission is made by a member; sign in with an account linked to your membership.',
          );
        if (!mayViewConference(principal, conferenceId)) throw new NotFound('No such conference, or it is not yours to see.');
        await this.assertJointPair(manager, principal.memberId, input.jointWithMemberId, ruleset);
        proposer = principal.memberId;
        seconder = input.jointWithMemberId;
      } else {
        throw new InvalidInput(
          'Say who submits the motion: a body you are an officer of, or a joint member.',
          { bodyId: 'required unless jointWithMemberId is given' },
        );
      }
      // The request's own proposer and seconder, not the joint pair's: a joint draft naming one is refused, not silently overridden.
      await assertMoversOf(manager, this.motions, submitter, {
        proposerMemberId: input.proposerMemberId,
        seconderMemberId: input.seconderMemberId,
      });
      await assertSectionOf(manager, this.motions, conferenceId, input.sectionId);
      assertKnownTopics(ruleset, input.topics);
      const emergencyAnswers =
        input.kind === 'emergency_motion' ? assertEmergencyTestsAnswered(input.emergency ?? {}) : null;
      if (input.kind !== 'emergency_motion' && input.emergency) {
        throw new InvalidInput('Only an emergency motion answers the SO 7 tests.', {
          emergency: 'omit it for this kind',
        });
      }
      const words = countWords(input.text, ruleset);
      const id = await this.motions.insert(manager, {
        conferenceId,
        kind: input.kind,
        title: input.title.trim(),
        text: input.text,
        status: 'draft',
        sectionId: input.sectionId ?? null,
        submittingBodyId: input.bodyId ?? null,
        proposerMemberId: proposer,
        seconderMemberId: seconder,
        topics: input.topics ?? [],
        agreedOn: input.agreedOn ?? null,
        wordCount: words.words,
        overWordLimit: words.overLimit,
        emergencyAnswers,
        createdBy: actorOf(principal),
        now,
      });
      const motion = (await this.motions.find(manager, conferenceId, id)) as MotionRow;
      await this.motions.audit(manager, {
        motionId: id,
        action: 'draft',
        who: actorOf(principal),
        role: 'officer',
        at: now,
        why: null,
        fromStatus: null,
        toStatus: 'draft',
      });
      announce(record, principal, motion, 'motion.drafted');
      return motion;
    });
  }

  /**
   * Only a draft, or a motion the SOC returned for editing, can be edited — and only by its submitters.
   * A draft may also change its kind where the new kind could be submitted now (an emergency motion with
   * its SO 7 answers), and a joint motion its other member, checked as at drafting.
   */
  async edit(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    changes: MotionUpdateDto,
  ): Promise<MotionRow> {
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const motion = assertMayRead(
        principal,
        await this.motions.find(manager, conferenceId, motionId, true),
        motionId,
      );
      if (!actsForMotion(principal, motion))
        throw new Forbidden('Only an officer of the submitting body may edit its motion.');
      const step = transitionMotion(
        { id: motion.id, kind: motion.kind, status: motion.status },
        'edit',
        { id: actorOf(principal), role: 'officer' },
        undefined,
        now,
      );
      const ruleset = await rulesetOf(manager, conferenceId);
      await assertSectionOf(manager, this.motions, conferenceId, changes.sectionId);
      assertKnownTopics(ruleset, changes.topics);
      const kind = changes.kind ?? motion.kind;
      if (kind !== motion.kind) await this.assertMayBecome(manager, conferenceId, motion, kind, ruleset, now);
      const emergencyAnswers = emergencyAnswersAfterEdit(motion.kind, kind, changes.emergency);
      const pair =
        changes.jointWithMemberId !== undefined
          ? await this.withPartner(manager, principal, motion, changes.jointWithMemberId, ruleset)
          : {};
      await assertMoversOf(
        manager,
        this.motions,
        await submitterOf(manager, this.motions, motion),
        { proposerMemberId: changes.proposerMemberId, seconderMemberId: changes.seconderMemberId },
        motion,
      );
      const text = changes.text ?? motion.text;
      const words = countWords(text, ruleset);
      await this.motions.update(
        manager,
        motion.id,
        {
          ...(kind !== motion.kind ? { kind } : {}),
          ...(changes.title !== undefined ? { title: changes.title.trim() } : {}),
          ...(changes.text !== undefined ? { text: changes.text } : {}),
          ...(changes.sectionId !== undefined ? { sectionId: changes.sectionId } : {}),
          ...(changes.topics !== undefined ? { topics: changes.topics } : {}),
          ...(changes.proposerMemberId !== undefined ? { proposerMemberId: changes.proposerMemberId } : {}),
          ...(changes.seconderMemberId !== undefined ? { seconderMemberId: changes.seconderMemberId } : {}),
          ...pair,
          ...(changes.agreedOn !== undefined ? { agreedOn: changes.agreedOn } : {}),
          ...(emergencyAnswers !== undefined ? { emergencyAnswers } : {}),
          wordCount: words.words,
          overWordLimit: words.overLimit,
        },
        now,
      );
      const { audit } = step;
      const why = kind !== motion.kind ? `Kind changed from ${motion.kind} to ${kind}` : null;
      await this.motions.audit(manager, {
        motionId: motion.id,
        action: 'edit',
        who: audit.who,
        role: audit.role,
        at: now,
        why,
        fromStatus: audit.from,
        toStatus: audit.to,
      });
      const updated = (await this.motions.find(manager, conferenceId, motion.id)) as MotionRow;
      // A joint motion's former partner hears that they are no longer on it, as well as the new one.
      announce(record, principal, updated, 'motion.edited', {}, [
        ...new Set([...audiencesOf(motion), ...audiencesOf(updated)]),
      ]);
      return updated;
    });
  }

  /** The submission rules for the kind it would become: the body that may, the deadline, the constitutional year. */
  private async assertMayBecome(
    manager: EntityManager,
    conferenceId: string,
    motion: MotionRow,
    to: MotionKind,
    ruleset: Ruleset,
    now: Date,
  ): Promise<void> {
    const conference = await this.motions.conferenceSettings(manager, conferenceId);
    if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
    const setting = await submissionSettingOf(manager, this.motions, conference, motion);
    assertMayChangeKind({
      ...setting,
      motion: { kind: motion.kind, status: motion.status },
      to,
      now,
      ruleset,
    });
  }

  /**
   * A joint motion's other member replaced: the member editing stays where they are (proposer or
   * seconder) and the one named takes the other place, checked as at drafting.
   */
  private async withPartner(
    manager: EntityManager,
    principal: Principal,
    motion: MotionRow,
    partnerId: string,
    ruleset: Ruleset,
  ): Promise<MotionChanges> {
    if (motion.submittingBodyId !== null || motion.submitterBodyIds.length > 0) {
      throw new InvalidInput(
        'This motion is submitted by a body; only a joint motion names another member.',
        { jointWithMemberId: "omit it for a body's motion" },
      );
    }
    const self = principal.memberId as string; // actsForMotion: a joint motion is edited by one of its two members
    await this.assertJointPair(manager, self, partnerId, ruleset);
    return motion.proposerMemberId === self
      ? { seconderMemberId: partnerId }
      : { proposerMemberId: partnerId };
  }

  /** The signed-in member and the one they name may submit jointly (400 at `jointWithMemberId` for the one named). */
  private async assertJointPair(
    manager: EntityManager,
    selfId: string,
    partnerId: string,
    ruleset: Ruleset,
  ): Promise<void> {
    const members = await this.motions.memberCategories(manager, [selfId, partnerId]);
    const self = members.find((m) => m.memberId === selfId) ?? null;
    assertJointPartner(self, members.find((m) => m.memberId === partnerId) ?? null, ruleset);
  }
}

/**
 * The SO 7 answers to store: given ones checked for an emergency motion (and required when a draft
 * becomes one), none once it becomes another kind, undefined for no change.
 */
function emergencyAnswersAfterEdit(
  from: MotionKind,
  to: MotionKind,
  given: EmergencyAnswersDto | undefined,
): EmergencyTestAnswers | null | undefined {
  if (to !== 'emergency_motion') {
    if (given)
      throw new InvalidInput('Only an emergency motion answers the SO 7 tests.', {
        emergency: 'omit it for this kind',
      });
    return from === 'emergency_motion' ? null : undefined;
  }
  if (given) return assertEmergencyTestsAnswered(given);
  return from === to ? undefined : assertEmergencyTestsAnswered({});
}
