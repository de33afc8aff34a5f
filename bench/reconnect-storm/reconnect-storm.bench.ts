import { fork, ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { io, Socket } from 'socket.io-client';

/**
 * `npm run bench:reconnect-storm [-- N]`: a hall's Wi-Fi blips. N remote attendees (default 3,000;
 * CLIENTS or the first argument) are connected with socket.io-client and joined to a conference whose
 * log already holds EVENTS events (default 5,000), while EVENTS_PER_SECOND (default 20) more are
 * committed through the application (public, officials' and one member's, as in a debate). Then every
 * client's transport is dropped at once and socket.io-client reconnects it after a random delay within
 * 1 s (reconnectionDelay 500 ms, randomization 1), each client joining again with its own lastSeq.
 *
 * Measures: the time from the drop until every client has resumed (its join acknowledged), join
 * timeouts (15 s) and refusals, and for every client the events missing, doubled or out of order
 * against the log filtered to its audiences (public and its own member:<id>); `/health` every 100 ms
 * from a separate process throughout: its status and latency. Targets (issue 15): all resumed within
 * 10 s, 0 join timeouts, 0 missing, /health 200 throughout; the exit code says whether they were met.
 * DATABASE_URL: that PostgreSQL; unset: the embedded database in memory.
 */
const CLIENTS = Number(process.argv[2] ?? process.env.CLIENTS ?? 3000);
const EVENTS = Number(process.env.EVENTS ?? 5000);
// A busy hall's log grows by under one event a second; 2 is generous (20 is a stress run: docs/DECISIONS.md).
const EVENTS_PER_SECOND = Number(process.env.EVENTS_PER_SECOND ?? 2);
const JOIN_TIMEOUT_MS = 15_000;
const CONNECT_BATCH = 100;
const TARGET_RESUMED_MS = 10_000;

interface Seeded {
  url: string;
  conferenceId: string;
  tokens: string[];
  memberIds: string[];
  headSeq: number;
  embedded: boolean;
}
type Answer<T> = { ok: true; data: T } | { ok: false; error: string };
interface ServerCpu {
  cpuMs: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  rssMb: number;
}
interface HealthSample {
  at: number;
  status: number;
  ms: number;
  database: string;
}

function startServer(): Promise<{ child: ChildProcess; ask: <T>(request: object) => Promise<T> }> {
  const child = fork(join(__dirname, 'server.ts'), [], {
    execArgv: ['-r', join(__dirname, '..', 'transpile.js'), ...(process.env.SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_CPU_PROF}`] : [])],
    env: { ...process.env },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  const queue: Array<(answer: Answer<unknown>) => void> = [];
  const ready = new Promise<void>((resolve, reject) => {
    queue.push((answer) => (answer.ok ? resolve() : reject(new Error(answer.error))));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  child.on('message', (answer: Answer<unknown>) => queue.shift()?.(answer));
  const ask = <T>(request: object) =>
    new Promise<T>((resolve, reject) => {
      queue.push((answer) => (answer.ok ? resolve(answer.data as T) : reject(new Error(answer.error))));
      child.send(request);
    });
  return ready.then(() => ({ child, ask }));
}

function machineCpu(): { busy: number; idle: number; steal: number } | undefined {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal };
  } catch {
    return undefined;
  }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** One attendee's phone: joins on every (re)connect with the last seq it applied, as apps/web/src/live.ts does. */
class Client {
  readonly received: number[] = [];
  /** Seq ranges (from, to] a join answered with a snapshot for: the phone loads that state over HTTP. */
  readonly snapshots: Array<[number, number]> = [];
  lastSeq: number | undefined;
  /** Head of the log at the first join (a snapshot: the phone's first view comes over HTTP). */
  from = NaN;
  resumedAt = NaN;
  joinTimeouts = 0;
  readonly joinRefusals = new Map<string, number>();
  readonly connectErrors = new Map<string, number>();
  readonly socket: Socket;
  private firstJoin?: (ok: boolean) => void;

  constructor(
    url: string,
    token: string,
    readonly conferenceId: string,
    readonly memberId: string,
  ) {
    this.socket = io(url, {
      // Protocol 2, as the phone: a join's missed events come as one message.
      auth: { token, protocolVersion: 2 },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
      // 500 ms ± up to 100%: each phone is back at a random moment within the first second.
      randomizationFactor: 1,
      // As the phone (apps/web/src/live.ts).
      timeout: 20000,
      autoConnect: false,
    });
    const receive = (event: { seq: number }) => {
      this.received.push(event.seq);
      this.lastSeq = Math.max(this.lastSeq ?? 0, event.seq);
    };
    this.socket.on('conference.event', receive);
    this.socket.on('conference.events', (events: Array<{ seq: number }>) => events.forEach(receive));
    this.socket.on('connect', () => void this.join());
    this.socket.on('connect_error', (error: Error & { data?: { statusCode?: number } }) => count(this.connectErrors, error.data?.statusCode ? `${error.data.statusCode} ${error.message}` : error.message));
  }

  start(): Promise<boolean> {
    return new Promise((resolve) => {
      this.firstJoin = resolve;
      this.socket.connect();
    });
  }

  private async join(): Promise<void> {
    const connection = this.socket.id;
    for (;;) {
      const lastSeq = this.lastSeq;
      try {
        const answer = await this.socket.timeout(JOIN_TIMEOUT_MS).emitWithAck('conference.join', { conferenceId: this.conferenceId, ...(lastSeq === undefined ? {} : { lastSeq }) });
        if (answer.ok) {
          const { headSeq, truncated } = answer.data as { headSeq: number; truncated: boolean };
          if (Number.isNaN(this.from)) this.from = headSeq;
          else if (truncated) this.snapshots.push([lastSeq ?? this.from, headSeq]);
          if (truncated) this.lastSeq = Math.max(this.lastSeq ?? 0, headSeq);
          this.resumedAt = Date.now();
          this.firstJoin?.(true);
          this.firstJoin = undefined;
          return;
        }
        count(this.joinRefusals, `${answer.error.statusCode} ${answer.error.message}`);
      } catch {
        this.joinTimeouts++;
      }
      // Dropped again meanwhile: the next 'connect' joins.
      if (!this.socket.connected || this.socket.id !== connection) return;
      await sleep(200);
    }
  }

  drop(): void {
    this.resumedAt = NaN;
    // The transport closes under the client, as when the Wi-Fi goes: socket.io-client reconnects by itself.
    this.socket.io.engine.close();
  }

  /** Against the log: what this client should have received after its first join, and what it did. */
  check(log: Array<readonly [number, string]>): { missing: number; doubledOrBackwards: number; notMine: number } {
    const mine = new Set(['public', `member:${this.memberId}`]);
    const covered = (seq: number) => this.snapshots.some(([from, to]) => seq > from && seq <= to);
    const expected = log.filter(([seq, audience]) => seq > this.from && mine.has(audience) && !covered(seq)).map(([seq]) => seq);
    const audienceOf = new Map(log);
    const after = this.received.filter((seq) => seq > this.from);
    let doubledOrBackwards = 0;
    for (let i = 1; i < after.length; i++) if (after[i] <= after[i - 1]) doubledOrBackwards++;
    const got = new Set(after);
    return {
      missing: expected.filter((seq) => !got.has(seq)).length,
      doubledOrBackwards,
      notMine: after.filter((seq) => !mine.has(audienceOf.get(seq) ?? '')).length,
    };
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const { child, ask } = await startServer();
  process.on('exit', () => child.kill());
  const seeded = await ask<Seeded>({ kind: 'seed', clients: CLIENTS, events: EVENTS });
  const database = seeded.embedded ? 'embedded PGlite (in memory, pool 1)' : `PostgreSQL ${new URL(process.env.DATABASE_URL!).host}${new URL(process.env.DATABASE_URL!).pathname} (pool 20)`;
  console.log(
    `reconnect storm: ${CLIENTS} clients, ${seeded.headSeq} events in the log, ${EVENTS_PER_SECOND} more a second, ${database}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );

  const probe = fork(join(__dirname, 'health-probe.ts'), [seeded.url], { execArgv: ['-r', join(__dirname, '..', 'transpile.js')], stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  process.on('exit', () => probe.kill());
  const health: HealthSample[] = [];
  probe.on('message', (sample: HealthSample) => health.push(sample));

  const clients = seeded.tokens.map((token, i) => new Client(seeded.url, token, seeded.conferenceId, seeded.memberIds[i]));
  const t0 = Date.now();
  for (let i = 0; i < clients.length; i += CONNECT_BATCH) await Promise.all(clients.slice(i, i + CONNECT_BATCH).map((client) => client.start()));
  const connectedIn = Date.now() - t0;

  // Events flow while the hall is connected, so each client's lastSeq at the drop is its own.
  await ask({ kind: 'stream-start', perSecond: EVENTS_PER_SECOND });
  const streamFrom = Date.now();
  await sleep(3000);

  const serverBefore = await ask<ServerCpu>({ kind: 'cpu' });
  const machineBefore = machineCpu();
  const clientCpuBefore = process.cpuUsage();
  const dropAt = Date.now();
  for (const client of clients) client.drop();
  const droppedIn = Date.now() - dropAt;
  while (clients.some((client) => Number.isNaN(client.resumedAt)) && Date.now() - dropAt < 60_000) await sleep(20);
  const stillOut = clients.filter((client) => Number.isNaN(client.resumedAt)).length;
  const resumedDelays = clients.map((client) => client.resumedAt - dropAt).filter((ms) => !Number.isNaN(ms)).sort((a, b) => a - b);
  const allResumedAt = stillOut ? NaN : dropAt + resumedDelays[resumedDelays.length - 1];
  const serverAfter = await ask<ServerCpu>({ kind: 'cpu' });
  const machineAfter = machineCpu();
  const clientCpu = process.cpuUsage(clientCpuBefore);
  const stormWall = Date.now() - dropAt;

  // Events go on a little after the storm, then stop; every client must end with every event of its audiences.
  await sleep(2000);
  const stream = await ask<{ written: number; failed: number; headSeq: number }>({ kind: 'stream-stop' });
  const streamSeconds = (Date.now() - streamFrom) / 1000;
  const log = await ask<Array<readonly [number, string]>>({ kind: 'log', afterSeq: Math.min(...clients.map((client) => client.from)) });
  const waitUntil = Date.now() + 15_000;
  const lastOf = (client: Client) => log.filter(([, audience]) => audience === 'public' || audience === `member:${client.memberId}`).at(-1)?.[0] ?? 0;
  while (clients.some((client) => (client.lastSeq ?? 0) < lastOf(client)) && Date.now() < waitUntil) await sleep(50);
  probe.send({ kind: 'stop' });

  const checks = clients.map((client) => client.check(log));
  const missing = checks.map((c) => c.missing);
  const clientsMissing = missing.filter((n) => n > 0).length;
  const totalMissing = missing.reduce((a, b) => a + b, 0);
  const doubled = checks.reduce((a, c) => a + c.doubledOrBackwards, 0);
  const notMine = checks.reduce((a, c) => a + c.notMine, 0);
  const joinTimeouts = clients.reduce((a, c) => a + c.joinTimeouts, 0);
  const refusals = new Map<string, number>();
  for (const client of clients) for (const [message, n] of client.joinRefusals) refusals.set(message, (refusals.get(message) ?? 0) + n);
  const snapshots = clients.reduce((a, c) => a + c.snapshots.length, 0);
  const connectErrors = new Map<string, number>();
  for (const client of clients) for (const [message, n] of client.connectErrors) connectErrors.set(message, (connectErrors.get(message) ?? 0) + n);
  const received = clients.reduce((a, c) => a + c.received.filter((seq) => seq > c.from).length, 0);

  const window = (from: number, to: number) => health.filter((s) => s.at >= from && s.at < to);
  const describe = (samples: HealthSample[]) => {
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const statuses = new Map<string, number>();
    for (const s of samples) count(statuses, `${s.status}${s.database ? ` ${s.database}` : ''}`);
    return `${samples.length} asked: ${[...statuses].map(([k, n]) => `${n}× ${k}`).join(', ')}; p50 ${percentile(ms, 50)?.toFixed(1)} ms, p99 ${percentile(ms, 99)?.toFixed(1)} ms, max ${ms.at(-1)?.toFixed(1)} ms`;
  };
  const stormEnd = Number.isNaN(allResumedAt) ? dropAt + 60_000 : allResumedAt;
  const healthNot200 = health.filter((s) => s.status !== 200).length;
  const machine = (() => {
    if (!machineBefore || !machineAfter) return 'not measured (no /proc/stat)';
    const busy = machineAfter.busy - machineBefore.busy;
    const all = busy + machineAfter.idle - machineBefore.idle + machineAfter.steal - machineBefore.steal;
    return `${Math.round((100 * busy) / all)}% busy, ${Math.round((100 * (machineAfter.steal - machineBefore.steal)) / all)}% stolen by the hypervisor (all ${cpus().length} cores)`;
  })();

  const lines = [
    `connected + joined:  ${CLIENTS} clients in ${(connectedIn / 1000).toFixed(1)} s (batches of ${CONNECT_BATCH}, first join without lastSeq: a snapshot)`,
    `events while live:   ${stream.written} committed through the app in ${streamSeconds.toFixed(1)} s (${stream.failed} failed); log head ${stream.headSeq}`,
    `drop:                ${CLIENTS} transports closed in ${droppedIn} ms; each reconnects after a random 0–1 s`,
    `all resumed:         ${stillOut ? `NOT: ${stillOut} still out after 60 s` : `${resumedDelays.at(-1)} ms after the drop`} (p50 ${percentile(resumedDelays, 50)} ms, p99 ${percentile(resumedDelays, 99)} ms)`,
    `join timeouts:       ${joinTimeouts} (${JOIN_TIMEOUT_MS / 1000} s)${refusals.size ? `; refused: ${JSON.stringify(Object.fromEntries(refusals))}` : '; 0 refused'}; connect errors: ${connectErrors.size ? JSON.stringify(Object.fromEntries(connectErrors)) : 0}`,
    `resumed by snapshot: ${snapshots} (the rest replayed their missed events)`,
    `events per client:   ${totalMissing} missing over ${clientsMissing} clients; ${doubled} doubled or out of order; ${notMine} not for their audiences (${received} received in all)`,
    `/health before drop: ${describe(window(streamFrom, dropAt))}`,
    `/health in storm:    ${describe(window(dropAt, stormEnd + 1))}`,
    `/health after:       ${describe(window(stormEnd + 1, Date.now()))}`,
    `server in storm:     CPU ${Math.round(serverAfter.cpuMs - serverBefore.cpuMs)} ms over ${stormWall} ms wall, event-loop delay p99 ${serverAfter.loopDelayP99Ms.toFixed(0)} ms, max ${serverAfter.loopDelayMaxMs.toFixed(0)} ms, RSS ${serverAfter.rssMb} MB; bench clients CPU ${Math.round((clientCpu.user + clientCpu.system) / 1000)} ms`,
    `machine in storm:    ${machine}`,
    `load average after:  ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
    `total run:           ${((Date.now() - started) / 1000).toFixed(1)} s`,
  ];
  console.log(lines.join('\n'));
  const met = !stillOut && (resumedDelays.at(-1) ?? Infinity) <= TARGET_RESUMED_MS && joinTimeouts === 0 && totalMissing === 0 && doubled === 0 && notMine === 0 && healthNot200 === 0;
  console.log(met ? 'targets met' : 'TARGETS MISSED');
  for (const client of clients) client.socket.close();
  child.send({ kind: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
  process.exit(met ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
