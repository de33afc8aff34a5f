import { StandingOrderViolation } from '../errors';
import { DebateTestContext, ruleOf } from './debate.test-context';
import { speechesOf } from './speech-records';

// Scenario: Jo (remote) raises a point of order during the debate on item 1, the chair rules on it, and
// Jo later asks to speak for the motion. SO 14: the point did not count as having spoken.
describe('SO 14: a point of order does not count as having spoken', () => {
  function debateUnderWay() {
    const ctx = new DebateTestContext({
      mover: 'hall',
      seconder: 'hall',
      jo: 'remote',
      sam: 'hall',
      kim: 'hall',
    });
    ctx.openDebate('item-1', 'mover', 'seconder');
    return ctx;
  }

  it('lets a member who raised a point of order speak later', () => {
    const ctx = debateUnderWay();
    ctx.run({ type: 'raisePointOfOrder', itemId: 'item-1', memberId: 'jo', attendanceMode: 'remote' });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo' });
    ctx.speak('item-1', 20);
    ctx.run({ type: 'ruleOnPointOfOrder', itemId: 'item-1', ruling: 'The amendment is in order.' });

    ctx.speakFromFloor('item-1', 'jo', 'for');

    const jo = speechesOf(ctx.state).filter((s) => s.memberId === 'jo');
    expect(jo.map((s) => s.role)).toEqual(['point_of_order', 'for']);
    expect(jo.every((s) => s.attendanceMode === 'remote')).toBe(true);
    expect(ctx.state.rulings).toEqual([
      expect.objectContaining({ memberId: 'jo', ruling: 'The amendment is in order.', status: 'standing' }),
    ]);
  });

  it('still refuses a second speech after the point and the speech', () => {
    const ctx = debateUnderWay();
    ctx.run({ type: 'requestForInformation', itemId: 'item-1', memberId: 'jo', attendanceMode: 'remote' });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo' });
    ctx.speak('item-1', 15);
    ctx.speakFromFloor('item-1', 'jo', 'for');

    const error = ctx.refusal({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'jo',
      stance: 'against',
      attendanceMode: 'remote',
    });
    expect(ruleOf(error)).toBe('one-speech-per-motion');
    // ...but a further point of order stays open to them.
    expect(() =>
      ctx.run({ type: 'raisePointOfOrder', itemId: 'item-1', memberId: 'jo', attendanceMode: 'remote' }),
    ).not.toThrow();
  });

  it('takes a point of order ahead of the queue', () => {
    const ctx = debateUnderWay();
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'sam',
      stance: 'against',
      attendanceMode: 'hall',
    });
    ctx.run({ type: 'raisePointOfOrder', itemId: 'item-1', memberId: 'jo', attendanceMode: 'remote' });

    const error = ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'sam' });
    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect(ruleOf(error)).toBe('SO 14');
    expect(error.message).toMatch(/ahead of the queue/);
  });

  it('refuses a point of order during a speech, except on the conduct of a vote during it', () => {
    const ctx = debateUnderWay();
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'sam',
      stance: 'against',
      attendanceMode: 'hall',
    });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'sam' });
    ctx.run({ type: 'startSpeech', itemId: 'item-1' });

    const point = ctx.refusal({
      type: 'raisePointOfOrder',
      itemId: 'item-1',
      memberId: 'jo',
      attendanceMode: 'remote',
    });
    expect(ruleOf(point)).toBe('SO 14');
    const information = ctx.refusal({
      type: 'requestForInformation',
      itemId: 'item-1',
      memberId: 'kim',
      attendanceMode: 'hall',
    });
    expect(ruleOf(information)).toBe('SO 14');

    const events = ctx.run({
      type: 'raisePointOfOrder',
      itemId: 'item-1',
      memberId: 'jo',
      attendanceMode: 'remote',
      onConductOfVote: true,
    });
    expect(events[0]).toMatchObject({ type: 'point_raised', onConductOfVote: true });
    // It is queued, not heard: the point never interrupts the speech.
    expect(ctx.state.items['item-1'].speech?.memberId).toBe('sam');
    const call = ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'jo' });
    expect(ruleOf(call)).toBe('no-interrupting-a-speech');
  });

  it('refuses a ruling when no point of order has been heard', () => {
    const ctx = debateUnderWay();
    const error = ctx.refusal({ type: 'ruleOnPointOfOrder', itemId: 'item-1', ruling: 'Out of order.' });
    expect(ruleOf(error)).toBe('SO 14');
  });
});
