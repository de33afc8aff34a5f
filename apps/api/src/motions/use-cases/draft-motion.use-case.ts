import { Injectable } from '@nestjs/common';
import {
  assertActsForBody,
  assertEmergencyTestsAnswered,
  assertValidJointSubmission,
  countWords,
  Forbidden,
  InvalidInput,
  mayViewConference,
  NotFound,
  Principal,
  transitionMotion,
} from '@agm/domain';
import type { MotionCreateDto, MotionUpdateDto } from '@agm/contracts';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { actsForMotion, announce, assertMayRead } from '../motion-access';
import { assertKnownTopics, assertSectionOf, rulesetOf } from '../motion-steps';

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
    return this.transactions.run(async ({ manager, record, now }) => {
      const conference = await this.motions.conferenceSettings(manager, conferenceId);
      if (!conference) throw new NotFound(`No conference ${conferenceId}.`);
      const ruleset = await rulesetOf(manager, conferenceId);
      let proposer = input.proposerMemberId ?? null;
      let seconder = input.seconderMemberId ?? null;
      if (input.bodyId) {
        if (input.jointWithMemberId) throw new InvalidInput('Give a body or a joint member, not both.', { jointWithMemberId: 'omit it when submitting for a body' });
        // Only an officer of the body submits for it (403 otherwise).
        assertCan(principal, 'body.submit', { conferenceId, bodyId: input.bodyId });
        const body = await this.motions.findBody(manager, input.bodyId);
        if (!body) throw new InvalidInput('No such body.', { bodyId: 'not a body in the register' });
        if (principal.memberId) assertActsForBody(principal.memberId, body, await this.motions.officerMemberIds(manager, body.id));
      } else if (input.jointWithMemberId) {
        // [Napo] any two full or professional associate members jointly: the signed-in member and the one named.
        if (!principal.memberId) throw new Forbidden('A joint submission is made by a member; sign in with an account linked to your membership.');
        if (!mayViewConference(principal, conferenceId)) throw new NotFound(`No conference ${conferenceId}.`);
        const members = await this.motions.memberCategories(manager, [principal.memberId, input.jointWithMemberId]);
        if (members.length !== new Set([principal.memberId, input.jointWithMemberId]).size) {
          throw new InvalidInput('The joint member is not in the register.', { jointWithMemberId: 'no such member' });
        }
        assertValidJointSubmission(members, ruleset);
        proposer = principal.memberId;
        seconder = input.jointWithMemberId;
      } else {
        throw new InvalidInput('Say who submits the motion: a body you are an officer of, or a joint member.', { bodyId: 'required unless jointWithMemberId is given' });
      }
      await assertSectionOf(manager, this.motions, conferenceId, input.sectionId);
      assertKnownTopics(ruleset, input.topics);
      const emergencyAnswers = input.kind === 'emergency_motion' ? assertEmergencyTestsAnswered(input.emergency ?? {}) : null;
      if (input.kind !== 'emergency_motion' && input.emergency) {
        throw new InvalidInput('Only an emergency motion answers the SO 7 tests.', { emergency: 'omit it for this kind' });
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
      await this.motions.audit(manager, { motionId: id, action: 'draft', who: actorOf(principal), role: 'officer', at: now, why: null, fromStatus: null, toStatus: 'draft' });
      announce(record, principal, motion, 'motion.drafted');
      return motion;
    });
  }

  /** Only a draft, or a motion the SOC returned for editing, can be edited — and only by its submitters. */
  async edit(principal: Principal, conferenceId: string, motionId: string, changes: MotionUpdateDto): Promise<MotionRow> {
    return this.transactions.run(async ({ manager, record, now }) => {
      const motion = assertMayRead(principal, await this.motions.find(manager, conferenceId, motionId, true), motionId);
      if (!actsForMotion(principal, motion)) throw new Forbidden('Only an officer of the submitting body may edit its motion.');
      const step = transitionMotion({ id: motion.id, kind: motion.kind, status: motion.status }, 'edit', { id: actorOf(principal), role: 'officer' }, undefined, now);
      const ruleset = await rulesetOf(manager, conferenceId);
      await assertSectionOf(manager, this.motions, conferenceId, changes.sectionId);
      assertKnownTopics(ruleset, changes.topics);
      const text = changes.text ?? motion.text;
      const words = countWords(text, ruleset);
      if (changes.emergency && motion.kind !== 'emergency_motion') throw new InvalidInput('Only an emergency motion answers the SO 7 tests.', { emergency: 'omit it for this kind' });
      await this.motions.update(
        manager,
        motion.id,
        {
          ...(changes.title !== undefined ? { title: changes.title.trim() } : {}),
          ...(changes.text !== undefined ? { text: changes.text } : {}),
          ...(changes.sectionId !== undefined ? { sectionId: changes.sectionId } : {}),
          ...(changes.topics !== undefined ? { topics: changes.topics } : {}),
          ...(changes.proposerMemberId !== undefined ? { proposerMemberId: changes.proposerMemberId } : {}),
          ...(changes.seconderMemberId !== undefined ? { seconderMemberId: changes.seconderMemberId } : {}),
          ...(changes.agreedOn !== undefined ? { agreedOn: changes.agreedOn } : {}),
          ...(changes.emergency ? { emergencyAnswers: assertEmergencyTestsAnswered(changes.emergency) } : {}),
          wordCount: words.words,
          overWordLimit: words.overLimit,
        },
        now,
      );
      const { audit } = step;
      await this.motions.audit(manager, { motionId: motion.id, action: 'edit', who: audit.who, role: audit.role, at: now, why: null, fromStatus: audit.from, toStatus: audit.to });
      const updated = (await this.motions.find(manager, conferenceId, motion.id)) as MotionRow;
      announce(record, principal, updated, 'motion.edited');
      return updated;
    });
  }
}
