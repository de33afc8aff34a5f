import type { ElectionCount, ElectionInput, StageAction } from './election.types';
import { VOTE_SCALE } from './fixed-point';
import { breakTie, LotDrawer } from './lot';
import {
  canStillBeElected,
  isProtected,
  prepareElection,
  prepareReservation,
  recordElected,
  seatsStillReserved,
} from './prepare';
import { listNames, StageRecorder } from './stage-recorder';

/** Meek's values are kept to nine decimal places (as the Proportional Representation Foundation's reference rule does). */
const MEEK_ONE = 1_000_000_000n;
const TO_REPORTED = MEEK_ONE / BigInt(VOTE_SCALE);
/** Iterations stop when the elected candidates' surpluses add up to less than a millionth of a vote. */
const OMEGA = MEEK_ONE / 1_000_000n;

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/**
 * Meek's method of STV. Every elected candidate keeps only a fraction of each vote that reaches
 * them (their keep factor) and passes the rest on, to every later preference, including candidates
 * elected later; the fractions are recomputed until each elected candidate holds just a quota. The
 * quota is recalculated as votes are exhausted. Excluded candidates keep nothing, so a ballot passes
 * over them as if they had never stood. One stage is one election or one exclusion, reported with
 * each candidate's votes once the keep factors have settled (truncated to five decimal places).
 */
export function countMeekStv(input: ElectionInput): ElectionCount {
  const { names, seats, groups, validBallots, standing } = prepareElection(input);
  const reservation = prepareReservation(input, standing);
  const n = names.length;
  const lot = new LotDrawer(input.lotSeed, names);
  const total = BigInt(validBallots) * MEEK_ONE;
  const status: ('continuing' | 'elected' | 'excluded')[] = standing.map((s) =>
    s ? 'continuing' : 'excluded',
  );
  const keep: bigint[] = standing.map((s) => (s ? MEEK_ONE : 0n));
  const counts = groups.map((g) => BigInt(g.count));
  let votes: bigint[] = new Array<bigint>(n).fill(0n);
  let exhausted = 0n;
  let quota = 0n;
  const elected: number[] = [];
  const excluded: number[] = [];
  const recorder = new StageRecorder(validBallots * VOTE_SCALE, n);
  const seatsLeft = () => seats - elected.length;
  const continuing = () => status.flatMap((s, c) => (s === 'continuing' ? [c] : []));

  const distribute = () => {
    const next = new Array<bigint>(n).fill(0n);
    let rest = 0n;
    groups.forEach((g, i) => {
      let w = MEEK_ONE;
      for (const c of g.preferences) {
        if (keep[c] === 0n) continue;
        const portion = keep[c] === MEEK_ONE ? w : ceilDiv(w * keep[c], MEEK_ONE);
        next[c] += portion * counts[i];
        w -= portion;
        if (w === 0n) break;
      }
      rest += w * counts[i];
    });
    votes = next;
    exhausted = rest;
    quota = (total - exhausted) / BigInt(seats + 1) + 1n;
  };

  const reported = () => votes.map((v) => Number(v / TO_REPORTED));
  const record = (
    action: Parameters<StageRecorder['record']>[0],
    description: string,
    electedNow: number[],
    excludedNow: number[],
  ) =>
    recorder.record(
      action,
      description,
      reported(),
      Number(exhausted / TO_REPORTED),
      Number(ceilDiv(quota, TO_REPORTED)),
      electedNow,
      excludedNow,
    );

  /** Iterates the keep factors until the surpluses settle or someone new reaches the quota. */
  const settle = (): number[] => {
    let lastSurplus = -1n;
    for (;;) {
      distribute();
      const reached = continuing()
        .filter((c) => votes[c] >= quota)
        .sort((a, b) => (votes[b] > votes[a] ? 1 : votes[b] < votes[a] ? -1 : a - b));
      const now: number[] = [];
      for (const c of reached) {
        if (seatsLeft() === 0 || !canStillBeElected(reservation, c, seatsLeft())) continue;
        status[c] = 'elected';
        elected.push(c);
        recordElected(reservation, c);
        now.push(c);
      }
      if (now.length) return now;
      let surplus = 0n;
      for (const c of elected) if (votes[c] > quota) surplus += votes[c] - quota;
      if (surplus < OMEGA || (lastSurplus >= 0n && surplus >= lastSurplus)) return [];
      lastSurplus = surplus;
      for (const c of elected) keep[c] = ceilDiv(keep[c] * quota, votes[c]);
    }
  };

  /** Takes the continuing candidate with the fewest votes out of `candidates`: they keep nothing from now on. */
  const excludeLowest = (candidates: number[]): number => {
    const lowest = candidates.reduce((m, c) => (votes[c] < m ? votes[c] : m), votes[candidates[0]]);
    const tied = candidates.filter((c) => votes[c] === lowest);
    const c =
      tied.length === 1
        ? tied[0]
        : breakTie(
            tied,
            recorder.history.slice(0, -1),
            'lowest',
            lot,
            'which of the candidates with the fewest votes is excluded',
            recorder.stages.length + 1,
          );
    status[c] = 'excluded';
    keep[c] = 0n;
    excluded.push(c);
    return c;
  };

  // Each stage is one settling of the keep factors: after the first preferences, after an election
  // (the new member's keep factor falls and their surplus flows on), or after an exclusion.
  let action: StageAction = { kind: 'first-preferences' };
  let description = 'First preferences counted.';
  let excludedNow: number[] = [];
  for (;;) {
    const now = settle();
    const electedWords = now.length
      ? ` ${listNames(names, now)} reached the quota and ${now.length === 1 ? 'is' : 'are'} elected.`
      : '';
    record(action, description + electedWords, now, excludedNow);
    if (seatsLeft() === 0) break;
    if (now.length) {
      action = { kind: 'keep-factors', candidates: [...elected] };
      description = `The keep factors of ${listNames(names, elected)} are lowered until each keeps a quota; the rest of each vote passes on.`;
      excludedNow = [];
      continue;
    }
    const stillIn = continuing();
    if (reservation && seatsLeft() <= seatsStillReserved(reservation)) {
      const cannot = stillIn.filter((c) => !canStillBeElected(reservation, c, seatsLeft()));
      if (cannot.length) {
        const c = excludeLowest(cannot);
        action = { kind: 'exclusion', candidates: [c], reason: 'reserved-seats' };
        description = `${names[c]} can no longer be elected: every seat still to fill is reserved. They are excluded and every ballot now passes over them.`;
        excludedNow = [c];
        continue;
      }
    }
    if (stillIn.length <= seatsLeft()) {
      const order = stillIn.sort((a, b) => (votes[b] > votes[a] ? 1 : votes[b] < votes[a] ? -1 : a - b));
      for (const c of order) {
        status[c] = 'elected';
        elected.push(c);
        recordElected(reservation, c);
      }
      recorder.addElected(order);
      break;
    }
    const c = excludeLowest(stillIn.filter((o) => !isProtected(reservation, o, stillIn)));
    action = { kind: 'exclusion', candidates: [c], reason: 'lowest' };
    description = `${names[c]} had the fewest votes and is excluded; every ballot now passes over them.`;
    excludedNow = [c];
  }
  const notes = [...(reservation?.notes ?? [])];
  if (elected.length < seats)
    notes.push(`Only ${elected.length} of ${seats} seats could be filled: too few candidates stood.`);
  return {
    method: 'meek-stv',
    candidates: names,
    seats,
    validBallots,
    invalidBallots: 0,
    quota: recorder.stages[0].quota,
    stages: recorder.stages,
    elected,
    excluded,
    draws: lot.draws,
    notes,
  };
}
