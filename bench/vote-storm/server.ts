import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '@agm/config';
import { napoDefaultRuleset } from '@agm/domain';
import { AccessRepository, ConferenceRepository } from '@agm/persistence';
import { startApi } from '../../apps/api/src/bootstrap';

/**
 * The system under test, in its own process (so the N socket clients of the bench do not share its
 * event loop): starts it with startApi() on DATABASE_URL or the embedded database, seeds a
 * conference, a chair and N present remote attendees with sessions, and measures the database's raw
 * single-row commit rate when asked. Talks to the bench over the fork IPC channel.
 *
 * Sessions are written straight to the database (token hashed with the configured token secret, as
 * SessionTokens does): signing 3,000 attendees in through argon2 would take minutes and measure sign-in.
 */
type Request = { kind: 'cpu' } | { kind: 'seed'; voters: number } | { kind: 'commit-rate'; seconds: number; concurrency: number } | { kind: 'stop' };

async function main(): Promise<void> {
  const config = loadConfig(
    { PORT: '0', DATA_DIR: mkdtempSync(join(tmpdir(), 'agm-storm-')), LOG_LEVEL: 'warn', SEED_DEMO: 'false', TOKEN_SECRET: process.env.TOKEN_SECRET ?? randomBytes(32).toString('hex'), ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) },
    {},
  );
  const api = await startApi(config, { embeddedDataDir: 'memory' });
  const manager = api.database.dataSource.manager;
  if (process.env.BENCH_DEBUG) {
    // Handshake failures answer only "something went wrong": print the cause.
    const { Authenticator } = await import('../../apps/api/src/auth/authenticator');
    const authenticator = api.app.get(Authenticator);
    const authenticate = authenticator.authenticate.bind(authenticator);
    authenticator.authenticate = (token) => authenticate(token).catch((error: unknown) => (console.error('authenticate failed:', error), Promise.reject(error)));
  }
  const hash = (token: string) => createHmac('sha256', config.tokenSecret).update(token).digest('base64url');
  const expires = new Date(Date.now() + 24 * 3600 * 1000);

  const handlers = {
    async seed(voters: number) {
      const conference = await new ConferenceRepository().insert(
        manager,
        { name: `Vote storm ${new Date().toISOString()}`, venue: 'Bench', timeZone: 'Europe/London', startsOn: '2025-10-02', endsOn: '2025-10-03', format: 'hybrid' },
        { ...napoDefaultRuleset(), quorum: { minimumCount: 1, minimumShareOfMembership: null, remoteCounts: true } },
      );
      const access = new AccessRepository();
      const chair = await access.insertAccount(manager, { email: `chair-${randomUUID()}@bench.example`, name: 'Bench chair', passwordHash: 'x', memberId: null, isHeadOffice: false });
      await access.assignRole(manager, chair.id, conference.id, 'chair');
      const chairToken = randomBytes(32).toString('base64url');
      await access.insertSession(manager, hash(chairToken), { accountId: chair.id }, expires);

      const tag = randomUUID().slice(0, 8);
      const registrations: Array<{ id: string }> = await manager.query(
        `WITH m AS (
           INSERT INTO member (membership_number, name, email, category)
           SELECT 'S' || $2 || '-' || i, 'Storm voter ' || i, 's' || $2 || i || '@bench.example', 'full' FROM generate_series(1, $1::int) i RETURNING id)
         INSERT INTO registration (conference_id, member_id, attendance_mode, remote_confirmed, present)
         SELECT $3, id, 'remote', true, true FROM m RETURNING id`,
        [voters, tag, conference.id],
      );
      // Confirmed attendees hold a presence lease (what presence.confirm leaves): without one the
      // sweeper ends their presence within a second and every ballot is refused as "not present".
      await manager.query(
        `INSERT INTO presence_lease (registration_id, grace_seconds, expires_at, instance_id)
         SELECT id, 120, now() + interval '120 seconds', 'bench-seed' FROM unnest($1::uuid[]) AS x(id)`,
        [registrations.map((r) => r.id)],
      );
      const tokens = registrations.map(() => randomBytes(32).toString('base64url'));
      await manager.query(
        `INSERT INTO session (token_hash, registration_id, expires_at) SELECT t, r, $3 FROM unnest($1::text[], $2::uuid[]) AS x(t, r)`,
        [tokens.map(hash), registrations.map((r) => r.id), expires],
      );
      return { url: api.url, conferenceId: conference.id, chairToken, tokens, embedded: api.database.embedded };
    },

    /** Single-row INSERTs, each its own commit, for `seconds`, from `concurrency` clients of the app's pool. */
    async commitRate(seconds: number, concurrency: number) {
      await manager.query('CREATE TABLE IF NOT EXISTS bench_commit_probe (id bigserial PRIMARY KEY, v integer NOT NULL)');
      const until = Date.now() + seconds * 1000;
      let commits = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (Date.now() < until) {
            await manager.query('INSERT INTO bench_commit_probe (v) VALUES (1)');
            commits++;
          }
        }),
      );
      await manager.query('DROP TABLE bench_commit_probe');
      return { commitsPerSecond: Math.round(commits / seconds), concurrency };
    },
  };

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  process.on('message', async (request: Request) => {
    try {
      if (request.kind === 'cpu') {
        // The server's CPU time so far and its event-loop delay since the last ask: is it the bottleneck?
        const cpu = process.cpuUsage();
        process.send!({ ok: true, data: { monotonicUs: Number(process.hrtime.bigint() / 1000n), cpuMs: (cpu.user + cpu.system) / 1000, loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6 } });
        loopDelay.reset();
        return;
      }
      if (request.kind === 'seed') process.send!({ ok: true, data: await handlers.seed(request.voters) });
      else if (request.kind === 'commit-rate') process.send!({ ok: true, data: await handlers.commitRate(request.seconds, request.concurrency) });
      else {
        // Exit without the orderly shutdown: thousands of remote disconnects would each be recorded.
        process.exit(0); // (a --cpu-prof profile is written on exit)
      }
    } catch (error) {
      process.send!({ ok: false, error: String((error as Error)?.stack ?? error) });
    }
  });
  process.send!({ ok: true, data: { ready: true } });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
