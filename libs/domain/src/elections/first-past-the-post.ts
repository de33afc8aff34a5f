import type { ElectionCount, ElectionInput } from './election.types';
import { VOTE_SCALE } from './fixed-point';
import { LotDrawer } from './lot';
import { prepareElection, prepareReservation } from './prepare';
import { StageRecorder } from './stage-recorder';

/**
 * First past the post, for one seat or several: each ballot marks up to as many candidates as there
 * are seats (an X-vote), every mark is one vote, and the candidates with the most votes fill the
 * seats. A ballot with more marks than seats is void and set aside (it is counted, not guessed at).
 * Candidates level for the last seat are separated by lot. Reserved seats are filled first by the
 * group's candidates with the most votes, then the rest of the seats by votes.
 */
export function countFirstPastThePost(input: ElectionInput): ElectionCount {
  const invalidLines = input.ballots.filter((b) => new Set(b.preferences).size > input.seats);
  const invalidBallots = invalidLines.reduce((sum, b) => sum + (b.count ?? 1), 0);
  const { names, seats, groups, standing } = prepareElection({
    ...input,
    ballots: input.ballots.filter((b) => new Set(b.preferences).size <= input.seats),
  });
  const reservation = prepareReservation(input, standing);
  const lot = new LotDrawer(input.lotSeed, names);
  const votes = new Array<number>(names.length).fill(0);
  let validBallots = 0;
  for (const g of groups) {
    validBallots += g.count;
    for (const c of g.preferences) votes[c] += g.count * VOTE_SCALE;
  }
  const recorder = new StageRecorder(0, names.length);
  const stage = recorder.record(
    { kind: 'marks' },
    'Marks counted: one vote for each candidate marked.',
    votes,
    0,
    null,
    [],
    [],
  );
  stage.roundingLoss = 0;

  const elected: number[] = [];
  /** Takes `count` seats from `pool` by votes, breaking a tie for the last of them by lot. */
  const fill = (pool: number[], count: number, purpose: string) => {
    let left = pool.filter((c) => !elected.includes(c));
    while (count > 0 && left.length > 0) {
      const top = Math.max(...left.map((c) => votes[c]));
      const tied = left.filter((c) => votes[c] === top);
      const taken = tied.length <= count ? tied.sort((a, b) => a - b) : [];
      if (!taken.length) {
        // More candidates level than seats at this level: the lot picks, one at a time.
        for (let k = 0; k < count; k++) {
          const pick = lot.draw(
            tied.filter((c) => !taken.includes(c)),
            purpose,
            1,
          );
          taken.push(pick);
        }
      }
      elected.push(...taken);
      count -= taken.length;
      left = left.filter((c) => !taken.includes(c));
    }
  };
  const standingCandidates = names.flatMap((_, c) => (standing[c] ? [c] : []));
  if (reservation) {
    reservation.need.forEach((need, k) => {
      fill(
        standingCandidates.filter((c) => reservation.groupOf[c] === k),
        need,
        `which of the candidates level for a seat reserved for ${reservation.labels[k]} takes it`,
      );
    });
  }
  fill(
    standingCandidates,
    seats - elected.length,
    'which of the candidates level for the last seat takes it',
  );
  stage.elected = [...elected];
  const notes = [...(reservation?.notes ?? [])];
  if (elected.length < seats)
    notes.push(`Only ${elected.length} of ${seats} seats could be filled: too few candidates stood.`);
  return {
    method: 'first-past-the-post',
    candidates: names,
    seats,
    validBallots,
    invalidBallots,
    quota: null,
    stages: recorder.stages,
    elected,
    excluded: [],
    draws: lot.draws,
    notes,
  };
}
