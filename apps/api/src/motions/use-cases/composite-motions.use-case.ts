import { Injectable } from '@nestjs/common';
import {
  compositeMotions,
  CompositePlacement,
  countWords,
  NotFound,
  placeComposite,
  Principal,
} from '@agm/domain';
import type { CompositeCreateDto } from '@agm/contracts';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { announce } from '../motion-access';
import { highestMotionNumber, labelledItem, publishedItems, writeAgendaOrder } from '../agenda-order';
import { assertSectionOf, rulesetOf, stepMotion } from '../motion-steps';

/**
 * The SOC merges similar motions into a composite with new text: the originals become "composited"
 * (pointing to it), the composite keeps every original body as a submitter, and the originals'
 * amendments follow into the composite. Once the agenda is published the composite goes on the order of
 * business at once (`placeComposite` in libs/domain): in the place, and with the label, of the first of
 * its originals there, which leave it; `agenda.composite_placed` tells everyone.
 */
@Injectable()
export class CompositeMotions {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string, input: CompositeCreateDto): Promise<MotionRow> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      // The conference row is the lock: one change to its order of business at a time, so the stale check holds.
      if (!(await this.motions.conferenceSettings(manager, conferenceId, true)))
        throw new NotFound('No such conference, or it is not yours to see.');
      const found = await this.motions.findMany(manager, conferenceId, input.motionIds, true);
      const missing = input.motionIds.filter((id) => !found.some((m) => m.id === id));
      if (missing.length > 0) throw new NotFound(missing.length === 1 ? 'One of the motions chosen is not in this conference.' : `${missing.length} of the motions chosen are not in this conference.`);
      const originals = input.motionIds.map((id) => found.find((m) => m.id === id) as MotionRow);
      const sectionId = input.sectionId ?? originals[0].sectionId;
      await assertSectionOf(manager, this.motions, conferenceId, sectionId);
      const ruleset = await rulesetOf(manager, conferenceId);
      const actor = { id: actorOf(principal), role: 'soc' as const };
      // The id is the database's; the domain is asked first with a placeholder so nothing is written if it refuses.
      const published = (await this.motions.agenda(manager, conferenceId)) !== null;
      let placement: CompositePlacement | null = null;
      if (published) {
        // Composited originals keep their published number (not their label), so no "Motion N" is used twice.
        const highest = await highestMotionNumber(manager, this.motions, conferenceId);
        const items = (await publishedItems(manager, this.motions, conferenceId)).map(labelledItem);
        placement = placeComposite(
          items,
          { motionId: PENDING, title: input.title.trim(), sectionId },
          input.motionIds,
          input.expectedOrder,
          highest,
        );
      }
      compositeMotions(originals.map(toOriginal), input.text, input.title, {
        compositeId: PENDING,
        actor,
        now,
      });
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
      const result = compositeMotions(originals.map(toOriginal), input.text, input.title, {
        compositeId,
        actor,
        now,
      });
      await this.motions.addSubmitters(manager, compositeId, result.composite.submitterBodyIds);
      await this.motions.audit(manager, {
        motionId: compositeId,
        action: 'create_composite',
        who: actor.id,
        role: 'soc',
        at: now,
        why: `Composited from ${originals.map((m) => `"${m.title}"`).join(', ')}`,
        fromStatus: null,
        toStatus: 'admitted',
      });
      for (const step of result.originals) {
        // An original on the order of business leaves it: the composite takes its place and label (the number stays, as history).
        const leaves = placement?.replaced.some((r) => r.motionId === step.id)
          ? { agendaLabel: null, agendaPosition: null }
          : {};
        await this.motions.update(
          manager,
          step.id,
          { status: 'composited', compositeId, statusReason: step.audit.why, ...leaves },
          now,
        );
        const a = step.audit;
        await this.motions.audit(manager, {
          motionId: step.id,
          action: a.action,
          who: a.who,
          role: a.role,
          at: a.when,
          why: a.why,
          fromStatus: a.from,
          toStatus: a.to,
        });
        // DOMAIN.md: the SOC merges motions "and their amendments": they now amend the composite.
        for (const amendment of await this.motions.amendmentsOf(manager, step.id)) {
          await this.motions.update(manager, amendment.id, { parentMotionId: compositeId }, now);
          await this.motions.audit(manager, {
            motionId: amendment.id,
            action: 'follow_composite',
            who: actor.id,
            role: 'soc',
            at: now,
            why: `Now amends the composite "${input.title.trim()}"`,
            fromStatus: amendment.status,
            toStatus: amendment.status,
          });
        }
      }
      let composite = (await this.motions.find(manager, conferenceId, compositeId)) as MotionRow;
      if (placement) {
        composite = await stepMotion(manager, this.motions, composite, 'place', actor, placement.label, now, {
          agendaNumber: placement.number,
          agendaLabel: placement.label,
        });
        const order = placement.order.map((item) =>
          item.motionId === PENDING ? { ...item, motionId: compositeId } : item,
        );
        await writeAgendaOrder(
          manager,
          this.motions,
          await publishedItems(manager, this.motions, conferenceId),
          order,
          now,
        );
      }
      for (const original of await this.motions.findMany(manager, conferenceId, input.motionIds)) {
        announce(record, principal, original, 'motion.composited', { compositeId });
      }
      announce(record, principal, composite, 'motion.composite_created', {
        compositedFrom: input.motionIds,
        submitterBodyIds: composite.submitterBodyIds,
      });
      if (placement) {
        announce(
          record,
          principal,
          composite,
          'agenda.composite_placed',
          {
            label: placement.label,
            position: placement.position,
            replaced: placement.replaced.map((r) => ({
              motionId: r.motionId,
              label: r.label,
              title: r.title,
            })),
            order: placement.order.map((item) => (item.motionId === PENDING ? compositeId : item.motionId)),
          },
          ['public'],
        );
      }
      return (await this.motions.find(manager, conferenceId, compositeId)) as MotionRow;
    });
  }
}

/** The composite's id before the database gives it one. */
const PENDING = 'pending';

function toOriginal(m: MotionRow) {
  return {
    id: m.id,
    conferenceId: m.conferenceId,
    kind: m.kind,
    title: m.title,
    status: m.status,
    // A joint submission has no body to carry over; a composite of composites keeps all of theirs.
    submitterBodyIds: m.submitterBodyIds,
  };
}
