import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { main } from '../../apps/api/src/cli/count-election';

/** `npm run count:election`: a BLT file counted from the command line, as a scrutineer would recount. */
const root = join(__dirname, '..', '..');
const workedExample = join(root, 'libs/domain/src/elections/fixtures/worked-example.blt');

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = main(
    args,
    (t) => (stdout += t),
    (t) => (stderr += t),
  );
  return { code, stdout, stderr };
}

describe('count:election', () => {
  it('the npm script counts a BLT file and prints the stages (a real process)', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'count:election', '--', workedExample],
      { cwd: root, timeout: 55_000 },
    );
    expect(stdout).toContain(
      'Worked example\nSingle transferable vote, Scottish rules (SSI 2007/42): 3 seats, 5 candidates, 60 valid ballots',
    );
    expect(stdout).toContain('Elected: Alison, Brian, Duncan');
  });

  it('writes CSV with --csv and counts by the method asked for', () => {
    const { code, stdout } = run([workedExample, '--csv', '--method', 'meek-stv']);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[0]).toBe(
      'Stage,What happened,Quota,Alison,Brian,Catriona,Duncan,Euan,Non-transferable,Rounding loss,Elected,Excluded',
    );
    expect(stdout).toContain('The keep factors of Alison');
  });

  it('asks for a seed when a tie needs a draw by lot, and logs the draw when given one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'count-'));
    const file = join(dir, 'tie.blt');
    writeFileSync(file, '3 1\n10 1 0\n5 2 1 0\n5 3 1 0\n0\n"Ann"\n"Bea"\n"Cat"\n"Tied"\n');
    const refused = run([file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /needs a draw by lot .* between Bea and Cat.*Ask the returning officer for a seed/,
    );
    const drawn = run([file, '--seed', 'dice 4 1 6']);
    expect(drawn.code).toBe(0);
    expect(drawn.stdout).toMatch(
      /Draw by lot 1 at stage 2 \(which of the candidates with the fewest votes is excluded\): Bea [0-9a-f]{64}; Cat [0-9a-f]{64} → (Bea|Cat)/,
    );
  });

  it('refuses a broken file with its line, and bad usage with the usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'count-'));
    const file = join(dir, 'bad.blt');
    writeFileSync(file, '2 1\n3 1 2\n0\n"A"\n"B"\n"T"\n');
    expect(run([file])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('BLT file, line 2: a ballot line must end with 0.'),
    });
    expect(run([])).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('Usage: npm run count:election'),
    });
    expect(run([file, '--method', 'borda'])).toMatchObject({
      code: 64,
      stderr: expect.stringContaining('"borda" is not a counting method'),
    });
    expect(run([join(dir, 'missing.blt')])).toMatchObject({ code: 66 });
  });
});
