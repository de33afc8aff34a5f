import { DebateTestContext, ruleOf } from './debate.test-context';
import { QuestionPutEvent } from './debate.types';

// Scenario: motion 1 has two amendments. A1 is carried, so the motion becomes "as amended"; A2 is then
// moved to the motion as amended by A1, and carried too; the motion is put and carried as amended.
describe('an amendment carried, then a further amendment to the motion as amended', () => {
  const members = {
    mover: 'hall',
    seconder: 'hall',
    ann: 'hall',
    ben: 'remote',
    cat: 'hall',
    dan: 'remote',
    eve: 'hall',
    fay: 'remote',
  } as const;

  function withFirstAmendmentCarried() {
    const ctx = new DebateTestContext(members);
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.run({
      type: 'moveToAmendment',
      itemId: 'item-1',
      amendmentId: 'A1',
      moverMemberId: 'ann',
      seconderMemberId: 'ben',
    });
    ctx.moveAndSecond('item-1');
    ctx.speakFromFloor('item-1', 'cat', 'against');
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    ctx.run({ type: 'amendmentOutcome', showOfHands: true, itemId: 'item-1', outcome: 'carried' });
    return ctx;
  }

  it('makes the motion "as amended" and returns to it', () => {
    const ctx = withFirstAmendmentCarried();
    const item = ctx.state.items['item-1'];
    expect(item.asAmended).toBe(true);
    expect(item.amendment).toBeNull();
    expect(item.amendmentsDealtWith).toEqual([{ amendmentId: 'A1', outcome: 'carried' }]);
  });

  it('moves the next amendment to the motion as amended by the first', () => {
    const ctx = withFirstAmendmentCarried();
    const [taken] = ctx.run({
      type: 'moveToAmendment',
      itemId: 'item-1',
      amendmentId: 'A2',
      moverMemberId: 'dan',
      seconderMemberId: 'eve',
    });
    expect(taken).toMatchObject({
      type: 'amendment_taken',
      amendmentId: 'A2',
      amendsMotionAsAmendedBy: ['A1'],
    });
  });

  it('puts the substantive motion as amended and records it carried as amended', () => {
    const ctx = withFirstAmendmentCarried();
    ctx.run({
      type: 'moveToAmendment',
      itemId: 'item-1',
      amendmentId: 'A2',
      moverMemberId: 'dan',
      seconderMemberId: 'eve',
    });
    ctx.run({ type: 'callMover', itemId: 'item-1' });
    ctx.speak('item-1', 100);
    ctx.run({ type: 'formallySeconded', itemId: 'item-1' });
    ctx.run({ type: 'openFloor', itemId: 'item-1' });
    const [amendmentQuestion] = ctx.run({ type: 'putTheQuestion', itemId: 'item-1' }) as QuestionPutEvent[];
    expect(amendmentQuestion).toMatchObject({
      subject: 'amendment',
      amendmentId: 'A2',
      majority: 'simple',
      carriedAmendmentIds: ['A1'],
    });
    ctx.run({ type: 'amendmentOutcome', showOfHands: true, itemId: 'item-1', outcome: 'carried' });

    ctx.run({ type: 'callRightOfReply', itemId: 'item-1' });
    ctx.speak('item-1', 120);
    const [substantive] = ctx.run({ type: 'putTheQuestion', itemId: 'item-1' }) as QuestionPutEvent[];
    expect(substantive).toMatchObject({
      subject: 'substantive',
      amendmentId: null,
      asAmended: true,
      carriedAmendmentIds: ['A1', 'A2'],
    });

    const wrong = ctx.refusal({ type: 'recordOutcome', itemId: 'item-1', outcome: 'carried' });
    expect(wrong.message).toMatch(/carried_as_amended/);
    ctx.run({ type: 'recordOutcome', showOfHands: true, itemId: 'item-1', outcome: 'carried_as_amended' });
    expect(ctx.state.items['item-1']).toMatchObject({ status: 'concluded', outcome: 'carried_as_amended' });
    expect(ctx.state.openItemId).toBeNull();
  });

  it('treats the motion and its amendments as one debate for the one-speech rule', () => {
    const ctx = withFirstAmendmentCarried();
    // Cat spoke against amendment A1; she may not now speak on the motion.
    const error = ctx.refusal({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'cat',
      stance: 'for',
      attendanceMode: 'hall',
    });
    expect(ruleOf(error)).toBe('one-speech-per-motion');
    // Ann moved A1: she may not move a second amendment either.
    const again = ctx.refusal({
      type: 'moveToAmendment',
      itemId: 'item-1',
      amendmentId: 'A2',
      moverMemberId: 'ann',
    });
    expect(ruleOf(again)).toBe('one-speech-per-motion');
  });

  it('takes amendments one at a time, and never the same one twice', () => {
    const ctx = withFirstAmendmentCarried();
    const twice = ctx.refusal({
      type: 'moveToAmendment',
      itemId: 'item-1',
      amendmentId: 'A1',
      moverMemberId: 'dan',
    });
    expect(ruleOf(twice)).toBe('amendments');
    ctx.run({ type: 'moveToAmendment', itemId: 'item-1', amendmentId: 'A2', moverMemberId: 'dan' });
    const overlapping = ctx.refusal({
      type: 'moveToAmendment',
      itemId: 'item-1',
      amendmentId: 'A3',
      moverMemberId: 'eve',
    });
    expect(ruleOf(overlapping)).toBe('amendments');
  });

  it('records an amendment whose mover is absent as fallen and returns to the motion', () => {
    const ctx = withFirstAmendmentCarried();
    ctx.run({ type: 'moveToAmendment', itemId: 'item-1', amendmentId: 'A2', moverMemberId: 'dan' });
    ctx.run({ type: 'markMoverAbsent', itemId: 'item-1' });
    const item = ctx.state.items['item-1'];
    expect(item.amendment).toBeNull();
    expect(item.amendmentsDealtWith.at(-1)).toEqual({ amendmentId: 'A2', outcome: 'fell' });
    expect(item.status).toBe('open');
  });

  it('returns to the motion when an amendment is withdrawn, dropping requests to speak on it', () => {
    const ctx = withFirstAmendmentCarried();
    ctx.run({
      type: 'moveToAmendment',
      itemId: 'item-1',
      amendmentId: 'A2',
      moverMemberId: 'dan',
      seconderMemberId: 'eve',
    });
    ctx.moveAndSecond('item-1');
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'fay',
      stance: 'against',
      attendanceMode: 'remote',
    });
    ctx.run({ type: 'backToSubstantive', itemId: 'item-1' });
    const item = ctx.state.items['item-1'];
    expect(item.amendmentsDealtWith.at(-1)).toEqual({ amendmentId: 'A2', outcome: 'withdrawn' });
    expect(item.queue).toEqual([]);
  });
});
