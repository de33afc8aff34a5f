import { Module } from '@nestjs/common';
import { ElectionBallotRepository, ElectionPostRepository } from '@agm/persistence/elections';
import { VoteRepository } from '@agm/persistence/voting';
import { VotingModule } from '../voting/voting.module';
import { CastElectionBallot } from './ballot/cast-election-ballot.use-case';
import { CloseElectionBallot } from './ballot/close-election-ballot.use-case';
import { ElectionBallotBox } from './ballot/election-ballot-box';
import { ElectionBallotController, ElectionResultsController } from './ballot/election-ballot.controller';
import { ElectionBallotQueries } from './ballot/election-ballot.queries';
import { OpenElectionBallot } from './ballot/open-election-ballot.use-case';
import { ConfirmPaperBallot, DiscardPaperBallot, EnterPaperBallot } from './ballot/paper-ballots.use-case';
import { VoidElectionBallot } from './ballot/void-election-ballot.use-case';
import { ElectionQueries } from './election.queries';
import { ElectionsController } from './elections.controller';
import { AcceptNomination } from './use-cases/accept-nomination.use-case';
import { CloseNominations } from './use-cases/close-nominations.use-case';
import { CreatePost } from './use-cases/create-post.use-case';
import { NominateCandidate } from './use-cases/nominate-candidate.use-case';
import { WithdrawNomination } from './use-cases/withdraw-nomination.use-case';

/**
 * Elections at the AGM (issue 20): posts, nominations and the close of nominations; the hybrid secret
 * ballot (sealed with the motion votes' seal and receipts, from VotingModule) and its count.
 */
@Module({
  imports: [VotingModule],
  controllers: [ElectionsController, ElectionBallotController, ElectionResultsController],
  providers: [
    ElectionPostRepository,
    ElectionBallotRepository,
    VoteRepository,
    ElectionQueries,
    CreatePost,
    NominateCandidate,
    AcceptNomination,
    WithdrawNomination,
    CloseNominations,
    ElectionBallotBox,
    ElectionBallotQueries,
    OpenElectionBallot,
    CastElectionBallot,
    EnterPaperBallot,
    ConfirmPaperBallot,
    DiscardPaperBallot,
    CloseElectionBallot,
    VoidElectionBallot,
  ],
})
export class ElectionsModule {}
