/**
 * Vote values in fixed point. The Scottish rules (SSI 2007/42, rule 48(3)) calculate transfer values
 * "to five decimal places (any remainder being ignored)", so every value a count reports is a whole
 * number of hundred-thousandths of a vote. Keeping them as integers makes every sum exact: a float
 * would drift in the fifth place after a few thousand additions and no longer match a hand count.
 */
export const VOTE_SCALE = 100_000;

/** Whole votes as fixed-point units. */
export function wholeVotes(n: number): number {
  return n * VOTE_SCALE;
}

/**
 * floor(a × b / c) for non-negative integers. The product of a paper's value and a surplus can pass
 * 2^53 in a very large electorate, so the exact BigInt path takes over there.
 */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (Number.isSafeInteger(product)) return Math.floor(product / c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** "1234.56789": the five places the rules count in, as a returning officer's sheet shows them. */
export function formatVotes(units: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  const whole = Math.floor(abs / VOTE_SCALE);
  const fraction = String(abs % VOTE_SCALE).padStart(5, '0');
  return `${sign}${whole}.${fraction}`;
}

/** The inverse of formatVotes: "12.3" → 1230000 units. Refuses more than five places. */
export function parseVotes(text: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,5}))?$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a number of votes with at most five decimal places`);
  const units = Number(match[2]) * VOTE_SCALE + Number((match[3] ?? '').padEnd(5, '0'));
  return match[1] ? -units : units;
}
