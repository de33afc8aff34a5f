import { DebateTestContext, ruleOf } from './debate.test-context';

// Scenario: during the debate on amendment A1 to motion 1, Gus (who has not spoken) moves "that the question
// be now put". It is carried: the closure applies to the question under debate, the amendment. The amendment
// is put at once; then debate resumes on the motion, whose mover keeps the right of reply.
describe('the question be now put while an amendment is open', () => {
  function amendmentDebate() {
    const ctx = new DebateTestContext({
      mover: 'hall',
      seconder: 'hall',
      ann: 'hall',
      ben: 'remote',
      cat: 'hall',
      gus: 'remote',
      hal: 'hall',
    });
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
    return ctx;
  }

  it('puts the amendment, not the motion, when the closure is carried on it', () => {
    const ctx = amendmentDebate();
    const [moved] = ctx.run({
      type: 'moveProcedural',
      itemId: 'item-1',
      kind: 'question_be_now_put',
      memberId: 'gus',
    });
    expect(moved).toMatchObject({
      type: 'procedural_moved',
      kind: 'question_be_now_put',
      amendmentId: 'A1',
      majority: 'simple',
    });

    // Voted without debate: nobody may be called while it is pending.
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'hal',
      stance: 'for',
      attendanceMode: 'hall',
    });
    expect(ruleOf(ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'hal' }))).toBe(
      'procedural-motion',
    );

    const [procedural] = ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(procedural).toMatchObject({ subject: 'procedural', proceduralKind: 'question_be_now_put' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'carried' });

    expect(ruleOf(ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'hal' }))).toBe(
      'question-be-now-put',
    );
    // The right of reply belongs to the end of the debate on the motion, not to the amendment.
    expect(ruleOf(ctx.refusal({ type: 'callRightOfReply', itemId: 'item-1' }))).toBe('right-of-reply');

    const [question] = ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(question).toMatchObject({ type: 'question_put', subject: 'amendment', amendmentId: 'A1' });
    ctx.run({ type: 'amendmentOutcome', showOfHands: true, itemId: 'item-1', outcome: 'lost' });

    // Back on the motion: the closure was on the amendment only, and the mover keeps the right of reply.
    const item = ctx.state.items['item-1'];
    expect(item.substantive.closure).toBe(false);
    expect(item.asAmended).toBe(false);
    ctx.speakFromFloor('item-1', 'gus', 'for');
    ctx.run({ type: 'callRightOfReply', itemId: 'item-1' });
    ctx.speak('item-1', 60);
    expect(ctx.run({ type: 'putTheQuestion', itemId: 'item-1' })[0]).toMatchObject({
      subject: 'substantive',
      asAmended: false,
    });
  });

  it('puts the amendment when the chair puts the question with an amendment open', () => {
    const ctx = amendmentDebate();
    const [question] = ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(question).toMatchObject({ subject: 'amendment', amendmentId: 'A1', motionId: 'motion-item-1' });
    // While the vote is on the amendment the motion's outcome cannot be recorded.
    expect(ruleOf(ctx.refusal({ type: 'recordOutcome', itemId: 'item-1', outcome: 'carried' }))).toBe(
      'question-put',
    );
    expect(ruleOf(ctx.refusal({ type: 'putTheQuestion', itemId: 'item-1' }))).toBe('question-put');
  });

  it('goes to the right of reply and then the vote when the closure is carried on the motion', () => {
    const ctx = new DebateTestContext({
      mover: 'hall',
      seconder: 'hall',
      cat: 'hall',
      gus: 'remote',
      hal: 'hall',
    });
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.speakFromFloor('item-1', 'cat', 'against');
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'question_be_now_put', memberId: 'gus' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'carried' });
    expect(
      ruleOf(
        ctx.refusal({ type: 'moveToAmendment', itemId: 'item-1', amendmentId: 'A1', moverMemberId: 'hal' }),
      ),
    ).toBe('question-be-now-put');
    ctx.run({ type: 'callRightOfReply', itemId: 'item-1' });
    ctx.speak('item-1', 100);
    expect(ctx.run({ type: 'putTheQuestion', itemId: 'item-1' })[0]).toMatchObject({
      subject: 'substantive',
    });
  });

  it('resumes the debate when the closure is lost', () => {
    const ctx = amendmentDebate();
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'question_be_now_put', memberId: 'gus' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'lost' });
    ctx.speakFromFloor('item-1', 'hal', 'for');
    expect(ctx.state.items['item-1'].procedural).toBeNull();
  });
});
