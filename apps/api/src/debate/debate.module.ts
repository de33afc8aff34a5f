import { Module } from '@nestjs/common';
import { DebateLogRepository } from '@agm/persistence/debate';
import { VotingModule } from '../voting/voting.module';
import { DebateController } from './debate.controller';
import { DebateGateway } from './debate.gateway';
import { DebateQueries } from './debate.queries';
import { RunDebateCommand } from './use-cases/run-debate-command.use-case';

/** Debate under standing orders: the chair's and attendees' commands, the live views, the minutes. */
@Module({
  imports: [VotingModule],
  controllers: [DebateController],
  providers: [DebateLogRepository, RunDebateCommand, DebateQueries, DebateGateway],
  exports: [RunDebateCommand, DebateQueries],
})
export class DebateModule {}
