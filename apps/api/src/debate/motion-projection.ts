import type { DebateEvent, DebateOutcome } from '@agm/domain';
import type { OutcomeAction } from '@agm/contracts';

/** One step of a motion's (or amendment's) status that a debate event implies. */
export interface MotionStep {
  motionId: string;
  action: OutcomeAction;
  reason: string | null;
  /** A motion carried in parts, some lost: the text it now reads (its resolution's text). */
  carriedText?: string;
}

const ITEM_ACTION: Record<DebateOutcome, OutcomeAction> = {
  carried: 'carry',
  carried_as_amended: 'carry_as_amended',
  lost: 'lose',
  remitted: 'remit',
  referred_back: 'refer_back',
  withdrawn: 'withdraw',
  fell: 'fall',
};
const AMENDMENT_ACTION: Record<'carried' | 'lost' | 'withdrawn' | 'fell', OutcomeAction> = { carried: 'carry', lost: 'lose', withdrawn: 'withdraw', fell: 'fall' };

/**
 * What the engine's events mean for the `motion` table, in order: taking an item (or moving an
 * amendment) puts it into debate; concluding it records the outcome; the guillotine marks the items
 * not reached. The debate applies these through the motions feature's `RecordMotionOutcome.apply`
 * in the same transaction as the command, so the log and the motion's status never disagree.
 */
export function motionStepsOf(events: readonly DebateEvent[]): MotionStep[] {
  const steps: MotionStep[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'item_taken':
        steps.push({ motionId: event.motionId, action: 'open_debate', reason: null });
        break;
      case 'amendment_taken':
        steps.push({ motionId: event.amendmentId, action: 'open_debate', reason: null });
        break;
      case 'amendment_concluded': {
        // The lifecycle asks why something fell: in the engine, an amendment falls when its mover is absent.
        const reason = event.outcome === 'fell' ? 'not moved: the mover was absent' : null;
        steps.push({ motionId: event.amendmentId, action: AMENDMENT_ACTION[event.outcome], reason });
        break;
      }
      case 'item_concluded':
        steps.push({
          motionId: event.motionId,
          action: ITEM_ACTION[event.outcome],
          reason: event.reason,
          ...(event.carriedText !== undefined ? { carriedText: event.carriedText } : {}),
        });
        break;
      case 'items_not_reached':
        for (const itemId of event.itemIds) steps.push({ motionId: itemId, action: 'mark_not_reached', reason: null });
        break;
      default:
        break;
    }
  }
  return steps;
}
