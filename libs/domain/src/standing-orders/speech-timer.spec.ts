import { DebateTestContext } from './debate.test-context';
import { SpeechEndedEvent, SpeechPausedEvent, SpeechResumedEvent, SpeechStartedEvent } from './debate.types';
import { speechesOf } from './speech-records';

// Napo defaults: mover 300 s, seconder 180 s, others 180 s, right of reply 180 s, warning 60 s before the end.
// The clock starts at 09:00:00Z on 2 October 2025.
describe('speech timers are kept by the server', () => {
  function taken() {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'remote', ann: 'hall' });
    ctx.run({
      type: 'takeItem',
      itemId: 'item-1',
      motionId: 'm1',
      moverMemberId: 'mover',
      seconderMemberId: 'seconder',
      kind: 'motion',
    });
    ctx.run({ type: 'callMover', itemId: 'item-1' });
    return ctx;
  }

  it('gives the mover five minutes with a warning one minute before the end', () => {
    const ctx = taken();
    const [started] = ctx.run({ type: 'startSpeech', itemId: 'item-1' }) as SpeechStartedEvent[];
    expect(started).toMatchObject({
      role: 'mover',
      startedAt: '2025-10-02T09:00:00.000Z',
      limitSeconds: 300,
      warningAt: '2025-10-02T09:04:00.000Z', // 09:00 + 300 s - 60 s
      endsAt: '2025-10-02T09:05:00.000Z',
    });
  });

  it('takes the limits from the ruleset, not from constants', () => {
    const ctx = taken();
    ctx.ruleset = {
      ...ctx.ruleset,
      speechLimitsSeconds: { mover: 420, seconder: 240, other: 120, rightOfReply: 150, warningBefore: 30 },
    };
    const [started] = ctx.run({ type: 'startSpeech', itemId: 'item-1' }) as SpeechStartedEvent[];
    expect(started).toMatchObject({
      limitSeconds: 420,
      warningAt: '2025-10-02T09:06:30.000Z',
      endsAt: '2025-10-02T09:07:00.000Z',
    });
    ctx.advance(400);
    ctx.run({ type: 'endSpeech', itemId: 'item-1' });
    ctx.run({ type: 'callSeconder', itemId: 'item-1' });
    expect((ctx.run({ type: 'startSpeech', itemId: 'item-1' })[0] as SpeechStartedEvent).limitSeconds).toBe(
      240,
    );
  });

  it('recomputes the end and the warning when a paused speech resumes', () => {
    const ctx = taken();
    ctx.run({ type: 'startSpeech', itemId: 'item-1' });
    ctx.advance(100);
    const [paused] = ctx.run({ type: 'pauseSpeech', itemId: 'item-1' }) as SpeechPausedEvent[];
    expect(paused).toMatchObject({ elapsedSeconds: 100, remainingSeconds: 200 });
    ctx.advance(45); // a disturbance in the hall: the clock stops
    const [resumed] = ctx.run({ type: 'resumeSpeech', itemId: 'item-1' }) as SpeechResumedEvent[];
    // resumed at 09:02:25 with 200 s left: ends 09:05:45, warned at 09:04:45
    expect(resumed).toMatchObject({
      resumedAt: '2025-10-02T09:02:25.000Z',
      endsAt: '2025-10-02T09:05:45.000Z',
      warningAt: '2025-10-02T09:04:45.000Z',
    });
    expect(ctx.state.items['item-1'].speech).toMatchObject({
      endsAt: resumed.endsAt,
      warningAt: resumed.warningAt,
    });
  });

  it('records the overrun at the end, not counting paused time', () => {
    const ctx = taken();
    ctx.run({ type: 'startSpeech', itemId: 'item-1' });
    ctx.advance(100);
    ctx.run({ type: 'pauseSpeech', itemId: 'item-1' });
    ctx.advance(45);
    ctx.run({ type: 'resumeSpeech', itemId: 'item-1' });
    ctx.advance(212.5);
    const [ended] = ctx.run({ type: 'endSpeech', itemId: 'item-1' }) as SpeechEndedEvent[];
    // spoken 100 + 212.5 = 312.5 s against a 300 s limit: 12.5 s over
    expect(ended).toMatchObject({
      spokenSeconds: 312.5,
      overrunSeconds: 12.5,
      endedAt: '2025-10-02T09:05:57.500Z',
    });
    expect(speechesOf(ctx.state)[0]).toMatchObject({
      overrunSeconds: 12.5,
      endedAt: ended.endedAt,
      startedAt: '2025-10-02T09:00:00.000Z',
    });
  });

  it('records no overrun for a speech within time', () => {
    const ctx = taken();
    ctx.run({ type: 'startSpeech', itemId: 'item-1' });
    ctx.advance(299);
    expect(ctx.run({ type: 'endSpeech', itemId: 'item-1' })[0]).toMatchObject({
      overrunSeconds: 0,
      spokenSeconds: 299,
    });
  });

  it('refuses to pause a paused speech, resume a running one, or end none', () => {
    const ctx = taken();
    expect(ctx.refusal({ type: 'endSpeech', itemId: 'item-1' }).message).toMatch(/No speech is in progress/);
    ctx.run({ type: 'startSpeech', itemId: 'item-1' });
    expect(ctx.refusal({ type: 'resumeSpeech', itemId: 'item-1' }).message).toMatch(/not paused/);
    ctx.run({ type: 'pauseSpeech', itemId: 'item-1' });
    expect(ctx.refusal({ type: 'pauseSpeech', itemId: 'item-1' }).message).toMatch(/already paused/);
  });
});
