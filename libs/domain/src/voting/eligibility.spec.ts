import { InvalidInput } from '../errors';
import { describeIneligibility, findEligibility, IneligibleVoter } from './eligibility';
import { VotingTestContext } from './voting.test-context';

describe('the eligibility snapshot taken when a vote opens', () => {
  it('counts hall attendees by the tellers and remote attendees electronically in a hybrid vote', () => {
    const ctx = new VotingTestContext();
    const inHall = ctx.newMember({ attendanceMode: 'hall' });
    const remote = ctx.newMember({ attendanceMode: 'remote' });

    const snapshot = ctx.openSnapshot('hybrid');

    expect(findEligibility(snapshot, inHall.memberId)).toMatchObject({
      eligible: true,
      channel: 'hall',
      weight: 1,
    });
    expect(findEligibility(snapshot, remote.memberId)).toMatchObject({
      eligible: true,
      channel: 'electronic',
      weight: 1,
    });
    expect(snapshot).toMatchObject({ eligibleCount: 2, hallHeadcount: 1, electronicCount: 1 });
  });

  it('puts everyone on a device in an electronic vote and everyone in the hall count on a show of cards', () => {
    const ctx = new VotingTestContext();
    ctx.newMember({ attendanceMode: 'hall' });
    ctx.newMember({ attendanceMode: 'remote' });

    expect(ctx.openSnapshot('electronic')).toMatchObject({ hallHeadcount: 0, electronicCount: 2 });
    expect(ctx.openSnapshot('show_of_cards')).toMatchObject({ hallHeadcount: 2, electronicCount: 0 });
  });

  it('gives each card holder their body membership as weight in a card vote, and nobody else a vote', () => {
    const ctx = new VotingTestContext();
    const holder = ctx.newMember({ bodyId: 'branch-london', cardWeight: 412 });
    const other = ctx.newMember({ bodyId: 'branch-wales', cardWeight: 97, attendanceMode: 'remote' });
    const ordinary = ctx.newMember();

    const snapshot = ctx.openSnapshot('card_vote');

    expect(findEligibility(snapshot, holder.memberId)).toMatchObject({
      channel: 'card',
      weight: 412,
      bodyId: 'branch-london',
    });
    expect(findEligibility(snapshot, other.memberId)).toMatchObject({ channel: 'card', weight: 97 });
    expect(findEligibility(snapshot, ordinary.memberId)).toMatchObject({
      eligible: false,
      reason: 'not_card_holder',
    });
    expect(snapshot).toMatchObject({ eligibleCount: 2, eligibleWeight: 509 });
  });

  it('refuses to open a card vote where one body has two card holders', () => {
    const ctx = new VotingTestContext();
    ctx.newMember({ bodyId: 'branch-london', cardWeight: 412 });
    ctx.newMember({ bodyId: 'branch-london', cardWeight: 412 });

    expect(() => ctx.openSnapshot('card_vote')).toThrow(InvalidInput);
  });

  it('refuses to open a card vote with a card weight that is not a whole number', () => {
    const ctx = new VotingTestContext();
    ctx.newMember({ bodyId: 'branch-london', cardWeight: 41.5 });

    expect(() => ctx.openSnapshot('card_vote')).toThrow(/card vote weights are wrong/);
  });

  it('records why each ineligible attendee may not vote', () => {
    const ctx = new VotingTestContext();
    const unregistered = ctx.newMember({ registered: false });
    const absent = ctx.newMember({ present: false });
    const student = ctx.newMember({ category: 'student' });
    const unknown = ctx.newMember({ category: 'honorary' });

    const snapshot = ctx.openSnapshot('electronic', ['pay_and_conditions']);

    expect(findEligibility(snapshot, unregistered.memberId)).toMatchObject({
      eligible: false,
      reason: 'not_registered',
    });
    expect(findEligibility(snapshot, absent.memberId)).toMatchObject({
      eligible: false,
      reason: 'not_present',
    });
    expect(findEligibility(snapshot, student.memberId)).toMatchObject({
      eligible: false,
      reason: 'topic_excluded_for_category',
      topic: 'pay_and_conditions',
    });
    expect(findEligibility(snapshot, unknown.memberId)).toMatchObject({
      eligible: false,
      reason: 'unknown_category',
    });
    expect(snapshot.eligibleCount).toBe(0);
  });

  it('follows the ruleset when a category may not vote at all', () => {
    const ctx = new VotingTestContext();
    ctx.ruleset.categories.associate.mayVote = false;
    const associate = ctx.newMember({ category: 'associate' });

    const entry = findEligibility(ctx.openSnapshot('electronic'), associate.memberId) as IneligibleVoter;

    expect(entry.reason).toBe('category_may_not_vote');
    expect(describeIneligibility(entry)).toBe(
      "Under this conference's standing orders associate members may not vote. You may still follow the debate.",
    );
  });

  it('excludes retired members from industrial action but not from a constitutional amendment (Napo 2019)', () => {
    const ctx = new VotingTestContext();
    const retired = ctx.newMember({ category: 'retired' });

    expect(
      findEligibility(ctx.openSnapshot('hybrid', ['industrial_action']), retired.memberId),
    ).toMatchObject({
      eligible: false,
      topic: 'industrial_action',
    });
    expect(findEligibility(ctx.openSnapshot('hybrid', ['constitutional']), retired.memberId)).toMatchObject({
      eligible: true,
    });
  });

  it('lets a registered attendee not yet present take part in a test vote, which registers attendance', () => {
    const ctx = new VotingTestContext();
    const late = ctx.newMember({ present: false, attendanceMode: 'remote' });

    expect(findEligibility(ctx.openSnapshot('electronic', [], 'test'), late.memberId)).toMatchObject({
      eligible: true,
    });
  });

  it('refuses an attendance list that names a member twice', () => {
    const ctx = new VotingTestContext();
    const member = ctx.newMember();
    ctx.attendees.push({ ...member, attendanceMode: 'remote' });

    expect(() => ctx.openSnapshot('hybrid')).toThrow(/appears twice/);
  });

  it('keeps the snapshot in member order, whatever order attendees arrived in', () => {
    const ctx = new VotingTestContext();
    ctx.newMember({ memberId: 'z' });
    ctx.newMember({ memberId: 'a' });

    expect(ctx.openSnapshot('electronic').entries.map((entry) => entry.memberId)).toEqual(['a', 'z']);
  });
});
