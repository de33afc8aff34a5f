import { DebateTestContext } from './debate.test-context';
import { speechesOf } from './speech-records';

// What the monitoring statistics read: every speech and intervention with its role and attendance mode.
describe('speech records for monitoring', () => {
  it('lists each speech and intervention with member, role, item, times and attendance mode', () => {
    const ctx = new DebateTestContext({
      mover: 'hall',
      seconder: 'remote',
      ann: 'remote',
      ben: 'hall',
      cat: 'remote',
    });
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.run({ type: 'requestForInformation', itemId: 'item-1', memberId: 'cat', attendanceMode: 'remote' });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'cat' });
    ctx.speak('item-1', 15);
    ctx.run({ type: 'moveToAmendment', itemId: 'item-1', amendmentId: 'A1', moverMemberId: 'ann' });
    ctx.run({ type: 'callMover', itemId: 'item-1' });
    ctx.speak('item-1', 100);
    ctx.run({ type: 'formallySeconded', itemId: 'item-1' });
    ctx.run({ type: 'openFloor', itemId: 'item-1' });
    ctx.speakFromFloor('item-1', 'ben', 'to');
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'question_be_now_put', memberId: 'cat' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'carried' });
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    ctx.run({ type: 'amendmentOutcome', showOfHands: true, itemId: 'item-1', outcome: 'lost' });
    ctx.run({ type: 'callRightOfReply', itemId: 'item-1' });
    ctx.speak('item-1', 30);

    const rows = speechesOf(ctx.state).map((s) => [s.memberId, s.role, s.amendmentId, s.attendanceMode]);
    expect(rows).toEqual([
      ['mover', 'mover', null, 'hall'],
      ['seconder', 'seconder', null, 'remote'],
      ['cat', 'request_for_information', null, 'remote'],
      ['ann', 'mover', 'A1', 'remote'],
      ['ben', 'to', 'A1', 'hall'],
      ['cat', 'procedural', 'A1', 'remote'],
      ['mover', 'right_of_reply', null, 'hall'],
    ]);
    const all = speechesOf(ctx.state);
    expect(
      all.every((s) => s.itemId === 'item-1' && s.motionId === 'motion-item-1' && s.endedAt !== null),
    ).toBe(true);
    // mover 09:00:00 → 09:02:00 (120 s, see openDebate)
    expect(all[0]).toMatchObject({
      startedAt: '2025-10-02T09:00:00.000Z',
      endedAt: '2025-10-02T09:02:00.000Z',
      limitSeconds: 300,
    });
  });

  it('shows a speech in progress with no end yet, and filters by item', () => {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'remote' });
    ctx.run({
      type: 'takeItem',
      itemId: 'item-1',
      motionId: 'm1',
      moverMemberId: 'mover',
      seconderMemberId: 'seconder',
      kind: 'motion',
    });
    ctx.run({ type: 'callMover', itemId: 'item-1' });
    ctx.run({ type: 'startSpeech', itemId: 'item-1' });
    expect(speechesOf(ctx.state, { itemId: 'item-1' })).toEqual([
      expect.objectContaining({ memberId: 'mover', endedAt: null }),
    ]);
    expect(speechesOf(ctx.state, { itemId: 'item-2' })).toEqual([]);
  });
});
