import { Injectable } from '@nestjs/common';
import {
  AgendaEntry,
  assertValidPriorityBallot,
  Conflict,
  Forbidden,
  InvalidInput,
  NotFound,
  orderAgenda,
  Principal,
  publishAgenda,
  StandingOrderViolation,
  tallyPriorityBallot,
} from '@agm/domain';
import { MotionRepository, MotionRow, SectionRow } from '@agm/persistence/motions';
import { assertCan } from '../../auth/access-control';
import { actorOf } from '../../auth/actor';
import { Transactions } from '../../events/transactions';
import { sectionsInOrder } from '../agenda-order';
import { stepMotion } from '../motion-steps';

/** Motions that go on the order of business when it is published (amendments ride with their motions). */
export const ON_AGENDA = (m: MotionRow) =>
  m.status === 'admitted' && m.kind !== 'amendment' && m.kind !== 'emergency_motion';

/**
 * The order of business: sections in rotating alphabetical order (rotated by the conference's year),
 * motions within a section by the priority ballot when members cast one, else in order of submission;
 * numbered "Motion 1..N" when published; emergency motions are slotted in afterwards in their own series (SlotEmergencyMotion).
 */
@Injectable()
export class OrderOfBusiness {
  constructor(
    private readonly transactions: Transactions,
    private readonly motions: MotionRepository,
  ) {}

  /** [Napo] Each member picks 1 to 9 admitted motions before the agenda is published; a new ballot replaces their last. */
  async castPriorityBallot(
    principal: Principal,
    conferenceId: string,
    picks: string[],
  ): Promise<{ picks: string[] }> {
    assertCan(principal, 'conference.view', { conferenceId });
    if (principal.kind !== 'attendee')
      throw new Forbidden(
        'The priority ballot is for members registered for the conference; sign in with your access code.',
      );
    return this.transactions.run(async ({ manager, now }) => {
      if (await this.motions.agenda(manager, conferenceId))
        throw new StandingOrderViolation(
          'priority-ballot',
          'The agenda is published; the priority ballot has closed.',
        );
      const ballotIds = (await this.motions.list(manager, conferenceId)).filter(ON_AGENDA).map((m) => m.id);
      assertValidPriorityBallot(picks, ballotIds);
      await this.motions.castPriorityBallot(manager, conferenceId, principal.memberId, picks, now);
      return { picks };
    });
  }

  async publish(principal: Principal, conferenceId: string): Promise<AgendaEntry[]> {
    assertCan(principal, 'motions.review', { conferenceId });
    return this.transactions.runFor(conferenceId, async ({ manager, record, now }) => {
      const conference = await this.motions.conferenceSettings(manager, conferenceId, true);
      if (!conference) throw new NotFound('No such conference, or it is not yours to see.');
      if (await this.motions.agenda(manager, conferenceId))
        throw new Conflict('The agenda is already published; slot emergency motions into it instead.');
      const sections = await this.motions.sections(manager, conferenceId);
      const motions = (await this.motions.list(manager, conferenceId)).filter(ON_AGENDA).sort(bySubmission);
      const homeless = motions.filter((m) => !m.sectionId);
      if (homeless.length > 0) {
        throw new InvalidInput(
          `Put every admitted motion in a section before publishing: ${homeless.map((m) => `"${m.title}"`).join(', ')} ${homeless.length === 1 ? 'has' : 'have'} none.`,
        );
      }
      const sectionName = (id: string | null) => (sections.find((s) => s.id === id) as SectionRow).name;
      // The conference's order of sections ([Napo] rotated alphabetically for the year on the set-up screen; the SOC may move them).
      const sectionOrder = (await sectionsInOrder(manager, this.motions, conferenceId)).map((s) => s.name);
      const ballots = await this.motions.priorityBallots(manager, conferenceId);
      const agendaMotions = motions.map((m) => ({
        id: m.id,
        section: sectionName(m.sectionId),
        kind: m.kind,
      }));
      // Counted as the SOC's tally counts it: a pick of a motion withdrawn or composited since the member
      // voted is dropped, not a reason to refuse publication (the rest of that ballot still counts).
      const withinSection =
        ballots.length > 0
          ? Object.fromEntries(
              tallyPriorityBallot(ballots, agendaMotions).sections.map((s) => [s.section, s.order]),
            )
          : {};
      const entries = publishAgenda(orderAgenda(sectionOrder, agendaMotions, withinSection));
      if (entries.length === 0)
        throw new StandingOrderViolation('agenda', 'No admitted motions to put on the agenda yet.');
      await this.motions.insertAgenda(manager, conferenceId, actorOf(principal), sectionOrder, now);
      const actor = { id: actorOf(principal), role: 'soc' as const };
      for (const [position, entry] of entries.entries()) {
        const motion = motions.find((m) => m.id === entry.motionId) as MotionRow;
        await stepMotion(manager, this.motions, motion, 'place', actor, entry.label, now, {
          agendaNumber: entry.number,
          agendaPosition: (position + 1) * 100,
          agendaLabel: entry.label,
        });
      }
      // The final agenda is public.
      record({
        conferenceId,
        type: 'agenda.published',
        payload: {
          sectionOrder,
          entries: entries.map((e) => ({ motionId: e.motionId, label: e.label, section: e.section })),
        },
        audience: 'public',
        actorId: actorOf(principal),
      });
      return entries;
    });
  }
}

function bySubmission(a: MotionRow, b: MotionRow): number {
  return (
    (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) ||
    a.createdAt.getTime() - b.createdAt.getTime()
  );
}
