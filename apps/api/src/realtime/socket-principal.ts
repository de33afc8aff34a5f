import type { Socket } from 'socket.io';
import { Principal, Unauthenticated } from '@agm/domain';

/**
 * The signed-in person behind a socket. Every gateway's handlers use this: the connection handler
 * authenticates asynchronously, so a message racing the handshake finds no principal and is refused.
 */
export function principalOf(socket: Socket): Principal {
  const principal = (socket.data as { principal?: Principal }).principal;
  if (!principal) throw new Unauthenticated('The connection is not signed in yet; wait for it to connect, then send again.');
  return principal;
}
