import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrl } from '@agm/config';

export interface TestDatabase {
  /** undefined: use the embedded database in memory. */
  url: string | undefined;
  drop(): Promise<void>;
}

/**
 * With TEST_DATABASE_URL (or DATABASE_URL) set, every test file gets its own fresh database on that
 * server, so files run in parallel without seeing each other's rows; it is dropped afterwards.
 * Without it, the tests run on the embedded database in memory.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) return { url: undefined, drop: async () => undefined };
  const name = `agm_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
