import { Injectable } from '@nestjs/common';
import { Conflict, NotFound, numberNewResolutions, Principal } from '@agm/domain';
import type { RegisteredResolutionsDto } from '@agm/contracts';
import { MotionRepository } from '@agm/persistence/motions';
import { ResolutionRepository, ResolutionVoteSummary } from '@agm/persistence/resolutions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { carriedBooklet } from '../../motions/carried-booklet';
import { actorAccount, actorName, toResolutionSummary } from '../resolution.mapper';

const OUTCOME_WORDS: Record<string, string> = {
  carried: 'Carried',
  carried_as_amended: 'Carried as amended',
};

/**
 * The close of the AGM's business: every carried motion, composite and emergency motion (as amended)
 * becomes a resolution of the conference's year, numbered as the resolutions booklet numbers it, with
 * its final text, its movers, its vote and its topics. Done once per conference.
 */
@Injectable()
export class RegisterConferenceResolutions {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
    private readonly register: ResolutionRepository,
  ) {}

  async execute(principal: Principal, conferenceId: string): Promise<RegisteredResolutionsDto> {
    assertCan(principal, 'conference.manage', { conferenceId });
    const registered = await this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const conference = await this.motions.conferenceSettings(manager, conferenceId);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      const year = Number(conference.startsOn.slice(0, 4));
      await this.register.lockYear(manager, year);
      const already = await this.register.numbersOfConference(manager, conferenceId);
      if (already.length > 0) {
        throw new Conflict(
          `${conference.name}'s resolutions are already in the register as Resolutions ${already[0].number}–${already[already.length - 1].number} of ${year}.`,
        );
      }
      const all = await this.motions.list(manager, conferenceId);
      const sections = await this.motions.sections(manager, conferenceId);
      const bodies = await this.motions.bodiesByIds(manager, [
        ...new Set(all.flatMap((m) => m.submitterBodyIds)),
      ]);
      const bodyName = (id: string) =>
        bodies.find((b) => b.id === id)?.name ?? 'a body no longer in the register';
      const booklet = carriedBooklet(all, sections, conference, (ids) => ids.map(bodyName));
      const inBooklet = booklet.sections.flatMap((s) =>
        s.resolutions.map((r) => ({ ...r, sectionHeading: s.heading })),
      );
      if (inBooklet.length === 0)
        throw new Conflict(
          `No motion was carried at ${conference.name}: there is nothing to put in the register.`,
        );
      const numbered = numberNewResolutions(inBooklet, await this.register.lastNumberOfYear(manager, year));
      const rows = [];
      for (const r of numbered) {
        const motion = all.find((m) => m.id === r.motionId)!;
        rows.push({
          year,
          number: r.registerNumber,
          title: r.title,
          text: r.text,
          sectionHeading: r.sectionHeading,
          conferenceId,
          motionId: motion.id,
          movedBy: motion.submitterBodyIds.map(bodyName),
          moverBodyIds: motion.submitterBodyIds,
          outcome: OUTCOME_WORDS[motion.status] ?? null,
          vote: voteSummary(await this.register.declaredVoteOn(manager, motion.id)),
          topics: motion.topics,
        });
      }
      const ids = await this.register.insertMany(manager, rows);
      for (const [i, id] of ids.entries()) {
        await this.register.audit(manager, {
          resolutionId: id,
          actorAccountId: actorAccount(principal),
          actorName: actorName(principal),
          action: 'registered',
          detail: { conference: conference.name, motionTitle: rows[i].title },
          at: now,
        });
      }
      record({
        conferenceId,
        type: 'resolutions.registered',
        payload: { year, first: rows[0].number, last: rows[rows.length - 1].number },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return { year, ids };
    });
    const resolutions = await this.register.findMany(this.transactions.manager, registered.ids);
    return {
      year: registered.year,
      resolutions: resolutions
        .sort((a, b) => a.number - b.number)
        .map((r) => toResolutionSummary(r, principal)),
    };
  }
}

/** The figures of the motion's declared vote, in words as well; none when it was not counted (a show of cards with no count). */
function voteSummary(vote: { method: string; result: any } | null): ResolutionVoteSummary | null {
  const totals = vote?.result?.totals;
  if (!totals) return null;
  const method =
    {
      show_of_cards: 'show of cards',
      electronic: 'electronic vote',
      hybrid: 'hybrid vote',
      card_vote: 'card vote',
    }[vote!.method] ?? 'vote';
  const abstentions = totals.abstain === 1 ? '1 abstention' : `${totals.abstain} abstentions`;
  return {
    for: totals.for,
    against: totals.against,
    abstain: totals.abstain,
    description: `Carried: ${totals.for} for, ${totals.against} against, ${abstentions} (${method})`,
  };
}
