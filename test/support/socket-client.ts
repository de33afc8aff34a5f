import { io, Socket } from 'socket.io-client';
import type { Ack, ConferenceEventMessage, JoinedConference, SocketErrorMessage } from '@agm/contracts';

export type TestSocket = Socket;

/**
 * A real socket.io client. Resolves once connected (the server has signed it in by then); rejects
 * with the server's error, carrying its `statusCode`, if the handshake is refused.
 */
export function connect(url: string, token: string | undefined, timeoutMs = 5000, protocolVersion?: number): Promise<TestSocket> {
  // No protocolVersion: a client of protocol 1, which gets a join's missed events one by one.
  const auth = { ...(token ? { token } : {}), ...(protocolVersion ? { protocolVersion } : {}) };
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket did not connect in time')), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error & { data?: SocketErrorMessage }) => {
      clearTimeout(timer);
      socket.close();
      reject(Object.assign(new Error(error.data?.message ?? error.message), { statusCode: error.data?.statusCode }));
    });
  });
}

export function waitForEvent<T = unknown>(socket: TestSocket, name: string, options: { timeout?: number; where?: (payload: T) => boolean } = {}): Promise<T> {
  const { timeout = 5000, where = () => true } = options;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, listener);
      reject(new Error(`no '${name}' within ${timeout} ms`));
    }, timeout);
    const listener = (payload: T) => {
      if (!where(payload)) return;
      clearTimeout(timer);
      socket.off(name, listener);
      resolve(payload);
    };
    socket.on(name, listener);
  });
}

export function emitWithAck<T>(socket: TestSocket, name: string, body: unknown, timeout = 5000): Promise<Ack<T>> {
  return socket.timeout(timeout).emitWithAck(name, body);
}

/**
 * The reference client (docs/REALTIME.md): the server sends a client its audiences' events in seq
 * order, each once, live or replayed, so the client applies what it receives in the order received
 * and remembers the last seq to resume from. A seq at or below the last applied would break the
 * server's promise: it is not applied and is kept in `outOfOrder`, so a test can see it.
 */
export class EventStream {
  readonly applied: ConferenceEventMessage[] = [];
  readonly outOfOrder: ConferenceEventMessage[] = [];
  lastSeq = 0;
  /** The head of the log at the last join that answered with a snapshot (`truncated`). */
  snapshotAt: number | undefined;

  constructor(socket: TestSocket, readonly conferenceId: string) {
    this.attach(socket);
  }

  attach(socket: TestSocket): void {
    socket.on('conference.event', (event: ConferenceEventMessage) => this.apply(event));
    // Protocol 2: a join's missed events in one message, in order, before anything live.
    socket.on('conference.events', (events: ConferenceEventMessage[]) => {
      for (const event of events) this.apply(event);
    });
  }

  private apply(event: ConferenceEventMessage): void {
    if (event.conferenceId !== this.conferenceId) return;
    if (event.seq <= this.lastSeq) {
      this.outOfOrder.push(event);
      return;
    }
    this.applied.push(event);
    this.lastSeq = event.seq;
  }

  /** Joins from the last seq applied; a `truncated` answer (too far behind) means: load the state over HTTP, go on from `headSeq`. */
  async join(socket: TestSocket, timeout = 5000): Promise<JoinedConference> {
    const answer = await emitWithAck<JoinedConference>(socket, 'conference.join', { conferenceId: this.conferenceId, lastSeq: this.lastSeq }, timeout);
    if (!answer.ok) throw Object.assign(new Error(answer.error.message), { statusCode: answer.error.statusCode });
    if (answer.data.truncated) {
      this.snapshotAt = answer.data.headSeq;
      this.lastSeq = Math.max(this.lastSeq, answer.data.headSeq);
    }
    return answer.data;
  }

  async waitFor(type: string, count = 1, timeout = 5000): Promise<ConferenceEventMessage[]> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const matching = this.applied.filter((e) => e.type === type);
      if (matching.length >= count) return matching;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`expected ${count} '${type}' events, saw ${this.applied.filter((e) => e.type === type).length}`);
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
