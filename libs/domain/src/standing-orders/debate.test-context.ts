import { AttendanceMode } from '../enums';
import { napoDefaultRuleset } from '../ruleset/ruleset';
import { decide } from './debate.decide';
import { applyDebateEvent, emptyDebateState } from './debate.fold';
import {
  DebateCommand,
  DebateContext,
  DebateEvent,
  DebateRuleset,
  DebateState,
  QuestionVoteFigures,
  SpeakingStance,
} from './debate.types';

/** Test seeding context for the debate specs: a fake clock, a presence list and the event log. */

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A command without expectedSeq: the context fills in the current version unless one is given. */
export type TestCommand = DistributiveOmit<DebateCommand, 'expectedSeq'> & { expectedSeq?: number };

export const AGM_OPENS = '2025-10-02T09:00:00.000Z';

export class DebateTestContext {
  readonly events: DebateEvent[] = [];
  state: DebateState = emptyDebateState();
  now = new Date(AGM_OPENS);
  readonly present = new Map<string, AttendanceMode>();
  readonly spokenAtThisAgm = new Set<string>();
  ruleset: DebateRuleset = napoDefaultRuleset();
  /** The vote (not voided) held on the question put, as voting would report it; null: none opened. */
  questionVote: QuestionVoteFigures | null = null;
  /** Items' labels on the order of business, as the use case gives them for refusals. */
  readonly titles = new Map<string, string>();

  constructor(members: Record<string, AttendanceMode> = {}) {
    for (const [memberId, mode] of Object.entries(members)) this.present.set(memberId, mode);
  }

  context(): DebateContext {
    return {
      attendanceOf: (memberId) => this.present.get(memberId) ?? null,
      spokenAtThisAgm: this.spokenAtThisAgm,
      questionVote: this.questionVote,
      titleOf: (itemId) => this.titles.get(itemId),
    };
  }

  /** Decides and applies the command; returns the events it produced. */
  run(command: TestCommand): DebateEvent[] {
    const full = { expectedSeq: this.state.version, ...command } as DebateCommand;
    const events = decide(this.state, full, this.ruleset, this.now, this.context());
    for (const event of events) {
      this.events.push(event);
      this.state = applyDebateEvent(this.state, event);
    }
    return events;
  }

  /** The error a refused command throws (fails the test if it is not refused). */
  refusal(command: TestCommand): Error {
    const before = this.state;
    try {
      this.run(command);
    } catch (error) {
      if (this.state !== before) throw new Error('a refused command changed the state');
      return error as Error;
    }
    throw new Error(`expected ${command.type} to be refused`);
  }

  advance(seconds: number): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
  }

  /** Takes the item, has the mover and seconder speak, and opens the floor. */
  openDebate(itemId: string, mover: string, seconder: string, motionId = `motion-${itemId}`): void {
    this.run({
      type: 'takeItem',
      itemId,
      motionId,
      moverMemberId: mover,
      seconderMemberId: seconder,
      kind: 'motion',
    });
    this.moveAndSecond(itemId);
  }

  /** Calls the mover and seconder of the question under debate to speak, then opens the floor. */
  moveAndSecond(itemId: string): void {
    this.run({ type: 'callMover', itemId });
    this.speak(itemId, 120);
    this.run({ type: 'callSeconder', itemId });
    this.speak(itemId, 60);
    this.run({ type: 'openFloor', itemId });
  }

  /** Starts the called speaker's speech, lets it run for `seconds`, and ends it. */
  speak(itemId: string, seconds: number): void {
    this.run({ type: 'startSpeech', itemId });
    this.advance(seconds);
    this.run({ type: 'endSpeech', itemId });
  }

  /** A member from the floor asks to speak, is called and speaks. */
  speakFromFloor(itemId: string, memberId: string, stance: SpeakingStance, seconds = 90): void {
    this.run({
      type: 'requestToSpeak',
      itemId,
      memberId,
      stance,
      attendanceMode: this.present.get(memberId) ?? 'hall',
    });
    this.run({ type: 'callSpeaker', itemId, memberId });
    this.speak(itemId, seconds);
  }

  /** The first member present who has not spoken raises a point of order; it is heard and ruled on. */
  raisePointAndRule(itemId = 'item-1', ruling = 'The chair rules the point not a point of order.'): void {
    const item = this.state.items[itemId];
    const memberId = [...this.present.keys()].find((m) => !item.spokenMemberIds.includes(m))!;
    this.run({ type: 'raisePointOfOrder', itemId, memberId, attendanceMode: this.present.get(memberId)! });
    this.run({ type: 'callSpeaker', itemId, memberId });
    this.speak(itemId, 20);
    this.run({ type: 'ruleOnPointOfOrder', itemId, ruling });
  }

  eventTypes(): string[] {
    return this.events.map((e) => e.type);
  }
}

/** Asserts the error is a StandingOrderViolation of the given rule and returns its message. */
export function ruleOf(error: Error): string | undefined {
  return (error as Error & { rule?: string }).rule;
}
