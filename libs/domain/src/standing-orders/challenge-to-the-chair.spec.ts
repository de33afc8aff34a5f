import { DebateTestContext, ruleOf } from './debate.test-context';

// Scenario: Kim raises a point of order; the chair rules it out of order; Lee moves to challenge the ruling.
// A challenge is voted without debate, by two-thirds (Napo default) to overturn.
describe("a challenge to the chair's ruling", () => {
  function ruled() {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', kim: 'remote', lee: 'hall' });
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.run({ type: 'raisePointOfOrder', itemId: 'item-1', memberId: 'kim', attendanceMode: 'remote' });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'kim' });
    ctx.speak('item-1', 30);
    ctx.run({ type: 'ruleOnPointOfOrder', itemId: 'item-1', ruling: 'The point is not a point of order.' });
    return ctx;
  }

  it('is voted by two-thirds and overturns the ruling when carried', () => {
    const ctx = ruled();
    const rulingId = ctx.state.rulings[0].rulingId;
    const [moved] = ctx.run({
      type: 'moveProcedural',
      itemId: 'item-1',
      kind: 'challenge_chair',
      memberId: 'lee',
    });
    expect(moved).toMatchObject({ kind: 'challenge_chair', majority: 'two_thirds', rulingId });
    expect(ctx.run({ type: 'putTheQuestion', itemId: 'item-1' })[0]).toMatchObject({
      subject: 'procedural',
      proceduralKind: 'challenge_chair',
      majority: 'two_thirds',
    });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'carried' });
    expect(ctx.state.rulings[0].status).toBe('overturned');
    // The debate carries on.
    expect(ctx.state.items['item-1']).toMatchObject({ status: 'open', procedural: null, questionPut: null });
  });

  it('upholds the ruling when the challenge is lost, and it cannot be challenged again', () => {
    const ctx = ruled();
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'challenge_chair', memberId: 'lee' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'lost' });
    expect(ctx.state.rulings[0].status).toBe('upheld');
    expect(
      ruleOf(
        ctx.refusal({ type: 'moveProcedural', itemId: 'item-1', kind: 'challenge_chair', memberId: 'lee' }),
      ),
    ).toBe('challenge-chair');
  });

  it('refuses a challenge when the chair has made no ruling', () => {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', lee: 'hall' });
    ctx.openDebate('item-1', 'mover', 'seconder');
    expect(
      ruleOf(
        ctx.refusal({ type: 'moveProcedural', itemId: 'item-1', kind: 'challenge_chair', memberId: 'lee' }),
      ),
    ).toBe('challenge-chair');
  });

  it('takes one procedural motion at a time', () => {
    const ctx = ruled();
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'challenge_chair', memberId: 'lee' });
    expect(
      ruleOf(
        ctx.refusal({ type: 'moveProcedural', itemId: 'item-1', kind: 'next_business', memberId: 'kim' }),
      ),
    ).toBe('procedural-motion');
  });
});
