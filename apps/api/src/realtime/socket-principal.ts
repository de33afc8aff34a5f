import { Injectable } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { audiencesFor, Principal, Unauthenticated } from '@agm/domain';
import { SIGNED_OUT } from '../auth/authenticator';
import { LivePrincipals } from '../auth/live-principals';

/** Rooms mirror event audiences: `conf:<conferenceId>:<audience>`. */
export const roomOf = (conferenceId: string, audience: string) => `conf:${conferenceId}:${audience}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const accountRoom = (accountId: string) => `account:${accountId}`;

export interface SocketData {
  principal?: Principal;
  /** The handshake's token: each message's principal is read again from it (SocketAuthorization). */
  token?: string;
}

/**
 * The principal the handshake found. Only for the connection's own bookkeeping (its session and
 * attendee rooms); a message's handler asks SocketAuthorization, which reads it again.
 */
export function principalOf(socket: Socket): Principal {
  const principal = (socket.data as SocketData).principal;
  if (!principal)
    throw new Unauthenticated(
      'The connection is not signed in yet; wait for it to connect, then send again.',
    );
  return principal;
}

/**
 * Authorization on every socket message, not only at the handshake: the principal is read again
 * from the token (LivePrincipals, at most a second old unless a change dropped it), the socket leaves
 * at once every audience it no longer holds, and a session that ended is told so and disconnected.
 * The handler then asks the use case as HTTP does, so a removed chair's command gets the same 403.
 */
@Injectable()
export class SocketAuthorization {
  constructor(private readonly live: LivePrincipals) {}

  /** `fresh: false` only for ballots: see LivePrincipals.current. */
  async principalOf(socket: Socket, options: { fresh: boolean } = { fresh: true }): Promise<Principal> {
    const data = socket.data as SocketData;
    if (!data.token || !data.principal) principalOf(socket); // throws the "not signed in yet" refusal
    let principal: Principal;
    try {
      principal = await this.live.current(data.token!, options);
    } catch (error) {
      if (error instanceof Unauthenticated) this.endSocket(socket, error.message);
      throw error;
    }
    data.principal = principal;
    leaveLostAudiences(socket, principal);
    return principal;
  }

  /** Reads the principal again now (its roles changed) and leaves what it lost; ends it if signed out. */
  async refresh(socket: Socket): Promise<void> {
    try {
      await this.principalOf(socket);
    } catch {
      // Refused: principalOf has already ended the socket, or the database could not answer and the
      // socket's next message will try again.
    }
  }

  private endSocket(socket: Socket, reason = SIGNED_OUT): void {
    // Out of every conference audience now; the ack of the refused message still reaches the client,
    // then the connection closes.
    for (const room of socket.rooms) if (room.startsWith('conf:')) void socket.leave(room);
    socket.emit('session.ended', { reason });
    setImmediate(() => socket.disconnect(true));
  }
}

/** Leaves every `conf:` room whose audience the principal no longer holds in that conference. */
export function leaveLostAudiences(socket: Socket, principal: Principal): void {
  const allowed = new Map<string, Set<string>>();
  for (const room of socket.rooms) {
    if (!room.startsWith('conf:')) continue;
    const [, conferenceId, ...rest] = room.split(':');
    const audience = rest.join(':');
    let audiences = allowed.get(conferenceId);
    if (!audiences) allowed.set(conferenceId, (audiences = new Set(audiencesFor(principal, conferenceId))));
    if (!audiences.has(audience)) void socket.leave(room);
  }
}
