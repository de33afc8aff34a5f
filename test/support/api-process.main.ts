import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@agm/config';
import { startApi } from '../../apps/api/src/bootstrap';

/** The api for ApiProcess (throwaway-servers.ts): DATABASE_URL, REDIS_URL and TOKEN_SECRET from its environment. */
async function main(): Promise<void> {
  const config = loadConfig(
    {
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'agm-child-')),
      LOG_LEVEL: process.env.CHILD_LOG_LEVEL ?? 'silent',
      SEED_DEMO: 'false',
      DATABASE_URL: process.env.DATABASE_URL!,
      TOKEN_SECRET: process.env.TOKEN_SECRET!,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    },
    {},
  );
  const api = await startApi(config);
  process.send!({ url: api.url });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
