export * from './conference-setup.repository';
