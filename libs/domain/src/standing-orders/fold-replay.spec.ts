import { emptyDebateState, foldDebate } from './debate.fold';
import { DebateTestContext } from './debate.test-context';
import { DebateEvent } from './debate.types';

// The state is a fold over the events stored in the conference event log: replaying them (after a restart,
// on another instance, after a JSON round trip through the database and sockets) rebuilds the same state.
describe('folding the debate events', () => {
  function busyDebate() {
    const ctx = new DebateTestContext({
      mover: 'hall',
      seconder: 'remote',
      ann: 'hall',
      ben: 'remote',
      cat: 'hall',
      dan: 'remote',
      lee: 'hall',
    });
    ctx.openDebate('item-1', 'mover', 'seconder');
    ctx.raisePointAndRule();
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
    ctx.run({ type: 'moveProcedural', itemId: 'item-1', kind: 'challenge_chair', memberId: 'lee' });
    ctx.run({ type: 'proceduralOutcome', showOfHands: true, itemId: 'item-1', result: 'lost' });
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId: 'dan',
      stance: 'for',
      attendanceMode: 'remote',
      firstAgmEver: true,
    });
    ctx.run({ type: 'callRightOfReply', itemId: 'item-1' });
    ctx.speak('item-1', 100);
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    ctx.run({ type: 'recordOutcome', showOfHands: true, itemId: 'item-1', outcome: 'carried_as_amended' });
    ctx.run({ type: 'guillotine', itemIds: ['item-2'] });
    return ctx;
  }

  it('rebuilds the identical state from the same events', () => {
    const ctx = busyDebate();
    expect(foldDebate(ctx.events)).toEqual(ctx.state);
    expect(foldDebate(ctx.events)).toEqual(foldDebate(ctx.events));
  });

  it('rebuilds it from events that went through JSON', () => {
    const ctx = busyDebate();
    const stored = JSON.parse(JSON.stringify(ctx.events)) as DebateEvent[];
    expect(stored).toEqual(ctx.events);
    expect(foldDebate(stored)).toEqual(ctx.state);
  });

  it('counts the events folded as the version', () => {
    const ctx = busyDebate();
    expect(ctx.state.version).toBe(ctx.events.length);
    expect(foldDebate(ctx.events.slice(0, 5)).version).toBe(5);
  });

  it('rebuilds the same state when folded in two parts, and never changes the state it starts from', () => {
    const ctx = busyDebate();
    const half = Math.floor(ctx.events.length / 2);
    const first = foldDebate(ctx.events.slice(0, half));
    const snapshot = JSON.stringify(first);
    expect(foldDebate(ctx.events.slice(half), first)).toEqual(ctx.state);
    expect(JSON.stringify(first)).toBe(snapshot);
    expect(foldDebate([])).toEqual(emptyDebateState());
  });
});
