import { Module } from '@nestjs/common';
import { ElectionPostRepository } from '@agm/persistence/elections';
import { ElectionQueries } from './election.queries';
import { ElectionsController } from './elections.controller';
import { AcceptNomination } from './use-cases/accept-nomination.use-case';
import { CloseNominations } from './use-cases/close-nominations.use-case';
import { CreatePost } from './use-cases/create-post.use-case';
import { NominateCandidate } from './use-cases/nominate-candidate.use-case';
import { WithdrawNomination } from './use-cases/withdraw-nomination.use-case';

/** Elections at the AGM, first slice: posts, nominations and the close of nominations (issue 20). */
@Module({
  controllers: [ElectionsController],
  providers: [
    ElectionPostRepository,
    ElectionQueries,
    CreatePost,
    NominateCandidate,
    AcceptNomination,
    WithdrawNomination,
    CloseNominations,
  ],
})
export class ElectionsModule {}
