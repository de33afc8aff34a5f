export * from './monitoring.repository';
