import type { TestApi } from '../support/test-api';
import type { TestAttendee, TestContext } from '../support/test-context';

/**
 * The set-up the chair's browser specs share: a conference, its chair, hall members checked in (each may
 * have a voting-card number read at the door), and a motion on the order of business moved by the first
 * and seconded by the second. `openDebate` runs the chair's first commands through the api (take the item,
 * the mover's speech, formally seconded, the floor opened), so a spec starts where its own screen begins.
 */
export async function hallDebate(
  api: TestApi,
  ctx: TestContext,
  options: { conference?: Record<string, unknown>; members?: number; cards?: Array<string | undefined>; title?: string } = {},
) {
  const http = () => api.http();
  const conference = await ctx.newConference(options.conference);
  const base = `/api/conferences/${conference.id}`;
  const headOffice = await ctx.asHeadOffice();
  const chair = await ctx.newOfficial({ roles: [{ conferenceId: conference.id, role: 'chair' }] });
  const attendees: TestAttendee[] = [];
  for (let i = 0; i < Math.max(2, options.members ?? 2); i++) attendees.push(await ctx.newAttendee(conference.id, { mode: 'hall' }));
  for (const [i, a] of attendees.entries()) {
    const cardNumber = options.cards?.[i];
    await http()
      .post(`${base}/registrations/${a.registrationId}/check-in`)
      .set(headOffice.auth)
      .send(cardNumber ? { cardNumber } : {})
      .expect(200);
  }
  const [mover, seconder] = attendees;
  const title = options.title ?? 'Safe caseloads';
  const [{ id: motionId }] = await api.database.dataSource.manager.query(
    `INSERT INTO motion (conference_id, kind, title, text, status, proposer_member_id, seconder_member_id, word_count, over_word_limit, created_by, submitted_at)
     VALUES ($1, 'motion', $2, 'Conference calls for safe caseloads.', 'placed', $3, $4, 5, false, $5, now()) RETURNING id`,
    [conference.id, title, mover.memberId, seconder.memberId, chair.id],
  );
  /** One chair command through the api, on the debate's current version. */
  const chairSays = async (body: Record<string, unknown>) => {
    const version = (await http().get(`${base}/debate`).set(chair.auth).expect(200)).body.version as number;
    return (
      await http()
        .post(`${base}/debate/commands`)
        .set(chair.auth)
        .send({ itemId: motionId, expectedSeq: version, ...body })
        .expect(200)
    ).body;
  };
  const openDebate = async () => {
    await chairSays({ type: 'takeItem', motionId, itemId: undefined });
    for (const type of ['callMover', 'startSpeech', 'endSpeech', 'formallySeconded', 'openFloor']) await chairSays({ type });
  };
  /** The names in the speakers' queue, in order, as the chair's console has them. */
  const queueNames = async () =>
    ((await http().get(`${base}/debate`).set(chair.auth).expect(200)).body.queue.queue as Array<{ name: string }>).map((q) => q.name);
  return { conference, base, headOffice, chair, attendees, mover, seconder, motionId, title, chairSays, openDebate, queueNames };
}
