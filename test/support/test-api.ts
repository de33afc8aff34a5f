import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { AppConfig, loadConfig } from '@agm/config';
import { RunningApi, startApi } from '../../apps/api/src/bootstrap';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApi extends RunningApi {
  config: AppConfig;
  http: () => ReturnType<typeof request>;
}

/**
 * The real system on a free loopback port, on a fresh database (the machine's PostgreSQL when
 * TEST_DATABASE_URL or DATABASE_URL is set, else the embedded one in memory). Close it in afterAll.
 */
export async function startTestApi(overrides: Record<string, string> = {}, options: { database?: TestDatabase } = {}): Promise<TestApi> {
  // A shared database (several instances in one test) is made and dropped by the caller.
  const database = options.database ?? (await createTestDatabase());
  const dropOnClose = !options.database;
  const config = loadConfig(
    {
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'agm-test-')),
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      ...overrides,
    },
    {},
  );
  const api = await startApi(config, { embeddedDataDir: 'memory' });
  return {
    ...api,
    config,
    http: () => request(api.url),
    async close() {
      await api.close();
      if (dropOnClose) await database.drop();
    },
  };
}
