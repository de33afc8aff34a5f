export * from './vote.repository';
