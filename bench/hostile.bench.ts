import { fork } from 'node:child_process';
import { request } from 'node:http';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * `npm run bench:hostile`: how long `/health` takes to answer while hostile bodies arrive.
 *
 * The system runs in its own process (the vote storm's `server.ts`, `startApi()` on DATABASE_URL or the
 * embedded database), so this process's clients do not share its event loop. First `/health` is asked
 * SAMPLES times on a quiet server; then PARALLEL clients (default 4) each send 2 MB, 5,000-deep JSON bodies to
 * the unauthenticated sign-in, one after another, for SECONDS, while `/health` is asked again as often.
 * Target (issue 17): every `/health` answer within 100 ms while the bodies arrive.
 */
const PARALLEL = Number(process.env.PARALLEL ?? 4);
const SECONDS = Number(process.env.SECONDS ?? 10);
const TARGET_MS = 100;

/** The hostile-input test's body: `{"email":[[[…]]]}` 5,000 deep, padded with spaces to about 2 MB. */
function deepBody(depth: number, bytes: number): Buffer {
  const open = '{"email":' + '['.repeat(depth);
  const close = ']'.repeat(depth) + ',"password":"x"}';
  return Buffer.from(open + ' '.repeat(Math.max(0, bytes - open.length - close.length)) + close);
}

function send(url: URL, method: string, body?: Buffer): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, agent: false, headers: body ? { 'content-type': 'application/json', 'content-length': body.length } : {} },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const round = (ms: number) => Math.round(ms * 10) / 10;

async function sampleHealth(base: string, until: () => boolean): Promise<{ times: number[]; failures: number }> {
  const times: number[] = [];
  let failures = 0;
  while (!until()) {
    const { status, ms } = await send(new URL('/health', base), 'GET');
    if (status === 200) times.push(ms);
    else failures++;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { times: times.sort((a, b) => a - b), failures };
}

function describe(label: string, { times, failures }: { times: number[]; failures: number }) {
  console.log(
    `${label}: ${times.length} answers, p50 ${round(percentile(times, 50))} ms, p99 ${round(percentile(times, 99))} ms, max ${round(times[times.length - 1])} ms, not 200: ${failures}`,
  );
}

async function main(): Promise<void> {
  const child = fork(join(__dirname, 'vote-storm', 'server.ts'), [], { execArgv: ['-r', join(__dirname, 'transpile.js')], stdio: 'inherit' });
  const replies: Array<(message: { ok: boolean; data?: unknown; error?: string }) => void> = [];
  child.on('message', (message: { ok: boolean; data?: unknown; error?: string }) => replies.shift()?.(message));
  const ask = <T>(message?: object) =>
    new Promise<T>((resolve, reject) => {
      replies.push((reply) => (reply.ok ? resolve(reply.data as T) : reject(new Error(reply.error))));
      if (message) child.send(message);
    });
  await ask(); // ready
  const { url } = await ask<{ url: string }>({ kind: 'seed', voters: 0 });
  console.log(`bench:hostile on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'the embedded database'}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);

  const quietUntil = performance.now() + 3000;
  describe('quiet      ', await sampleHealth(url, () => performance.now() > quietUntil));

  const body = deepBody(5_000, 2_000_000);
  const hostileUntil = performance.now() + SECONDS * 1000;
  const statuses = new Map<number, number>();
  let sent = 0;
  const attackers = Array.from({ length: PARALLEL }, async () => {
    while (performance.now() < hostileUntil) {
      const { status } = await send(new URL('/api/auth/official', url), 'POST', body);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      sent++;
    }
  });
  const [under] = await Promise.all([sampleHealth(url, () => performance.now() > hostileUntil), ...attackers]);
  describe(`${PARALLEL} hostile`, under);
  console.log(`hostile bodies sent: ${sent} (${(sent * body.length / 1e6 / SECONDS).toFixed(0)} MB/s), answered ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}`);
  const worst = under.times[under.times.length - 1];
  console.log(worst <= TARGET_MS && under.failures === 0 ? `target met: every /health within ${TARGET_MS} ms` : `target missed: worst /health ${round(worst)} ms (target ${TARGET_MS} ms)`);
  child.send({ kind: 'stop' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
