import { Global, Module } from '@nestjs/common';
import { ConferenceRepository, EventLogRepository } from '@agm/persistence';
import { EventBus } from './event-bus';
import { Transactions } from './transactions';

/** The unit of work, the event log and the repositories every feature uses. */
@Global()
@Module({
  providers: [EventBus, Transactions, EventLogRepository, ConferenceRepository],
  exports: [EventBus, Transactions, EventLogRepository, ConferenceRepository],
})
export class EventsModule {}
