import { Module } from '@nestjs/common';
import { RegistrationRepository } from '@agm/persistence';
import { VoteRepository } from '@agm/persistence/voting';
import { MotionsModule } from '../motions/motions.module';
import { BallotSeal } from './ballot-seal';
import { SealedBallots } from './sealed-ballots';
import { BallotsCastNotifier } from './ballots-cast.notifier';
import { ReceiptCodes } from './receipt-codes';
import { CastBallot } from './use-cases/cast-ballot.use-case';
import { CloseVote, VoidVote } from './use-cases/close-vote.use-case';
import { EnterTellerCount } from './use-cases/enter-teller-count.use-case';
import { AcceptUnconfirmedCount } from './use-cases/accept-unconfirmed-count.use-case';
import { OpenVote } from './use-cases/open-vote.use-case';
import { VoteDeclaration } from './vote-declaration';
import { VoteQueries } from './vote.queries';
import { VotingController } from './voting.controller';
import { RecordCastingVote } from './use-cases/casting-vote.use-case';
import { VotingGateway } from './voting.gateway';
import { VoteAutoClose } from './vote-auto-close';

/** Voting: open, cast (HTTP and socket), teller counts, close and result, void, receipts and the scrutineer export. */
@Module({
  // The result of a vote on admitting an emergency motion is recorded on the motion (SO 7).
  imports: [MotionsModule],
  controllers: [VotingController],
  providers: [
    VoteRepository,
    RegistrationRepository,
    ReceiptCodes,
    BallotSeal,
    SealedBallots,
    BallotsCastNotifier,
    VoteDeclaration,
    OpenVote,
    CastBallot,
    EnterTellerCount,
    AcceptUnconfirmedCount,
    CloseVote,
    VoidVote,
    RecordCastingVote,
    VoteQueries,
    VotingGateway,
    VoteAutoClose,
  ],
  // The seal and the receipts serve election ballots too (one design for every secret ballot).
  exports: [OpenVote, CloseVote, VoteQueries, BallotSeal, ReceiptCodes],
})
export class VotingModule {}
