import { Conflict, StandingOrderViolation } from '../errors';
import { DebateTestContext, ruleOf } from './debate.test-context';

describe('refusals under standing orders', () => {
  function debate() {
    const ctx = new DebateTestContext({
      mover: 'hall',
      seconder: 'remote',
      ann: 'hall',
      ben: 'remote',
      cat: 'hall',
    });
    ctx.openDebate('item-1', 'mover', 'seconder');
    return ctx;
  }

  describe('a member speaks once per motion', () => {
    it('refuses a second speech', () => {
      const ctx = debate();
      ctx.speakFromFloor('item-1', 'ann', 'for');
      const error = ctx.refusal({
        type: 'requestToSpeak',
        itemId: 'item-1',
        memberId: 'ann',
        stance: 'against',
        attendanceMode: 'hall',
      });
      expect(error).toBeInstanceOf(StandingOrderViolation);
      expect(ruleOf(error)).toBe('one-speech-per-motion');
      expect(error.message).toMatch(/already spoken/);
    });

    it('refuses the seconder, who has spoken, and the mover, who keeps only the right of reply', () => {
      const ctx = debate();
      expect(
        ruleOf(
          ctx.refusal({
            type: 'requestToSpeak',
            itemId: 'item-1',
            memberId: 'seconder',
            stance: 'for',
            attendanceMode: 'remote',
          }),
        ),
      ).toBe('one-speech-per-motion');
      expect(
        ruleOf(
          ctx.refusal({
            type: 'requestToSpeak',
            itemId: 'item-1',
            memberId: 'mover',
            stance: 'for',
            attendanceMode: 'hall',
          }),
        ),
      ).toBe('right-of-reply');
    });

    it('lets a formal seconder speak once later', () => {
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
      ctx.speak('item-1', 200);
      ctx.run({ type: 'formallySeconded', itemId: 'item-1' });
      ctx.run({ type: 'openFloor', itemId: 'item-1' });
      ctx.speakFromFloor('item-1', 'seconder', 'for');
      expect(ctx.state.items['item-1'].spokenMemberIds).toEqual(['mover', 'seconder']);
    });
  });

  describe('the question be now put', () => {
    it('refuses it from the mover, who keeps the right of reply', () => {
      const ctx = debate();
      const error = ctx.refusal({
        type: 'moveProcedural',
        itemId: 'item-1',
        kind: 'question_be_now_put',
        memberId: 'mover',
      });
      expect(ruleOf(error)).toBe('question-be-now-put');
      expect(error.message).toMatch(/mover keeps the right of reply/);
    });

    it('refuses it from a member who has spoken', () => {
      const ctx = debate();
      ctx.speakFromFloor('item-1', 'ann', 'against');
      expect(
        ruleOf(
          ctx.refusal({
            type: 'moveProcedural',
            itemId: 'item-1',
            kind: 'question_be_now_put',
            memberId: 'ann',
          }),
        ),
      ).toBe('question-be-now-put');
    });

    it('refuses it during a speech', () => {
      const ctx = debate();
      ctx.run({
        type: 'requestToSpeak',
        itemId: 'item-1',
        memberId: 'ann',
        stance: 'against',
        attendanceMode: 'hall',
      });
      ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'ann' });
      ctx.run({ type: 'startSpeech', itemId: 'item-1' });
      const error = ctx.refusal({
        type: 'moveProcedural',
        itemId: 'item-1',
        kind: 'question_be_now_put',
        memberId: 'ben',
      });
      expect(ruleOf(error)).toBe('question-be-now-put');
      expect(error.message).toMatch(/never interrupts a speech/);
      // Other procedural motions do not interrupt a speech either.
      expect(
        ruleOf(
          ctx.refusal({ type: 'moveProcedural', itemId: 'item-1', kind: 'next_business', memberId: 'ben' }),
        ),
      ).toBe('no-interrupting-a-speech');
    });
  });

  describe('the right of reply', () => {
    it('refuses a right of reply for anyone but the mover of the motion', () => {
      const ctx = debate();
      const error = ctx.refusal({ type: 'callRightOfReply', itemId: 'item-1', memberId: 'seconder' });
      expect(ruleOf(error)).toBe('right-of-reply');
      expect(error.message).toMatch(/Only the mover/);
    });

    it('refuses a second right of reply, and further speakers after it', () => {
      const ctx = debate();
      ctx.run({
        type: 'requestToSpeak',
        itemId: 'item-1',
        memberId: 'ann',
        stance: 'against',
        attendanceMode: 'hall',
      });
      ctx.run({ type: 'callRightOfReply', itemId: 'item-1' });
      ctx.speak('item-1', 90);
      expect(ruleOf(ctx.refusal({ type: 'callRightOfReply', itemId: 'item-1' }))).toBe('right-of-reply');
      expect(ruleOf(ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'ann' }))).toBe(
        'right-of-reply',
      );
      expect(
        ruleOf(
          ctx.refusal({
            type: 'moveProcedural',
            itemId: 'item-1',
            kind: 'question_be_now_put',
            memberId: 'ben',
          }),
        ),
      ).toBe('right-of-reply');
      expect(ctx.run({ type: 'putTheQuestion', itemId: 'item-1' })[0]).toMatchObject({
        type: 'question_put',
      });
    });
  });

  describe('the order of business', () => {
    it('refuses commands on an item that is not open', () => {
      const ctx = debate();
      ctx.titles.set('item-1', 'Motion 1').set('item-2', 'Motion 2');
      const error = ctx.refusal({ type: 'openFloor', itemId: 'item-2' });
      expect(ruleOf(error)).toBe('order-of-business');
      // Items by their label, never by id: a person reads this.
      expect(error.message).toBe('Motion 2 is not open for debate (Motion 1 is open).');
      ctx.titles.clear();
      expect(ctx.refusal({ type: 'openFloor', itemId: 'item-2' }).message).not.toMatch(/item-/);
      const attendee = ctx.refusal({
        type: 'requestToSpeak',
        itemId: 'item-2',
        memberId: 'ann',
        stance: 'for',
        attendanceMode: 'hall',
      });
      expect(ruleOf(attendee)).toBe('order-of-business');
    });

    it('refuses commands on a concluded item, and a second item while one is open', () => {
      const ctx = debate();
      expect(
        ruleOf(
          ctx.refusal({
            type: 'takeItem',
            itemId: 'item-2',
            motionId: 'm2',
            moverMemberId: 'ann',
            kind: 'motion',
          }),
        ),
      ).toBe('order-of-business');
      ctx.run({ type: 'recordOutcome', itemId: 'item-1', outcome: 'withdrawn' });
      expect(ruleOf(ctx.refusal({ type: 'putTheQuestion', itemId: 'item-1' }))).toBe('order-of-business');
      expect(
        ruleOf(
          ctx.refusal({
            type: 'takeItem',
            itemId: 'item-1',
            motionId: 'm1',
            moverMemberId: 'ann',
            kind: 'motion',
          }),
        ),
      ).toBe('order-of-business');
    });

    it('records a motion whose mover is absent as not moved, and it falls', () => {
      const ctx = new DebateTestContext({ seconder: 'hall' });
      ctx.run({
        type: 'takeItem',
        itemId: 'item-1',
        motionId: 'm1',
        moverMemberId: 'mover',
        seconderMemberId: 'seconder',
        kind: 'motion',
      });
      expect(ruleOf(ctx.refusal({ type: 'callMover', itemId: 'item-1' }))).toBe('presence');
      ctx.run({ type: 'markMoverAbsent', itemId: 'item-1' });
      expect(ctx.state.items['item-1']).toMatchObject({
        status: 'concluded',
        outcome: 'fell',
        outcomeReason: 'not moved: the mover was absent',
      });
      expect(ctx.eventTypes()).toEqual(['item_taken', 'mover_absent', 'item_concluded']);
    });
  });

  describe('speakers are called', () => {
    it('refuses to start a speech when no speaker has been called', () => {
      const ctx = debate();
      expect(ruleOf(ctx.refusal({ type: 'startSpeech', itemId: 'item-1' }))).toBe('speakers-are-called');
    });

    it('refuses to call a member who is not present, or who has not asked', () => {
      const ctx = debate();
      ctx.run({
        type: 'requestToSpeak',
        itemId: 'item-1',
        memberId: 'ann',
        stance: 'for',
        attendanceMode: 'hall',
      });
      ctx.present.delete('ann');
      expect(ruleOf(ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'ann' }))).toBe(
        'presence',
      );
      expect(ruleOf(ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'cat' }))).toBe(
        'call-from-the-queue',
      );
      expect(
        ruleOf(
          ctx.refusal({
            type: 'requestToSpeak',
            itemId: 'item-1',
            memberId: 'stranger',
            stance: 'for',
            attendanceMode: 'hall',
          }),
        ),
      ).toBe('presence');
    });

    it('refuses to call a speaker while another is speaking', () => {
      const ctx = debate();
      ctx.run({
        type: 'requestToSpeak',
        itemId: 'item-1',
        memberId: 'ann',
        stance: 'for',
        attendanceMode: 'hall',
      });
      ctx.run({
        type: 'requestToSpeak',
        itemId: 'item-1',
        memberId: 'ben',
        stance: 'against',
        attendanceMode: 'remote',
      });
      ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'ann' });
      ctx.run({ type: 'startSpeech', itemId: 'item-1' });
      expect(ruleOf(ctx.refusal({ type: 'callSpeaker', itemId: 'item-1', memberId: 'ben' }))).toBe(
        'no-interrupting-a-speech',
      );
    });
  });

  describe('two chairs acting at once', () => {
    it('refuses a command issued against a stale version of the debate', () => {
      const ctx = debate();
      const seenByBoth = ctx.state.version;
      ctx.run({
        type: 'requestToSpeak',
        itemId: 'item-1',
        memberId: 'ann',
        stance: 'for',
        attendanceMode: 'hall',
      });
      ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'ann', expectedSeq: ctx.state.version });
      const error = ctx.refusal({ type: 'putTheQuestion', itemId: 'item-1', expectedSeq: seenByBoth });
      expect(error).toBeInstanceOf(Conflict);
      expect(error.message).toMatch(new RegExp(`version ${seenByBoth}, it is now ${ctx.state.version}`));
    });
  });
});
