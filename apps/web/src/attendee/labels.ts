/** A motion's state in words for members: never the stored code (carried_as_amended, not_reached). */
export const MOTION_STATE_WORDS: Record<string, string> = {
  admitted: 'Admitted',
  placed: 'To come',
  debated: 'Debated, outcome to follow',
  carried: 'Carried',
  carried_as_amended: 'Carried as amended',
  lost: 'Lost',
  remitted: 'Remitted',
  referred_back: 'Referred back',
  fell: 'Fell',
  not_reached: 'Not reached',
  withdrawn: 'Withdrawn',
  composited: 'Composited',
};

/** The statuses that are a decision of the conference (the item is done). */
export const DECIDED = new Set([
  'carried',
  'carried_as_amended',
  'lost',
  'remitted',
  'referred_back',
  'fell',
  'not_reached',
  'withdrawn',
]);

export const motionStateWords = (status: string | null | undefined): string =>
  (status && MOTION_STATE_WORDS[status]) || 'On the business';
