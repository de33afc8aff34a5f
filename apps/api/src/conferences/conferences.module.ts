import { Module } from '@nestjs/common';
import { ConferenceSetupRepository } from '@agm/persistence/conference-setup';
import { ConferenceQueries } from './conference.queries';
import { ConferencesController } from './conferences.controller';
import { CreateConference } from './use-cases/create-conference.use-case';
import { UpdateConference } from './use-cases/update-conference.use-case';

@Module({
  controllers: [ConferencesController],
  // The set-up repository reads the deadlines an update of the dates must still fit.
  providers: [CreateConference, UpdateConference, ConferenceQueries, ConferenceSetupRepository],
  exports: [ConferenceQueries],
})
export class ConferencesModule {}
