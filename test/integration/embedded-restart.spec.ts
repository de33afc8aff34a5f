import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '@agm/config';
import { startApi } from '../../apps/api/src/bootstrap';
import { hashSecret } from '../../apps/api/src/auth/passwords';
import { AccessRepository } from '@agm/persistence';

describe('the embedded database', () => {
  it('finds its data again after the system restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'agm-restart-'));
    // No DATABASE_URL: this is what `npm start` does on a fresh machine.
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' }, {});

    const first = await startApi(config);
    let id: string;
    let signIn: request.Response;
    try {
      expect(first.database.embedded).toBe(true);
      await new AccessRepository().insertAccount(first.database.dataSource.manager, {
        email: 'admin@restart.example',
        name: 'Head office',
        passwordHash: await hashSecret('restart-password'),
        memberId: null,
        isHeadOffice: true,
      });
      signIn = await request(first.url).post('/api/auth/official').send({ email: 'admin@restart.example', password: 'restart-password' }).expect(200);
      const created = await request(first.url)
        .post('/api/conferences')
        .set('Authorization', `Bearer ${signIn.body.token}`)
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
      // The session survives the restart too: the secret and the sessions are kept.
      await request(second.url).get('/api/auth/me').set('Authorization', `Bearer ${signIn.body.token}`).expect(200);
      // The same generated token secret is found again too.
      expect(loadConfig({ DATA_DIR: dataDir }, {}).tokenSecret).toBe(config.tokenSecret);
    } finally {
      await second.close();
    }
  });
});
