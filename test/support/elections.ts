import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { ApiSuite } from './api-suite';
import type { SignedInPerson } from './test-context';

export interface ElectionVoter {
  member: { id: string };
  registrationId: string;
  auth: { Authorization: string };
}

/**
 * Registers attendees with a session each, present, straight in the database as bench/vote-storm does
 * (token hashed under the configured secret, as SessionTokens does): signing many members in through
 * argon2 would take minutes on this machine and test sign-in, not the ballot. Everything after is the API.
 */
export async function seedElectionVoters(suite: ApiSuite, conferenceId: string, count: number, mode: 'hall' | 'remote'): Promise<ElectionVoter[]> {
  if (count === 0) return [];
  const tag = randomUUID().slice(0, 8);
  const rows: Array<{ id: string; member_id: string }> = await suite.sql(
    `WITH m AS (
       INSERT INTO member (membership_number, name, email, category)
       SELECT 'S' || $2 || '-' || i, 'Voter ' || $2 || ' ' || i, 's' || $2 || i || '@test.example', 'full' FROM generate_series(1, $1::int) i RETURNING id)
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
  // Remote members become present only with their lease (markRemotePresent): inserted present without one,
  // the presence sweeper could pick them up and end their presence after the lease was written.
  if (mode === 'remote') await suite.ctx.markRemotePresent(rows.map((r) => r.id));
  return rows.map((r, i) => ({ member: { id: r.member_id }, registrationId: r.id, auth: { Authorization: `Bearer ${tokens[i]}` } }));
}

export interface OpenBallot {
  conferenceId: string;
  /** `/api/conferences/:id/posts/:postId`: append `/ballot/…`. */
  postUrl: string;
  postId: string;
  ballotId: string;
  returningOfficer: SignedInPerson;
  tellers: [SignedInPerson, SignedInPerson];
  remote: ElectionVoter[];
  hall: ElectionVoter[];
  /** Nomination ids by candidate name. */
  id: Record<string, string>;
}

/**
 * A contested post with its ballot open, through the API: the returning officer sets up the post, a
 * branch secretary nominates each candidate, the returning officer records their signed paper
 * acceptances, closes nominations and opens the ballot. Voters are seeded (seedElectionVoters).
 */
export async function openContestedBallot(
  suite: ApiSuite,
  options: { title?: string; method: string; seats: number; candidates: string[]; remote: number; hall: number; conferenceName?: string },
): Promise<OpenBallot> {
  const { ctx } = suite;
  const http = () => suite.api.http();
  const conferenceId = (await ctx.newConference(options.conferenceName ? { name: options.conferenceName } : {})).id;
  const base = `/api/conferences/${conferenceId}/posts`;
  const returningOfficer = await ctx.newOfficial({ roles: [{ conferenceId, role: 'returning_officer' }] });
  const tellers: [SignedInPerson, SignedInPerson] = [
    await ctx.newOfficial({ roles: [{ conferenceId, role: 'teller' }] }),
    await ctx.newOfficial({ roles: [{ conferenceId, role: 'teller' }] }),
  ];
  const branch = await ctx.newBody({ name: `Branch ${randomUUID().slice(0, 6)}` });
  const secretary = await ctx.newOfficer(branch.id);
  const post = await http()
    .post(base)
    .set(returningOfficer.auth)
    .send({
      title: options.title ?? 'National Executive Committee',
      seats: options.seats,
      method: options.method,
      nominationsOpenAt: new Date(Date.now() - 86_400_000).toISOString(),
      nominationsCloseAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    .expect(201);
  const postUrl = `${base}/${post.body.id}`;
  const id: Record<string, string> = {};
  for (const name of options.candidates) {
    const member = await ctx.newMember();
    await suite.sql('UPDATE member SET name = $2 WHERE id = $1', [member.id, name]);
    const nominated = await http().post(`${postUrl}/nominations`).set(secretary.auth).send({ candidateMemberId: member.id, bodyId: branch.id }).expect(201);
    id[name] = nominated.body.id;
    await http().post(`${postUrl}/nominations/${id[name]}/accept`).set(returningOfficer.auth).send({ statement: `${name} stands.` }).expect(204);
  }
  await http().post(`${postUrl}/close-nominations`).set(returningOfficer.auth).expect(200);
  const remote = await seedElectionVoters(suite, conferenceId, options.remote, 'remote');
  const hall = await seedElectionVoters(suite, conferenceId, options.hall, 'hall');
  const opened = await http().post(`${postUrl}/ballot/open`).set(returningOfficer.auth).expect(200);
  return { conferenceId, postUrl, postId: post.body.id, ballotId: opened.body.ballotId, returningOfficer, tellers, remote, hall, id };
}

/** A remote member's ballot through the API: candidates by name, most preferred first. */
export async function castRemote(suite: ApiSuite, ballot: OpenBallot, voter: ElectionVoter, names: string[]): Promise<{ receiptCode: string; receiptHash: string; ballotText: string }> {
  const answer = await suite.api
    .http()
    .post(`${ballot.postUrl}/ballot/ballots`)
    .set(voter.auth)
    .send({ preferences: names.map((n) => ballot.id[n]), idempotencyKey: randomUUID() })
    .expect(200);
  return answer.body;
}

/** A hall paper entered by one teller and confirmed by the other: `paper` is `{ preferences: names }` or `{ spoilt: reason }`. */
export async function enterPaper(suite: ApiSuite, ballot: OpenBallot, paper: { preferences: string[] } | { spoilt: string }, order: 0 | 1 = 0): Promise<{ id: string; number: number }> {
  const http = () => suite.api.http();
  const body = 'preferences' in paper ? { preferences: paper.preferences.map((n) => ballot.id[n]) } : paper;
  const [first, second] = order === 0 ? ballot.tellers : [ballot.tellers[1], ballot.tellers[0]];
  const entered = await http().post(`${ballot.postUrl}/ballot/papers`).set(first.auth).send(body).expect(201);
  await http().post(`${ballot.postUrl}/ballot/papers/${entered.body.id}/confirm`).set(second.auth).send(body).expect(200);
  return entered.body;
}
