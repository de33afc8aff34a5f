import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '@agm/config';
import { csvField } from '@agm/domain/membership';
import { startApi } from '../apps/api/src/bootstrap';
import type { TestApi } from '../test/support/test-api';
import { TestContext } from '../test/support/test-context';

/**
 * `npm run bench:import`: the membership register import, measured through HTTP on the real system.
 * Generates 5,000 members (MEMBERS to change) across 60 branches, starts the system (the embedded
 * database in memory, or DATABASE_URL), imports the branches, then times: the first import (all new),
 * a re-import (all updates), and a file of the same size with errors on every 50th line (refused).
 */
const MEMBERS = Number(process.env.MEMBERS ?? 5000);
const BRANCHES = 60;
const REPEATS = 3;
const CATEGORIES = ['full', 'professional_associate', 'associate', 'retired', 'student'];

function branchesCsv(): string {
  const lines = ['code,kind,name,region,membership_count'];
  for (let b = 0; b < BRANCHES; b++)
    lines.push(
      `BR${b},branch,${csvField(`Branch ${b}, test`)},Region ${b % 8},${Math.ceil(MEMBERS / BRANCHES)}`,
    );
  return `${lines.join('\r\n')}\r\n`;
}

function membersCsv(options: { renamed?: boolean; broken?: boolean } = {}): string {
  const lines = ['membership_number,name,email,category,branch_code'];
  for (let i = 0; i < MEMBERS; i++) {
    const number = `B${String(i).padStart(6, '0')}`;
    const name = csvField(`${options.renamed ? 'Renamed' : 'Member'} ${i}, "Bench"`);
    let email = `member${i}@bench.example`;
    let branch = `BR${i % BRANCHES}`;
    let num = number;
    if (options.broken && i % 50 === 7) {
      // Three kinds of error in turn: a bad address, an unknown branch, a duplicate number.
      const kind = Math.floor(i / 50) % 3;
      if (kind === 0) email = 'not-an-address';
      if (kind === 1) branch = 'NOWHERE';
      if (kind === 2) num = `B${String(i - 1).padStart(6, '0')}`;
    }
    lines.push([num, name, email, CATEGORIES[i % CATEGORIES.length], branch].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** host and database only: never print a password. */
const describeUrl = (url: string | undefined) =>
  url ? `${new URL(url).host}${new URL(url).pathname}` : 'unset';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'agm-bench-')),
  });
  const api = await startApi(config, { embeddedDataDir: 'memory' });
  const http = () => request(api.url);
  try {
    const admin = await new TestContext({ ...api, config, http } as TestApi).asHeadOffice();
    const post = (what: string, csv: string) =>
      http().post(`/api/membership/${what}/import`).set(admin.auth).set('content-type', 'text/csv').send(csv);
    const count = async () =>
      (await http().get('/api/membership/members?limit=1').set(admin.auth)).body.total as number;

    const bodies = await post('bodies', branchesCsv());
    if (bodies.status !== 200)
      throw new Error(`bodies import answered ${bodies.status}: ${JSON.stringify(bodies.body)}`);

    const good = membersCsv();
    const renamed = membersCsv({ renamed: true });
    const broken = membersCsv({ broken: true });
    const rows: string[] = [];
    const report = (what: string, ms: number, answer: string) =>
      rows.push(`| ${what} | ${ms.toFixed(0)} | ${answer} |`);

    const first = await timed(() => post('members', good));
    report(
      `first import, ${MEMBERS} members (${(good.length / 1e6).toFixed(2)} MB)`,
      first.ms,
      `${first.value.status} ${JSON.stringify(first.value.body)}`,
    );

    const again: number[] = [];
    let againAnswer = '';
    for (let r = 0; r < REPEATS; r++) {
      const t = await timed(() => post('members', r % 2 ? good : renamed));
      again.push(t.ms);
      againAnswer = `${t.value.status} ${JSON.stringify(t.value.body)}`;
    }
    report(`re-import, every member updated (median of ${REPEATS})`, median(again), againAnswer);

    const before = await count();
    const refused: number[] = [];
    let refusedAnswer = '';
    for (let r = 0; r < REPEATS; r++) {
      const t = await timed(() => post('members', broken));
      refused.push(t.ms);
      refusedAnswer = `${t.value.status}, ${Object.keys(t.value.body.errors ?? {}).length} problems named`;
    }
    const after = await count();
    report(
      `file with errors on every 50th line, refused (median of ${REPEATS})`,
      median(refused),
      `${refusedAnswer}; members before ${before}, after ${after}`,
    );

    process.stdout.write(
      [
        `membership import benchmark: ${MEMBERS} members, ${BRANCHES} branches`,
        `database: ${api.database.embedded ? 'embedded PGlite in memory' : `PostgreSQL, DATABASE_URL ${describeUrl(config.databaseUrl)}`}`,
        `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${new Date().toISOString()}`,
        '',
        '| step | ms | answer |',
        '|---|---:|---|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await api.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
