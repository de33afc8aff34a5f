import { Conflict, FieldErrors, InvalidInput } from '../errors';

/** What the tellers count on a show of cards in the hall. */
export interface HallCount {
  for: number;
  against: number;
  abstain: number;
}

const COUNT_FIELDS = ['for', 'against', 'abstain'] as const;

/**
 * Validates the tellers' count of the hall: whole numbers, and no more cards than eligible members
 * present in the hall when the vote opened (the snapshot's hallHeadcount). When a second teller
 * confirms, the two counts must agree exactly, or the hall is recounted.
 */
export function validateTellerCount(
  count: HallCount,
  hallHeadcount: number,
  confirmation?: HallCount,
): HallCount {
  assertCountShape(count, '');
  const total = count.for + count.against + count.abstain;
  if (total > hallHeadcount) {
    throw new InvalidInput(
      `The tellers counted ${total} cards but only ${hallHeadcount} eligible members were in the hall when the vote opened. Recount the hall.`,
      { total: `must be at most ${hallHeadcount}` },
    );
  }
  if (confirmation !== undefined) {
    assertCountShape(confirmation, 'confirmation.');
    const differing = COUNT_FIELDS.filter((field) => confirmation[field] !== count[field]);
    if (differing.length > 0) {
      const errors: FieldErrors = {};
      for (const field of differing)
        errors[field] = `first teller ${count[field]}, second teller ${confirmation[field]}`;
      throw new Conflict(
        `The two tellers' counts differ (${differing.join(', ')}). Recount the hall and enter the count again.`,
        errors,
      );
    }
  }
  return { for: count.for, against: count.against, abstain: count.abstain };
}

function assertCountShape(count: HallCount, prefix: string): void {
  const errors: FieldErrors = {};
  for (const field of COUNT_FIELDS) {
    const value = count?.[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      errors[`${prefix}${field}`] = 'must be a whole number, 0 or more';
  }
  if (Object.keys(errors).length > 0) {
    throw new InvalidInput(
      'Teller counts must be whole numbers of cards, 0 or more, for, against and abstain.',
      errors,
    );
  }
}

/** What the declaration needs to know of the tellers' count of the hall. */
export interface HallCountRecord {
  confirmedBy: string | null;
  /** The chair's reason for declaring on one teller's count, when they did. */
  acceptedUnconfirmedReason: string | null;
}

/**
 * A hall count is declared only once a second teller has confirmed it, or the chair has accepted it
 * unconfirmed with a reason (shown with the result and minuted): one teller's unchecked entry never
 * decides a vote silently.
 */
export function hallCountDeclarable(count: HallCountRecord | null): boolean {
  return count !== null && (count.confirmedBy !== null || count.acceptedUnconfirmedReason !== null);
}

/**
 * The chair overrides the second teller's confirmation (a teller is missing, say): only for a count
 * entered and not confirmed, and only with a reason. Returns the reason as recorded.
 */
export function acceptUnconfirmedHallCount(count: HallCountRecord | null, reason: string): string {
  if (count === null) {
    throw new Conflict('No hall count has been entered for this vote yet; a teller enters it first.');
  }
  if (count.confirmedBy !== null) {
    throw new Conflict('A second teller has confirmed this count; there is nothing to override.');
  }
  const why = reason.trim();
  if (!why) {
    throw new InvalidInput(
      'Give the reason the count is declared without a second teller; it is shown with the result and minuted.',
      { reason: 'required' },
    );
  }
  return why;
}
