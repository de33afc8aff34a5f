import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { Ack, BallotAckDto, BallotCastMessageDto, isWellFormedBallotMessage } from '@agm/contracts';
import { answer, parseMessage } from '../realtime/socket-messages';
import { SocketAuthorization } from '../realtime/socket-principal';
import { BallotsCastNotifier } from './ballots-cast.notifier';
import { CastBallot } from './use-cases/cast-ballot.use-case';

/**
 * Voting over the conference socket: 'vote.cast' answers with the ballot's acknowledgement after the commit.
 *
 * The listener is registered on each socket directly rather than with @SubscribeMessage: Nest's
 * message pipeline (an rxjs chain, guards, interceptors and pipes per message) cost more CPU than
 * storing the ballot itself in the 3,000-voter storm (bench/vote-storm, docs/PERFORMANCE.md). The
 * contract is the same as every other message: authenticated socket, validated body, one ack shape.
 */
@WebSocketGateway({ serveClient: false })
export class VotingGateway implements OnGatewayInit {
  constructor(
    private readonly castBallot: CastBallot,
    private readonly notifier: BallotsCastNotifier,
    private readonly authorization: SocketAuthorization,
  ) {}

  afterInit(server: Server): void {
    this.notifier.attach(server);
    server.on('connection', (socket: Socket) => {
      socket.on('vote.cast', (...args: unknown[]) => {
        // socket.io passes the client's ack callback last, if it asked for one.
        const ack =
          typeof args[args.length - 1] === 'function'
            ? (args.pop() as (answer: Ack<BallotAckDto>) => void)
            : undefined;
        void this.cast(socket, args[0]).then((result) => ack?.(result));
      });
    });
  }

  cast(socket: Socket, body: unknown): Promise<Ack<BallotAckDto>> {
    return answer(async () => {
      // The principal as last read (no database read per ballot in the storm), unless a revocation or
      // a role change dropped it; CastBallot checks the registration and presence in its transaction.
      const principal = await this.authorization.principalOf(socket, { fresh: false });
      // The common case skips the validator's reflection; anything else gets its full list of problems.
      const { conferenceId, voteId, choice, idempotencyKey } = isWellFormedBallotMessage(body)
        ? body
        : await parseMessage(BallotCastMessageDto, body);
      return this.castBallot.execute(principal, conferenceId, voteId, { choice, idempotencyKey });
    });
  }
}
