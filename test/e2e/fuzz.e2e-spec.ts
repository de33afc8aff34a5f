import fc from 'fast-check';
import { apiSuite } from '../support/api-suite';
import { arbitraryFor, hostileCases, OpenApiDocument, operationsOf } from '../support/openapi-fuzz';
import { connect, emitWithAck, TestSocket } from '../support/socket-client';

/**
 * Every operation in the app's own OpenAPI document gets the hostile categories of issue 17 (deep nesting,
 * NUL, lone surrogates, nulls, prototype keys, numbers out of range, wrong types, hostile query strings and
 * path parameters) and random bodies shaped by its schema; every socket message likewise. The one assertion:
 * no answer is a 5xx. Seeded: FUZZ_SEED=<n> reruns a failure exactly; a failure prints each request.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 17);
const VALID_SHAPED_PER_OPERATION = 4;
const CONCURRENCY = 4;

interface Sent {
  as: string;
  method: string;
  url: string;
  label: string;
  body?: string;
}

interface Failure extends Sent {
  status: number;
  answer: string;
}

/** Query values already percent-encoded, since a lone surrogate cannot be encoded by encodeURIComponent. */
const RAW_QUERY: Record<string, string> = { '\u0000': '%00', '\ud800': '%ED%A0%80' };
const RAW_PARAM: Record<string, string> = { '\u0000': '%00' };

async function inPool<T>(items: T[], work: (item: T) => Promise<void>, width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe(`fuzzing every operation and socket message (seed ${SEED}): never a 5xx`, () => {
  const suite = apiSuite();

  it('answers every hostile and random request to every operation with less than 500', async () => {
    const admin = await suite.ctx.asHeadOffice();
    const conference = await suite.ctx.newConference();
    const attendee = await suite.ctx.newAttendee(conference.id);
    const document = (await suite.api.http().get('/api/openapi.json').expect(200)).body as OpenApiDocument;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);

    const known = [conference.id, attendee.registrationId, attendee.member.id];
    const requests: Sent[] = [];
    const tokens: Record<string, string | undefined> = { 'head office': admin.token, attendee: attendee.token, nobody: undefined };
    operations.forEach((operation, index) => {
      const pathWith = (param?: string) =>
        operation.path.replace(/\{(\w+)\}/g, (_all, name: string) => (param !== undefined ? (RAW_PARAM[param] ?? encodeURIComponent(param)) : name === 'conferenceId' ? conference.id : known[index % known.length]));
      // Signing the fuzzer's own sessions out would end the run early: sign-out is sent without a token only.
      const signOut = operation.path.endsWith('/sign-out');
      const as = (who: string) => (signOut ? 'nobody' : who);
      const bodies = fc.sample(arbitraryFor(document, operation.body, known), { seed: SEED + index, numRuns: VALID_SHAPED_PER_OPERATION });
      const query = (values: Record<string, string>) => {
        const parts = Object.entries(values).map(([key, value]) => `${key}=${RAW_QUERY[value] ?? encodeURIComponent(value)}`);
        return parts.length ? `?${parts.join('&')}` : '';
      };
      bodies.forEach((body, n) =>
        requests.push({ as: as(n === 0 ? 'attendee' : n === 1 ? 'nobody' : 'head office'), method: operation.method, url: pathWith(), label: 'valid-shaped', body: operation.body ? JSON.stringify(body) : undefined }),
      );
      const base = (bodies[0] && typeof bodies[0] === 'object' && !Array.isArray(bodies[0]) ? bodies[0] : {}) as Record<string, unknown>;
      for (const hostile of hostileCases(document, operation, base)) {
        const body = hostile.raw ?? (hostile.body !== undefined ? JSON.stringify(hostile.body) : operation.body ? JSON.stringify(base) : undefined);
        requests.push({ as: as('head office'), method: operation.method, url: pathWith(hostile.param) + query(hostile.query ?? {}), label: hostile.label, body });
      }
    });

    const failures: Failure[] = [];
    const counts = new Map<number, number>();
    await inPool(
      requests,
      async (sent) => {
        const token = tokens[sent.as];
        const response = await fetch(`${suite.api.url}${sent.url}`, {
          method: sent.method,
          headers: { ...(sent.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: sent.method === 'GET' ? undefined : sent.body,
        });
        const answer = await response.text();
        counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
        if (response.status >= 500) failures.push({ ...sent, body: sent.body && sent.body.length > 300 ? `${sent.body.slice(0, 300)}… (${sent.body.length} chars)` : sent.body, status: response.status, answer: answer.slice(0, 300) });
      },
      CONCURRENCY,
    );
    process.stdout.write(`fuzz seed ${SEED}: ${requests.length} requests to ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries([...counts].sort()))}\n`);
    expect(failures).toEqual([]);
  }, 240_000);

  it('answers every hostile and random socket message with an acknowledgement, never a 5xx, and keeps the socket', async () => {
    const admin = await suite.ctx.asHeadOffice();
    const conference = await suite.ctx.newConference();
    const attendee = await suite.ctx.newAttendee(conference.id);
    const sockets: Record<string, TestSocket> = {
      'head office': suite.track(await connect(suite.api.url, admin.token)),
      attendee: suite.track(await connect(suite.api.url, attendee.token)),
    };
    const events = ['conference.join', 'conference.leave', 'presence.confirm', 'presence.status', 'debate.command', 'debate.snapshot'];
    const randoms = fc.sample(
      fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.record({ conferenceId: fc.constantFrom(conference.id, '00000000-0000-0000-0000-000000000000', 'x'), lastSeq: fc.oneof(fc.integer(), fc.double()), command: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: ['conferenceId'] }),
      ),
      { seed: SEED, numRuns: 25 },
    );
    const hostile: Array<{ label: string; body?: unknown; raw?: string }> = [
      { label: 'frame nested 10,000 deep', raw: `{"conferenceId":"${conference.id}","lastSeq":${'['.repeat(10_000)}0${']'.repeat(10_000)}}` },
      { label: 'NUL in conferenceId', body: { conferenceId: `${conference.id}\u0000` } },
      { label: 'lone surrogate in conferenceId', body: { conferenceId: `\ud800${conference.id}` } },
      { label: 'lastSeq 1e308', body: { conferenceId: conference.id, lastSeq: 1e308 } },
      { label: 'lastSeq 2**63', body: { conferenceId: conference.id, lastSeq: 2 ** 63 } },
      { label: 'prototype keys', raw: `{"conferenceId":"${conference.id}","__proto__":{"x":1},"constructor":{}}` },
      { label: 'null', body: null },
      { label: 'array', body: [conference.id] },
      { label: 'string', body: 'conference' },
      { label: 'command with NUL', body: { conferenceId: conference.id, command: { type: 'speaker.call\u0000' } } },
      { label: 'command nested', body: { conferenceId: conference.id, command: { type: 'x', a: { b: { c: [null, '\ud800'] } } } } },
    ];
    const failures: Array<{ as: string; event: string; label: string; answer: unknown }> = [];
    for (const [as, socket] of Object.entries(sockets)) {
      for (const event of events) {
        const messages: Array<{ label: string; body?: unknown; raw?: string }> = [...hostile, ...randoms.map((body, n) => ({ label: `random ${n}`, body }))];
        for (const [index, message] of messages.entries()) {
          const answer = message.raw !== undefined ? await emitRaw(socket, event, message.raw, index) : await emitWithAck<unknown>(socket, event, message.body, 10_000).catch((error: Error) => ({ ok: false, error: { statusCode: 599, message: error.message } }));
          const status = (answer as { ok: boolean; error?: { statusCode: number } }).ok ? 200 : ((answer as { error?: { statusCode?: number } }).error?.statusCode ?? 599);
          if (status >= 500 || !socket.connected) failures.push({ as, event, label: message.label, answer });
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

/** Writes a socket.io EVENT packet as text (the client library cannot encode 10,000 levels), awaiting its acknowledgement. */
function emitRaw(socket: TestSocket, event: string, messageJson: string, n: number): Promise<unknown> {
  const client = socket as unknown as { acks: Record<number, (answer: unknown) => void>; io: { engine: { write(data: string): void } } };
  const id = 800_000 + n;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, error: { statusCode: 599, message: 'no acknowledgement in 10 s' } }), 10_000);
    client.acks[id] = (answer) => {
      clearTimeout(timer);
      resolve(answer);
    };
    client.io.engine.write(`2${id}["${event}",${messageJson}]`);
  });
}
