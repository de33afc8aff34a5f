export * from './remote-links.repository';
