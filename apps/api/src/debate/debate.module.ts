import { Module } from '@nestjs/common';
import { DebateLogRepository, MinutesRepository, ReportRepository } from '@agm/persistence/debate';
import { VoteRepository } from '@agm/persistence/voting';
import { MotionsModule } from '../motions/motions.module';
import { VotingModule } from '../voting/voting.module';
import { DebateController } from './debate.controller';
import { DebateGateway } from './debate.gateway';
import { DebateQueries } from './debate.queries';
import { ApproveMinutes } from './use-cases/approve-minutes.use-case';
import { OpenQuestionVote } from './use-cases/open-question-vote.use-case';
import { RunDebateCommand } from './use-cases/run-debate-command.use-case';
import { CorrectReport } from './use-cases/correct-report.use-case';
import { CreateReport } from './use-cases/create-report.use-case';
import { RemoveReport } from './use-cases/remove-report.use-case';
import { ReportsController } from './reports.controller';

/** Debate under standing orders: the chair's and attendees' commands, the live views, the minutes. */
@Module({
  imports: [VotingModule, MotionsModule],
  controllers: [DebateController, ReportsController],
  providers: [
    DebateLogRepository,
    MinutesRepository,
    ReportRepository,
    CreateReport,
    CorrectReport,
    RemoveReport,
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
