import { createHash } from 'node:crypto';
import { receiptInExport, verifyVoteExport, VoteExport } from './export-verification';
import { receiptHash } from './receipts';
import { tallyVote } from './tally';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const VOTE_ID = '6f1c2a3e-0000-4000-8000-000000000001';

/** A hybrid secret vote's export as the api produces it: three electronic ballots, a hall count of three. */
function hybridExport(): VoteExport {
  const cast = [
    { code: 'AAAA-BBBB-CCCC-DDDD', choice: 'for' as const },
    { code: 'EEEE-FFFF-GGGG-HHHH', choice: 'against' as const },
    { code: 'JJJJ-KKKK-MMMM-NNNN', choice: 'for' as const },
  ];
  const ballots = cast
    .map(({ code, choice }) => ({ receiptHash: receiptHash({ voteId: VOTE_ID, receiptCode: code, choice, weight: 1 }, sha256), choice, weight: 1, channel: 'electronic' as const }))
    .sort((a, b) => (a.receiptHash < b.receiptHash ? -1 : 1));
  const hallCount = { for: 1, against: 1, abstain: 1 };
  const register = [
    ...cast.map(() => ({ eligible: true, channel: 'electronic', weight: 1, voted: true })),
    ...[1, 2, 3].map(() => ({ eligible: true, channel: 'hall', weight: 1, voted: false })),
  ];
  const vote = { id: VOTE_ID, title: 'Motion 1', method: 'hybrid', majority: 'simple' as const, tieRule: 'motion_falls' as const, secret: true, state: 'declared', eligibleCount: 6, eligibleWeight: 6, hallHeadcount: 3 };
  const result = tallyVote({ electronicBallots: ballots, hallCount, majority: 'simple', tieRule: 'motion_falls', eligibleCount: 6 });
  return { format: 'agm-vote-export/v1', vote, register, ballots, hallCount, result };
}

describe('verifyVoteExport (the scrutineer recount)', () => {
  it('verifies an untouched export: every figure recounted, every receipt checked', () => {
    const report = verifyVoteExport(hybridExport());
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report).toMatchObject({ verified: true, receiptsChecked: 3, recount: { totals: { for: 3, against: 2, abstain: 1 } } });
  });

  it.each([
    ['one choice changed', (e: VoteExport) => (e.ballots[0].choice = e.ballots[0].choice === 'for' ? 'against' : 'for'), /^Electronic ballots, (for|against): the published result says/],
    ['the hall count changed', (e: VoteExport) => (e.hallCount!.for = 2), /^Hall \(tellers\), for: the published result says 1, the ballots in this file add up to 2\.$/],
    ['the published outcome changed', (e: VoteExport) => (e.result!.outcome = 'lost'), /^Outcome: the published result says lost, the ballots in this file add up to carried\.$/],
    ['a ballot removed', (e: VoteExport) => e.ballots.pop(), /^Electronic ballots: 2 ballots \(weight 2\) for 3 members/],
    ['a ballot added twice', (e: VoteExport) => e.ballots.splice(1, 0, { ...e.ballots[0] }), /a second ballot with the same receipt/],
    ['the receipts out of hash order', (e: VoteExport) => e.ballots.reverse(), /out of hash order/],
    ['a malformed receipt', (e: VoteExport) => (e.ballots[0].receiptHash = 'x'), /not 64 hexadecimal characters/],
  ])('refuses an export with %s, naming the line that differs', (_what, tamper, line) => {
    const exported = hybridExport();
    tamper(exported);
    const report = verifyVoteExport(exported);
    expect(report.verified).toBe(false);
    expect(report.checks.filter((c) => !c.ok).map((c) => c.line)).toContainEqual(expect.stringMatching(line));
  });

  it('refuses a file that is not a vote export', () => {
    expect(verifyVoteExport({ format: 'something else' } as unknown as VoteExport)).toMatchObject({ verified: false, checks: [{ ok: false }] });
  });

  it("finds a member's own receipt by code and choice, and not with another choice", () => {
    const exported = hybridExport();
    expect(receiptInExport(exported, 'EEEE-FFFF-GGGG-HHHH', 'against', 1, sha256)).toBeDefined();
    expect(receiptInExport(exported, 'EEEE-FFFF-GGGG-HHHH', 'for', 1, sha256)).toBeUndefined();
  });
});
