import { Injectable } from '@nestjs/common';
import {
  AmendmentText,
  applyAmendment,
  assertMayAmend,
  assertMaySubmit,
  countWords,
  Forbidden,
  InvalidInput,
  NotFound,
  Principal,
  ruleOnAmendment,
  StandingOrderViolation,
  can,
} from '@agm/domain';
import type { AmendmentCreateDto, AmendmentInstructionDto } from '@agm/contracts';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { actsForMotion, announce, mayRead } from '../motion-access';
import { assertMoversOf, rulesetOf } from '../motion-steps';

const OPEN = new Date('9999-12-31T00:00:00Z');

/**
 * Amendments to a motion, by another eligible body before the amendments deadline, as delete/insert
 * instructions or a full replacement. The motion's mover may accept one; the SOC or the chair rules it
 * admissible or not, with a reason.
 */
@Injectable()
export class Amendments {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async submit(
    principal: Principal,
    conferenceId: string,
    motionId: string,
    input: AmendmentCreateDto,
  ): Promise<MotionRow> {
    assertCan(principal, 'body.submit', { conferenceId, bodyId: input.bodyId });
    const given = toAmendmentText(input);
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const conference = await this.motions.conferenceSettings(manager, conferenceId);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      // Any body may amend a submitted motion (the notice of motions goes to every body); a draft is nobody else's business.
      const target = await this.motions.find(manager, conferenceId, motionId, true);
      if (!target || target.status === 'draft') throw new NotFound('No such motion, or it is not yours to see.');
      assertMayAmend(target);
      if (target.submitterBodyIds.includes(input.bodyId)) {
        throw new StandingOrderViolation(
          'amendment-by-another-body',
          'A body does not amend its own motion; ask the SOC to return it for editing instead.',
        );
      }
      const body = await this.motions.findBody(manager, input.bodyId);
      if (!body) throw new InvalidInput('No such body.', { bodyId: 'not a body in the register' });
      const ruleset = await rulesetOf(manager, conferenceId);
      const submitter = { id: body.id, kind: body.kind, code: body.code, name: body.name };
      assertMaySubmit({
        body: submitter,
        kind: 'amendment',
        now,
        deadlines: {
          motions: conference.motionsDeadline ?? OPEN,
          amendments: conference.amendmentsDeadline ?? OPEN,
          emergency: conference.emergencyDeadline,
        },
        timeZone: conference.timeZone,
        conference: { acceptsConstitutionalAmendments: conference.acceptsConstitutionalAmendments },
        existingCountsForBody: { motions: 0, constitutionalAmendments: 0 },
        ruleset,
      });
      // Moved and seconded by the amending body's own people, as its motions are.
      await assertMoversOf(manager, this.motions, submitter, {
        proposerMemberId: input.proposerMemberId,
        seconderMemberId: input.seconderMemberId,
      });
      const asAmended = applyAmendment(target.text, given);
      const described = describeAmendment(given);
      const words = countWords(described, ruleset);
      const id = await this.motions.insert(manager, {
        conferenceId,
        kind: 'amendment',
        parentMotionId: target.id,
        title: `Amendment to "${target.title}"`.slice(0, 300),
        text: described,
        amendedText: asAmended,
        status: 'submitted',
        sectionId: target.sectionId,
        submittingBodyId: body.id,
        proposerMemberId: input.proposerMemberId ?? null,
        seconderMemberId: input.seconderMemberId ?? null,
        topics: target.topics,
        wordCount: words.words,
        overWordLimit: false,
        amendmentText: given,
        createdBy: actorOf(principal),
        submittedAt: now,
        now,
      });
      await this.motions.audit(manager, {
        motionId: id,
        action: 'submit',
        who: actorOf(principal),
        role: 'officer',
        at: now,
        why: null,
        fromStatus: null,
        toStatus: 'submitted',
      });
      const amendment = (await this.motions.find(manager, conferenceId, id)) as MotionRow;
      announce(record, principal, amendment, 'amendment.submitted', { submittedAt: now.toISOString() });
      // The motion's own body hears that its motion is being amended.
      announce(
        record,
        principal,
        amendment,
        'amendment.submitted',
        { submittedAt: now.toISOString() },
        target.submitterBodyIds.filter((b) => b !== body.id).map((b) => `body:${b}`),
      );
      return amendment;
    });
  }

  /** The mover of the motion (an officer of its body) records that they accept the amendment; the AGM still votes on it. */
  async accept(principal: Principal, conferenceId: string, amendmentId: string): Promise<MotionRow> {
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const amendment = await this.amendment(principal, manager, conferenceId, amendmentId);
      const motion = (await this.motions.find(manager, conferenceId, amendment.parentMotionId!)) as MotionRow;
      if (!actsForMotion(principal, motion))
        throw new Forbidden("Only the motion's own body (its mover) may accept an amendment to it.");
      if (
        amendment.amendmentRuling === 'inadmissible' ||
        !['submitted', 'admitted', 'placed'].includes(amendment.status)
      ) {
        throw new StandingOrderViolation(
          'amendment-acceptance',
          `An amendment that is ${amendment.status.replace(/_/g, ' ')} cannot be accepted.`,
        );
      }
      if (amendment.acceptedByMoverAt) return amendment;
      await this.motions.update(manager, amendment.id, { acceptedByMoverAt: now }, now);
      await this.motions.audit(manager, {
        motionId: amendment.id,
        action: 'accept_by_mover',
        who: actorOf(principal),
        role: 'officer',
        at: now,
        why: 'Accepted by the mover of the motion; the AGM still votes on it',
        fromStatus: amendment.status,
        toStatus: amendment.status,
      });
      const after = (await this.motions.find(manager, conferenceId, amendment.id)) as MotionRow;
      announce(record, principal, after, 'amendment.accepted_by_mover', { acceptedAt: now.toISOString() });
      return after;
    });
  }

  /** The SOC (before the AGM) or the chair (in the hall) rules the amendment admissible or not, with a reason. */
  async rule(
    principal: Principal,
    conferenceId: string,
    amendmentId: string,
    admissible: boolean,
    reason: string | undefined,
  ): Promise<MotionRow> {
    const role = can(principal, 'motions.review', { conferenceId })
      ? 'soc'
      : can(principal, 'debate.chair', { conferenceId })
        ? 'chair'
        : null;
    if (!role) assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const amendment = await this.amendment(principal, manager, conferenceId, amendmentId);
      if (!['submitted', 'admitted', 'ruled_out_of_order'].includes(amendment.status)) {
        throw new StandingOrderViolation(
          'amendment-ruling',
          `An amendment that is ${amendment.status.replace(/_/g, ' ')} is no longer ruled on.`,
        );
      }
      const ruling = ruleOnAmendment(
        amendment.id,
        { admissible, reason },
        { id: actorOf(principal), role: role! },
        now,
      );
      const status = admissible ? 'admitted' : 'ruled_out_of_order';
      await this.motions.update(
        manager,
        amendment.id,
        {
          status,
          amendmentRuling: ruling.ruling,
          amendmentRulingReason: ruling.reason,
          statusReason: ruling.reason,
        },
        now,
      );
      await this.motions.audit(manager, {
        motionId: amendment.id,
        action: admissible ? 'rule_admissible' : 'rule_inadmissible',
        who: ruling.who,
        role: role!,
        at: now,
        why: ruling.reason,
        fromStatus: amendment.status,
        toStatus: status,
      });
      const after = (await this.motions.find(manager, conferenceId, amendment.id)) as MotionRow;
      announce(
        record,
        principal,
        after,
        admissible ? 'amendment.ruled_admissible' : 'amendment.ruled_inadmissible',
      );
      return after;
    });
  }

  private async amendment(
    principal: Principal,
    manager: import('typeorm').EntityManager,
    conferenceId: string,
    amendmentId: string,
  ): Promise<MotionRow> {
    // The amended motion's own body sees amendments to it, as do their movers and the SOC.
    const amendment = await this.motions.find(manager, conferenceId, amendmentId, true);
    if (!amendment || amendment.kind !== 'amendment') throw new NotFound('No such amendment.');
    const parent = (await this.motions.find(manager, conferenceId, amendment.parentMotionId!)) as MotionRow;
    if (!mayRead(principal, amendment) && !actsForMotion(principal, parent))
      throw new NotFound('No such amendment.');
    return amendment;
  }
}

function toAmendmentText(input: AmendmentCreateDto): AmendmentText {
  if (!!input.instructions === !!input.replacement) {
    throw new InvalidInput(
      'Give the amendment as instructions or as a full replacement text, one of the two.',
      { instructions: 'give instructions or replacement' },
    );
  }
  if (input.replacement) return { replacement: input.replacement };
  return { instructions: (input.instructions ?? []).map(toInstruction) };
}

function toInstruction(
  i: AmendmentInstructionDto,
  n: number,
): AmendmentText extends { instructions: (infer I)[] } ? I : never {
  const need = (value: string | undefined, field: string) => {
    if (!value?.trim())
      throw new InvalidInput(`Instruction ${n + 1} (${i.op}) needs '${field}'.`, {
        [`instructions.${n}.${field}`]: 'required',
      });
    return value;
  };
  if (i.op === 'delete') return { op: 'delete', text: need(i.text, 'text') } as never;
  if (i.op === 'insert')
    return (
      i.after !== undefined
        ? { op: 'insert', after: need(i.after, 'after'), text: need(i.text, 'text') }
        : { op: 'insert', text: need(i.text, 'text') }
    ) as never;
  return { op: 'replace', from: need(i.from, 'from'), to: need(i.to, 'to') } as never;
}

/** The amendment as the notice of motions prints it: "Delete ...; insert ... after ...". */
export function describeAmendment(given: AmendmentText): string {
  if ('replacement' in given) return `Delete all and replace with: "${given.replacement.trim()}"`;
  return given.instructions
    .map((i) => {
      if (i.op === 'delete') return `Delete "${i.text.trim()}"`;
      if (i.op === 'insert')
        return i.after
          ? `Insert "${i.text.trim()}" after "${i.after.trim()}"`
          : `Add at the end: "${i.text.trim()}"`;
      return `Replace "${i.from.trim()}" with "${i.to.trim()}"`;
    })
    .join('; ');
}
