import 'reflect-metadata';
import { ConfigError, loadConfig } from '@agm/config';
import { startApi } from './bootstrap';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const api = await startApi(config);
  process.stdout.write(
    `\nAGM system listening on ${api.url}\n` +
      `  database: ${api.database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL'}\n` +
      `  API docs: ${api.url}/api/docs   health: ${api.url}/health\n\n`,
  );

  // Graceful shutdown: stop taking requests, let the current ones finish, close the database last.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal} received: shutting down\n`);
    await api.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`The system could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
