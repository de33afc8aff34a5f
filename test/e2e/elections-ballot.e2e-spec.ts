import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { countElection, electionReceiptText, parseBlt } from '@agm/domain';
import { apiSuite } from '../support/api-suite';
import type { SignedInPerson } from '../support/test-context';

interface Voter {
  member: { id: string };
  auth: { Authorization: string };
}

const DAY = 24 * 60 * 60 * 1000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Runs `work` over `items`, `width` at a time: registering 240 attendees one by one is slow, all at once floods the pool. */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

/**
 * A whole election through the API (issue 20, "Done when"): nominations, a hybrid secret ballot with 200
 * remote ballots and 40 hall papers entered by two tellers, the count by the Scottish STV rules, the
 * published stages (API, CSV, BLT) and every remote voter's receipt found in the published list.
 *
 * The ballots (quota = 240 / 3 + 1 = 81):
 *   remote: 90 Archer>Brook, 40 Brook>Cole, 35 Cole>Brook, 20 Dale>Cole, 15 Archer
 *   hall:   10 Archer>Cole, 15 Cole>Dale, 10 Dale>Brook, 5 Brook
 * First preferences Archer 115, Brook 45, Cole 50, Dale 30: Archer is elected at stage 1 with a surplus
 * of 34, mostly to Brook (90 × 34/115 ≈ 26.6); nobody then reaches 81, Dale is excluded, and Dale's
 * hall papers put Brook over the quota (71.6 + 10 ≥ 81): Archer and Brook are elected. Without the hall
 * papers Brook would not be (the hall's ten Dale>Brook ballots decide the second seat).
 */
describe('elections: a hybrid secret ballot and its count', () => {
  const suite = apiSuite();
  let conferenceId: string;
  let base: string;
  let returningOfficer: SignedInPerson;
  let tellerOne: SignedInPerson;
  let tellerTwo: SignedInPerson;
  let remote: Voter[];
  let hall: Voter[];
  let postId: string;
  /** Nomination ids by candidate surname. */
  const id: Record<string, string> = {};
  const http = () => suite.api.http();

  /**
   * Registers attendees with a session each, present, straight in the database as bench/vote-storm does
   * (token hashed under the configured secret, as SessionTokens does): signing 240 members in through
   * argon2 would take minutes on this machine and test sign-in, not the ballot. Everything after is the API.
   */
  const seedAttendees = async (count: number, mode: 'hall' | 'remote'): Promise<Voter[]> => {
    const tag = randomUUID().slice(0, 8);
    const rows: Array<{ id: string; member_id: string }> = await suite.sql(
      `WITH m AS (
         INSERT INTO member (membership_number, name, email, category)
         SELECT 'E' || $2 || '-' || i, 'Voter ' || $2 || ' ' || i, 'e' || $2 || i || '@test.example', 'full' FROM generate_series(1, $1::int) i RETURNING id)
       INSERT INTO registration (conference_id, member_id, attendance_mode, remote_confirmed, present)
       SELECT $3, id, $4, $4 = 'remote', $4 = 'hall' FROM m RETURNING id, member_id`,
      [count, tag, conferenceId, mode],
    );
    const tokens = rows.map(() => randomBytes(32).toString('base64url'));
    const hash = (token: string) => createHmac('sha256', suite.api.config.tokenSecret).update(token).digest('base64url');
    await suite.sql(`INSERT INTO session (token_hash, registration_id, expires_at) SELECT t, r, now() + interval '1 day' FROM unnest($1::text[], $2::uuid[]) AS x(t, r)`, [
      tokens.map(hash),
      rows.map((r) => r.id),
    ]);
    if (mode === 'remote') await suite.ctx.markRemotePresent(rows.map((r) => r.id));
    return rows.map((r, i) => ({ member: { id: r.member_id }, auth: { Authorization: `Bearer ${tokens[i]}` } }));
  };

  beforeAll(async () => {
    const { ctx, sql } = suite;
    conferenceId = (await ctx.newConference()).id;
    base = `/api/conferences/${conferenceId}/posts`;
    returningOfficer = await ctx.newOfficial({ roles: [{ conferenceId, role: 'returning_officer' }] });
    tellerOne = await ctx.newOfficial({ roles: [{ conferenceId, role: 'teller' }] });
    tellerTwo = await ctx.newOfficial({ roles: [{ conferenceId, role: 'teller' }] });
    // The four candidates register and sign in as any member does; the other voters are seeded.
    const candidates = await inBatches(Array.from({ length: 4 }), 1, () => ctx.newAttendee(conferenceId, { mode: 'remote', category: 'full' }));
    await ctx.markRemotePresent(candidates.map((c) => c.registrationId));
    remote = [...candidates, ...(await seedAttendees(196, 'remote'))];
    hall = await seedAttendees(40, 'hall');
    const names = ['Ann Archer', 'Ben Brook', 'Cat Cole', 'Dev Dale'];
    await inBatches(names, 1, (name, i) => sql('UPDATE member SET name = $2 WHERE id = $1', [remote[i].member.id, name]));
  });

  it('runs nominations, a hybrid ballot entered by two tellers, the count, the published stages, and the receipts', async () => {
    const { ctx } = suite;
    // Nominations: a two-seat committee, counted by the Scottish STV rules.
    const london = await ctx.newBody({ name: 'London Branch' });
    const secretary = await ctx.newOfficer(london.id);
    const post = await http()
      .post(base)
      .set(returningOfficer.auth)
      .send({
        title: 'Standing Orders Committee',
        seats: 2,
        method: 'scottish-stv',
        nominatingBodyIds: [london.id],
        nominationsOpenAt: new Date(Date.now() - DAY).toISOString(),
        nominationsCloseAt: new Date(Date.now() + DAY).toISOString(),
      })
      .expect(201);
    postId = post.body.id;
    for (const [i, surname] of ['Archer', 'Brook', 'Cole', 'Dale'].entries()) {
      const nominated = await http().post(`${base}/${postId}/nominations`).set(secretary.auth).send({ candidateMemberId: remote[i].member.id, bodyId: london.id }).expect(201);
      id[surname] = nominated.body.id;
      await http().post(`${base}/${postId}/nominations/${id[surname]}/accept`).set(remote[i].auth).send({ statement: `${surname} for a fair order of business.` }).expect(204);
    }
    // The ballot cannot open while nominations are open.
    const early = await http().post(`${base}/${postId}/ballot/open`).set(returningOfficer.auth).expect(422);
    expect(early.body.message).toContain('Close nominations first');
    await http().post(`${base}/${postId}/close-nominations`).set(returningOfficer.auth).expect(200);

    // Only the returning officer opens the ballot; the register is fixed then.
    await http().post(`${base}/${postId}/ballot/open`).set(tellerOne.auth).expect(403);
    const opened = await http().post(`${base}/${postId}/ballot/open`).set(returningOfficer.auth).expect(200);
    expect(opened.body).toMatchObject({
      state: 'open',
      ranked: true,
      seats: 2,
      eligibleCount: 240,
      hallHeadcount: 40,
      electronicCount: 200,
      candidates: ['Ann Archer', 'Ben Brook', 'Cat Cole', 'Dev Dale'].map((name) => expect.objectContaining({ name })),
    });
    await http().post(`${base}/${postId}/ballot/open`).set(returningOfficer.auth).expect(409);
    // A candidate can no longer withdraw: the papers are out.
    const late = await http().post(`${base}/${postId}/nominations/${id.Dale}/withdraw`).set(remote[3].auth).send({ reason: 'Changed my mind' }).expect(422);
    expect(late.body.message).toContain('can no longer withdraw');

    // The phones: 200 remote ballots, each with its receipt.
    const remoteRankings: string[][] = [
      ...Array.from({ length: 90 }, () => ['Archer', 'Brook']),
      ...Array.from({ length: 40 }, () => ['Brook', 'Cole']),
      ...Array.from({ length: 35 }, () => ['Cole', 'Brook']),
      ...Array.from({ length: 20 }, () => ['Dale', 'Cole']),
      ...Array.from({ length: 15 }, () => ['Archer']),
    ];
    const keys = remote.map(() => randomUUID());
    const acks = await inBatches(remote, 8, async (voter, i) => {
      const phone = await http().get(`${base}/${postId}/ballot`).set(voter.auth).expect(200);
      expect(phone.body.you).toMatchObject({ votesHere: true, hasVoted: false });
      const answer = await http()
        .post(`${base}/${postId}/ballot/ballots`)
        .set(voter.auth)
        .send({ preferences: remoteRankings[i].map((s) => id[s]), idempotencyKey: keys[i] })
        .expect(200);
      return answer.body;
    });
    expect(acks[0]).toMatchObject({ status: 'accepted', ballotText: '1. Ann Archer, 2. Ben Brook' });

    // Each member votes once: a retry is answered the same; a second ballot is refused; a hall member votes on paper.
    const retry = await http().post(`${base}/${postId}/ballot/ballots`).set(remote[0].auth).send({ preferences: [id.Archer, id.Brook], idempotencyKey: keys[0] }).expect(200);
    expect(retry.body).toEqual({ ...acks[0], status: 'duplicate' });
    const twice = await http().post(`${base}/${postId}/ballot/ballots`).set(remote[0].auth).send({ preferences: [id.Cole], idempotencyKey: randomUUID() }).expect(409);
    expect(twice.body.message).toContain('already voted');
    const onPhone = await http().post(`${base}/${postId}/ballot/ballots`).set(hall[0].auth).send({ preferences: [id.Cole], idempotencyKey: randomUUID() }).expect(403);
    expect(onPhone.body.message).toContain('vote on the paper ballot');
    const doubled = await http().post(`${base}/${postId}/ballot/ballots`).set(remote[5].auth).send({ preferences: [id.Cole, id.Cole], idempotencyKey: randomUUID() }).expect(400);
    expect(doubled.body.message).toBe('Cat Cole is ranked twice. Give each candidate at most one place.');

    // While open: "has voted" is public, how is not; every sealed ballot has the same length.
    const counting = await http().get(`${base}/${postId}/ballot`).set(hall[1].auth).expect(200);
    expect(counting.body).toMatchObject({ remoteBallotsCast: 200, result: null });
    expect(counting.body.you).toMatchObject({ votesHere: false });
    const lengths = await suite.sql('SELECT DISTINCT length(sealed) AS n FROM sealed_election_ballot');
    expect(lengths).toHaveLength(1);
    await http().get(`${base}/${postId}/ballot/receipts`).set(remote[0].auth).expect(422);

    // The hall: 40 papers, each entered by one teller and confirmed by the other, who keys it again blind.
    const hallRankings: string[][] = [
      ...Array.from({ length: 10 }, () => ['Archer', 'Cole']),
      ...Array.from({ length: 15 }, () => ['Cole', 'Dale']),
      ...Array.from({ length: 10 }, () => ['Dale', 'Brook']),
      ...Array.from({ length: 5 }, () => ['Brook']),
    ];
    await http().post(`${base}/${postId}/ballot/papers`).set(hall[0].auth).send({ preferences: [id.Cole] }).expect(403);
    for (const [i, ranking] of hallRankings.entries()) {
      const [enterer, confirmer] = i % 2 === 0 ? [tellerOne, tellerTwo] : [tellerTwo, tellerOne];
      const preferences = ranking.map((s) => id[s]);
      const entered = await http().post(`${base}/${postId}/ballot/papers`).set(enterer.auth).send({ preferences }).expect(201);
      expect(entered.body).toMatchObject({ number: i + 1, confirmed: false, enteredByYou: true });
      if (i === 0) {
        // The second teller does not see the first entry, cannot confirm their own, and a misreading shows.
        const list = await http().get(`${base}/${postId}/ballot/papers`).set(confirmer.auth).expect(200);
        expect(list.body).toEqual([expect.objectContaining({ number: 1, ballotText: null, enteredByYou: false })]);
        const own = await http().post(`${base}/${postId}/ballot/papers/${entered.body.id}/confirm`).set(enterer.auth).send({ preferences }).expect(422);
        expect(own.body.message).toContain('a second teller must confirm it');
        const differs = await http().post(`${base}/${postId}/ballot/papers/${entered.body.id}/confirm`).set(confirmer.auth).send({ preferences: [id.Cole, id.Archer] }).expect(409);
        expect(differs.body.message).toContain('differs from the first teller');
        // The returning officer cannot close while a paper waits for its second teller.
        const waiting = await http().post(`${base}/${postId}/ballot/close`).set(returningOfficer.auth).send({}).expect(422);
        expect(waiting.body.message).toContain('Paper ballot 1 is entered but not confirmed');
      }
      const confirmed = await http().post(`${base}/${postId}/ballot/papers/${entered.body.id}/confirm`).set(confirmer.auth).send({ preferences }).expect(200);
      expect(confirmed.body).toMatchObject({ confirmed: true });
    }
    // No more papers than members in the hall when the ballot opened.
    const extra = await http().post(`${base}/${postId}/ballot/papers`).set(tellerOne.auth).send({ preferences: [id.Cole] }).expect(422);
    expect(extra.body.message).toContain('40 members were in the hall');

    // The close and the count.
    const closed = await http().post(`${base}/${postId}/ballot/close`).set(returningOfficer.auth).send({}).expect(200);
    const result = closed.body.result;
    expect(result).toMatchObject({ validBallots: 240, quota: '81.00000', elected: ['Ann Archer', 'Ben Brook'] });
    expect(result.stages.map((s: { electedThisStage: string[]; excludedThisStage: string[] }) => [s.electedThisStage, s.excludedThisStage])).toEqual([
      [['Ann Archer'], []],
      [[], []],
      [['Ben Brook'], ['Dev Dale']],
    ]);
    expect(result.stages[0].candidates.map((c: { name: string; votes: string }) => [c.name, c.votes])).toEqual([
      ['Ann Archer', '115.00000'],
      ['Ben Brook', '45.00000'],
      ['Cat Cole', '50.00000'],
      ['Dev Dale', '30.00000'],
    ]);
    // Stage 2 transfers Archer's surplus of 34: 90 ballots on to Brook at 34/115 each (26.60869, truncated
    // per ballot to five places) and 15 with no further preference set aside.
    expect(result.stages[1].candidates.find((c: { name: string }) => c.name === 'Ben Brook').votes).toMatch(/^71\.60/);
    expect(Number(result.stages[1].nonTransferable)).toBeGreaterThan(4.4);

    // The same count as libs/domain gives for exactly the ballots cast: nothing lost, added or altered on the way.
    const order = ['Archer', 'Brook', 'Cole', 'Dale'];
    const expected = countElection('scottish-stv', {
      candidates: ['Ann Archer', 'Ben Brook', 'Cat Cole', 'Dev Dale'].map((name) => ({ name })),
      seats: 2,
      ballots: [...remoteRankings, ...hallRankings].map((r) => ({ preferences: r.map((s) => order.indexOf(s)) })),
    });
    expect(result.stages.map((s: { candidates: Array<{ votes: string }> }) => s.candidates.map((c) => c.votes))).toEqual(
      expected.stages.map((s) => s.votes.map((v) => (v / 100000).toFixed(5))),
    );

    // Published to the phones and the post.
    const onPhoneAfter = await http().get(`${base}/${postId}/ballot`).set(hall[2].auth).expect(200);
    expect(onPhoneAfter.body).toMatchObject({ state: 'closed', result: { elected: ['Ann Archer', 'Ben Brook'] } });
    const postAfter = await http().get(`${base}/${postId}`).set(remote[10].auth).expect(200);
    expect(postAfter.body.result).toBe('Elected at the ballot: Ann Archer, Ben Brook.');
    await http().post(`${base}/${postId}/ballot/ballots`).set(remote[0].auth).send({ preferences: [id.Cole], idempotencyKey: randomUUID() }).expect(422);
    const afterClose = await http().post(`${base}/${postId}/ballot/ballots`).set(hall[3].auth).send({ preferences: [id.Cole], idempotencyKey: randomUUID() }).expect(422);
    expect(afterClose.body.message).toContain('is closed');

    // As CSV: one row per stage, names in the columns.
    const csv = await http().get(`${base}/${postId}/ballot/result.csv`).set(remote[10].auth).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('Stage,What happened,Quota,Ann Archer,Ben Brook,Cat Cole,Dev Dale,Non-transferable,Rounding loss,Elected,Excluded');
    expect(rows).toHaveLength(4);

    // The anonymised ballots as BLT: a scrutineer's independent recount elects the same.
    const blt = await http().get(`${base}/${postId}/ballot/ballots.blt`).set(returningOfficer.auth).expect(200);
    const file = parseBlt(blt.text);
    expect(file.ballots.reduce((sum, b) => sum + (b.count ?? 1), 0)).toBe(240);
    const recount = countElection('scottish-stv', { candidates: file.candidates, seats: file.seats, ballots: file.ballots });
    expect(recount.elected.map((c) => file.candidates[c].name)).toEqual(['Ann Archer', 'Ben Brook']);

    // Receipts: each remote voter recomputes their receipt hash and finds their ballot, as cast, in the list.
    const receipts = await http().get(`${base}/${postId}/ballot/receipts`).set(remote[0].auth).expect(200);
    expect(receipts.body).toHaveLength(200);
    const published = new Map<string, number[]>(receipts.body.map((r: { receiptHash: string; preferences: number[] }) => [r.receiptHash, r.preferences]));
    const ballotId = onPhoneAfter.body.ballotId;
    acks.forEach((ack, i) => {
      const numbers = remoteRankings[i].map((s) => order.indexOf(s));
      expect(sha256(electionReceiptText(ballotId, ack.receiptCode, numbers))).toBe(ack.receiptHash);
      expect(published.get(ack.receiptHash)).toEqual(numbers.map((n) => n + 1));
    });
    // A retry after the close still gets its receipt.
    const lateRetry = await http().post(`${base}/${postId}/ballot/ballots`).set(remote[7].auth).send({ preferences: remoteRankings[7].map((s) => id[s]), idempotencyKey: keys[7] }).expect(200);
    expect(lateRetry.body).toMatchObject({ status: 'duplicate', receiptHash: acks[7].receiptHash });

    // Nothing links a member to a ballot: the sealed rows are gone; a counted ballot has no member and no time.
    expect(await suite.sql('SELECT count(*)::int AS n FROM sealed_election_ballot')).toEqual([{ n: 0 }]);
    const columns = (await suite.sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'counted_election_ballot'`)).map((c: { column_name: string }) => c.column_name);
    expect(columns.sort()).toEqual(['ballot_id', 'ballot_key_hash', 'channel', 'id', 'preferences', 'receipt_hash']);
    const keyHashes = new Set((await suite.sql('SELECT ballot_key_hash FROM counted_election_ballot WHERE ballot_key_hash IS NOT NULL')).map((r: { ballot_key_hash: string }) => r.ballot_key_hash));
    expect(keyHashes.size).toBe(200);
  });
});
