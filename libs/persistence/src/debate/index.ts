export * from './debate-log.repository';
export * from './minutes.repository';
