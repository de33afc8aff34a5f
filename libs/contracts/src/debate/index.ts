// Debate DTOs and socket messages.
export * from './debate-command.dto';
export * from './debate-snapshot.dto';
export * from './minutes.dto';
export * from './report.dto';
