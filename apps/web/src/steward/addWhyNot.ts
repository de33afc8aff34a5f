import type { LiveState } from '../live';

type Floor = NonNullable<LiveState['floor']>;

/**
 * Why a steward cannot add a speaker now, in words, or null when they can. Only the obvious cases are
 * caught here (nothing being debated, no connection); the api applies the standing orders to each member.
 */
export function addWhyNot(
  item: Floor['item'] | null,
  report: Floor['report'] | null,
  offline: boolean,
): string | null {
  if (offline) return 'Not connected: the form works again once the screen is back online.';
  if (!item)
    return report
      ? 'A report is being taken: a reference back is moved by the chair, not from the queue.'
      : 'No item is being debated yet: members can be added once the chair takes an item.';
  if (item.questionPut)
    return 'The question has been put on this item: nobody more can be added to speak on it.';
  return null;
}
