// Monitoring DTOs and socket messages.
export * from './monitoring.dto';
