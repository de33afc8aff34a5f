import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, SubscribeMessage, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { audiencesFor, NotFound, Principal, StandingOrderViolation } from '@agm/domain';
import {
  Ack,
  ClientToServerEvents,
  ConferenceEventMessage,
  ConferenceRefDto,
  JoinConferenceDto,
  JoinedConference,
  ServerToClientEvents,
} from '@agm/contracts';
import type { StoredConferenceEvent } from '@agm/persistence';
import { Authenticator, bearerToken } from '../auth/authenticator';
import { SessionRevocations } from '../auth/session-revocations';
import { toErrorResponse } from '../common/error-response';
import { EventFeed } from '../events/event-feed';
import { RecordPresence } from '../registration/use-cases/record-presence.use-case';
import { answer, parseMessage } from './socket-messages';
import { principalOf } from './socket-principal';

type ConferenceSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { principal: Principal }>;

/** Rooms mirror event audiences: `conf:<conferenceId>:<audience>`. */
export const roomOf = (conferenceId: string, audience: string) => `conf:${conferenceId}:${audience}`;
const sessionRoom = (sessionId: string) => `session:${sessionId}`;
const attendeeRoom = (registrationId: string) => `attendee:${registrationId}`;

/**
 * Events replayed on one join at most; a client further behind (or one that sends no lastSeq) gets
 * no replay and loads the state over HTTP (`truncated: true`): a hall reconnecting at once must not
 * pull thousands of events each.
 */
export const REPLAY_LIMIT = 1000;

/**
 * The conference's real-time channel. The handshake is authenticated by the same function as HTTP;
 * a client joins only conferences it may see and only the audiences its roles allow; committed
 * events are pushed with their seq; a client that comes back sends its last seq and gets what it missed.
 */
@WebSocketGateway({ serveClient: false })
export class ConferenceGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy {
  @WebSocketServer() server: Server<ClientToServerEvents, ServerToClientEvents>;
  private readonly logger = new Logger('Realtime');
  private subscriptions: Subscription[] = [];
  /** Set while this instance shuts down: its attendees reconnect elsewhere and stay present. */
  private shuttingDown = false;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly feed: EventFeed,
    private readonly revocations: SessionRevocations,
    private readonly presence: RecordPresence,
  ) {}

  onModuleInit(): void {
    this.subscriptions = [
      this.feed.delivered$.subscribe((event) => this.push(event)),
      this.revocations.revoked$.subscribe(({ sessionId, reason }) => this.endSession(sessionId, reason)),
    ];
  }

  onModuleDestroy(): void {
    this.shuttingDown = true;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /**
   * The handshake is authenticated in socket.io middleware, before the connection exists: a client's
   * `connect` only fires once it is signed in, so its first message can never race the check. A
   * refusal reaches the client as `connect_error` with `data` in the one error shape.
   */
  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token = (socket.handshake.auth?.token as string | undefined) ?? bearerToken(socket.handshake.headers.authorization);
      this.authenticator.authenticate(token).then(
        (principal) => {
          socket.data.principal = principal;
          next();
        },
        (error: unknown) => next(Object.assign(new Error(toErrorResponse(error).message), { data: toErrorResponse(error) })),
      );
    });
  }

  async handleConnection(socket: ConferenceSocket): Promise<void> {
    const principal = principalOf(socket);
    await socket.join(sessionRoom(principal.sessionId));
    if (principal.kind === 'attendee') await socket.join(attendeeRoom(principal.registrationId));
  }

  async handleDisconnect(socket: ConferenceSocket): Promise<void> {
    const principal = socket.data.principal;
    if (this.shuttingDown || principal?.kind !== 'attendee' || principal.attendanceMode !== 'remote') return;
    try {
      // Remote attendees are present while connected: the last of their sockets, on any instance, closing ends it.
      const remaining = await this.server.in(attendeeRoom(principal.registrationId)).fetchSockets();
      if (remaining.length > 0) return;
      await this.presence.remoteConnection(principal.conferenceId, principal.registrationId, false);
    } catch (error) {
      // An instance that cannot answer (Redis down, a peer stopping) must not crash this one.
      this.logger.warn(`Could not update presence after a disconnect: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  @SubscribeMessage('conference.join')
  join(@ConnectedSocket() socket: ConferenceSocket, @MessageBody() body: unknown): Promise<Ack<JoinedConference>> {
    return answer(async () => {
      const { conferenceId, lastSeq } = await parseMessage(JoinConferenceDto, body);
      const audiences = audiencesFor(principalOf(socket), conferenceId);
      if (audiences.length === 0) throw new NotFound(`No conference ${conferenceId}.`);
      const rooms = audiences.map((audience) => roomOf(conferenceId, audience));
      // Joining again on the same socket starts over from the lastSeq given now.
      for (const room of socket.rooms) if (room.startsWith(`conf:${conferenceId}:`)) void socket.leave(room);
      // The missed events first, then — in the same tick — the rooms: a live event can neither
      // overtake the replay nor arrive twice (event-feed.ts).
      const resumed = await this.feed.resume(
        conferenceId,
        lastSeq,
        audiences,
        REPLAY_LIMIT,
        (event) => socket.emit('conference.event', toMessage(event)),
        () => void socket.join(rooms),
      );
      return { conferenceId, replayed: resumed.replayed, headSeq: resumed.headSeq, truncated: resumed.snapshot };
    });
  }

  @SubscribeMessage('conference.leave')
  leave(@ConnectedSocket() socket: ConferenceSocket, @MessageBody() body: unknown): Promise<Ack<{ conferenceId: string }>> {
    return answer(async () => {
      const { conferenceId } = await parseMessage(ConferenceRefDto, body);
      for (const room of socket.rooms) if (room.startsWith(`conf:${conferenceId}:`)) await socket.leave(room);
      return { conferenceId };
    });
  }

  /** A remote attendee confirms they are attending: they count as present while connected. */
  @SubscribeMessage('presence.confirm')
  confirm(@ConnectedSocket() socket: ConferenceSocket, @MessageBody() body: unknown): Promise<Ack<{ present: boolean }>> {
    return answer(async () => {
      const { conferenceId } = await parseMessage(ConferenceRefDto, body);
      const principal = principalOf(socket);
      if (principal.kind !== 'attendee' || principal.conferenceId !== conferenceId) throw new NotFound(`No registration for you in conference ${conferenceId}.`);
      if (principal.attendanceMode !== 'remote') {
        throw new StandingOrderViolation('attendance-mode', 'You are registered to attend in the hall: please check in at the registration desk.');
      }
      const result = await this.presence.remoteConnection(conferenceId, principal.registrationId, true);
      return { present: result?.present ?? false };
    });
  }

  /** Each instance delivers every event to its own sockets, from the log in seq order (EventFeed). */
  private push(event: StoredConferenceEvent): void {
    this.server.local.to(roomOf(event.conferenceId, event.audience)).emit('conference.event', toMessage(event));
  }

  private endSession(sessionId: string, reason = 'Your session was ended. Sign in again to continue.'): void {
    this.server.to(sessionRoom(sessionId)).emit('session.ended', { reason });
    this.server.in(sessionRoom(sessionId)).disconnectSockets(true);
  }
}

function toMessage(event: StoredConferenceEvent): ConferenceEventMessage {
  return { conferenceId: event.conferenceId, seq: event.seq, type: event.type, payload: event.payload, at: event.at };
}
