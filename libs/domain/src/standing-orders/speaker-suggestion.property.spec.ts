import fc from 'fast-check';
import { DomainError } from '../errors';
import { currentQuestionOf, openItemOf } from './debate.fold';
import { DebateTestContext, TestCommand } from './debate.test-context';
import { suggestNextSpeaker } from './speaker-suggestion';

// Model-based property: drive a debate with random commands from the floor and the chair (refusals are
// part of the game and are skipped), and check the suggestion after every step.
const MEMBERS = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6'];
const member = fc.constantFrom(...MEMBERS);
const step = fc.oneof(
  fc.record({
    op: fc.constant('ask' as const),
    memberId: member,
    stance: fc.constantFrom('for' as const, 'against' as const, 'to' as const),
    first: fc.boolean(),
  }),
  fc.record({ op: fc.constant('point' as const), memberId: member, order: fc.boolean() }),
  fc.record({ op: fc.constant('callSuggested' as const) }),
  fc.record({ op: fc.constant('call' as const), memberId: member }),
  fc.record({ op: fc.constant('speak' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ op: fc.constant('withdraw' as const), memberId: member }),
  fc.record({ op: fc.constant('amend' as const), memberId: member }),
  fc.record({ op: fc.constant('voteAmendment' as const), carried: fc.boolean() }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function commandsFor(ctx: DebateTestContext, s: Step): TestCommand[] {
  const itemId = 'item-1';
  switch (s.op) {
    case 'ask':
      return [
        {
          type: 'requestToSpeak',
          itemId,
          memberId: s.memberId,
          stance: s.stance,
          attendanceMode: ctx.present.get(s.memberId)!,
          firstAgmEver: s.first,
        },
      ];
    case 'point':
      return [
        {
          type: s.order ? 'raisePointOfOrder' : 'requestForInformation',
          itemId,
          memberId: s.memberId,
          attendanceMode: ctx.present.get(s.memberId)!,
        },
      ];
    case 'callSuggested': {
      const suggestion = suggestNextSpeaker(ctx.state, { spokenAtThisAgm: ctx.spokenAtThisAgm });
      return suggestion
        ? [{ type: 'callSpeaker', itemId, memberId: suggestion.memberId, requestId: suggestion.requestId }]
        : [];
    }
    case 'call':
      return [{ type: 'callSpeaker', itemId, memberId: s.memberId }];
    case 'speak':
      return [
        { type: 'startSpeech', itemId },
        { type: 'endSpeech', itemId },
      ];
    case 'withdraw':
      return [{ type: 'withdrawRequest', itemId, memberId: s.memberId }];
    case 'amend':
      return [
        { type: 'moveToAmendment', itemId, amendmentId: `A-${ctx.state.version}`, moverMemberId: s.memberId },
        { type: 'callMover', itemId },
        { type: 'startSpeech', itemId },
        { type: 'endSpeech', itemId },
        { type: 'formallySeconded', itemId },
        { type: 'openFloor', itemId },
      ];
    case 'voteAmendment':
      return [
        { type: 'putTheQuestion', itemId },
        { type: 'amendmentOutcome', showOfHands: true, itemId, outcome: s.carried ? 'carried' : 'lost' },
      ];
  }
}

function play(ctx: DebateTestContext, s: Step): void {
  for (const command of commandsFor(ctx, s)) {
    try {
      ctx.run(command);
      ctx.advance(s.op === 'speak' ? s.seconds : 5);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return;
    }
  }
}

function checkSuggestion(ctx: DebateTestContext): void {
  const item = openItemOf(ctx.state)!;
  const suggestion = suggestNextSpeaker(ctx.state, { spokenAtThisAgm: ctx.spokenAtThisAgm });
  const waiting = item.speech
    ? []
    : item.queue.filter((r) => r.kind !== 'speak' || r.requestId !== item.call?.requestId);
  const points = waiting.filter((r) => r.kind !== 'speak');

  // Points of order (then requests for information) always come first.
  if (points.length > 0) {
    const expected = points.some((r) => r.kind === 'point_of_order')
      ? 'point_of_order'
      : 'request_for_information';
    expect(suggestion?.role).toBe(expected);
    return;
  }
  if (suggestion === null) {
    // None only when no one who may still speak on the question under debate is waiting (or the floor is closed).
    const question = currentQuestionOf(item);
    const speakable = waiting.filter(
      (r) => r.amendmentId === question.amendmentId && !item.spokenMemberIds.includes(r.memberId),
    );
    if (item.speech === null && question.floorOpen && item.questionPut === null && item.procedural === null) {
      expect(speakable).toEqual([]);
    }
    return;
  }
  // Never someone who has already spoken on this motion (its amendments included), nor the mover.
  expect(item.spokenMemberIds).not.toContain(suggestion.memberId);
  expect(suggestion.memberId).not.toBe(item.substantive.moverMemberId);
  expect(['for', 'against', 'to']).toContain(suggestion.role);
}

describe('the speaker suggestion, under random debates', () => {
  it('never suggests someone who has spoken on the motion, and always takes points first', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('hall' as const, 'remote' as const), {
          minLength: MEMBERS.length,
          maxLength: MEMBERS.length,
        }),
        fc.subarray(MEMBERS),
        fc.array(step, { minLength: 1, maxLength: 40 }),
        (modes, spokenAtAgm, steps) => {
          const ctx = new DebateTestContext({ mover: 'hall', seconder: 'remote' });
          MEMBERS.forEach((m, i) => ctx.present.set(m, modes[i]));
          spokenAtAgm.forEach((m) => ctx.spokenAtThisAgm.add(m));
          ctx.openDebate('item-1', 'mover', 'seconder');
          for (const s of steps) {
            play(ctx, s);
            checkSuggestion(ctx);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is followed without refusal when the chair calls the suggested speaker', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        const ctx = new DebateTestContext({ mover: 'hall', seconder: 'remote' });
        MEMBERS.forEach((m, i) => ctx.present.set(m, i % 2 === 0 ? 'hall' : 'remote'));
        ctx.openDebate('item-1', 'mover', 'seconder');
        for (const s of steps) {
          play(ctx, s);
          const item = openItemOf(ctx.state)!;
          const suggestion = suggestNextSpeaker(ctx.state, { spokenAtThisAgm: ctx.spokenAtThisAgm });
          if (suggestion && item.speech === null) {
            const [called] = ctx.run({
              type: 'callSpeaker',
              itemId: 'item-1',
              memberId: suggestion.memberId,
              requestId: suggestion.requestId,
            });
            expect(called).toMatchObject({
              type: 'speaker_called',
              followedSuggestion: true,
              role: suggestion.role,
            });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
