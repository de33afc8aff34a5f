import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '@agm/config';
import { startApi } from '../../apps/api/src/bootstrap';

describe('the embedded database', () => {
  it('finds its data again after the system restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agm-restart-'));
    // No DATABASE_URL: this is what `npm start` does on a fresh machine.
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' }, {});

    const first = await startApi(config);
    let id: string;
    try {
      expect(first.database.embedded).toBe(true);
      const created = await request(first.url)
        .post('/api/conferences')
        .send({ name: 'Kept AGM', venue: 'Eastbourne', timeZone: 'Europe/London', startsOn: '2025-10-02', endsOn: '2025-10-03', format: 'hybrid' })
        .expect(201);
      id = created.body.id;
    } finally {
      await first.close();
    }

    const second = await startApi(config);
    try {
      const read = await request(second.url).get(`/api/conferences/${id}`).expect(200);
      expect(read.body.name).toBe('Kept AGM');
      // The same generated token secret is found again too.
      expect(loadConfig({ DATA_DIR: dataDir }, {}).tokenSecret).toBe(config.tokenSecret);
    } finally {
      await second.close();
    }
  });
});
