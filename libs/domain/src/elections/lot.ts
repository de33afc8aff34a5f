import { InvalidInput } from '../errors';
import { sha256Hex } from './sha256';
import type { LotDraw } from './election.types';

/**
 * Draws by lot that anyone can repeat. The returning officer supplies a seed before the count; the
 * k-th draw among tied candidates computes sha256("<seed>:<k>:<name>") for each and picks the one
 * with the lowest key. Nothing about the draw depends on the order ballots were entered or on the
 * machine, so a scrutineer with the seed gets the same result with `printf … | sha256sum`.
 */
export class LotDrawer {
  readonly draws: LotDraw[] = [];

  constructor(
    private readonly seed: string | undefined,
    private readonly names: readonly string[],
  ) {}

  draw(among: readonly number[], purpose: string, stage: number): number {
    if (this.seed === undefined || this.seed === '') {
      throw new InvalidInput(
        `The count needs a draw by lot (${purpose}, between ${among.map((c) => this.names[c]).join(' and ')}) and no seed was given. ` +
          'Ask the returning officer for a seed for the draw and count again.',
        { lotSeed: 'needed: a tie can only be broken by lot' },
      );
    }
    const number = this.draws.length + 1;
    const sorted = [...among].sort((a, b) => a - b);
    const keys = sorted.map((c) => sha256Hex(`${this.seed}:${number}:${this.names[c]}`));
    let best = 0;
    for (let i = 1; i < keys.length; i++) if (keys[i] < keys[best]) best = i;
    this.draws.push({ number, stage, purpose, among: sorted, chosen: sorted[best], keys });
    return sorted[best];
  }
}

/**
 * The statutory tie-break (SSI 2007/42 rules 49(2) and 51(2)): look back through the earlier stages,
 * most recent first, to the last one at which the tied candidates had unequal votes, and keep those
 * with the most (for surpluses) or fewest (for exclusion) there. Where three or more are tied and two
 * of them are still level at that stage, the look-back continues for those two. If they were level
 * at every stage, the lot decides.
 *
 * `history[s]` is every candidate's votes at the end of stage s+1; the current stage is not in it.
 */
export function breakTie(
  tied: readonly number[],
  history: readonly (readonly number[])[],
  want: 'highest' | 'lowest',
  lot: LotDrawer,
  purpose: string,
  stage: number,
): number {
  let remaining = [...tied];
  for (let s = history.length - 1; s >= 0 && remaining.length > 1; s--) {
    const votes = history[s];
    const values = remaining.map((c) => votes[c]);
    const target = want === 'highest' ? Math.max(...values) : Math.min(...values);
    remaining = remaining.filter((c) => votes[c] === target);
  }
  if (remaining.length === 1) return remaining[0];
  return lot.draw(remaining, purpose, stage);
}
