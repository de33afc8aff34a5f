import { fork, ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ClientsRequest, StormOutcome } from './clients';

/**
 * `npm run bench:vote-storm [-- N]`: N attendees (default 3,000; VOTERS or the first argument) on
 * socket.io websockets all vote within one second, then the chair closes the vote. Prints
 * acknowledged, lost, duplicated, p50/p99 acknowledgement latency, the time from the close to the
 * result on every client, and the raw single-row commit rate of the same database in the same run.
 * The simulated phones run in ceil(N / CLIENTS_PER_PROCESS) processes of their own (clients.ts).
 * DATABASE_URL: that PostgreSQL; unset: the embedded database in memory.
 */
const VOTERS = Number(process.argv[2] ?? process.env.VOTERS ?? 3000);
const SPREAD_MS = Number(process.env.SPREAD_MS ?? 1000);
/**
 * Simulated phones per client process (clients.ts). Real phones decode their own copy of the result; in
 * one process 10,000 of them decode in turn, which the "every client" figure would measure more than
 * the server. Up to 5,000 share a process, so runs of 3,000 are measured as they always were.
 */
const CLIENTS_PER_PROCESS = Number(process.env.CLIENTS_PER_PROCESS ?? 5000);

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

/** A process of simulated phones (clients.ts), asked one thing at a time over IPC. */
interface ClientProcess {
  ask<T>(request: ClientsRequest): Promise<T>;
  child: ChildProcess;
}

function startClients(): ClientProcess {
  const child = fork(join(__dirname, 'clients.ts'), [], { execArgv: ['-r', join(__dirname, '..', 'transpile.js')], stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(request: ClientsRequest) =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (answer: Answer<T>) => (answer.ok ? resolve(answer.data) : reject(new Error(answer.error))));
      child.send(request);
    });
  return { ask, child };
}

/** When every simulated phone saw an event, in one list (NaN: not seen within the time allowed). */
async function seenEverywhere(clients: ClientProcess[], type: 'vote.opened' | 'vote.result', timeoutMs: number): Promise<number[]> {
  return (await Promise.all(clients.map((c) => c.ask<number[]>({ kind: 'await-event', type, timeoutMs })))).flat();
}

async function main(): Promise<void> {
  const started = Date.now();
  const { child, ask } = await startServer();
  process.on('exit', () => child.kill());
  // CLIENTS_NICE=n: the simulated clients (their processes, not the server forked above) yield the CPU to
  // the server and PostgreSQL. Real attendees' phones take none of the server's CPU; on one 2-core
  // machine the 3,000 simulated ones do. Off unless asked; the first line says when it is on.
  const clientsNice = Number(process.env.CLIENTS_NICE ?? 0);
  const seeded = await ask<Seeded>({ kind: 'seed', voters: VOTERS });
  const database = seeded.embedded ? 'embedded PGlite (in memory, pool 1)' : `PostgreSQL ${new URL(process.env.DATABASE_URL!).host}${new URL(process.env.DATABASE_URL!).pathname} (pool 20)`;
  console.log(`vote storm: ${VOTERS} voters, ${database}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}${clientsNice ? `, clients at nice ${clientsNice}` : ''}`);

  const commitSequential = await ask<{ commitsPerSecond: number }>({ kind: 'commit-rate', seconds: 2, concurrency: 1 });
  const commitParallel = await ask<{ commitsPerSecond: number }>({ kind: 'commit-rate', seconds: 2, concurrency: seeded.embedded ? 1 : 20 });

  const t0 = Date.now();
  const processes = Math.max(1, Math.ceil(VOTERS / CLIENTS_PER_PROCESS));
  const share = Math.ceil(VOTERS / processes);
  const clients = Array.from({ length: processes }, startClients);
  process.on('exit', () => clients.forEach((c) => c.child.kill()));
  const connected = await Promise.all(
    clients.map((c, i) => c.ask<number>({ kind: 'connect', url: seeded.url, tokens: seeded.tokens.slice(i * share, (i + 1) * share), conferenceId: seeded.conferenceId, nice: clientsNice })),
  );
  console.log(`connected and joined ${connected.reduce((a, b) => a + b, 0)} sockets in ${((Date.now() - t0) / 1000).toFixed(1)} s, in ${processes} client process${processes > 1 ? 'es' : ''}`);

  const api = (path: string, body?: object) =>
    fetch(`${seeded.url}/api/conferences/${seeded.conferenceId}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${seeded.chairToken}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json();
    });

  const openSent = Date.now();
  const vote = (await api('/votes', { subject: 'custom', title: 'Vote storm', topics: [], method: 'electronic', secret: true })) as { id: string };
  const openSpread = Math.max(...(await seenEverywhere(clients, 'vote.opened', 10000))) - openSent;

  // The storm: every client casts once at a random moment within SPREAD_MS.
  const cpuBefore = await ask<{ cpuMs: number; monotonicUs: number }>({ kind: 'cpu' });
  const machineBefore = machineCpu();
  const stormStart = Date.now();
  const outcomes = await Promise.all(
    clients.map((c, i) => c.ask<StormOutcome>({ kind: 'storm', conferenceId: seeded.conferenceId, voteId: vote.id, spreadMs: SPREAD_MS, choiceOffset: i * share })),
  );
  const latencies = outcomes.flatMap((o) => o.latencies);
  const receipts = outcomes.flatMap((o) => o.receipts);
  const failures = new Map<string, number>();
  for (const outcome of outcomes) for (const [reason, n] of Object.entries(outcome.failures)) failures.set(reason, (failures.get(reason) ?? 0) + n);
  const lastAck = Math.max(...outcomes.map((o) => o.lastAck));
  const clientCpuMs = outcomes.reduce((sum, o) => sum + o.cpuMs, 0);
  const counterMessages = outcomes[0].counterMessages;
  const allAckedWithin = lastAck - stormStart;
  const stormWall = Date.now() - stormStart;
  const cpuAfter = await ask<{ cpuMs: number; loopDelayP99Ms: number; loopDelayMaxMs: number; monotonicUs: number }>({ kind: 'cpu' });
  if (process.env.SERVER_CPU_PROF) console.log(`storm window (server monotonic µs): ${cpuBefore.monotonicUs} ${cpuAfter.monotonicUs}`);
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
  const resultAt = await seenEverywhere(clients, 'vote.result', 10000);
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
    `CPU during storm:    server ${Math.round(cpuAfter.cpuMs - cpuBefore.cpuMs)} ms, bench clients ${Math.round(clientCpuMs)} ms, over ${stormWall} ms wall; server event-loop delay p99 ${cpuAfter.loopDelayP99Ms.toFixed(0)} ms, max ${cpuAfter.loopDelayMaxMs.toFixed(0)} ms`,
    `machine in storm:    ${machine}`,
    `raw commit rate:     ${commitSequential.commitsPerSecond}/s single-row commits on one connection, ${commitParallel.commitsPerSecond}/s over the pool`,
    `total run:           ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  console.log(lines.join('\n'));
  for (const c of clients) c.child.send({ kind: 'stop' });
  child.send({ kind: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
  process.exitCode = lost === 0 && duplicated === 0 && latencies.length === VOTERS && missingResult === 0 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
