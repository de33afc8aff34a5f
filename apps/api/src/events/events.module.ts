import { Global, Module } from '@nestjs/common';
import { ConferenceRepository, EventLogRepository } from '@agm/persistence';
import { EventBus } from './event-bus';
import { EventFeed } from './event-feed';
import { RedisLink } from './redis-link';
import { Transactions } from './transactions';

/** The unit of work, the event log and the repositories every feature uses. */
@Global()
@Module({
  providers: [EventBus, EventFeed, RedisLink, Transactions, EventLogRepository, ConferenceRepository],
  exports: [EventBus, EventFeed, RedisLink, Transactions, EventLogRepository, ConferenceRepository],
})
export class EventsModule {}
