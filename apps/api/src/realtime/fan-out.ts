import type { Server, Socket } from 'socket.io';
import { Encoder, PacketType } from 'socket.io-parser';

/** What a socket needs for the direct path: ws's sender, which engine.io itself writes pre-encoded frames to. */
interface FrameSender {
  sendFrame(frame: Buffer[]): void;
}

const encoder = new Encoder();

/**
 * One event to every socket of a room on this instance except those in `except`: what
 * `server.local.to(room).except(except).emit(event, data)` does, with the per-socket work cut to one
 * write of a WebSocket frame built once. A vote's result goes to every phone in the hall at the same
 * moment; through socket.io's own path each socket costs a packet object, two emitted events, a
 * buffer and a flush in engine.io before the write (measured on this machine: 10,000 sockets took
 * 1.3–1.6 s through socket.io and 0.7–1.0 s this way, under load).
 *
 * Order is kept: the frame goes straight to a socket only when engine.io holds nothing unsent for it
 * (its write buffer is empty), so it lands after everything emitted before it and before everything
 * emitted after. Any socket that is not a plain open WebSocket with an empty buffer (long-polling,
 * upgrading, compressed, closing, or a write waiting) gets the event through socket.io as before.
 */
export function fanOut(server: Server, room: string, except: string, event: string, data: unknown): void {
  const namespace = server.of('/');
  const members = namespace.adapter.rooms.get(room);
  if (!members?.size) return;
  const excluded = namespace.adapter.rooms.get(except);
  const frame = frameOf(event, data);
  for (const id of members) {
    if (excluded?.has(id)) continue;
    const socket = namespace.sockets.get(id);
    if (!socket) continue;
    const sender = frame && directSender(socket);
    if (sender) sender.sendFrame(frame);
    else socket.emit(event, data);
  }
}

/** The whole WebSocket frame of a socket.io event (engine.io message "4" + the socket.io packet), or null if it is not one text frame. */
function frameOf(event: string, data: unknown): Buffer[] | null {
  const encoded = encoder.encode({ type: PacketType.EVENT, nsp: '/', data: [event, data] });
  if (encoded.length !== 1 || typeof encoded[0] !== 'string') return null;
  return [textFrame(Buffer.from(`4${encoded[0]}`))];
}

/**
 * A final, unmasked WebSocket text frame (RFC 6455 §5.2), header and payload in one buffer: one write
 * per socket rather than a corked pair. A server never masks its frames.
 */
export function textFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (length < 126) frame[1] = length;
  else if (length < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  payload.copy(frame, headerLength);
  return frame;
}

/** engine.io's internals as of engine.io 6 / ws 8; any of them missing or different means the ordinary path. */
function directSender(socket: Socket): FrameSender | null {
  const conn = socket.conn as unknown as {
    readyState?: string;
    upgrading?: boolean;
    writeBuffer?: unknown[];
    transport?: { name?: string; perMessageDeflate?: unknown; socket?: { _sender?: Partial<FrameSender> & { _state?: number } } };
  };
  const transport = conn.transport;
  if (conn.readyState !== 'open' || conn.upgrading || conn.writeBuffer?.length !== 0) return null;
  if (transport?.name !== 'websocket' || transport.perMessageDeflate) return null;
  const sender = transport.socket?._sender;
  // _state 0: ws is not in the middle of compressing or reading a Blob, so nothing of its own is queued.
  if (typeof sender?.sendFrame !== 'function' || sender._state !== 0) return null;
  return sender as FrameSender;
}
