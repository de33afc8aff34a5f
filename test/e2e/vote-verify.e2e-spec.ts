import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BallotAckDto } from '@agm/contracts';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';
import { connect, emitWithAck, EventStream, TestSocket } from '../support/socket-client';

/** `npm run verify -- <file>` as a scrutineer runs it: its exit code and what it printed. */
function verify(...args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'verify', '--', ...args], { cwd: join(__dirname, '../..') }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: stdout + stderr }),
    );
  });
}

// Two runs of the command (a node process each) on a busy machine: more than the default minute.
jest.setTimeout(240_000);

describe('the scrutineer verifies a hybrid secret vote from its export', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sockets: TestSocket[] = [];
  const sql = (text: string, params: unknown[] = []) => api.database.dataSource.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await api?.close();
  });

  it('prints the totals, the receipts checked and "verified"; refuses a file with one choice changed, naming the line that differs', async () => {
    const conference = await ctx.newConference();
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', '1') WHERE id = $1`, [conference.id]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
    const tellers = [await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] }), await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'teller' }] })];
    const admin = await ctx.asHeadOffice();
    for (let i = 0; i < 2; i++) {
      const hall = await ctx.newAttendee(conference.id, { mode: 'hall' });
      await api.http().post(`/api/conferences/${conference.id}/registrations/${hall.registrationId}/check-in`).set(admin.auth).expect(200);
    }
    const remote = [];
    for (let i = 0; i < 3; i++) {
      const attendee = await ctx.newAttendee(conference.id, { mode: 'remote' });
      const socket = await connect(api.url, attendee.token);
      sockets.push(socket);
      await new EventStream(socket, conference.id).join(socket);
      expect(await emitWithAck(socket, 'presence.confirm', { conferenceId: conference.id })).toEqual({ ok: true, data: { present: true } });
      remote.push(attendee);
    }
    const vote = (
      await api.http().post(`/api/conferences/${conference.id}/votes`).set(chair.auth).send({ subject: 'motion', title: 'Motion 4: Caseloads', topics: ['general'], method: 'hybrid', secret: true }).expect(201)
    ).body;
    const choices = ['for', 'against', 'for'] as const;
    const acks: BallotAckDto[] = [];
    for (const [i, attendee] of remote.entries()) {
      acks.push((await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/ballots`).set(attendee.auth).send({ choice: choices[i], idempotencyKey: randomUUID() }).expect(200)).body);
    }
    const hallCount = { for: 1, against: 0, abstain: 1 };
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count`).set(tellers[0].auth).send(hallCount).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/teller-count/confirm`).set(tellers[1].auth).send(hallCount).expect(200);
    await api.http().post(`/api/conferences/${conference.id}/votes/${vote.id}/close`).set(chair.auth).expect(200);

    const exported = (await api.http().get(`/api/conferences/${conference.id}/votes/${vote.id}/export`).set(chair.auth).expect(200)).body;
    const folder = mkdtempSync(join(tmpdir(), 'agm-verify-'));
    const file = join(folder, 'vote.json');
    writeFileSync(file, JSON.stringify(exported, null, 2));

    const good = await verify(file, '--receipt', acks[1].receiptCode, '--choice', 'against');
    expect(good.stdout).toContain('Vote: Motion 4: Caseloads');
    expect(good.stdout).toMatch(/Electronic\s+2\s+1\s+0/);
    expect(good.stdout).toMatch(/Hall \(tellers\)\s+1\s+0\s+1/);
    expect(good.stdout).toMatch(/Total\s+3\s+1\s+1/);
    expect(good.stdout).toContain('Receipts checked: 3');
    expect(good.stdout).toContain(`Your receipt ${acks[1].receiptCode} is in the list, counted as against.`);
    expect(good.stdout).toContain('Verdict: verified.');
    expect(good.stdout).not.toContain('DIFFERS');
    expect(good.code).toBe(0);

    // One choice changed in the file: the recount no longer gives the published figures.
    const changed = exported.ballots.findIndex((b: { choice: string }) => b.choice === 'against');
    exported.ballots[changed].choice = 'for';
    const tampered = join(folder, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(exported, null, 2));
    // The voter whose ballot was changed does not find it in that file either.
    const bad = await verify(tampered, '--receipt', acks[1].receiptCode, '--choice', 'against');
    expect(bad.stdout).toContain('DIFFERS  Electronic ballots, for: the published result says 2, the ballots in this file add up to 3.');
    expect(bad.stdout).toContain('DIFFERS  Electronic ballots, against: the published result says 1, the ballots in this file add up to 0.');
    expect(bad.stdout).toContain(`Your receipt ${acks[1].receiptCode} with the choice against is NOT in the list.`);
    expect(bad.stdout).toContain('Verdict: NOT verified.');
    expect(bad.code).toBe(1);
  });
});
