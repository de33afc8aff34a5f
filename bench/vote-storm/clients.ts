import { randomUUID } from 'node:crypto';
import { setPriority } from 'node:os';
import { io, Socket } from 'socket.io-client';

/**
 * One process of the bench's simulated phones (vote-storm.bench.ts forks one per CLIENTS_PER_PROCESS
 * attendees). Real phones each decode their own copy of an event; 10,000 simulated ones in one Node
 * process decode them one after another, and "the result on every client" then measures that queue
 * more than the server. Talks to the bench over the fork IPC channel; times are Date.now() of this
 * machine, comparable across the processes.
 */
export type ClientsRequest =
  | { kind: 'connect'; url: string; tokens: string[]; conferenceId: string; nice: number }
  | { kind: 'await-event'; type: 'vote.opened' | 'vote.result'; timeoutMs: number }
  | { kind: 'storm'; conferenceId: string; voteId: string; spreadMs: number; choiceOffset: number }
  | { kind: 'stop' };

export interface StormOutcome {
  latencies: number[];
  receipts: string[];
  failures: Record<string, number>;
  lastAck: number;
  cpuMs: number;
  counterMessages: number;
}

const CONNECT_BATCH = 100;
const sockets: Socket[] = [];
const seenAt = { 'vote.opened': [] as number[], 'vote.result': [] as number[] };
let counterMessages = 0;

async function connectAll(url: string, tokens: string[], conferenceId: string): Promise<void> {
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
  seenAt['vote.opened'] = new Array<number>(sockets.length).fill(NaN);
  seenAt['vote.result'] = new Array<number>(sockets.length).fill(NaN);
  sockets.forEach((socket, i) => {
    // Protocol 2, as the phone: a commit's events (vote.closed with vote.result) come as one message.
    socket.on('conference.events', (events: Array<{ type: string }>) => {
      for (const event of events) if (event.type === 'vote.opened' || event.type === 'vote.result') seenAt[event.type][i] = Date.now();
    });
    if (i === 0) socket.on('vote.ballots', () => counterMessages++);
  });
}

/** When each socket here saw the event (NaN: not within the time allowed). */
async function awaitEvent(type: 'vote.opened' | 'vote.result', timeoutMs: number): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  while (seenAt[type].some(Number.isNaN) && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  return seenAt[type];
}

/** Every socket here casts once at a random moment within spreadMs. */
async function storm(conferenceId: string, voteId: string, spreadMs: number, choiceOffset: number): Promise<StormOutcome> {
  const latencies: number[] = [];
  const receipts: string[] = [];
  const failures: Record<string, number> = {};
  const cpuBefore = process.cpuUsage();
  let lastAck = 0;
  await Promise.all(
    sockets.map(
      (socket, i) =>
        new Promise<void>((resolve) => {
          setTimeout(async () => {
            const sent = performance.now();
            try {
              const answer = await socket.timeout(15000).emitWithAck('vote.cast', { conferenceId, voteId, choice: ['for', 'against', 'abstain'][(choiceOffset + i) % 3], idempotencyKey: randomUUID() });
              if (answer.ok) {
                latencies.push(performance.now() - sent);
                receipts.push(answer.data.receiptHash);
                lastAck = Date.now();
              } else failures[answer.error.message] = (failures[answer.error.message] ?? 0) + 1;
            } catch (error) {
              failures[String(error)] = (failures[String(error)] ?? 0) + 1;
            }
            resolve();
          }, Math.random() * spreadMs);
        }),
    ),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { latencies, receipts, failures, lastAck, cpuMs: (cpu.user + cpu.system) / 1000, counterMessages };
}

process.on('message', async (request: ClientsRequest) => {
  try {
    if (request.kind === 'connect') {
      if (request.nice) setPriority(request.nice);
      await connectAll(request.url, request.tokens, request.conferenceId);
      process.send!({ ok: true, data: sockets.length });
    } else if (request.kind === 'await-event') process.send!({ ok: true, data: await awaitEvent(request.type, request.timeoutMs) });
    else if (request.kind === 'storm') process.send!({ ok: true, data: await storm(request.conferenceId, request.voteId, request.spreadMs, request.choiceOffset) });
    else {
      for (const socket of sockets) socket.close();
      process.exit(0);
    }
  } catch (error) {
    process.send!({ ok: false, error: String(error) });
  }
});
