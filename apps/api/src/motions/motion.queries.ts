import { Injectable } from '@nestjs/common';
import { applyAmendment, Forbidden, NotFound, Principal, tallyPriorityBallot } from '@agm/domain';
import type { AgendaResponseDto, MotionAuditEntryDto, MotionResponseDto, PriorityBallotTallyDto } from '@agm/contracts';
import { assertCan } from '../auth/access-control';
import { MotionRepository, MotionRow } from '@agm/persistence/motions';
import { Transactions } from '../events/transactions';
import { actsForMotion, assertMayRead, handlesMotions, mayRead, PUBLIC_STATUSES } from './motion-access';
import { publishedItems, sectionsInOrder } from './agenda-order';
import { toAuditResponse, toMotionResponse } from './motion.mapper';
import { rulesetOf } from './motion-steps';

/** What a person may read of a conference's motions: their body's drafts, the SOC's queue, the public business. */
@Injectable()
export class MotionQueries {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  async list(principal: Principal, conferenceId: string): Promise<MotionResponseDto[]> {
    // Someone with no part in the conference is told it does not exist, not shown an empty list
    // (an empty list would tell them it does).
    assertCan(principal, 'conference.view', { conferenceId });
    const manager = this.transactions.manager;
    const ruleset = await rulesetOf(manager, conferenceId);
    const all = await this.motions.list(manager, conferenceId);
    const byId = new Map(all.map((m) => [m.id, m]));
    return all.filter((m) => mayRead(principal, m)).map((m) => this.respond(m, ruleset.submission.wordLimit, byId));
  }

  async get(principal: Principal, conferenceId: string, motionId: string): Promise<MotionResponseDto> {
    const manager = this.transactions.manager;
    const ruleset = await rulesetOf(manager, conferenceId);
    const found = await this.motions.find(manager, conferenceId, motionId);
    const parent = found?.parentMotionId ? await this.motions.find(manager, conferenceId, found.parentMotionId) : null;
    // The amended motion's own body sees every amendment to it.
    const ofOwnMotion = !!found && found.status !== 'draft' && !!parent && actsForMotion(principal, parent);
    const motion = ofOwnMotion ? (found as MotionRow) : assertMayRead(principal, found, motionId);
    return this.respond(motion, ruleset.submission.wordLimit, new Map(parent ? [[parent.id, parent]] : []));
  }

  async audit(principal: Principal, conferenceId: string, motionId: string): Promise<MotionAuditEntryDto[]> {
    const manager = this.transactions.manager;
    assertMayRead(principal, await this.motions.find(manager, conferenceId, motionId), motionId);
    return (await this.motions.auditOf(manager, motionId)).map(toAuditResponse);
  }

  /** The motion as each of its readable amendments would make it, and as amended by those carried. */
  async asAmended(principal: Principal, conferenceId: string, motionId: string): Promise<{ text: string; amendedText: string; amendments: Array<{ id: string; status: string; text: string | null; problem: string | null }> }> {
    const manager = this.transactions.manager;
    const motion = assertMayRead(principal, await this.motions.find(manager, conferenceId, motionId), motionId);
    const amendments = (await this.motions.amendmentsOf(manager, motion.id)).filter((a) => mayRead(principal, a));
    return {
      text: motion.text,
      amendedText: motion.amendedText ?? motion.text,
      amendments: amendments.map((a) => {
        try {
          return { id: a.id, status: a.status, text: applyAmendment(motion.text, a.amendmentText!), problem: null };
        } catch (error) {
          // An amendment that followed its motion into a composite may no longer fit the composite's words.
          return { id: a.id, status: a.status, text: null, problem: (error as Error).message };
        }
      }),
    };
  }

  private respond(motion: MotionRow, wordLimit: number, byId: Map<string, MotionRow>): MotionResponseDto {
    const parent = motion.parentMotionId ? byId.get(motion.parentMotionId) : undefined;
    return toMotionResponse(motion, wordLimit, parent?.text);
  }

  async findOrFail(conferenceId: string, motionId: string): Promise<MotionRow> {
    const motion = await this.motions.find(this.transactions.manager, conferenceId, motionId);
    if (!motion) throw new NotFound('No such motion, or it is not yours to see.');
    return motion;
  }

  /** The published order of business (or, before publication, an empty list), for anyone at the conference. */
  async agenda(principal: Principal, conferenceId: string): Promise<AgendaResponseDto> {
    assertCan(principal, 'conference.view', { conferenceId });
    const manager = this.transactions.manager;
    const published = await this.motions.agenda(manager, conferenceId);
    const sections = await this.motions.sections(manager, conferenceId);
    const placed = await publishedItems(manager, this.motions, conferenceId);
    const conference = published ? null : await this.motions.conferenceSettings(manager, conferenceId);
    return {
      publishedAt: published ? published.publishedAt.toISOString() : null,
      // Before publication: the order publishing will take the sections in, for the SOC to plan with.
      sectionOrder: published?.sectionOrder ?? (conference ? (await sectionsInOrder(manager, this.motions, conferenceId)).map((s) => s.name) : []),
      entries: published
        ? placed.map((m) => ({ motionId: m.id, label: m.agendaLabel as string, number: m.agendaNumber ?? 0, series: m.kind === 'emergency_motion' ? 'emergency' : 'motion', section: sections.find((s) => s.id === m.sectionId)?.name ?? null, sectionId: m.sectionId, title: m.title, status: m.status }))
        : [],
    };
  }

  /**
   * The member's own priority ballot, so their screen shows what they cast after a reload or on another
   * device. Only their own: the ballot is the member's (the SOC sees the count, never who picked what).
   */
  async myPriorityBallot(principal: Principal, conferenceId: string): Promise<{ picks: string[]; castAt: string | null }> {
    assertCan(principal, 'conference.view', { conferenceId });
    if (principal.kind !== 'attendee') throw new Forbidden('The priority ballot is for members registered for the conference; sign in with your access code.');
    const mine = await this.motions.priorityBallotOf(this.transactions.manager, conferenceId, principal.memberId);
    return { picks: mine?.picks ?? [], castAt: mine?.castAt.toISOString() ?? null };
  }

  /**
   * [Napo] The priority ballot's count: how many members cast one, and per section the motions most
   * picked first (the order publishing uses). Counts only, never who picked what; for the officials who
   * handle motions (SOC, chair, administrators).
   */
  async priorityBallotTally(principal: Principal, conferenceId: string): Promise<PriorityBallotTallyDto> {
    if (!handlesMotions(principal, conferenceId)) throw new Forbidden('The priority ballot’s count is for the Standing Orders Committee, the chair and the conference’s administrators.');
    const manager = this.transactions.manager;
    const conference = await this.motions.conferenceSettings(manager, conferenceId);
    if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
    const published = await this.motions.agenda(manager, conferenceId);
    const sections = await this.motions.sections(manager, conferenceId);
    const NO_SECTION = 'No section yet';
    const sectionName = (id: string | null) => sections.find((s) => s.id === id)?.name ?? NO_SECTION;
    // The motions on the ballot: admitted ones until publication, then those publication placed (in the order it used).
    const onBallot = (await this.motions.list(manager, conferenceId)).filter(
      (m) => ['motion', 'constitutional_amendment', 'composite'].includes(m.kind) && PUBLIC_STATUSES.includes(m.status) && (published ? m.agendaLabel !== null : m.status === 'admitted'),
    );
    const tally = tallyPriorityBallot(await this.motions.priorityBallots(manager, conferenceId), onBallot.map((m) => ({ id: m.id, section: sectionName(m.sectionId) })));
    const order = (await sectionsInOrder(manager, this.motions, conferenceId)).map((s) => s.name);
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    return {
      open: !published,
      ballots: tally.ballots,
      sections: [...tally.sections]
        .sort((a, b) => rank(a.section) - rank(b.section))
        .map((s) => ({
          section: s.section,
          automatic: s.automatic,
          motions: s.order.map((id) => ({ motionId: id, title: onBallot.find((m) => m.id === id)?.title ?? id, picks: s.picks[id] })),
        })),
    };
  }
}
