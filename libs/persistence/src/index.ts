export * from './data-source';
export * from './database';
export * from './embedded-postgres';
export * from './entities/conference.entity';
export * from './entities/conference-event.entity';
export * from './repositories/conference.repository';
export * from './repositories/event-log.repository';
