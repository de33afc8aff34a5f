import { request as httpRequest } from 'node:http';
import { AccessRepository } from '@agm/persistence';
import { LoginThrottle } from '../../apps/api/src/auth/login-throttle';
import { hashSecret } from '../../apps/api/src/auth/passwords';
import { apiSuite } from '../support/api-suite';

interface Answer {
  status: number;
  body: any;
}

/**
 * A POST from a chosen loopback address (127.0.0.x), so the server sees different callers the way it
 * would see different people: by the address the connection really comes from.
 */
function postFrom(address: string, url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const target = new URL(path, url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', localAddress: address, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('sign-in throttling slows attackers without locking out the real person', () => {
  const suite = apiSuite();

  async function newChair(): Promise<{ email: string; password: string }> {
    const email = `chair-${Math.random().toString(36).slice(2)}@napo.example`;
    const password = 'correct horse battery staple';
    await new AccessRepository().insertAccount(suite.api.database.dataSource.manager, { email, name: 'Chair', passwordHash: await hashSecret(password), memberId: null, isHeadOffice: false });
    return { email, password };
  }
  const official = (from: string, email: string, password: string) => postFrom(from, suite.api.url, '/api/auth/official', { email, password });

  it('refuses an attacker after 5 wrong passwords for the chair, while the chair signs in from elsewhere with the right one', async () => {
    const chair = await newChair();
    for (let i = 0; i < 5; i++) expect((await official('127.0.0.2', chair.email, 'guess')).status).toBe(401);
    const refused = await official('127.0.0.2', chair.email.toUpperCase(), chair.password);
    expect(refused.status).toBe(429); // the attacker's address, whatever the case of the email
    expect(refused.body.message).toMatch(/Wait \d+ seconds/);

    const chairSignsIn = await official('127.0.0.3', chair.email, chair.password);
    expect(chairSignsIn.status).toBe(200);
    expect(chairSignsIn.body.token).toEqual(expect.any(String));
  });

  it('lets the real person in from a hall address that has sent more failed sign-ins for other people than its allowance', async () => {
    // The allowance is 200 a minute; each failure costs an argon2 check, too slow on a shared machine for 200,
    // so the test lowers it on the running throttle. What is shown is the same: past it, slowed, never refused.
    const throttle = suite.api.app.get(LoginThrottle);
    const allowance = throttle.addressFreeFailures;
    throttle.addressFreeFailures = 10;
    const chair = await newChair();
    for (let i = 0; i < 12; i++) {
      const guess = await official('127.0.0.4', `nobody-${i}@napo.example`, 'guess');
      expect(guess.status).toBe(401);
    }
    // Slowed (the address is past its allowance) but never refused.
    const chairSignsIn = await official('127.0.0.4', chair.email, chair.password);
    expect(chairSignsIn.status).toBe(200);
    expect(throttle.blocks()).toContainEqual(expect.objectContaining({ address: expect.stringContaining('127.0.0.4'), refusedUntil: null, delayMs: expect.any(Number) }));
    throttle.addressFreeFailures = allowance;
  }, 120_000);

  it('counts an attendee conference id in any case as one conference: upper-casing gives no fresh guesses', async () => {
    const conference = await suite.ctx.newConference();
    const attendee = await suite.ctx.newAttendee(conference.id);
    const attempt = (conferenceId: string, membershipNumber: string) =>
      postFrom('127.0.0.5', suite.api.url, '/api/auth/attendee', { conferenceId, membershipNumber, accessCode: 'WRONG-WRONG-WRONG' });
    for (let i = 0; i < 5; i++) expect((await attempt(conference.id, attendee.member.membershipNumber)).status).toBe(401);
    expect((await attempt(conference.id.toUpperCase(), attendee.member.membershipNumber)).status).toBe(429);
    expect((await attempt(conference.id, ` ${attendee.member.membershipNumber.toLowerCase()} `)).status).toBe(429);
  });

  it('shows head office who is refused, and lets head office lift it; nobody else may', async () => {
    const chair = await newChair();
    for (let i = 0; i < 5; i++) await official('127.0.0.6', chair.email, 'guess');
    expect((await official('127.0.0.6', chair.email, chair.password)).status).toBe(429);

    const admin = await suite.ctx.asHeadOffice();
    const listed = await suite.api.http().get('/api/auth/sign-in-blocks').set(admin.auth).expect(200);
    const block = listed.body.find((b: { email?: string; address: string | null }) => b.email === chair.email && b.address?.endsWith('127.0.0.6'));
    expect(block).toEqual({ identifier: `email:${chair.email}`, email: chair.email, address: expect.stringContaining('127.0.0.6'), failures: 5, refusedUntil: expect.any(String), delayMs: 0 });

    const someoneElse = await suite.ctx.newOfficial();
    await suite.api.http().get('/api/auth/sign-in-blocks').set(someoneElse.auth).expect(403);
    await suite.api.http().post('/api/auth/sign-in-blocks/lift').set(someoneElse.auth).send({ identifier: block.identifier }).expect(403);
    const nothing = await suite.api.http().post('/api/auth/sign-in-blocks/lift').set(admin.auth).send({}).expect(400);
    expect(nothing.body.errors).toEqual({ identifier: expect.any(String) });

    const lifted = await suite.api.http().post('/api/auth/sign-in-blocks/lift').set(admin.auth).send({ identifier: block.identifier, address: block.address }).expect(200);
    expect(lifted.body.lifted).toBeGreaterThan(0);
    expect((await official('127.0.0.6', chair.email, chair.password)).status).toBe(200);
  });
});
