import { DebateTestContext, ruleOf } from './debate.test-context';
import { assertVoteMayOpenOnQuestion } from './question-vote.rules';

// Issue 19: the question is put but its vote fails to open (the meeting is not quorate). The chair must be
// able to open the vote once the cause is fixed, or withdraw the question with a reason; and no result is
// recorded for a question without a vote's figures or the chair's declared show of hands.
describe('a question put whose vote did not open', () => {
  function putWithoutVote() {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', ann: 'hall', ben: 'remote' });
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.speakFromFloor('item-1', 'ann', 'against');
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    return ctx;
  }

  it('refuses carried or lost with no vote and no show of hands', () => {
    const ctx = putWithoutVote();
    const error = ctx.refusal({ type: 'recordOutcome', itemId: 'item-1', outcome: 'carried' });
    expect(ruleOf(error)).toBe('vote-result');
    expect(error.message).toMatch(/no figures to record/);
  });

  it('records a result the chair declares on a show of hands, marked as such', () => {
    const ctx = putWithoutVote();
    const [concluded] = ctx.run({
      type: 'recordOutcome',
      itemId: 'item-1',
      outcome: 'lost',
      showOfHands: true,
    });
    expect(concluded).toMatchObject({ type: 'item_concluded', outcome: 'lost', showOfHands: true });
  });

  it('refuses a result while the vote is open, and a show of hands when a vote is held', () => {
    const ctx = putWithoutVote();
    ctx.questionVote = { state: 'open', outcome: null };
    expect(ctx.refusal({ type: 'recordOutcome', itemId: 'item-1', outcome: 'carried' }).message).toMatch(
      /still open/,
    );
    ctx.questionVote = { state: 'declared', outcome: 'carried' };
    expect(
      ctx.refusal({ type: 'recordOutcome', itemId: 'item-1', outcome: 'carried', showOfHands: true }).message,
    ).toMatch(/record its declared result/);
    const [concluded] = ctx.run({ type: 'recordOutcome', itemId: 'item-1', outcome: 'carried' });
    expect(concluded).not.toHaveProperty('showOfHands');
  });

  it('refuses a result on a closed vote still waiting for the hall count', () => {
    const ctx = putWithoutVote();
    ctx.questionVote = { state: 'closed', outcome: null };
    expect(ctx.refusal({ type: 'recordOutcome', itemId: 'item-1', outcome: 'lost' }).message).toMatch(
      /hall count/,
    );
  });

  it('applies the same rule to an amendment: no "amendment carried" without a vote', () => {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', ann: 'hall', ben: 'hall' });
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.run({
      type: 'moveToAmendment',
      itemId: 'item-1',
      amendmentId: 'A1',
      moverMemberId: 'ann',
      seconderMemberId: 'ben',
    });
    ctx.moveAndSecond('item-1');
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(ruleOf(ctx.refusal({ type: 'amendmentOutcome', itemId: 'item-1', outcome: 'carried' }))).toBe(
      'vote-result',
    );
    const [withdrawn] = ctx.run({ type: 'withdrawQuestion', itemId: 'item-1', reason: 'Not quorate' });
    expect(withdrawn).toMatchObject({ type: 'question_withdrawn', subject: 'amendment', amendmentId: 'A1' });
    // Back in debate on the amendment: it can be put again.
    expect(ctx.state.items['item-1'].amendment?.amendmentId).toBe('A1');
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(ctx.state.items['item-1'].questionPut).toMatchObject({ subject: 'amendment', amendmentId: 'A1' });
  });

  it('withdraws the question with a reason, and the question may be put again', () => {
    const ctx = putWithoutVote();
    const [event] = ctx.run({
      type: 'withdrawQuestion',
      itemId: 'item-1',
      reason: '  The meeting was not quorate  ',
    });
    expect(event).toMatchObject({
      type: 'question_withdrawn',
      subject: 'substantive',
      reason: 'The meeting was not quorate',
    });
    expect(ctx.state.items['item-1'].questionPut).toBeNull();
    // The debate resumes where it was: a member who has not spoken may still ask to speak.
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'ben',
      stance: 'for',
      attendanceMode: 'remote',
    });
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(ctx.state.items['item-1'].questionPut?.subject).toBe('substantive');
  });

  it('refuses to withdraw a question with a vote held on it, or none put, or without a reason', () => {
    const ctx = putWithoutVote();
    expect(ctx.refusal({ type: 'withdrawQuestion', itemId: 'item-1', reason: '   ' }).message).toMatch(
      /reason/,
    );
    ctx.questionVote = { state: 'open', outcome: null };
    expect(
      ctx.refusal({ type: 'withdrawQuestion', itemId: 'item-1', reason: 'changed my mind' }).message,
    ).toMatch(/vote on this question is open/);
    ctx.questionVote = { state: 'declared', outcome: 'carried' };
    expect(ruleOf(ctx.refusal({ type: 'withdrawQuestion', itemId: 'item-1', reason: 'x' }))).toBe(
      'question-put',
    );
    const fresh = new DebateTestContext({ mover: 'hall', seconder: 'hall' });
    fresh.openDebate('item-1', 'mover', 'seconder');
    expect(fresh.refusal({ type: 'withdrawQuestion', itemId: 'item-1', reason: 'x' }).message).toMatch(
      /No question has been put/,
    );
  });

  it('lets the vote open on the question put only while none is held on it', () => {
    const ctx = putWithoutVote();
    expect(assertVoteMayOpenOnQuestion(ctx.state, 'item-1', null).itemId).toBe('item-1');
    expect(() => assertVoteMayOpenOnQuestion(ctx.state, 'item-1', { state: 'open', outcome: null })).toThrow(
      /already open/,
    );
    expect(() => assertVoteMayOpenOnQuestion(ctx.state, 'item-2', null)).toThrow(/not open for debate/);
    ctx.run({ type: 'withdrawQuestion', itemId: 'item-1', reason: 'Not quorate' });
    expect(() => assertVoteMayOpenOnQuestion(ctx.state, 'item-1', null)).toThrow(/No question has been put/);
  });
});

// Issue 19: a hall member without a phone is put in the queue by the chair; the standing orders apply.
describe('the chair adds a hall member without a device to the queue', () => {
  function debate() {
    const ctx = new DebateTestContext({
      mover: 'hall',
      seconder: 'hall',
      dot: 'hall',
      rem: 'remote',
      spoke: 'hall',
    });
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.speakFromFloor('item-1', 'spoke', 'for');
    return ctx;
  }

  it('queues them as a request from the hall, marked as added by the chair, and they can be called', () => {
    const ctx = debate();
    const [event] = ctx.run({ type: 'addToQueue', itemId: 'item-1', memberId: 'dot', stance: 'against' });
    expect(event).toMatchObject({
      type: 'speak_requested',
      memberId: 'dot',
      stance: 'against',
      attendanceMode: 'hall',
      addedByChair: true,
    });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'dot' });
    expect(ctx.state.items['item-1'].call?.memberId).toBe('dot');
  });

  it('refuses a member who has already spoken, the mover, a second request, and the debate closed', () => {
    const ctx = debate();
    expect(
      ruleOf(ctx.refusal({ type: 'addToQueue', itemId: 'item-1', memberId: 'spoke', stance: 'for' })),
    ).toBe('one-speech-per-motion');
    expect(
      ruleOf(ctx.refusal({ type: 'addToQueue', itemId: 'item-1', memberId: 'mover', stance: 'for' })),
    ).toBe('right-of-reply');
    ctx.run({ type: 'addToQueue', itemId: 'item-1', memberId: 'dot', stance: 'for' });
    expect(
      ctx.refusal({ type: 'addToQueue', itemId: 'item-1', memberId: 'dot', stance: 'to' }).message,
    ).toMatch(/already in the queue/);
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(
      ruleOf(ctx.refusal({ type: 'addToQueue', itemId: 'item-1', memberId: 'seconder', stance: 'for' })),
    ).toBe('one-speech-per-motion');
  });

  it('refuses a member not present, and a remote member (who asks from their own screen)', () => {
    const ctx = debate();
    expect(
      ruleOf(ctx.refusal({ type: 'addToQueue', itemId: 'item-1', memberId: 'nobody', stance: 'for' })),
    ).toBe('presence');
    expect(
      ctx.refusal({ type: 'addToQueue', itemId: 'item-1', memberId: 'rem', stance: 'for' }).message,
    ).toMatch(/own screen/);
  });

  it('names the member in a refusal when the name is known', () => {
    const ctx = debate();
    const named = decideWithNames(ctx);
    expect(named.message).toMatch(/^Spoke Person has already spoken/);
  });
});

function decideWithNames(ctx: DebateTestContext): Error {
  const context = ctx.context();
  ctx.context = () => ({ ...context, nameOf: (id) => (id === 'spoke' ? 'Spoke Person' : undefined) });
  return ctx.refusal({ type: 'addToQueue', itemId: 'item-1', memberId: 'spoke', stance: 'for' });
}
