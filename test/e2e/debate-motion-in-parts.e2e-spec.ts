import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { TestContext } from '../support/test-context';

/**
 * Issue 19: a motion taken in parts, through the api as the chair's console drives it. Each part is
 * put to its own vote (the vote tells the parts apart); the motion reads as the parts carried, in the
 * motion, the minutes and the resolutions booklet; with every operative part lost, the motion is lost.
 */
describe('a motion taken in parts', () => {
  let api: TestApi;
  let ctx: TestContext;
  const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
    api.database.dataSource.manager.query(text, params);

  beforeAll(async () => {
    api = await startTestApi();
    ctx = new TestContext(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  const TEXT =
    'Conference notes the pay offer of 2%.\n\nConference believes the offer is a real-terms cut.\n\n' +
    'Conference instructs the NEC to ballot members for industrial action.';

  async function debating() {
    const conference = await ctx.newConference();
    const conferenceId = conference.id;
    await sql(`UPDATE conference SET ruleset = jsonb_set(ruleset, '{quorum,minimumCount}', to_jsonb(1)) WHERE id = $1`, [
      conferenceId,
    ]);
    const chair = await ctx.newOfficial({ roles: [{ conferenceId, role: 'chair' }] });
    const admin = await ctx.asHeadOffice();
    const [mover, seconder, dot] = await Promise.all([1, 2, 3].map(() => ctx.newAttendee(conferenceId, { mode: 'hall' })));
    for (const a of [mover, seconder, dot])
      await api.http().post(`/api/conferences/${conferenceId}/registrations/${a.registrationId}/check-in`).set(admin.auth).expect(200);
    const section = await ctx.newSection(conferenceId, 'Pay');
    const [{ id: motionId }] = await sql<{ id: string }>(
      `INSERT INTO motion (conference_id, kind, title, text, status, section_id, proposer_member_id, seconder_member_id,
                           word_count, over_word_limit, created_by, submitted_at)
       VALUES ($1, 'motion', 'Pay 2026', $2, 'placed', $3, $4, $5, 30, false, $6, now()) RETURNING id`,
      [conferenceId, TEXT, section.id, mover.memberId, seconder.memberId, chair.id],
    );
    const snapshot = async () => (await api.http().get(`/api/conferences/${conferenceId}/debate`).set(chair.auth).expect(200)).body;
    const chairSays = async (body: Record<string, unknown>, status = 200) =>
      (
        await api
          .http()
          .post(`/api/conferences/${conferenceId}/debate/commands`)
          .set(chair.auth)
          .send({ itemId: motionId, expectedSeq: (await snapshot()).version, ...body })
          .expect(status)
      ).body;
    await chairSays({ type: 'takeItem', motionId, itemId: undefined });
    for (const type of ['callMover', 'startSpeech', 'endSpeech', 'callSeconder', 'startSpeech', 'endSpeech', 'openFloor'])
      await chairSays({ type });
    const minutes = async () => (await api.http().get(`/api/conferences/${conferenceId}/minutes`).set(chair.auth).expect(200)).text;
    return { conferenceId, chair, dot, motionId, chairSays, snapshot, minutes };
  }

  it('puts each part to its own vote, and the motion, the minutes and the booklet read as the parts carried', async () => {
    const s = await debating();
    // Words not in the motion are refused, saying which part and why.
    const wrong = await s.chairSays(
      { type: 'takeInParts', parts: [{ label: 'Paragraph 2', text: 'Conference deplores the offer.', operative: false }] },
      400,
    );
    expect(wrong.message).toMatch(/Paragraph 2: “Conference deplores the offer\.” is not in the motion/);
    expect(wrong.errors).toMatchObject({ 'parts.0.text': 'not in the motion' });
    expect((await s.chairSays({ type: 'takeInParts', parts: [] }, 400)).errors).toHaveProperty('parts');

    await s.chairSays({
      type: 'takeInParts',
      parts: [{ label: 'Paragraph 2', text: 'Conference believes the offer is a real-terms cut.', operative: false }],
    });
    expect((await s.snapshot()).floor.item.parts).toEqual([
      expect.objectContaining({ partId: 'part-1', label: 'Paragraph 2', operative: false, outcome: null }),
      expect.objectContaining({ partId: 'part-2', label: 'The rest of the motion', operative: true, outcome: null }),
    ]);

    // Part 1, by an electronic vote: its own vote, told apart from the motion's.
    const put = await s.chairSays({ type: 'putTheQuestion', vote: { method: 'electronic' } });
    expect(put.voteId).toBeDefined();
    const [vote] = await sql<{ subject_ref: string; title: string }>('SELECT subject_ref, title FROM vote WHERE id = $1', [put.voteId]);
    expect(vote).toEqual({ subject_ref: `${s.motionId}#part-1`, title: 'Pay 2026: Paragraph 2' });
    expect((await s.snapshot()).questionVote).toMatchObject({ voteId: put.voteId, state: 'open' });
    await api
      .http()
      .post(`/api/conferences/${s.conferenceId}/votes/${put.voteId}/ballots`)
      .set(s.dot.auth)
      .send({ choice: 'against', idempotencyKey: randomUUID() })
      .expect((r) => expect(r.status).toBeLessThan(300));
    await api.http().post(`/api/conferences/${s.conferenceId}/votes/${put.voteId}/close`).set(s.chair.auth).expect(200);
    // The whole motion is not recorded while it is taken in parts, nor a part against its declared vote.
    expect((await s.chairSays({ type: 'recordOutcome', outcome: 'lost' }, 422)).rule).toBe('motion-in-parts');
    expect((await s.chairSays({ type: 'partOutcome', outcome: 'carried' }, 422)).rule).toBe('vote-result');
    await s.chairSays({ type: 'partOutcome', outcome: 'lost' });

    // The rest of the motion: no vote, before one is declared on a show of hands.
    const second = await s.chairSays({ type: 'putTheQuestion' });
    expect(second.events[0]).toMatchObject({ partId: 'part-2', partLabel: 'The rest of the motion' });
    expect((await s.snapshot()).questionVote).toBeNull();
    expect((await s.chairSays({ type: 'partOutcome', outcome: 'carried' }, 422)).rule).toBe('vote-result');
    const last = await s.chairSays({ type: 'partOutcome', outcome: 'carried', showOfHands: true });
    expect(last.events.map((e: { type: string }) => e.type)).toEqual(['part_decided', 'item_concluded']);

    const carriedText =
      'Conference notes the pay offer of 2%.\n\nConference instructs the NEC to ballot members for industrial action.';
    const [motion] = await sql<{ status: string; amended_text: string }>('SELECT status, amended_text FROM motion WHERE id = $1', [
      s.motionId,
    ]);
    expect(motion).toEqual({ status: 'carried', amended_text: carriedText });
    const minutes = await s.minutes();
    expect(minutes).toContain('The chair took the motion in parts, each put to a separate vote: Paragraph 2 (not operative)');
    expect(minutes).toContain('The question was put on Paragraph 2 of the motion');
    expect(minutes).toContain('Paragraph 2: lost.');
    expect(minutes).toContain('The rest of the motion: carried, on the chair’s declaration of a show of hands');
    expect(minutes).toContain('Outcome: carried (taken in parts (carried: The rest of the motion; lost: Paragraph 2)).');
    const booklet = await api
      .http()
      .get(`/api/conferences/${s.conferenceId}/documents/resolutions-booklet.txt`)
      .set(s.chair.auth)
      .expect(200);
    expect(booklet.text).toContain('Conference instructs the NEC to ballot members');
    expect(booklet.text).not.toContain('real-terms cut');
  });

  it('loses the motion when every operative part is lost', async () => {
    const s = await debating();
    await s.chairSays({
      type: 'takeInParts',
      parts: [
        { label: 'Notes', text: 'Conference notes the pay offer of 2%.', operative: false },
        { label: 'Instruction', text: 'Conference instructs the NEC to ballot members for industrial action.', operative: true },
      ],
      restOperative: false,
    });
    for (const outcome of ['carried', 'lost', 'carried']) {
      await s.chairSays({ type: 'putTheQuestion' });
      await s.chairSays({ type: 'partOutcome', outcome, showOfHands: true });
    }
    const [motion] = await sql<{ status: string; amended_text: string | null }>('SELECT status, amended_text FROM motion WHERE id = $1', [
      s.motionId,
    ]);
    expect(motion).toEqual({ status: 'lost', amended_text: null });
    expect(await s.minutes()).toContain('every operative part was lost');
  });
});
