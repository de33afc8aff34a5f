import { ValidationPipe } from '@nestjs/common';
import { SignInOfficial } from '../../apps/api/src/auth/use-cases/sign-in.use-case';
import { apiSuite } from '../support/api-suite';
import { connect, emitWithAck, TestSocket } from '../support/socket-client';

/** Writes a socket.io EVENT packet as text, with an acknowledgement id the client will route back to us. */
function emitRawWithAck(socket: TestSocket, packetJson: string): Promise<unknown> {
  const client = socket as unknown as { acks: Record<number, (answer: unknown) => void>; io: { engine: { write(data: string): void } } };
  const id = 900_000 + Math.floor(Math.random() * 1000);
  return new Promise((resolve) => {
    client.acks[id] = resolve;
    client.io.engine.write(`2${id}${packetJson}`);
  });
}

/** `[[[…]]]` nested `depth` deep, padded with spaces inside the innermost array to about `bytes` bytes. */
function deepBody(depth: number, bytes: number): string {
  const open = '{"email":' + '['.repeat(depth);
  const close = ']'.repeat(depth) + ',"password":"x"}';
  return open + ' '.repeat(Math.max(0, bytes - open.length - close.length)) + close;
}

describe('hostile input is refused at the door, at the field, never with a 500', () => {
  const suite = apiSuite();

  it('refuses a 2 MB, 5,000-deep body to an unauthenticated endpoint before JSON.parse, any validator or handler runs', async () => {
    const body = deepBody(5_000, 2_000_000);
    expect(body.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    const parse = jest.spyOn(JSON, 'parse');
    const validate = jest.spyOn(ValidationPipe.prototype, 'transform');
    const handler = jest.spyOn(suite.api.app.get(SignInOfficial), 'execute');
    try {
      const response = await suite.api.http().post('/api/auth/official').set('Content-Type', 'application/json').send(body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ statusCode: 400, message: expect.stringContaining('nests deeper than 32 levels') });
      // Nothing in the server parsed the big body into an object (supertest's parse of the small answer is fine).
      expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length > 10_000)).toEqual([]);
      expect(validate).not.toHaveBeenCalled();
      expect(handler).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
      validate.mockRestore();
      handler.mockRestore();
    }
  });

  it('refuses a body over 2 MB with 413', async () => {
    const response = await suite.api.http().post('/api/auth/official').set('Content-Type', 'application/json').send(`{"email":"${'a'.repeat(2_200_000)}","password":"x"}`);
    expect(response.status).toBe(413);
    expect(response.body.message).toContain('too large');
  });

  it('counts brackets inside strings as text, not nesting', async () => {
    const response = await suite.api.http().post('/api/auth/official').send({ email: '['.repeat(100) + '@example.org', password: '{'.repeat(100) });
    expect(response.status).toBe(400); // not an email, said at the field
    expect(response.body.errors).toEqual({ email: expect.any(String) });
  });

  it('refuses NUL and broken UTF-16 at the field, in bodies, emails, query strings and path parameters', async () => {
    const admin = await suite.ctx.asHeadOffice();
    const nul = await suite.api.http().post('/api/conferences').set(admin.auth).send({ name: 'Napo\u0000AGM', venue: 'Eastbourne', timeZone: 'Europe/London', startsOn: '2025-10-02', endsOn: '2025-10-03', format: 'hybrid' });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual({ name: expect.stringContaining('NUL') });

    // isEmail threw URIError on a lone surrogate: now it never sees one.
    const email = await suite.api.http().post('/api/auth/official').send({ email: 'chair\ud800@example.org', password: 'x' });
    expect(email.status).toBe(400);
    expect(email.body.errors).toEqual({ email: expect.stringContaining('broken character') });

    const search = await suite.api.http().get('/api/membership/members?search=%00').set(admin.auth);
    expect(search.status).toBe(400);
    expect(search.body.errors).toEqual({ search: expect.stringContaining('NUL') });

    const param = await suite.api.http().get('/api/conferences/%00').set(admin.auth);
    expect(param.status).toBe(400);
  });

  it('refuses __proto__ and constructor as field names', async () => {
    const proto = await suite.api.http().post('/api/auth/official').set('Content-Type', 'application/json').send('{"email":"a@example.org","password":"x","__proto__":{"isHeadOffice":true}}');
    expect(proto.status).toBe(400);
    // (an object literal cannot name "__proto__" as a key, so the field is checked by its entries)
    expect(Object.entries(proto.body.errors)).toEqual([['__proto__', expect.stringContaining('not an accepted field name')]]);
    const ctor = await suite.api.http().post('/api/auth/official').send({ email: 'a@example.org', password: 'x', constructor: { name: 'x' } });
    expect(ctor.status).toBe(400);
    expect(ctor.body.errors).toEqual({ constructor: expect.stringContaining('not an accepted field name') });
  });

  it('range-checks numbers: an offset of 99999999999999999999 is refused at the field', async () => {
    const admin = await suite.ctx.asHeadOffice();
    const response = await suite.api.http().get('/api/membership/members?offset=99999999999999999999').set(admin.auth);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual({ offset: expect.stringContaining('between') });
  });

  it('refuses nulls for required conference details at the field, and reads a null projector label as the default', async () => {
    const admin = await suite.ctx.asHeadOffice();
    const conference = await suite.ctx.newConference();
    for (const field of ['name', 'venue', 'format', 'startsOn', 'endsOn', 'timeZone']) {
      const response = await suite.api.http().patch(`/api/conferences/${conference.id}`).set(admin.auth).send({ [field]: null });
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(Object.keys(response.body.errors)).toEqual([field]);
    }
    const link = await suite.api.http().post(`/api/conferences/${conference.id}/projector-links`).set(admin.auth).send({ label: null });
    expect(link.status).toBe(201);
    expect(link.body.label).toBe('Hall projector');
  });

  it('refuses socket messages nested too deep or with numbers out of range, and stays connected', async () => {
    const admin = await suite.ctx.asHeadOffice();
    const conference = await suite.ctx.newConference();
    const socket = suite.track(await connect(suite.api.url, admin.token));
    // The client library itself cannot encode 10,000 levels (it recurses), so the frame is written raw.
    const nested = await emitRawWithAck(socket, `["conference.join",{"conferenceId":"${conference.id}","lastSeq":${'['.repeat(10_000)}0${']'.repeat(10_000)}}]`);
    expect(nested).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 400 }) });
    expect(Object.entries((nested as { error: { errors: object } }).error.errors)).toEqual([[expect.stringMatching(/^lastSeq\[0\]/), expect.stringContaining('deeper than 32')]]);
    for (const lastSeq of [1e308, 2 ** 63]) {
      const answer = await emitWithAck(socket, 'conference.join', { conferenceId: conference.id, lastSeq });
      expect(answer).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 400, errors: { lastSeq: expect.stringContaining('between') } }) });
    }
    const nul = await emitWithAck(socket, 'conference.join', { conferenceId: `${conference.id}\u0000` });
    expect(nul).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 400, errors: { conferenceId: expect.stringContaining('NUL') } }) });
    const fine = await emitWithAck(socket, 'conference.join', { conferenceId: conference.id, lastSeq: 0 });
    expect(fine.ok).toBe(true);
  });
});
