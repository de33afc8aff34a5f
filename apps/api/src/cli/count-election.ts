import { readFileSync } from 'node:fs';
import {
  countCsv,
  countElection,
  countReport,
  CountingMethod,
  DomainError,
  METHOD_NAMES,
  parseBlt,
} from '@agm/domain';

/**
 * `npm run count:election -- ballots.blt [--method scottish-stv|meek-stv|instant-runoff|first-past-the-post]
 * [--seed "dice 4 1 6"] [--csv]`: counts a BLT file and prints the stage table (or CSV with --csv).
 * For the returning officer and scrutineers: a recount of an exported file, or a check of another
 * program's result. Needs no database. Exit codes: 0 counted, 1 the file or options were refused,
 * 64 usage, 66 file unreadable.
 */
const USAGE = `Usage: npm run count:election -- ballots.blt [--method ${Object.keys(METHOD_NAMES).join('|')}] [--seed TEXT] [--csv]\n`;

export function main(args: string[], out: (text: string) => void, err: (text: string) => void): number {
  let path: string | undefined;
  let method: CountingMethod = 'scottish-stv';
  let seed: string | undefined;
  let csv = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--csv') csv = true;
    else if (arg === '--method' || arg === '--seed') {
      const value = args[++i];
      if (value === undefined) {
        err(`${arg} needs a value.\n${USAGE}`);
        return 64;
      }
      if (arg === '--seed') seed = value;
      else if (value in METHOD_NAMES) method = value as CountingMethod;
      else {
        err(`"${value}" is not a counting method. Choose one of: ${Object.keys(METHOD_NAMES).join(', ')}.\n`);
        return 64;
      }
    } else if (!arg.startsWith('-') && path === undefined) path = arg;
    else {
      err(`Unknown option ${arg}.\n${USAGE}`);
      return 64;
    }
  }
  if (!path) {
    err(USAGE);
    return 64;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    err(`Cannot read ${path}: ${(error as Error).message}\n`);
    return 66;
  }
  try {
    const blt = parseBlt(text);
    const count = countElection(method, {
      candidates: blt.candidates,
      seats: blt.seats,
      ballots: blt.ballots,
      withdrawn: blt.withdrawn,
      lotSeed: seed,
    });
    out(csv ? countCsv(count) : `${blt.title ? `${blt.title}\n` : ''}${countReport(count)}`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    err(`${error.message}\n`);
    return 1;
  }
}

if (require.main === module) {
  process.exitCode = main(
    process.argv.slice(2),
    (text) => process.stdout.write(text),
    (text) => process.stderr.write(text),
  );
}
