import { DebateTestContext, ruleOf } from './debate.test-context';

// Issue 19: a delegate moves to refer back a named section of a report (the NEC's annual report). It is
// voted like a procedural motion; carried, that section is referred back and the rest of the report is
// received.
const SECTIONS = [
  { key: '3', title: 'Finance' },
  { key: '4', title: 'Campaigns' },
];

function reportTaken() {
  const ctx = new DebateTestContext({ ann: 'hall', ben: 'remote', mover: 'hall', seconder: 'hall' });
  ctx.run({ type: 'takeReport', reportId: 'nec-report', title: 'NEC Annual Report', sections: SECTIONS });
  return ctx;
}

describe('reference back of a section of a report', () => {
  it('refers back the section carried, and receives the rest of the report', () => {
    const ctx = reportTaken();
    const [moved] = ctx.run({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '3', memberId: 'ann' });
    expect(moved).toMatchObject({ type: 'reference_back_moved', sectionTitle: 'Finance', majority: 'simple', attendanceMode: 'hall' });
    ctx.run({ type: 'referenceBackOutcome', reportId: 'nec-report', result: 'carried', showOfHands: true });
    ctx.run({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '4', memberId: 'ben' });
    ctx.run({ type: 'referenceBackOutcome', reportId: 'nec-report', result: 'lost', showOfHands: true });
    const [received] = ctx.run({ type: 'receiveReport', reportId: 'nec-report' });
    expect(received).toMatchObject({ type: 'report_received', sectionsReferredBack: [{ key: '3', title: 'Finance' }] });
    expect(ctx.state.reports?.['nec-report']).toMatchObject({ status: 'received', referredBack: ['3'], notReferredBack: ['4'] });
    expect(ctx.state.openReportId).toBeNull();
  });

  it('takes one piece of business at a time: no motion while a report is taken, no report while a motion is open', () => {
    const ctx = reportTaken();
    expect(
      ctx.refusal({ type: 'takeItem', itemId: 'item-1', motionId: 'm1', moverMemberId: 'mover', seconderMemberId: 'seconder', kind: 'motion' })
        .message,
    ).toMatch(/NEC Annual Report is being taken; receive it/);
    ctx.run({ type: 'receiveReport', reportId: 'nec-report' });
    ctx.run({ type: 'takeItem', itemId: 'item-1', motionId: 'm1', moverMemberId: 'mover', seconderMemberId: 'seconder', kind: 'motion' });
    expect(ruleOf(ctx.refusal({ type: 'takeReport', reportId: 'other', title: 'Treasurer’s report', sections: [] }))).toBe(
      'order-of-business',
    );
    expect(ctx.refusal({ type: 'takeReport', reportId: 'nec-report', title: 'NEC Annual Report', sections: SECTIONS }).message).toMatch(
      /open; record its outcome/,
    );
  });

  it('decides one reference back at a time, and never receives the report over one waiting', () => {
    const ctx = reportTaken();
    ctx.run({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '3', memberId: 'ann' });
    expect(ctx.refusal({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '4', memberId: 'ben' }).message).toMatch(
      /section 3 \(Finance\) is waiting for its vote/,
    );
    expect(ruleOf(ctx.refusal({ type: 'receiveReport', reportId: 'nec-report' }))).toBe('reference-back');
  });

  it('refuses a section the report does not have, a section already referred back, and a member not present', () => {
    const ctx = reportTaken();
    expect(ctx.refusal({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '9', memberId: 'ann' }).message).toMatch(
      /no section 9/,
    );
    expect(ruleOf(ctx.refusal({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '3', memberId: 'absent' }))).toBe(
      'presence',
    );
    ctx.run({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '3', memberId: 'ann' });
    ctx.run({ type: 'referenceBackOutcome', reportId: 'nec-report', result: 'carried', showOfHands: true });
    expect(ctx.refusal({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '3', memberId: 'ben' }).message).toMatch(
      /already been referred back/,
    );
  });

  it('records the result only from the vote’s figures once put with a vote, or a show of hands', () => {
    const ctx = reportTaken();
    ctx.run({ type: 'moveReferenceBack', reportId: 'nec-report', sectionKey: '3', memberId: 'ann' });
    expect(ruleOf(ctx.refusal({ type: 'referenceBackOutcome', reportId: 'nec-report', result: 'carried' }))).toBe('vote-result');
    const [put] = ctx.run({ type: 'putReferenceBack', reportId: 'nec-report' });
    expect(put).toMatchObject({ type: 'reference_back_put', sectionTitle: 'Finance', majority: 'simple' });
    ctx.questionVote = { state: 'open', outcome: null };
    expect(ctx.refusal({ type: 'referenceBackOutcome', reportId: 'nec-report', result: 'carried' }).message).toMatch(/still open/);
    ctx.questionVote = { state: 'declared', outcome: 'lost' };
    const [decided] = ctx.run({ type: 'referenceBackOutcome', reportId: 'nec-report', result: 'lost' });
    expect(decided).not.toHaveProperty('showOfHands');
  });
});
