import { createServer, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, Socket as ClientSocket } from 'socket.io-client';
import { fanOut } from '../../apps/api/src/realtime/fan-out';

/**
 * fanOut writes one pre-built WebSocket frame to each socket of a room instead of going through
 * socket.io's per-socket path. Real socket.io clients must receive exactly what socket.io would have
 * sent them: every event, intact at every frame-length encoding, in the order emitted, whether it went
 * the direct way or (long-polling, an excluded room, a write waiting) the ordinary one.
 */
describe('fanOut: one frame for a room, as socket.io would have delivered it', () => {
  let http: HttpServer;
  let server: Server;
  let url: string;
  const clients: ClientSocket[] = [];

  beforeAll(async () => {
    http = createServer();
    server = new Server(http, { serveClient: false });
    server.on('connection', (socket) => {
      void socket.join('room');
      if (socket.handshake.auth.legacy) void socket.join('legacy');
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    // The server says goodbye and each client hears it, so no long-polling request is left in flight.
    const gone = clients.map((client) => new Promise((resolve) => (client.connected ? client.once('disconnect', resolve) : resolve(undefined))));
    server.disconnectSockets(true);
    await Promise.all(gone);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function connect(options: { transports: Array<'websocket' | 'polling'>; legacy?: boolean }): Promise<{ client: ClientSocket; received: Array<{ n: number; text: string }> }> {
    const client = io(url, { transports: options.transports, upgrade: false, forceNew: true, reconnection: false, auth: { legacy: options.legacy ?? false } });
    clients.push(client);
    const received: Array<{ n: number; text: string }> = [];
    client.on('conference.events', (event: { n: number; text: string }) => received.push(event));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    // The server side has joined its rooms once it answers an emit.
    while (!server.of('/').adapter.rooms.get('room')?.has(client.id!)) await new Promise((resolve) => setTimeout(resolve, 5));
    return { client, received };
  }

  it('delivers short, medium and 70 kB events whole and in order, mixed with ordinary emits, over WebSocket and long-polling; skips the excluded', async () => {
    const websocket = await connect({ transports: ['websocket'] });
    const polling = await connect({ transports: ['polling'] });
    const excluded = await connect({ transports: ['websocket'], legacy: true });
    const sizes = [5, 120, 126, 300, 65_535, 70_000];
    const sent: Array<{ n: number; text: string }> = [];
    let n = 0;
    for (let round = 0; round < 20; round++) {
      for (const size of sizes) {
        const event = { n: n++, text: 'é'.repeat(Math.floor(size / 2)) + 'x'.repeat(size % 2) };
        sent.push(event);
        // Every third event goes the ordinary way to each socket: the two paths interleave.
        if (event.n % 3 === 0) for (const socket of server.of('/').sockets.values()) {
          if (!socket.rooms.has('legacy')) socket.emit('conference.events', event);
        }
        else fanOut(server, 'room', 'legacy', 'conference.events', event);
      }
    }
    for (const { received } of [websocket, polling]) {
      while (received.length < sent.length) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(received.map((event) => event.n)).toEqual(sent.map((event) => event.n));
      expect(received).toEqual(sent);
    }
    expect(excluded.received).toEqual([]);
  });
});
