import { fork, ChildProcess } from 'node:child_process';
import { cpus, loadavg, setPriority } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { io, Socket } from 'socket.io-client';

/**
 * `npm run bench:vote-storm [-- N]`: N attendees (default 3,000; VOTERS or the first argument) on
 * socket.io websockets all vote within one second, then the chair closes the vote. Prints
 * acknowledged, lost, duplicated, p50/p99 acknowledgement latency, the time from the close to the
 * result on every client, and the raw single-row commit rate of the same database in the same run.
 * DATABASE_URL: that PostgreSQL; unset: the embedded database in memory.
 */
const VOTERS = Number(process.argv[2] ?? process.env.VOTERS ?? 3000);
const SPREAD_MS = Number(process.env.SPREAD_MS ?? 1000);
const CONNECT_BATCH = 100;

interface Seeded {
  url: string;
  conferenceId: string;
  chairToken: string;
  tokens: string[];
  embedded: boolean;
}

type Answer<T> = { ok: true; data: T } | { ok: false; error: string };

function startServer(): Promise<{ child: ChildProcess; ask: <T>(request: object) => Promise<T> }> {
  const child = fork(join(__dirname, 'server.ts'), [], {
    execArgv: ['-r', join(__dirname, '..', 'transpile.js'), ...(process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...(process.env.SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROF}`] : [])],
    env: { ...process.env },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  let pending: ((answer: Answer<unknown>) => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    pending = (answer) => (answer.ok ? resolve() : reject(new Error(answer.error)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  child.on('message', (answer: Answer<unknown>) => pending?.(answer));
  const ask = <T>(request: object) =>
    new Promise<T>((resolve, reject) => {
      pending = (answer) => (answer.ok ? resolve(answer.data as T) : reject(new Error(answer.error)));
      child.send(request);
    });
  return ready.then(() => ({ child, ask }));
}

/** Machine-wide CPU jiffies from /proc/stat (Linux): busy, idle and stolen by the hypervisor; undefined elsewhere. */
function machineCpu(): { busy: number; idle: number; steal: number } | undefined {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal };
  } catch {
    return undefined;
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function connectAll(url: string, tokens: string[], conferenceId: string): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < tokens.length; i += CONNECT_BATCH) {
    const batch = await Promise.all(
      tokens.slice(i, i + CONNECT_BATCH).map(
        (token) =>
          new Promise<Socket>((resolve, reject) => {
            const socket = io(url, { auth: { token, protocolVersion: 2 }, transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20000 });
            socket.once('connect_error', reject);
            socket.once('connect', async () => {
              // The handshake is authenticated before 'connect'; a join can still fail under load
              // (a timeout), so it is tried again a few times.
              for (let attempt = 0; attempt < 50; attempt++) {
                const joined = await socket.timeout(20000).emitWithAck('conference.join', { conferenceId });
                if (joined.ok) return resolve(socket);
                if (attempt === 49) return reject(new Error(joined.error.message));
                await new Promise((r) => setTimeout(r, 100));
              }
            });
          }),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { child, ask } = await startServer();
  process.on('exit', () => child.kill());
  // CLIENTS_NICE=n: the simulated clients (this process, not the server forked above) yield the CPU to
  // the server and PostgreSQL. Real attendees' phones take none of the server's CPU; on one 2-core
  // machine the 3,000 simulated ones do. Off unless asked; the first line says when it is on.
  const clientsNice = Number(process.env.CLIENTS_NICE ?? 0);
  if (clientsNice) setPriority(clientsNice);
  const seeded = await ask<Seeded>({ kind: 'seed', voters: VOTERS });
  const database = seeded.embedded ? 'embedded PGlite (in memory, pool 1)' : `PostgreSQL ${new URL(process.env.DATABASE_URL!).host}${new URL(process.env.DATABASE_URL!).pathname} (pool 20)`;
  console.log(`vote storm: ${VOTERS} voters, ${database}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}${clientsNice ? `, clients at nice ${clientsNice}` : ''}`);

  const commitSequential = await ask<{ commitsPerSecond: number }>({ kind: 'commit-rate', seconds: 2, concurrency: 1 });
  const commitParallel = await ask<{ commitsPerSecond: number }>({ kind: 'commit-rate', seconds: 2, concurrency: seeded.embedded ? 1 : 20 });

  const t0 = Date.now();
  const sockets = await connectAll(seeded.url, seeded.tokens, seeded.conferenceId);
  console.log(`connected and joined ${sockets.length} sockets in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const api = (path: string, body?: object) =>
    fetch(`${seeded.url}/api/conferences/${seeded.conferenceId}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${seeded.chairToken}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json();
    });

  // Each client notes when it sees the opening and the result.
  const openedAt = new Array<number>(sockets.length).fill(NaN);
  const resultAt = new Array<number>(sockets.length).fill(NaN);
  let counterMessages = 0;
  sockets.forEach((socket, i) => {
    // Protocol 2, as the phone: a commit's events (vote.closed with vote.result) come as one message.
    socket.on('conference.events', (events: Array<{ type: string }>) => {
      for (const event of events) {
        if (event.type === 'vote.opened') openedAt[i] = Date.now();
        if (event.type === 'vote.result') resultAt[i] = Date.now();
      }
    });
    if (i === 0) socket.on('vote.ballots', () => counterMessages++);
  });

  const openSent = Date.now();
  const vote = (await api('/votes', { subject: 'custom', title: 'Vote storm', topics: [], method: 'electronic', secret: true })) as { id: string };
  while (openedAt.some(Number.isNaN) && Date.now() - openSent < 10000) await new Promise((r) => setTimeout(r, 10));
  const openSpread = Math.max(...openedAt) - openSent;

  // The storm: every client casts once at a random moment within SPREAD_MS.
  const latencies: number[] = [];
  const receipts: string[] = [];
  const failures = new Map<string, number>();
  const cpuBefore = await ask<{ cpuMs: number; monotonicUs: number }>({ kind: 'cpu' });
  const clientCpuBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const stormStart = Date.now();
  let lastAck = 0;
  await Promise.all(
    sockets.map(
      (socket, i) =>
        new Promise<void>((resolve) => {
          setTimeout(async () => {
            const sent = performance.now();
            try {
              const answer = await socket.timeout(15000).emitWithAck('vote.cast', { conferenceId: seeded.conferenceId, voteId: vote.id, choice: ['for', 'against', 'abstain'][i % 3], idempotencyKey: randomUUID() });
              if (answer.ok) {
                latencies.push(performance.now() - sent);
                receipts.push(answer.data.receiptHash);
                lastAck = Date.now();
              } else failures.set(answer.error.message, (failures.get(answer.error.message) ?? 0) + 1);
            } catch (error) {
              failures.set(String(error), (failures.get(String(error)) ?? 0) + 1);
            }
            resolve();
          }, Math.random() * SPREAD_MS);
        }),
    ),
  );
  const allAckedWithin = lastAck - stormStart;
  const stormWall = Date.now() - stormStart;
  const cpuAfter = await ask<{ cpuMs: number; loopDelayP99Ms: number; loopDelayMaxMs: number; monotonicUs: number }>({ kind: 'cpu' });
  if (process.env.SERVER_CPU_PROF) console.log(`storm window (server monotonic µs): ${cpuBefore.monotonicUs} ${cpuAfter.monotonicUs}`);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const machineAfter = machineCpu();
  // The server, PostgreSQL and the simulated clients share the machine: how full was it during the storm?
  const machine = (() => {
    if (!machineBefore || !machineAfter) return 'not measured (no /proc/stat)';
    const busy = machineAfter.busy - machineBefore.busy;
    const all = busy + machineAfter.idle - machineBefore.idle + machineAfter.steal - machineBefore.steal;
    return `${Math.round((100 * busy) / all)}% busy, ${Math.round((100 * (machineAfter.steal - machineBefore.steal)) / all)}% stolen by the hypervisor (all ${cpus().length} cores)`;
  })();

  const closeSent = Date.now();
  await api(`/votes/${vote.id}/close`, {});
  const closeAnswered = Date.now() - closeSent;
  while (resultAt.some(Number.isNaN) && Date.now() - closeSent < 10000) await new Promise((r) => setTimeout(r, 5));
  const resultDelays = resultAt.map((t) => t - closeSent).sort((a, b) => a - b);
  const missingResult = resultAt.filter(Number.isNaN).length;

  const published = (await api(`/votes/${vote.id}/receipts`)) as Array<{ receiptHash: string }>;
  const counted = new Set(published.map((r) => r.receiptHash));
  const lost = receipts.filter((r) => !counted.has(r)).length;
  const duplicated = published.length - counted.size + Math.max(0, published.length - receipts.length);
  const final = (await api(`/votes/${vote.id}`)) as { result: { turnout: { voted: number } } };
  latencies.sort((a, b) => a - b);

  const lines = [
    `acknowledged:        ${latencies.length} of ${VOTERS}${failures.size ? ` (refused/failed: ${JSON.stringify(Object.fromEntries(failures))})` : ''}`,
    `lost:                ${lost} (acknowledged but not in the published receipt list)`,
    `duplicated:          ${duplicated} (published more than once, or published without an acknowledgement)`,
    `counted in result:   ${final.result.turnout.voted}`,
    `ack latency:         p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies[latencies.length - 1] ?? NaN)}`,
    `all acked within:    ${allAckedWithin} ms of the first send (ballots spread over ${SPREAD_MS} ms)`,
    `vote.opened on all:  ${openSpread} ms after the open request`,
    `close → result:      every client ${missingResult ? `NOT (${missingResult} missing)` : `within ${resultDelays[resultDelays.length - 1]} ms`} (first ${resultDelays[0]} ms, p50 ${resultDelays[Math.floor(resultDelays.length / 2)]} ms; close answered in ${closeAnswered} ms)`,
    `ballots-cast pushes: ${counterMessages} seen by one client during the storm`,
    `CPU during storm:    server ${Math.round(cpuAfter.cpuMs - cpuBefore.cpuMs)} ms, bench clients ${Math.round((clientCpu.user + clientCpu.system) / 1000)} ms, over ${stormWall} ms wall; server event-loop delay p99 ${cpuAfter.loopDelayP99Ms.toFixed(0)} ms, max ${cpuAfter.loopDelayMaxMs.toFixed(0)} ms`,
    `machine in storm:    ${machine}`,
    `raw commit rate:     ${commitSequential.commitsPerSecond}/s single-row commits on one connection, ${commitParallel.commitsPerSecond}/s over the pool`,
    `total run:           ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  console.log(lines.join('\n'));
  for (const socket of sockets) socket.close();
  child.send({ kind: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
  process.exitCode = lost === 0 && duplicated === 0 && latencies.length === VOTERS && missingResult === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
