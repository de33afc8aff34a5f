import { InvalidInput } from '../errors';
import type { ElectionCount, ElectionInput } from './election.types';
import { formatVotes, VOTE_SCALE } from './fixed-point';
import { breakTie, LotDrawer } from './lot';
import { prepareElection } from './prepare';
import { StageRecorder } from './stage-recorder';

/**
 * Instant runoff (the alternative vote) for one seat: a candidate with more than half of the votes
 * still in the count (ballots that still show a continuing preference) is elected; otherwise the
 * candidate with the fewest votes is excluded and their ballots pass, whole, to the next continuing
 * preference. Ties for exclusion are broken as the Scottish rules break them (most recent earlier
 * stage with a difference, then by lot), so one-seat STV and instant runoff elect the same person.
 */
export function countInstantRunoff(input: ElectionInput): ElectionCount {
  const { names, seats, groups, validBallots, standing } = prepareElection(input);
  if (seats !== 1)
    throw new InvalidInput('Instant runoff fills one seat; use STV for more.', { seats: 'must be 1' });
  const n = names.length;
  const lot = new LotDrawer(input.lotSeed, names);
  const status = standing.map((s) => (s ? 'continuing' : 'excluded'));
  const votes = new Array<number>(n).fill(0);
  const piles: number[][] = names.map(() => []);
  const position = new Int32Array(groups.length);
  let nonTransferable = 0;
  const recorder = new StageRecorder(validBallots * VOTE_SCALE, n);
  const excluded: number[] = [];
  const elected: number[] = [];

  groups.forEach((g, i) => {
    piles[g.preferences[0]].push(i);
    votes[g.preferences[0]] += g.count * VOTE_SCALE;
  });
  const majority = () =>
    (Math.floor((validBallots * VOTE_SCALE - nonTransferable) / VOTE_SCALE / 2) + 1) * VOTE_SCALE;
  recorder.record({ kind: 'first-preferences' }, 'First preferences counted.', votes, 0, majority(), [], []);

  for (;;) {
    const stillIn = status.flatMap((s, c) => (s === 'continuing' ? [c] : []));
    const needed = majority();
    const leader = stillIn.find((c) => votes[c] >= needed);
    if (leader !== undefined || stillIn.length <= 1) {
      const winner = leader ?? stillIn[0];
      if (winner !== undefined) {
        elected.push(winner);
        recorder.addElected([winner]);
      }
      break;
    }
    const lowest = Math.min(...stillIn.map((c) => votes[c]));
    const tied = stillIn.filter((c) => votes[c] === lowest);
    const c = breakTie(
      tied,
      recorder.history.slice(0, -1),
      'lowest',
      lot,
      'which of the candidates with the fewest votes is excluded',
      recorder.stages.length + 1,
    );
    status[c] = 'excluded';
    excluded.push(c);
    votes[c] = 0;
    for (const i of piles[c]) {
      const prefs = groups[i].preferences;
      let p = position[i] + 1;
      while (p < prefs.length && status[prefs[p]] !== 'continuing') p++;
      if (p < prefs.length) {
        position[i] = p;
        piles[prefs[p]].push(i);
        votes[prefs[p]] += groups[i].count * VOTE_SCALE;
      } else nonTransferable += groups[i].count * VOTE_SCALE;
    }
    piles[c] = [];
    recorder.record(
      { kind: 'exclusion', candidates: [c], reason: 'lowest' },
      `${names[c]} had the fewest votes and is excluded; their ballots pass to the next continuing preference. A majority of the ${formatVotes(validBallots * VOTE_SCALE - nonTransferable).replace(/\.0+$/, '')} ballots still in the count is now needed.`,
      votes,
      nonTransferable,
      majority(),
      [],
      [c],
    );
  }
  return {
    method: 'instant-runoff',
    candidates: names,
    seats: 1,
    validBallots,
    invalidBallots: 0,
    quota: recorder.stages[0].quota,
    stages: recorder.stages,
    elected,
    excluded,
    draws: lot.draws,
    notes: [],
  };
}
