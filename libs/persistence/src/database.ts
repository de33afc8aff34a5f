import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** Initialised and migrated; the app hands it to TypeORM as its data source. */
  dataSource: DataSource;
  /** Closes the pool, then stops the embedded server if this process started one. */
  stop(): Promise<void>;
}

const MIGRATION_LOCK = 727274;

/**
 * Picks the database — the given PostgreSQL URL, or the embedded one in `dataDir` — connects and
 * brings its schema up to date. On a shared server, instances starting together take an advisory
 * lock so the migrations run once.
 */
export async function openDatabase(databaseUrl: string | undefined, dataDir: string | 'memory'): Promise<OpenDatabase> {
  let embedded: EmbeddedPostgres | undefined;
  const url = databaseUrl ?? (embedded = await startEmbeddedPostgres(dataDir)).url;
  const dataSource = new DataSource(buildDataSourceOptions({ url, embedded: !!embedded }));
  try {
    await dataSource.initialize();
    await migrate(dataSource, !embedded);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    embedded: !!embedded,
    dataSource,
    async stop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

async function migrate(dataSource: DataSource, shared: boolean): Promise<void> {
  if (!shared) {
    // The embedded database belongs to this process alone, and its pool is one connection.
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
