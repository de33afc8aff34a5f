export * from './debate-log.repository';
export * from './minutes.repository';
export * from './report.repository';
