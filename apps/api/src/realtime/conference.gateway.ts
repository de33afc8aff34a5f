import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import {
  audiencesFor,
  LIVE_LIMITS,
  MinuteBudget,
  NotFound,
  Principal,
  RateLimited,
  StandingOrderViolation,
} from '@agm/domain';
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
import { AccessChanges } from '../auth/access-changes';
import { Authenticator, bearerToken } from '../auth/authenticator';
import { LivePrincipals } from '../auth/live-principals';
import { SessionRevocations } from '../auth/session-revocations';
import { toErrorResponse } from '../common/error-response';
import { EventFeed } from '../events/event-feed';
import { RedisLink } from '../events/redis-link';
import { fanOut } from './fan-out';
import { RemotePresence } from './remote-presence';
import { answer, parseMessage } from './socket-messages';
import { accountRoom, principalOf, roomOf, sessionRoom, SocketAuthorization } from './socket-principal';

export { roomOf } from './socket-principal';

type ConferenceSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  { principal: Principal; token: string; joins: MinuteBudget }
>;

/** Sent between instances through the Redis adapter: an account's roles changed. */
const ACCESS_CHANGED = 'agm:access-changed';
const attendeeRoom = (registrationId: string) => `attendee:${registrationId}`;
/** The sockets of clients that said no `protocolVersion` (or 1): they get events one by one. */
const PROTOCOL_1 = 'protocol:1';

/**
 * Events replayed on one join at most; a client further behind (or one that sends no lastSeq) gets
 * no replay and loads the state over HTTP (`truncated: true`): a hall reconnecting at once must not
 * pull thousands of events each.
 */
export const REPLAY_LIMIT = 1000;

/**
 * Revocations and role changes reach the other instances over Redis. One that happened while Redis
 * was away (or whose publish failed) is caught by reading every socket's principal again: at once when
 * Redis comes back, every SWEEP_WHILE_DOWN_MS while it is away, and every SWEEP_MS in any case.
 */
export const SWEEP_WHILE_DOWN_MS = 5_000;
export const SWEEP_MS = 30_000;

/**
 * The conference's real-time channel. The handshake is authenticated by the same function as HTTP;
 * a client joins only conferences it may see and only the audiences its roles allow; committed
 * events are pushed with their seq; a client that comes back sends its last seq and gets what it missed.
 */
@WebSocketGateway({ serveClient: false })
export class ConferenceGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy
{
  @WebSocketServer() server: Server<ClientToServerEvents, ServerToClientEvents>;
  private readonly logger = new Logger('Realtime');
  private subscriptions: Subscription[] = [];
  /** Set while this instance shuts down: its attendees reconnect elsewhere and stay present. */
  private shuttingDown = false;
  /** This instance's sockets of each session, counted from the handshake (LIVE_LIMITS.socketsPerSession). */
  private sweeper?: ReturnType<typeof setInterval>;
  private lastSweep = Date.now();
  private readonly sessionSockets = new Map<
    string,
    { socketIds: Set<string>; replayed: MinuteBudget; token: string }
  >();

  constructor(
    private readonly authenticator: Authenticator,
    private readonly feed: EventFeed,
    private readonly revocations: SessionRevocations,
    private readonly presence: RemotePresence,
    private readonly live: LivePrincipals,
    private readonly authorization: SocketAuthorization,
    private readonly accessChanges: AccessChanges,
    private readonly redis: RedisLink,
  ) {}

  onModuleInit(): void {
    this.subscriptions = [
      this.feed.delivered$.subscribe((events) => this.push(events)),
      this.revocations.revoked$.subscribe(({ sessionId, reason }) => this.endSession(sessionId, reason)),
      this.accessChanges.changed$.subscribe(({ accountId }) => {
        this.accessChanged(accountId);
        // The other instances drop their copy of this account's principal and re-read it likewise.
        if (this.redis.configured) this.server.serverSideEmit(ACCESS_CHANGED as never, accountId as never);
      }),
    ];
    if (this.redis.configured) {
      this.subscriptions.push(this.redis.restored$.subscribe(() => this.sweep()));
      this.sweeper = setInterval(() => {
        const every = this.redis.state === 'up' ? SWEEP_MS : SWEEP_WHILE_DOWN_MS;
        if (Date.now() - this.lastSweep >= every) this.sweep();
      }, SWEEP_WHILE_DOWN_MS);
      this.sweeper.unref();
    }
  }

  onModuleDestroy(): void {
    this.shuttingDown = true;
    clearInterval(this.sweeper);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /**
   * The handshake is authenticated in socket.io middleware, before the connection exists: a client's
   * `connect` only fires once it is signed in, so its first message can never race the check. A
   * refusal reaches the client as `connect_error` with `data` in the one error shape.
   */
  afterInit(server: Server): void {
    const refuse = (error: unknown) =>
      Object.assign(new Error(toErrorResponse(error).message), { data: toErrorResponse(error) });
    server.use((socket, next) => {
      // A phone that gave up waiting (its connect timeout) before its turn came costs no database read.
      if (socket.conn.readyState !== 'open') return next(new Error('The connection closed before it was signed in.'));
      const token =
        (socket.handshake.auth?.token as string | undefined) ??
        bearerToken(socket.handshake.headers.authorization);
      this.authenticator.authenticate(token).then(
        (principal) => {
          // Counted here, synchronously after the check, so 300 handshakes at once cannot all pass it.
          if (!this.admit(socket as ConferenceSocket, principal, token!)) {
            return next(
              refuse(
                new RateLimited(
                  `You already have ${LIVE_LIMITS.socketsPerSession} live connections open with this sign-in. Close the other tabs or windows of the AGM, then reload this one.`,
                  60,
                ),
              ),
            );
          }
          socket.data.principal = principal;
          socket.data.token = token;
          socket.data.joins = new MinuteBudget(LIVE_LIMITS.joinsPerSocketPerMinute);
          this.live.remember(token!, principal);
          next();
        },
        (error: unknown) => next(refuse(error)),
      );
    });
    (server as unknown as { on(event: string, listener: (accountId: string) => void): void }).on(
      ACCESS_CHANGED,
      (accountId) => this.accessChanged(accountId),
    );
  }

  /** Takes a place for the socket among its session's sockets on this instance; false when they are all taken. */
  private admit(socket: ConferenceSocket, principal: Principal, token: string): boolean {
    let session = this.sessionSockets.get(principal.sessionId);
    if (!session)
      this.sessionSockets.set(
        principal.sessionId,
        (session = {
          socketIds: new Set(),
          replayed: new MinuteBudget(LIVE_LIMITS.replayedEventsPerSessionPerMinute),
          token,
        }),
      );
    if (session.socketIds.size >= LIVE_LIMITS.socketsPerSession) return false;
    session.socketIds.add(socket.id);
    // A client that goes away before its connection completes never gets 'disconnect': its transport closing frees the place too.
    const release = () => {
      session.socketIds.delete(socket.id);
      if (session.socketIds.size === 0 && this.sessionSockets.get(principal.sessionId) === session) {
        this.sessionSockets.delete(principal.sessionId);
        this.live.forgetToken(session.token);
      }
    };
    socket.conn.once('close', release);
    socket.once('disconnect', release);
    return true;
  }

  async handleConnection(socket: ConferenceSocket): Promise<void> {
    const principal = principalOf(socket);
    // Protocol 1 clients take events one by one; they are few (tests, a page loaded before an upgrade).
    if (protocolVersionOf(socket) < 2) await socket.join(PROTOCOL_1);
    await socket.join(sessionRoom(principal.sessionId));
    if (principal.kind === 'account') await socket.join(accountRoom(principal.accountId));
    if (principal.kind === 'attendee') await socket.join(attendeeRoom(principal.registrationId));
    if (principal.kind === 'attendee' && principal.attendanceMode === 'remote') {
      // A reload, a new tab or a reconnect to this instance: a confirmed attendee's presence goes on.
      await this.presence
        .connected(principal.registrationId)
        .catch((error: unknown) => this.presenceTrouble(error));
    }
  }

  async handleDisconnect(socket: ConferenceSocket): Promise<void> {
    const principal = socket.data.principal;
    if (this.shuttingDown || principal?.kind !== 'attendee' || principal.attendanceMode !== 'remote') return;
    try {
      // Presence belongs to the person: a dropped connection keeps it for the grace (RemotePresence).
      await this.presence.disconnected(principal.registrationId);
    } catch (error) {
      // An instance that cannot answer (Redis down, a peer stopping) must not crash this one.
      this.logger.warn(
        `Could not update presence after a disconnect: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  @SubscribeMessage('conference.join')
  join(
    @ConnectedSocket() socket: ConferenceSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<JoinedConference>> {
    return answer(async () => {
      const now = Date.now();
      if (!socket.data.joins.tryTake(now)) {
        throw new RateLimited(
          `This connection joined ${LIVE_LIMITS.joinsPerSocketPerMinute} times in the last minute. Stay connected: joined once, you receive every event as it happens. Try again in ${socket.data.joins.secondsUntilReset(now)} s.`,
          socket.data.joins.secondsUntilReset(now),
        );
      }
      const { conferenceId, lastSeq } = await parseMessage(JoinConferenceDto, body);
      const principal = await this.authorization.principalOf(socket);
      const audiences = audiencesFor(principal, conferenceId);
      if (audiences.length === 0) throw new NotFound('No such conference, or it is not yours to see.');
      // A resume needs room for a whole replay in the session's budget: past it, the 1.4 M events 50
      // sockets re-joining from 0 would pull become one refusal each.
      const replayBudget = this.sessionSockets.get(principal.sessionId)?.replayed;
      if (lastSeq !== undefined && replayBudget && replayBudget.remaining(now) < REPLAY_LIMIT) {
        const wait = replayBudget.secondsUntilReset(now);
        throw new RateLimited(
          `This sign-in has been sent ${LIVE_LIMITS.replayedEventsPerSessionPerMinute} missed events in the last minute. Join without lastSeq to load a fresh view instead, or try again in ${wait} s.`,
          wait,
        );
      }
      const rooms = audiences.map((audience) => roomOf(conferenceId, audience));
      // Joining again on the same socket starts over from the lastSeq given now.
      for (const room of socket.rooms) if (room.startsWith(`conf:${conferenceId}:`)) void socket.leave(room);
      // The missed events first, then — in the same tick — the rooms: a live event can neither
      // overtake the replay nor arrive twice (event-feed.ts).
      // Protocol 2 takes the replay as one message: a hall resuming at once is then one socket write
      // per phone rather than hundreds (the writes, not the reads, were the reconnect storm's cost).
      const batched = protocolVersionOf(socket) >= 2;
      const missed: ConferenceEventMessage[] = [];
      const resumed = await this.feed.resume(
        conferenceId,
        lastSeq,
        audiences,
        REPLAY_LIMIT,
        (event) => (batched ? missed.push(toMessage(event)) : socket.emit('conference.event', toMessage(event))),
        () => {
          // Same tick as the rooms are joined: the batch still goes before any live event.
          if (missed.length > 0) socket.emit('conference.events', missed);
          void socket.join(rooms);
        },
      );
      replayBudget?.charge(now, resumed.replayed);
      return {
        conferenceId,
        replayed: resumed.replayed,
        headSeq: resumed.headSeq,
        truncated: resumed.snapshot,
      };
    });
  }

  @SubscribeMessage('conference.leave')
  leave(
    @ConnectedSocket() socket: ConferenceSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ conferenceId: string }>> {
    return answer(async () => {
      const { conferenceId } = await parseMessage(ConferenceRefDto, body);
      await this.authorization.principalOf(socket);
      for (const room of socket.rooms) if (room.startsWith(`conf:${conferenceId}:`)) await socket.leave(room);
      return { conferenceId };
    });
  }

  /** A remote attendee confirms they are attending: they count as present while connected. */
  @SubscribeMessage('presence.confirm')
  confirm(
    @ConnectedSocket() socket: ConferenceSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ present: boolean }>> {
    return answer(async () => {
      const { conferenceId } = await parseMessage(ConferenceRefDto, body);
      const principal = await this.authorization.principalOf(socket);
      if (principal.kind !== 'attendee' || principal.conferenceId !== conferenceId)
        throw new NotFound('You are not registered for this conference.');
      if (principal.attendanceMode !== 'remote') {
        throw new StandingOrderViolation(
          'attendance-mode',
          'You are registered to attend in the hall: please check in at the registration desk.',
        );
      }
      const result = await this.presence.confirm(conferenceId, principal.registrationId);
      return { present: result?.present ?? false };
    });
  }

  /**
   * Whether the signed-in remote attendee counts as present now: the phone asks after each (re)join,
   * so a reload shows "confirmed" only while it is true, and "confirm again" once the grace ran out.
   */
  @SubscribeMessage('presence.status')
  status(
    @ConnectedSocket() socket: ConferenceSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ present: boolean }>> {
    return answer(async () => {
      const { conferenceId } = await parseMessage(ConferenceRefDto, body);
      const principal = await this.authorization.principalOf(socket);
      if (principal.kind !== 'attendee' || principal.conferenceId !== conferenceId)
        throw new NotFound('You are not registered for this conference.');
      return { present: await this.presence.isPresent(conferenceId, principal.registrationId) };
    });
  }

  private presenceTrouble(error: unknown): void {
    this.logger.warn(`Could not update presence: ${error instanceof Error ? error.message : String(error)}`);
  }

  /**
   * Each instance delivers every event to its own sockets, from the log in seq order (EventFeed). A
   * group's consecutive events for one audience go as one `conference.events` message to protocol 2
   * clients: a vote's `vote.closed` and `vote.result` are one socket write per phone, not two. Runs are
   * sent in seq order, so a client in several audiences still receives every event in order.
   */
  private push(events: StoredConferenceEvent[]): void {
    const legacy = this.server.of('/').adapter.rooms.get(PROTOCOL_1);
    let start = 0;
    for (let end = 1; end <= events.length; end++) {
      const first = events[start];
      if (end < events.length && events[end].audience === first.audience && events[end].conferenceId === first.conferenceId) continue;
      const room = roomOf(first.conferenceId, first.audience);
      const run = events.slice(start, end).map(toMessage);
      fanOut(this.server, room, PROTOCOL_1, 'conference.events', run);
      if (legacy?.size) {
        const members = this.server.of('/').adapter.rooms.get(room);
        for (const socketId of legacy) {
          if (!members?.has(socketId)) continue;
          const socket = this.server.of('/').sockets.get(socketId);
          for (const message of run) socket?.emit('conference.event', message);
        }
      }
      start = end;
    }
  }

  /**
   * Every socket here reads its principal again: an ended session is told so and disconnected, a lost
   * role's audiences are left, and the ballot path's kept principal is replaced (LivePrincipals). The
   * reads of many tokens go to the database together (Authenticator).
   */
  private sweep(): void {
    this.lastSweep = Date.now();
    for (const socket of this.server.of('/').sockets.values()) void this.authorization.refresh(socket);
  }

  /** An account's roles changed: its sockets here re-read it now and leave the audiences it lost. */
  private accessChanged(accountId: string): void {
    this.live.forgetAccount(accountId);
    for (const socket of this.server.of('/').sockets.values()) {
      if (socket.rooms.has(accountRoom(accountId))) void this.authorization.refresh(socket);
    }
  }

  private endSession(sessionId: string, reason = 'Your session was ended. Sign in again to continue.'): void {
    this.live.forgetSession(sessionId);
    this.server.to(sessionRoom(sessionId)).emit('session.ended', { reason });
    this.server.in(sessionRoom(sessionId)).disconnectSockets(true);
  }
}

/** The protocol the client said it speaks in its handshake (`auth.protocolVersion`); 1 when it said none. */
function protocolVersionOf(socket: ConferenceSocket): number {
  const declared = Number((socket.handshake.auth as { protocolVersion?: unknown } | undefined)?.protocolVersion);
  return Number.isInteger(declared) && declared > 0 ? declared : 1;
}

function toMessage(event: StoredConferenceEvent): ConferenceEventMessage {
  return {
    conferenceId: event.conferenceId,
    seq: event.seq,
    type: event.type,
    payload: event.payload,
    at: event.at,
  };
}
