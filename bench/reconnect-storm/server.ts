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
import { Transactions } from '../../apps/api/src/events/transactions';

/**
 * The system under test for `bench:reconnect-storm`, in its own process (the N socket clients of the
 * bench must not share its event loop): startApi() on DATABASE_URL or the embedded database; seeds a
 * conference with N remote attendees who confirmed their attendance (each with a presence lease of the
 * default 120 s grace, as `presence.confirm` leaves it) and a log of EVENTS events; on request, records
 * a steady stream of events through the application's own write path (Transactions: the conference
 * lock, the log, the commit, then EventFeed), so events keep coming while the hall reconnects.
 *
 * Sessions are written straight to the database (the token's HMAC, as SessionTokens does): signing
 * 3,000 attendees in through argon2 would take minutes and measure sign-in instead.
 */
type Request =
  | { kind: 'seed'; clients: number; events: number }
  | { kind: 'stream-start'; perSecond: number }
  | { kind: 'stream-stop' }
  | { kind: 'log'; afterSeq: number }
  | { kind: 'cpu' }
  | { kind: 'stop' };

async function main(): Promise<void> {
  const config = loadConfig(
    {
      PORT: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'agm-reconnect-')),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      TOKEN_SECRET: process.env.TOKEN_SECRET ?? randomBytes(32).toString('hex'),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    {},
  );
  const api = await startApi(config, { embeddedDataDir: 'memory' });
  const manager = api.database.dataSource.manager;
  const transactions = api.app.get(Transactions);
  const hash = (token: string) => createHmac('sha256', config.tokenSecret).update(token).digest('base64url');
  const expires = new Date(Date.now() + 24 * 3600 * 1000);

  let conferenceId = '';
  let memberIds: string[] = [];
  let stream: { timer: ReturnType<typeof setInterval>; inFlight: Promise<unknown>[]; written: number; failed: number } | undefined;

  /** The audiences an attendee's events go to, in the proportions of a debate: mostly public, some for the officials, some for one member. */
  const audienceOf = (i: number) =>
    i % 10 < 6 ? 'public' : i % 10 < 8 ? 'admin' : `member:${memberIds[Math.floor(Math.random() * memberIds.length)]}`;

  const handlers = {
    async seed(clients: number, events: number) {
      const conference = await new ConferenceRepository().insert(
        manager,
        { name: `Reconnect storm ${new Date().toISOString()}`, venue: 'Bench', timeZone: 'Europe/London', startsOn: '2025-10-02', endsOn: '2025-10-03', format: 'hybrid' },
        { ...napoDefaultRuleset(), quorum: { minimumCount: 1, minimumShareOfMembership: null, remoteCounts: true } },
      );
      conferenceId = conference.id;
      const access = new AccessRepository();
      const chair = await access.insertAccount(manager, { email: `chair-${randomUUID()}@bench.example`, name: 'Bench chair', passwordHash: 'x', memberId: null, isHeadOffice: false });
      await access.assignRole(manager, chair.id, conference.id, 'chair');

      const tag = randomUUID().slice(0, 8);
      const registrations: Array<{ id: string; member_id: string }> = await manager.query(
        `WITH m AS (
           INSERT INTO member (membership_number, name, email, category)
           SELECT 'R' || $2 || '-' || i, 'Reconnecting member ' || i, 'r' || $2 || i || '@bench.example', 'full' FROM generate_series(1, $1::int) i RETURNING id)
         INSERT INTO registration (conference_id, member_id, attendance_mode, remote_confirmed, present)
         SELECT $3, id, 'remote', true, true FROM m RETURNING id, member_id`,
        [clients, tag, conference.id],
      );
      memberIds = registrations.map((r) => r.member_id);
      // Confirmed attendees hold a lease (what presence.confirm leaves); without one the sweeper would end their presence.
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

      // The conference's history: EVENTS events already in the log, in one transaction under the counter's lock.
      const audiences = Array.from({ length: events }, (_, i) => audienceOf(i));
      await api.database.dataSource.transaction(async (tx) => {
        await tx.query('SELECT last_seq FROM conference_event_counter WHERE conference_id = $1 FOR UPDATE', [conference.id]);
        await tx.query(
          `INSERT INTO conference_event (conference_id, seq, type, payload, audience, actor_id, at)
           SELECT $1, c.last_seq + x.n, 'bench.history', jsonb_build_object('n', x.n), x.audience, NULL, now()
             FROM conference_event_counter c, unnest($2::text[]) WITH ORDINALITY AS x(audience, n) WHERE c.conference_id = $1`,
          [conference.id, audiences],
        );
        await tx.query('UPDATE conference_event_counter SET last_seq = last_seq + $2 WHERE conference_id = $1', [conference.id, events]);
      });
      const [{ last_seq }] = await manager.query('SELECT last_seq FROM conference_event_counter WHERE conference_id = $1', [conference.id]);
      return { url: api.url, conferenceId: conference.id, tokens, memberIds, headSeq: Number(last_seq), embedded: api.database.embedded };
    },

    /** `perSecond` events a second, two per transaction (an event and its quorum-like public follow-up), through Transactions. */
    streamStart(perSecond: number) {
      const tickMs = 100;
      const perTick = Math.max(1, Math.round((perSecond * tickMs) / 1000));
      let i = 0;
      const inFlight: Promise<unknown>[] = [];
      const started = { inFlight, written: 0, failed: 0, timer: setInterval(() => {
        for (let k = 0; k < perTick; k += 2) {
          const pair = [audienceOf(i++), audienceOf(i++)].slice(0, Math.min(2, perTick - k));
          const write = transactions
            .runFor(conferenceId, async (uow) => {
              for (const audience of pair) uow.record({ conferenceId, type: 'bench.live', payload: { at: Date.now() }, audience, actorId: null });
            })
            .then(
              () => (started.written += pair.length),
              () => started.failed++,
            );
          inFlight.push(write);
        }
      }, tickMs) };
      stream = started;
      return { perTick, tickMs };
    },

    async streamStop() {
      if (!stream) return { written: 0, failed: 0 };
      clearInterval(stream.timer);
      await Promise.all(stream.inFlight);
      const { written, failed } = stream;
      stream = undefined;
      const [{ last_seq }] = await manager.query('SELECT last_seq FROM conference_event_counter WHERE conference_id = $1', [conferenceId]);
      return { written, failed, headSeq: Number(last_seq) };
    },

    /** The log after `afterSeq`: what each client's received seqs are checked against. */
    async log(afterSeq: number) {
      const rows: Array<{ seq: string; audience: string }> = await manager.query(
        'SELECT seq, audience FROM conference_event WHERE conference_id = $1 AND seq > $2 ORDER BY seq',
        [conferenceId, afterSeq],
      );
      return rows.map((row) => [Number(row.seq), row.audience] as const);
    },
  };

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  process.on('message', async (request: Request) => {
    try {
      if (request.kind === 'cpu') {
        const cpu = process.cpuUsage();
        const memory = process.memoryUsage();
        process.send!({ ok: true, data: { cpuMs: (cpu.user + cpu.system) / 1000, loopDelayP99Ms: loopDelay.percentile(99) / 1e6, loopDelayMaxMs: loopDelay.max / 1e6, rssMb: Math.round(memory.rss / 2 ** 20) } });
        loopDelay.reset();
      } else if (request.kind === 'seed') process.send!({ ok: true, data: await handlers.seed(request.clients, request.events) });
      else if (request.kind === 'stream-start') process.send!({ ok: true, data: handlers.streamStart(request.perSecond) });
      else if (request.kind === 'stream-stop') process.send!({ ok: true, data: await handlers.streamStop() });
      else if (request.kind === 'log') process.send!({ ok: true, data: await handlers.log(request.afterSeq) });
      else process.exit(0); // without the orderly shutdown; a --cpu-prof profile is written on exit
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
