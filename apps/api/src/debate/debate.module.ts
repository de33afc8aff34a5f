import { Module } from '@nestjs/common';
import { DebateLogRepository, MinutesRepository } from '@agm/persistence/debate';
import { VoteRepository } from '@agm/persistence/voting';
import { MotionsModule } from '../motions/motions.module';
import { VotingModule } from '../voting/voting.module';
import { DebateController } from './debate.controller';
import { DebateGateway } from './debate.gateway';
import { DebateQueries } from './debate.queries';
import { ApproveMinutes } from './use-cases/approve-minutes.use-case';
import { OpenQuestionVote } from './use-cases/open-question-vote.use-case';
import { RunDebateCommand } from './use-cases/run-debate-command.use-case';

/** Debate under standing orders: the chair's and attendees' commands, the live views, the minutes. */
@Module({
  imports: [VotingModule, MotionsModule],
  controllers: [DebateController],
  providers: [
    DebateLogRepository,
    MinutesRepository,
    ApproveMinutes,
    VoteRepository,
    RunDebateCommand,
    OpenQuestionVote,
    DebateQueries,
    DebateGateway,
  ],
  exports: [RunDebateCommand, DebateQueries],
})
export class DebateModule {}
