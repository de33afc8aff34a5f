import { Injectable } from '@nestjs/common';
import { compositeMotions, countWords, NotFound, Principal } from '@agm/domain';
import type { CompositeCreateDto } from '@agm/contracts';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { announce } from '../motion-access';
import { assertSectionOf, rulesetOf } from '../motion-steps';

/**
 * The SOC merges similar motions into a composite with new text: the originals become "composited"
 * (pointing to it), the composite keeps every original body as a submitter, and the originals'
 * amendments follow into the composite.
 */
@Injectable()
export class CompositeMotions {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, input: CompositeCreateDto): Promise<MotionRow> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.run(async ({ manager, record, now }) => {
      const found = await this.motions.findMany(manager, conferenceId, input.motionIds, true);
      const missing = input.motionIds.filter((id) => !found.some((m) => m.id === id));
      if (missing.length > 0) throw new NotFound(`No motion ${missing.join(', ')} in this conference.`);
      const originals = input.motionIds.map((id) => found.find((m) => m.id === id) as MotionRow);
      const sectionId = input.sectionId ?? originals[0].sectionId;
      await assertSectionOf(manager, this.motions, conferenceId, sectionId);
      const ruleset = await rulesetOf(manager, conferenceId);
      const actor = { id: actorOf(principal), role: 'soc' as const };
      // The id is the database's; the domain is asked first with a placeholder so nothing is written if it refuses.
      compositeMotions(originals.map(toOriginal), input.text, input.title, { compositeId: 'pending', actor, now });
      const words = countWords(input.text, ruleset);
      const compositeId = await this.motions.insert(manager, {
        conferenceId,
        kind: 'composite',
        title: input.title.trim(),
        text: input.text.trim(),
        status: 'admitted',
        sectionId,
        topics: [...new Set(originals.flatMap((m) => m.topics))],
        wordCount: words.words,
        overWordLimit: words.overLimit,
        createdBy: actor.id,
        submittedAt: now,
        now,
      });
      const result = compositeMotions(originals.map(toOriginal), input.text, input.title, { compositeId, actor, now });
      await this.motions.addSubmitters(manager, compositeId, result.composite.submitterBodyIds);
      await this.motions.audit(manager, { motionId: compositeId, action: 'create_composite', who: actor.id, role: 'soc', at: now, why: `Composited from ${originals.map((m) => `"${m.title}"`).join(', ')}`, fromStatus: null, toStatus: 'admitted' });
      for (const step of result.originals) {
        await this.motions.update(manager, step.id, { status: 'composited', compositeId, statusReason: step.audit.why }, now);
        const a = step.audit;
        await this.motions.audit(manager, { motionId: step.id, action: a.action, who: a.who, role: a.role, at: a.when, why: a.why, fromStatus: a.from, toStatus: a.to });
        // DOMAIN.md: the SOC merges motions "and their amendments": they now amend the composite.
        for (const amendment of await this.motions.amendmentsOf(manager, step.id)) {
          await this.motions.update(manager, amendment.id, { parentMotionId: compositeId }, now);
          await this.motions.audit(manager, { motionId: amendment.id, action: 'follow_composite', who: actor.id, role: 'soc', at: now, why: `Now amends the composite "${input.title.trim()}"`, fromStatus: amendment.status, toStatus: amendment.status });
        }
      }
      const composite = (await this.motions.find(manager, conferenceId, compositeId)) as MotionRow;
      for (const original of await this.motions.findMany(manager, conferenceId, input.motionIds)) {
        announce(record, principal, original, 'motion.composited', { compositeId });
      }
      announce(record, principal, composite, 'motion.composite_created', { compositedFrom: input.motionIds, submitterBodyIds: composite.submitterBodyIds });
      return composite;
    });
  }
}

function toOriginal(m: MotionRow) {
  return {
    id: m.id,
    conferenceId: m.conferenceId,
    kind: m.kind,
    status: m.status,
    // A joint submission has no body to carry over; a composite of composites keeps all of theirs.
    submitterBodyIds: m.submitterBodyIds,
  };
}
