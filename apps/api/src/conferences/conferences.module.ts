import { Module } from '@nestjs/common';
import { ConferenceQueries } from './conference.queries';
import { ConferencesController } from './conferences.controller';
import { CreateConference } from './use-cases/create-conference.use-case';
import { UpdateConference } from './use-cases/update-conference.use-case';

@Module({
  controllers: [ConferencesController],
  providers: [CreateConference, UpdateConference, ConferenceQueries],
  exports: [ConferenceQueries],
})
export class ConferencesModule {}
