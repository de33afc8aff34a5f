import type { ElectionCount, ElectionInput } from './election.types';
import { formatVotes, mulDivFloor, VOTE_SCALE } from './fixed-point';
import { breakTie, LotDrawer } from './lot';
import {
  canStillBeElected,
  isProtected,
  prepareElection,
  prepareReservation,
  recordElected,
  seatsStillReserved,
} from './prepare';
import { StageRecorder } from './stage-recorder';

/**
 * Single transferable vote under the Scottish Local Government Elections Order 2007 (SSI 2007/42,
 * schedule 1, rules 45–52): Droop quota on the valid ballots, surpluses transferred by the weighted
 * inclusive Gregory method with every value truncated to five decimal places, one surplus or one
 * exclusion per stage, ties broken by the most recent earlier stage at which the tied candidates
 * differed and then by lot. Rule numbers are cited where the code carries them out.
 *
 * Ballots with identical preferences always travel together (their path depends only on their
 * preferences), so the count moves groups, each with one value per paper: the arithmetic is the
 * statute's paper by paper, multiplied by the group's size.
 */
export function countScottishStv(input: ElectionInput): ElectionCount {
  const { names, seats, groups, validBallots, standing } = prepareElection(input);
  const reservation = prepareReservation(input, standing);
  const n = names.length;
  const lot = new LotDrawer(input.lotSeed, names);

  // Rule 46: the quota.
  const quota = (Math.floor(validBallots / (seats + 1)) + 1) * VOTE_SCALE;

  const status: ('continuing' | 'elected' | 'excluded')[] = standing.map((s) =>
    s ? 'continuing' : 'excluded',
  );
  const votes = new Array<number>(n).fill(0);
  const piles: number[][] = names.map(() => []);
  const position = new Int32Array(groups.length);
  const weight = new Float64Array(groups.length).fill(VOTE_SCALE);
  let nonTransferable = 0;
  const elected: number[] = [];
  const excluded: number[] = [];
  const pendingSurplus: number[] = [];
  const recorder = new StageRecorder(validBallots * VOTE_SCALE, n);
  const stageNumber = () => recorder.stages.length + 1;

  // Rule 45: first preferences.
  groups.forEach((g, i) => {
    const c = g.preferences[0];
    piles[c].push(i);
    votes[c] += g.count * VOTE_SCALE;
  });
  recorder.record({ kind: 'first-preferences' }, 'First preferences counted.', votes, 0, quota, [], []);

  /** Moves a group to its next continuing preference, or sets it aside as non-transferable. */
  const passOn = (i: number) => {
    const prefs = groups[i].preferences;
    let p = position[i] + 1;
    while (p < prefs.length && status[prefs[p]] !== 'continuing') p++;
    const value = weight[i] * groups[i].count;
    if (p < prefs.length) {
      position[i] = p;
      piles[prefs[p]].push(i);
      votes[prefs[p]] += value;
    } else {
      position[i] = prefs.length;
      nonTransferable += value;
    }
  };

  const continuing = () => status.flatMap((s, c) => (s === 'continuing' ? [c] : []));
  const seatsLeft = () => seats - elected.length;

  /** Rule 47: everyone at or over the quota is elected, highest vote first. */
  const electThoseWithQuota = (): number[] => {
    const reached = continuing()
      .filter((c) => votes[c] >= quota)
      .sort((a, b) => votes[b] - votes[a] || a - b);
    const now: number[] = [];
    for (const c of reached) {
      if (seatsLeft() === 0) break;
      // A reservation can stop a candidate with a quota from taking a seat: they are excluded next.
      if (!canStillBeElected(reservation, c, seatsLeft())) continue;
      status[c] = 'elected';
      elected.push(c);
      recordElected(reservation, c);
      now.push(c);
      if (votes[c] > quota) pendingSurplus.push(c);
    }
    return now;
  };

  const exclude = (c: number, reason: 'lowest' | 'reserved-seats') => {
    status[c] = 'excluded';
    excluded.push(c);
    const pile = piles[c];
    piles[c] = [];
    votes[c] = 0;
    for (const i of pile) passOn(i);
    const why =
      reason === 'lowest'
        ? 'had the fewest votes'
        : `can no longer be elected: every seat still to fill is reserved for ${reservation!.labels.filter((_, k) => reservation!.need[k] > 0).join(' or ')}`;
    recorder.record(
      { kind: 'exclusion', candidates: [c], reason },
      `${names[c]} ${why} and is excluded; their ballot papers pass to the next continuing preference at their current value.`,
      votes,
      nonTransferable,
      quota,
      [],
      [c],
    );
  };

  recorder.addElected(electThoseWithQuota());

  for (;;) {
    if (seatsLeft() === 0) break;
    const stillIn = continuing();

    // Reserved seats: when every seat left is reserved, those who cannot fill them are excluded.
    if (reservation && seatsLeft() <= seatsStillReserved(reservation)) {
      const cannot = stillIn.filter((c) => !canStillBeElected(reservation, c, seatsLeft()));
      if (cannot.length) {
        const lowest = Math.min(...cannot.map((c) => votes[c]));
        const tied = cannot.filter((c) => votes[c] === lowest);
        exclude(
          breakTie(
            tied,
            recorder.history.slice(0, -1),
            'lowest',
            lot,
            'which candidate who cannot fill a reserved seat is excluded first',
            stageNumber(),
          ),
          'reserved-seats',
        );
        recorder.addElected(electThoseWithQuota());
        continue;
      }
    }

    // Rule 52: as many continuing candidates as seats left, and they are elected without transfers.
    if (stillIn.length <= seatsLeft()) {
      for (const c of stillIn.sort((a, b) => votes[b] - votes[a] || a - b)) {
        status[c] = 'elected';
        elected.push(c);
        recordElected(reservation, c);
      }
      recorder.addElected(stillIn);
      break;
    }

    // Rules 48–49: the largest surplus first.
    const surplusOf = (c: number) => votes[c] - quota;
    if (pendingSurplus.length) {
      const largest = Math.max(...pendingSurplus.map(surplusOf));
      const tied = pendingSurplus.filter((c) => surplusOf(c) === largest);
      const c = breakTie(
        tied,
        recorder.history.slice(0, -1),
        'highest',
        lot,
        'whose equal surplus is transferred first',
        stageNumber(),
      );
      pendingSurplus.splice(pendingSurplus.indexOf(c), 1);
      const surplus = surplusOf(c);
      const total = votes[c];
      const pile = piles[c];
      piles[c] = [];
      votes[c] = quota;
      for (const i of pile) {
        // Rule 48(3): surplus × the paper's value ÷ the candidate's votes, to five places, remainder ignored.
        weight[i] = mulDivFloor(weight[i], surplus, total);
        passOn(i);
      }
      recorder.record(
        { kind: 'surplus', candidate: c, surplus },
        `${names[c]}'s surplus of ${formatVotes(surplus)} is transferred: each of their ballot papers passes on at ${formatVotes(surplus)} ÷ ${formatVotes(total)} of its value, to five decimal places.`,
        votes,
        nonTransferable,
        quota,
        [],
        [],
      );
      recorder.addElected(electThoseWithQuota());
      continue;
    }

    // Rules 50–51: exclude the lowest (not a candidate a reservation still needs).
    const excludable = stillIn.filter((c) => !isProtected(reservation, c, stillIn));
    const lowest = Math.min(...excludable.map((c) => votes[c]));
    const tied = excludable.filter((c) => votes[c] === lowest);
    exclude(
      breakTie(
        tied,
        recorder.history.slice(0, -1),
        'lowest',
        lot,
        'which of the candidates with the fewest votes is excluded',
        stageNumber(),
      ),
      'lowest',
    );
    recorder.addElected(electThoseWithQuota());
  }

  const notes = [...(reservation?.notes ?? [])];
  if (elected.length < seats)
    notes.push(`Only ${elected.length} of ${seats} seats could be filled: too few candidates stood.`);
  return {
    method: 'scottish-stv',
    candidates: names,
    seats,
    validBallots,
    invalidBallots: 0,
    quota,
    stages: recorder.stages,
    elected,
    excluded,
    draws: lot.draws,
    notes,
  };
}
