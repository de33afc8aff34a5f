import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';

/**
 * The socket.io protocol, shared by the server and every client. Version it when a message changes
 * shape; clients send `protocolVersion` in the handshake auth.
 */
export const SOCKET_PROTOCOL_VERSION = 2;

/** One entry of a conference's event log, as pushed. `seq` is gap-free per conference. */
export interface ConferenceEventMessage {
  conferenceId: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

/** The one error shape, as on HTTP. */
export interface SocketErrorMessage {
  statusCode: number;
  message: string;
  errors?: Record<string, string>;
  rule?: string;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: SocketErrorMessage };

export class JoinConferenceDto {
  @IsUUID('4', { message: 'conferenceId must be the id of a conference' })
  conferenceId: string;

  /** The last seq this client applied; the server replays everything after it that the client may see. */
  @IsOptional()
  @IsInt({ message: 'lastSeq must be a whole number' })
  @Min(0, { message: 'lastSeq must be 0 or more' })
  lastSeq?: number;
}

export interface JoinedConference {
  conferenceId: string;
  /** Number of events replayed before this answer. */
  replayed: number;
  /** The conference's newest seq at the time of joining (the client may not see all of them). */
  headSeq: number;
  /** True when more than the replay limit was missed: fetch a fresh snapshot. */
  truncated: boolean;
}

export class ConferenceRefDto {
  @IsUUID('4', { message: 'conferenceId must be the id of a conference' })
  conferenceId: string;
}

/** Server → client events. */
export interface ServerToClientEvents {
  'conference.event': (event: ConferenceEventMessage) => void;
  /**
   * Protocol 2: the events a join replays, in seq order, in one message sent before the join's answer
   * and before any live `conference.event` that follows them. Protocol 1 clients get them one by one.
   */
  'conference.events': (events: ConferenceEventMessage[]) => void;
  'session.ended': (info: { reason: string }) => void;
}

/** Client → server messages; each answers through the socket.io acknowledgement. */
export interface ClientToServerEvents {
  'conference.join': (body: JoinConferenceDto, ack: (answer: Ack<JoinedConference>) => void) => void;
  'conference.leave': (body: ConferenceRefDto, ack: (answer: Ack<{ conferenceId: string }>) => void) => void;
  'presence.confirm': (body: ConferenceRefDto, ack: (answer: Ack<{ present: boolean }>) => void) => void;
  'presence.status': (body: ConferenceRefDto, ack: (answer: Ack<{ present: boolean }>) => void) => void;
}
