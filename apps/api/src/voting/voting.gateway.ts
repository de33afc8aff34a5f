import { ConnectedSocket, MessageBody, OnGatewayInit, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { Ack, BallotAckDto, BallotCastMessageDto, isWellFormedBallotMessage } from '@agm/contracts';
import { answer, parseMessage } from '../realtime/socket-messages';
import { principalOf } from '../realtime/socket-principal';
import { BallotsCastNotifier } from './ballots-cast.notifier';
import { CastBallot } from './use-cases/cast-ballot.use-case';

/** Voting over the conference socket: 'vote.cast' answers with the ballot's acknowledgement after the commit. */
@WebSocketGateway({ serveClient: false })
export class VotingGateway implements OnGatewayInit {
  constructor(
    private readonly castBallot: CastBallot,
    private readonly notifier: BallotsCastNotifier,
  ) {}

  afterInit(server: Server): void {
    this.notifier.attach(server);
  }

  @SubscribeMessage('vote.cast')
  cast(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<Ack<BallotAckDto>> {
    return answer(async () => {
      const principal = principalOf(socket);
      // The common case skips the validator's reflection; anything else gets its full list of problems.
      const { conferenceId, voteId, choice, idempotencyKey } = isWellFormedBallotMessage(body) ? body : await parseMessage(BallotCastMessageDto, body);
      return this.castBallot.execute(principal, conferenceId, voteId, { choice, idempotencyKey });
    });
  }
}
