import { DebateTestContext } from './debate.test-context';
import { SpeakerCalledEvent } from './debate.types';
import { suggestNextSpeaker } from './speaker-suggestion';

describe('the suggested next speaker', () => {
  function floorOpen(members: Record<string, 'hall' | 'remote'> = {}) {
    const ctx = new DebateTestContext({ mover: 'hall', seconder: 'hall', ...members });
    ctx.openDebate('item-1', 'mover', 'seconder');
    return ctx;
  }
  const ask = (
    ctx: DebateTestContext,
    memberId: string,
    stance: 'for' | 'against' | 'to',
    firstAgmEver = false,
  ) =>
    ctx.run({
      type: 'requestToSpeak',
      itemId: 'item-1',
      memberId,
      stance,
      attendanceMode: ctx.present.get(memberId)!,
      firstAgmEver,
    });
  const suggest = (ctx: DebateTestContext) =>
    suggestNextSpeaker(ctx.state, { spokenAtThisAgm: ctx.spokenAtThisAgm });

  it('suggests nobody when nobody has asked', () => {
    expect(suggest(floorOpen())).toBeNull();
  });

  it('takes points of order first, then requests for information, ahead of the queue', () => {
    const ctx = floorOpen({ ann: 'hall', ben: 'hall', cat: 'remote' });
    ask(ctx, 'ann', 'against');
    ctx.run({ type: 'requestForInformation', itemId: 'item-1', memberId: 'ben', attendanceMode: 'hall' });
    ctx.run({ type: 'raisePointOfOrder', itemId: 'item-1', memberId: 'cat', attendanceMode: 'remote' });
    expect(suggest(ctx)).toMatchObject({
      memberId: 'cat',
      role: 'point_of_order',
      reason: 'Point of order: taken ahead of the queue (SO 14)',
    });
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'cat' });
    ctx.speak('item-1', 10);
    expect(suggest(ctx)).toMatchObject({ memberId: 'ben', role: 'request_for_information' });
  });

  it('alternates: after the mover and seconder, a speaker against goes before an earlier one for', () => {
    const ctx = floorOpen({ ann: 'hall', ben: 'hall' });
    ask(ctx, 'ann', 'for');
    ask(ctx, 'ben', 'against');
    expect(suggest(ctx)).toMatchObject({ memberId: 'ben', role: 'against' });
    expect(suggest(ctx)!.reason).toMatch(/^Against; alternating: the last speaker was for/);
    ctx.run({ type: 'callSpeaker', itemId: 'item-1', memberId: 'ben' });
    ctx.speak('item-1', 60);
    expect(suggest(ctx)).toMatchObject({ memberId: 'ann', role: 'for' });
  });

  it('prefers a member who has not spoken at this AGM, then a first-time speaker', () => {
    const ctx = floorOpen({ ann: 'hall', ben: 'hall', cat: 'hall' });
    ctx.spokenAtThisAgm.add('ann');
    ask(ctx, 'ann', 'against');
    ask(ctx, 'ben', 'against');
    ask(ctx, 'cat', 'against', true);
    const suggestion = suggest(ctx)!;
    expect(suggestion.memberId).toBe('cat');
    expect(suggestion.reason).toMatch(/has not spoken at this AGM; first AGM ever/);
    ctx.run({ type: 'withdrawRequest', itemId: 'item-1', memberId: 'cat' });
    expect(suggest(ctx)!.memberId).toBe('ben');
  });

  it('balances hall and remote: a remote member goes first after hall speeches', () => {
    const ctx = floorOpen({ ann: 'hall', ben: 'remote' });
    ask(ctx, 'ann', 'against');
    ask(ctx, 'ben', 'against');
    const suggestion = suggest(ctx)!;
    expect(suggestion.memberId).toBe('ben');
    expect(suggestion.reason).toMatch(/remote speakers are fewer in recent speeches/);
  });

  it('suggests only points once the question is put', () => {
    const ctx = floorOpen({ ann: 'hall', ben: 'remote' });
    ask(ctx, 'ann', 'against');
    ctx.run({ type: 'putTheQuestion', itemId: 'item-1' });
    expect(suggest(ctx)).toBeNull();
    ctx.run({
      type: 'raisePointOfOrder',
      itemId: 'item-1',
      memberId: 'ben',
      attendanceMode: 'remote',
      onConductOfVote: true,
    });
    expect(suggest(ctx)).toMatchObject({ memberId: 'ben', role: 'point_of_order' });
  });

  it('records whether the chair followed the suggestion', () => {
    const ctx = floorOpen({ ann: 'hall', ben: 'hall' });
    ask(ctx, 'ann', 'for');
    ask(ctx, 'ben', 'against');
    const [passedOver] = ctx.run({
      type: 'callSpeaker',
      itemId: 'item-1',
      memberId: 'ann',
    }) as SpeakerCalledEvent[];
    expect(passedOver).toMatchObject({ suggestedMemberId: 'ben', followedSuggestion: false });
    const [followed] = ctx.run({
      type: 'callSpeaker',
      itemId: 'item-1',
      memberId: 'ben',
    }) as SpeakerCalledEvent[];
    expect(followed).toMatchObject({ suggestedMemberId: 'ben', followedSuggestion: true });
    ctx.speak('item-1', 60);
    expect(ctx.state.speeches.at(-1)).toMatchObject({ memberId: 'ben', followedSuggestion: true });
  });

  it('gives the same suggestion for the same state and history', () => {
    const ctx = floorOpen({ ann: 'hall', ben: 'remote', cat: 'hall' });
    ask(ctx, 'ann', 'to');
    ask(ctx, 'ben', 'for', true);
    ask(ctx, 'cat', 'against');
    expect(suggest(ctx)).toEqual(suggest(ctx));
  });
});
