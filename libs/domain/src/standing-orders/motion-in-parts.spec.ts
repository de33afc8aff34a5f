import { DebateTestContext, ruleOf } from './debate.test-context';

// Issue 19: on a request from the floor, the chair takes a motion in parts. Each part is put to its own
// vote; the motion reads as the parts carried, and with every operative part lost it is lost.
const TEXT =
  'Conference notes the pay offer.\nConference believes it is a cut.\nConference instructs the NEC to ballot members.';

function debated() {
  const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', ann: 'hall', ben: 'hall' });
  ctx.openDebate('item-1', 'mover', 'seconder');
  ctx.speakFromFloor('item-1', 'ann', 'against');
  return ctx;
}

function takeInParts(ctx: DebateTestContext) {
  ctx.run({
    type: 'takeInParts',
    itemId: 'item-1',
    text: TEXT,
    parts: [{ label: 'The belief', text: 'Conference believes it is a cut.', operative: false }],
  });
}

/** Puts the next part and records its result on a show of hands (no vote held). */
function decideNext(ctx: DebateTestContext, outcome: 'carried' | 'lost') {
  ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
  return ctx.run({ type: 'partOutcome', itemId: 'item-1', outcome, showOfHands: true });
}

describe('a motion taken in parts', () => {
  it('puts each part to its own vote, in the order the motion reads, then the rest of the motion', () => {
    const ctx = debated();
    takeInParts(ctx);
    const [first] = ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(first).toMatchObject({ type: 'question_put', subject: 'substantive', partId: 'part-1', partLabel: 'The belief' });
    ctx.run({ type: 'partOutcome', itemId: 'item-1', outcome: 'lost', showOfHands: true });
    const [second] = ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(second).toMatchObject({ partId: 'part-2', partLabel: 'The rest of the motion' });
  });

  it('carries the motion as the parts carried, its text without the part lost', () => {
    const ctx = debated();
    takeInParts(ctx);
    decideNext(ctx, 'lost');
    const events = decideNext(ctx, 'carried');
    expect(events.map((e) => e.type)).toEqual(['part_decided', 'item_concluded']);
    expect(events[1]).toMatchObject({
      outcome: 'carried',
      reason: 'taken in parts (carried: The rest of the motion; lost: The belief)',
      carriedText: 'Conference notes the pay offer.\nConference instructs the NEC to ballot members.',
    });
  });

  it('loses the motion when every operative part is lost, though a part that is not operative was carried', () => {
    const ctx = debated();
    takeInParts(ctx);
    decideNext(ctx, 'carried');
    const [, concluded] = decideNext(ctx, 'lost');
    expect(concluded).toMatchObject({ type: 'item_concluded', outcome: 'lost' });
    expect(concluded).not.toHaveProperty('carriedText');
    expect(ctx.state.items['item-1'].status).toBe('concluded');
  });

  it('records a part only from its vote’s figures or the chair’s show of hands', () => {
    const ctx = debated();
    takeInParts(ctx);
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(ruleOf(ctx.refusal({ type: 'partOutcome', itemId: 'item-1', outcome: 'carried' }))).toBe('vote-result');
    ctx.questionVote = { state: 'declared', outcome: 'carried' };
    const [decided] = ctx.run({ type: 'partOutcome', itemId: 'item-1', outcome: 'carried' });
    expect(decided).toMatchObject({ type: 'part_decided', partId: 'part-1', outcome: 'carried' });
    expect(decided).not.toHaveProperty('showOfHands');
  });

  it('refuses recording the motion carried or lost as a whole, and anything but the parts once one is voted', () => {
    const ctx = debated();
    takeInParts(ctx);
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(ruleOf(ctx.refusal({ type: 'recordOutcome', itemId: 'item-1', outcome: 'carried', showOfHands: true }))).toBe(
      'motion-in-parts',
    );
    ctx.run({ type: 'partOutcome', itemId: 'item-1', outcome: 'carried', showOfHands: true });
    expect(ctx.refusal({ type: 'recordOutcome', itemId: 'item-1', outcome: 'remitted' }).message).toMatch(
      /put the remaining parts/,
    );
    expect(ruleOf(ctx.refusal({ type: 'moveProcedural', itemId: 'item-1', kind: 'next_business', memberId: 'ben' }))).toBe(
      'motion-in-parts',
    );
  });

  it('is taken on the motion once moved and seconded, amendments dealt with first, and only once', () => {
    const early = new DebateTestContext({ mover: 'hall', seconder: 'hall' });
    early.run({ type: 'takeItem', itemId: 'item-1', motionId: 'm1', moverMemberId: 'mover', seconderMemberId: 'seconder', kind: 'motion' });
    expect(early.refusal({ type: 'takeInParts', itemId: 'item-1', text: TEXT, parts: [] }).message).toMatch(/moved and seconded/);

    const ctx = debated();
    ctx.run({ type: 'moveToAmendment', itemId: 'item-1', amendmentId: 'A1', moverMemberId: 'ben', seconderMemberId: null });
    expect(
      ctx.refusal({
        type: 'takeInParts',
        itemId: 'item-1',
        text: TEXT,
        parts: [{ label: 'B', text: 'Conference believes it is a cut.', operative: false }],
      }).message,
    ).toMatch(/deal with it before taking the motion in parts/);
    ctx.run({ type: 'backToSubstantive', itemId: 'item-1' });
    takeInParts(ctx);
    expect(ruleOf(ctx.refusal({ type: 'moveToAmendment', itemId: 'item-1', amendmentId: 'A2', moverMemberId: 'ben' }))).toBe(
      'motion-in-parts',
    );
    expect(ctx.refusal({ type: 'takeInParts', itemId: 'item-1', text: TEXT, parts: [] }).message).toMatch(/already been taken in parts/);
  });

  it('refuses parts whose words are not in the motion, saying which', () => {
    const ctx = debated();
    const error = ctx.refusal({
      type: 'takeInParts',
      itemId: 'item-1',
      text: TEXT,
      parts: [{ label: 'Paragraph 4', text: 'Conference deplores', operative: true }],
    });
    expect(error.message).toMatch(/Paragraph 4: “Conference deplores” is not in the motion/);
  });

  it('takes a withdrawn question on a part back to the same part', () => {
    const ctx = debated();
    takeInParts(ctx);
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    ctx.run({ type: 'withdrawQuestion', itemId: 'item-1', reason: 'Not quorate' });
    const [again] = ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(again).toMatchObject({ partId: 'part-1' });
  });
});
