import { Injectable } from '@nestjs/common';
import {
  assertMaySubmit,
  formatInConferenceTime,
  Forbidden,
  NotFound,
  Principal,
  startEmergencyAdmission,
} from '@agm/domain';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { actsForMotion, announce, assertMayRead } from '../motion-access';
import { rulesetOf, stepMotion, submissionSettingOf } from '../motion-steps';

/**
 * Submits a draft (or a motion returned for editing) for its body: the deadline in the conference's time
 * zone, who may submit which kind, the per-body limits; then timestamps and acknowledges it.
 */
@Injectable()
export class SubmitMotion {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(
    principal: Principal,
    conferenceId: string,
    motionId: string,
  ): Promise<{ motion: MotionRow; acknowledgement: string }> {
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      // The conference row is locked so two submissions from one body cannot both slip under its limit.
      const conference = await this.motions.conferenceSettings(manager, conferenceId, true);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      const motion = assertMayRead(
        principal,
        await this.motions.find(manager, conferenceId, motionId, true),
        motionId,
      );
      if (!actsForMotion(principal, motion))
        throw new Forbidden('Only an officer of the submitting body may submit its motion.');
      const ruleset = await rulesetOf(manager, conferenceId);
      const setting = await submissionSettingOf(manager, this.motions, conference, motion);
      const body = setting.body.kind === 'joint_members' ? null : setting.body;
      const jointMembers = body
        ? undefined
        : await this.motions.memberCategories(
            manager,
            [motion.proposerMemberId, motion.seconderMemberId].filter((m): m is string => !!m),
          );
      assertMaySubmit({
        ...setting,
        kind: motion.kind,
        now,
        existingCountsForBody: body
          ? await this.motions.countSubmittedByBody(manager, conferenceId, body.id, motion.id)
          : { motions: 0, constitutionalAmendments: 0 },
        ruleset,
        jointMembers,
        resubmittingReturned: motion.status === 'returned_for_editing',
      });
      // SO 7: a (re)submitted emergency motion waits for the SOC.
      const emergency =
        motion.kind === 'emergency_motion'
          ? startEmergencyAdmission(motion.id, motion.emergencyAnswers ?? {})
          : null;
      const submitted = await stepMotion(
        manager,
        this.motions,
        motion,
        'submit',
        { id: actorOf(principal), role: 'officer' },
        undefined,
        now,
        {
          submittedAt: now,
          statusReason: null,
          ...(emergency ? { emergencyStage: emergency.stage } : {}),
        },
      );
      announce(record, principal, submitted, 'motion.submitted', {
        submittedAt: now.toISOString(),
        overWordLimit: submitted.overWordLimit,
      });
      const acknowledgement =
        `"${submitted.title}" was received from ${body?.name ?? 'the joint submitters'} at ${formatInConferenceTime(now, conference.timeZone)}` +
        (submitted.overWordLimit
          ? `. It has ${submitted.wordCount} words, over the limit of ${ruleset.submission.wordLimit}: the SOC will edit it with the proposer.`
          : '.');
      return { motion: submitted, acknowledgement };
    });
  }
}
