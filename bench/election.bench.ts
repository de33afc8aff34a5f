import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  countMeekStv,
  countScottishStv,
  formatBlt,
  parseBlt,
  type ElectionInput,
  type RankedBallot,
} from '@agm/domain';

/**
 * `npm run bench:election`: an STV count of 10,000 ballots, 12 candidates, 5 seats (the target is
 * one second on the project's 2-core machine). The ballots are generated from a fixed seed, so every
 * run counts the same election: candidates of uneven popularity, each ballot ranking between one and
 * all twelve of them, almost every ballot different (the count's worst case, as little groups).
 * Times the Scottish count (median of REPEATS), the same count read from a BLT file, and Meek's.
 */
const BALLOTS = Number(process.env.BALLOTS ?? 10_000);
const CANDIDATES = 12;
const SEATS = 5;
const REPEATS = 5;
const TARGET_MS = 1000;

/** mulberry32: a small seeded generator, so the election is the same on every run. */
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeElection(): ElectionInput {
  const random = generator(20261204);
  const popularity = Array.from({ length: CANDIDATES }, (_, c) => 1 + ((c * 7) % CANDIDATES) + random() * 4);
  const ballots: RankedBallot[] = [];
  for (let b = 0; b < BALLOTS; b++) {
    const left = popularity.map((weight, c) => ({ c, weight }));
    const length = 1 + Math.floor(random() * CANDIDATES);
    const preferences: number[] = [];
    while (preferences.length < length) {
      const total = left.reduce((sum, x) => sum + x.weight, 0);
      let pick = random() * total;
      const index = left.findIndex((x) => (pick -= x.weight) <= 0);
      preferences.push(left.splice(index === -1 ? left.length - 1 : index, 1)[0].c);
    }
    ballots.push({ preferences });
  }
  return {
    candidates: popularity.map((_, c) => ({ name: `Candidate ${c + 1}` })),
    seats: SEATS,
    ballots,
    lotSeed: 'bench',
  };
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(run: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

const election = makeElection();
const distinct = new Set(election.ballots.map((b) => b.preferences.join(','))).size;
console.log(
  `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · Node.js ${process.version}`,
);
console.log(`${BALLOTS} ballots (${distinct} different), ${CANDIDATES} candidates, ${SEATS} seats`);

const scottish = Array.from({ length: REPEATS }, () => time(() => countScottishStv(election)));
const count = scottish[0].result;
console.log(
  `Scottish STV: median ${median(scottish.map((t) => t.ms)).toFixed(1)} ms of ${REPEATS} (first ${scottish[0].ms.toFixed(1)} ms), ` +
    `${count.stages.length} stages, elected ${count.elected.map((c) => c + 1).join(', ')}`,
);

const file = formatBlt({
  title: 'Bench',
  seats: SEATS,
  candidates: election.candidates.map((c) => ({ ...c })),
  withdrawn: [],
  ballots: election.ballots.map((b) => ({ ...b })),
});
const fromFile = time(() => {
  const blt = parseBlt(file);
  return countScottishStv({ candidates: blt.candidates, seats: blt.seats, ballots: blt.ballots });
});
console.log(
  `BLT file (${(file.length / 1024).toFixed(0)} KiB) read and counted: ${fromFile.ms.toFixed(1)} ms`,
);

const meek = time(() => countMeekStv(election));
console.log(
  `Meek's STV: ${meek.ms.toFixed(1)} ms, ${meek.result.stages.length} stages, elected ${meek.result.elected.map((c) => c + 1).join(', ')}`,
);

const worst = Math.max(median(scottish.map((t) => t.ms)), fromFile.ms);
console.log(worst <= TARGET_MS ? `within the ${TARGET_MS} ms target` : `OVER the ${TARGET_MS} ms target`);
process.exitCode = worst <= TARGET_MS ? 0 : 1;
