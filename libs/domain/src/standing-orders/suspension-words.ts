import type { SuspensionTerms } from './debate.types';

/**
 * A suspension of standing orders in words, as the chair announces it and the floor shows it:
 * "Standing orders suspended for Motion 3 and Motion 5: the speech time limits (each speech may take up
 * to 10 minutes); the guillotine." `labelOf` names an item by its place on the order of business.
 */
export function suspensionInWords(terms: SuspensionTerms, labelOf: (itemId: string) => string): string {
  const business = listed(terms.itemIds.map(labelOf));
  const orders = terms.orders.map((order) =>
    order === 'speech_time_limits'
      ? `the speech time limits (each speech may take up to ${duration(terms.speechLimitSeconds ?? 0)})`
      : 'the guillotine (this business will not be recorded as not reached)',
  );
  return `Standing orders suspended for ${business}: ${orders.join('; ')}.`;
}

/** 600 → "10 minutes", 90 → "1 minute 30 seconds", 45 → "45 seconds". */
export function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(rest, 'second');
  return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
}

function listed(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
