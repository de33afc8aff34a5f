import { Injectable } from '@nestjs/common';
import { assertMaySubmit, formatInConferenceTime, Forbidden, NotFound, Principal, startEmergencyAdmission } from '@agm/domain';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { actsForMotion, announce, assertMayRead } from '../motion-access';
import { rulesetOf, stepMotion } from '../motion-steps';

/** A far-off instant standing for "no deadline set yet". */
const OPEN = new Date('9999-12-31T00:00:00Z');

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

  async execute(principal: Principal, conferenceId: string, motionId: string): Promise<{ motion: MotionRow; acknowledgement: string }> {
    return this.transactions.run(async ({ manager, record, now }) => {
      // The conference row is locked so two submissions from one body cannot both slip under its limit.
      const conference = await this.motions.conferenceSettings(manager, conferenceId, true);
      if (!conference) throw new NotFound(`No conference ${conferenceId}.`);
      const motion = assertMayRead(principal, await this.motions.find(manager, conferenceId, motionId, true), motionId);
      if (!actsForMotion(principal, motion)) throw new Forbidden('Only an officer of the submitting body may submit its motion.');
      const ruleset = await rulesetOf(manager, conferenceId);
      const body = motion.submittingBodyId ? await this.motions.findBody(manager, motion.submittingBodyId) : null;
      const jointMembers = body ? undefined : await this.motions.memberCategories(manager, [motion.proposerMemberId, motion.seconderMemberId].filter((m): m is string => !!m));
      assertMaySubmit({
        body: body ? { id: body.id, kind: body.kind, code: body.code, name: body.name } : { id: 'joint', kind: 'joint_members', code: null, name: 'A joint submission' },
        kind: motion.kind,
        now,
        deadlines: {
          motions: conference.motionsDeadline ?? OPEN,
          amendments: conference.amendmentsDeadline ?? OPEN,
          emergency: conference.emergencyDeadline,
        },
        timeZone: conference.timeZone,
        conference: { acceptsConstitutionalAmendments: conference.acceptsConstitutionalAmendments },
        existingCountsForBody: body ? await this.motions.countSubmittedByBody(manager, conferenceId, body.id, motion.id) : { motions: 0, constitutionalAmendments: 0 },
        ruleset,
        jointMembers,
      });
      // SO 7: a (re)submitted emergency motion waits for the SOC.
      const emergency = motion.kind === 'emergency_motion' ? startEmergencyAdmission(motion.id, motion.emergencyAnswers ?? {}) : null;
      const submitted = await stepMotion(manager, this.motions, motion, 'submit', { id: actorOf(principal), role: 'officer' }, undefined, now, {
        submittedAt: now,
        statusReason: null,
        ...(emergency ? { emergencyStage: emergency.stage } : {}),
      });
      announce(record, principal, submitted, 'motion.submitted', { submittedAt: now.toISOString(), overWordLimit: submitted.overWordLimit });
      const acknowledgement =
        `"${submitted.title}" was received from ${body?.name ?? 'the joint submitters'} at ${formatInConferenceTime(now, conference.timeZone)}` +
        (submitted.overWordLimit ? `. It has ${submitted.wordCount} words, over the limit of ${ruleset.submission.wordLimit}: the SOC will edit it with the proposer.` : '.');
      return { motion: submitted, acknowledgement };
    });
  }
}
