import { InvalidInput } from '../errors';
import type { ElectionCandidate, RankedBallot } from './election.types';

/**
 * The BLT ballot file, the format STV counting programs (OpenSTV, Droop, eSTV…) read:
 *
 *   4 2            candidates, seats
 *   -3             optional: withdrawn candidates, as negative numbers
 *   12 1 3 2 0     12 ballots ranking candidate 1, then 3, then 2; each line ends in 0
 *   0              end of ballots
 *   "Ann Smith"    candidate names, in number order
 *   "Ward 1"       the election's title
 *
 * Import also accepts what published files carry in practice: names and title without quotes (as
 * the Scottish council files do), a title with no line break at the end, `#` comments, and the
 * ballot ids some programs write in parentheses before the weight. A ballot with an `=` (equal
 * preferences) is refused: none of our methods can count it.
 */
export interface BltElection {
  title: string;
  seats: number;
  candidates: ElectionCandidate[];
  withdrawn: number[];
  ballots: RankedBallot[];
}

export function parseBlt(text: string): BltElection {
  if (!text.trim()) throw new InvalidInput('The BLT file is empty.', { file: 'empty' });
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let index = 0;
  const fail = (message: string): never => {
    throw new InvalidInput(`BLT file, line ${index + 1}: ${message}`, {
      file: `line ${index + 1}: ${message}`,
    });
  };
  const nextContentLine = (): string | undefined => {
    while (index < lines.length) {
      const line = lines[index].replace(/#.*$/, '').trim();
      if (line !== '') return line;
      index++;
    }
    return undefined;
  };
  const numbers = (line: string): number[] =>
    line.split(/\s+/).map((token) => {
      if (!/^-?\d+$/.test(token))
        fail(
          `"${token}" is not a whole number${token.includes('=') ? ' (equal preferences cannot be counted)' : ''}.`,
        );
      return Number(token);
    });

  const header = nextContentLine() ?? fail('the file has no header line.');
  const [candidateCount, seats, ...extra] = numbers(header);
  if (extra.length || !(candidateCount >= 1) || !(seats >= 1))
    fail('the first line must be the number of candidates and the number of seats, e.g. "4 2".');
  if (seats > candidateCount) fail(`${seats} seats but only ${candidateCount} candidates.`);
  index++;

  const withdrawn: number[] = [];
  let line = nextContentLine() ?? fail('the file ends before the ballots.');
  if (line.startsWith('-')) {
    for (const w of numbers(line)) {
      if (w >= 0 || -w > candidateCount)
        fail(`withdrawn candidates are written as negative numbers from -1 to -${candidateCount}.`);
      withdrawn.push(-w - 1);
    }
    index++;
  }

  const ballots: RankedBallot[] = [];
  for (;;) {
    line = nextContentLine() ?? fail('the file ends before the "0" that closes the ballots.');
    const withoutId = line.replace(/^\([^)]*\)\s*/, '');
    const values = numbers(withoutId);
    if (values.length === 1 && values[0] === 0) {
      index++;
      break;
    }
    const [count, ...rest] = values;
    if (rest[rest.length - 1] !== 0) fail('a ballot line must end with 0.');
    const preferences = rest.slice(0, -1).map((c) => {
      if (c < 1 || c > candidateCount) fail(`candidate ${c} is not between 1 and ${candidateCount}.`);
      return c - 1;
    });
    if (count < 0) fail('the number of ballots at the start of a line cannot be negative.');
    ballots.push({ preferences, count });
    index++;
  }

  const texts: string[] = [];
  while (texts.length < candidateCount + 1) {
    const raw = nextContentLine();
    if (raw === undefined) break;
    texts.push(unquote(raw));
    index++;
  }
  if (texts.length < candidateCount)
    fail(`the file names ${texts.length} candidates but says there are ${candidateCount}.`);
  if (nextContentLine() !== undefined) fail('there is more after the title than a BLT file has.');
  return {
    seats,
    candidates: texts.slice(0, candidateCount).map((name) => ({ name })),
    title: texts[candidateCount] ?? '',
    withdrawn,
    ballots,
  };
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"'))
    return text.slice(1, -1).replace(/""/g, '"').replace(/\\"/g, '"');
  return text;
}

function quote(text: string): string {
  return `"${text.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`;
}

/**
 * Writes ballots as a BLT file that other counting programs read. Identical ballots are written as
 * one line with their number (which is also what keeps an exported file anonymous: no line stands
 * for one member's ballot paper in the order it was cast).
 */
export function formatBlt(election: BltElection): string {
  const grouped = new Map<string, number>();
  for (const b of election.ballots) {
    if (!b.preferences.length) continue;
    const key = b.preferences.map((c) => c + 1).join(' ');
    grouped.set(key, (grouped.get(key) ?? 0) + (b.count ?? 1));
  }
  const ballotLines = [...grouped.entries()]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => compareRankings(a, b))
    .map(([key, count]) => `${count} ${key} 0`);
  const out = [`${election.candidates.length} ${election.seats}`];
  if (election.withdrawn.length) out.push(election.withdrawn.map((w) => `-${w + 1}`).join(' '));
  out.push(...ballotLines, '0', ...election.candidates.map((c) => quote(c.name)), quote(election.title));
  return `${out.join('\n')}\n`;
}

/** Ballot lines in candidate-number order, so the same ballots always give the same file. */
function compareRankings(a: string, b: string): number {
  const x = a.split(' ').map(Number);
  const y = b.split(' ').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}
