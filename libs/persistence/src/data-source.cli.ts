import { DataSource } from 'typeorm';
import { loadConfig } from '@agm/config';
import { buildDataSourceOptions } from './data-source';

/**
 * For `npm run migration:*` against a real PostgreSQL (DATABASE_URL). The embedded database runs its
 * migrations when the app starts, so it needs no CLI.
 */
const config = loadConfig();
if (!config.databaseUrl) {
  throw new Error('Set DATABASE_URL to run the migration CLI; the embedded database migrates itself on start.');
}
export default new DataSource(buildDataSourceOptions({ url: config.databaseUrl, embedded: false }));
