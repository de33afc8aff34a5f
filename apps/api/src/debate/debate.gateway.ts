import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import {
  Ack,
  ConferenceRefDto,
  DebateCommandResponseDto,
  DebateSnapshotResponseDto,
  DebateSocketCommandDto,
} from '@agm/contracts';
import { answer, parseMessage } from '../realtime/socket-messages';
import { SocketAuthorization } from '../realtime/socket-principal';
import { DebateQueries } from './debate.queries';
import { RunDebateCommand } from './use-cases/run-debate-command.use-case';

/**
 * The debate over the socket: the same commands and the same answers as REST. The results come back
 * to everyone as conference events (`debate.floor`, `debate.queue`, `debate.queue_position`, `debate.*`).
 */
@WebSocketGateway({ serveClient: false })
export class DebateGateway {
  constructor(
    private readonly run: RunDebateCommand,
    private readonly queries: DebateQueries,
    private readonly authorization: SocketAuthorization,
  ) {}

  @SubscribeMessage('debate.command')
  command(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<DebateCommandResponseDto>> {
    return answer(async () => {
      const { conferenceId, command } = await parseMessage(DebateSocketCommandDto, body);
      const principal = await this.authorization.principalOf(socket);
      const result = await this.run.execute(principal, conferenceId, command);
      return { ...result, events: result.events.map((e) => ({ ...e })) };
    });
  }

  @SubscribeMessage('debate.snapshot')
  snapshot(
    @ConnectedSocket() socket: Socket,
    @MessageBody() body: unknown,
  ): Promise<Ack<DebateSnapshotResponseDto>> {
    return answer(async () => {
      const { conferenceId } = await parseMessage(ConferenceRefDto, body);
      const principal = await this.authorization.principalOf(socket);
      return this.queries.snapshot(principal, conferenceId);
    });
  }
}
