export * from './debate-log.repository';
