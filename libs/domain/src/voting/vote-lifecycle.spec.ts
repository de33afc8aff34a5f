import { Conflict, InvalidInput, VoteClosed } from '../errors';
import { napoDefaultRuleset } from '../ruleset/ruleset';
import { computeQuorum, QuorumAttendee } from './quorum';
import { validateTellerCount } from './teller-count';
import {
  announcedCloseTime,
  assertCanCast,
  assertTestVoteShape,
  closeVote,
  declareVoteResult,
  openVote,
  voidVote,
  VoteLifecycle,
} from './vote-lifecycle';

const at = (time: string) => new Date(`2025-10-02T${time}:00Z`);
const draft: VoteLifecycle = { state: 'draft', subject: 'motion' };
const people = (n: number, category: string, attendanceMode: 'hall' | 'remote' = 'hall'): QuorumAttendee[] =>
  Array.from({ length: n }, () => ({ category, attendanceMode }));

describe('the life of a vote', () => {
  it('goes from draft to open to closed to declared, stamping each step', () => {
    const open = openVote(draft, true, at('10:00'));
    const closed = closeVote(open, at('10:02'));
    const declared = declareVoteResult(closed, at('10:03'));
    expect([open.state, closed.state, declared.state]).toEqual(['open', 'closed', 'declared']);
    expect(declared).toMatchObject({ openedAt: at('10:00'), closedAt: at('10:02'), declaredAt: at('10:03') });
  });

  it('takes ballots only while the vote is open', () => {
    expect(() => assertCanCast({ state: 'open' })).not.toThrow();
    expect(() => assertCanCast({ state: 'draft' })).toThrow(/not been opened yet/);
    expect(() => assertCanCast({ state: 'voided' })).toThrow(VoteClosed);
  });

  it('cannot open a vote twice, close a draft, or declare an open vote', () => {
    const open = openVote(draft, true, at('10:00'));
    expect(() => openVote(open, true, at('10:01'))).toThrow(Conflict);
    expect(() => closeVote(draft, at('10:01'))).toThrow(Conflict);
    expect(() => declareVoteResult(open, at('10:01'))).toThrow(Conflict);
  });

  it('voids an open vote on a point of order, recording the reason', () => {
    const voided = voidVote(
      openVote(draft, true, at('10:00')),
      '  tellers miscounted the hall ',
      at('10:05'),
    );
    expect(voided).toMatchObject({
      state: 'voided',
      voidReason: 'tellers miscounted the hall',
      voidedAt: at('10:05'),
    });
  });

  it('will not void without a reason, nor once the result is declared', () => {
    const closed = closeVote(openVote(draft, true, at('10:00')), at('10:02'));
    expect(() => voidVote(closed, ' ', at('10:03'))).toThrow(InvalidInput);
    expect(() => voidVote(declareVoteResult(closed, at('10:03')), 'late objection', at('10:04'))).toThrow(
      Conflict,
    );
  });
});

describe('quorum', () => {
  const ruleset = napoDefaultRuleset();

  it('is met with 150 full and professional associate members present (Napo)', () => {
    const present = [...people(100, 'full'), ...people(50, 'professional_associate', 'remote')];
    expect(computeQuorum(present, { full: 2500, professional_associate: 400 }, ruleset)).toMatchObject({
      presentCounting: 150,
      required: 150,
      met: true,
    });
  });

  it('does not count categories the ruleset leaves out of quorum', () => {
    const present = [...people(140, 'full'), ...people(30, 'retired'), ...people(10, 'student')];
    expect(computeQuorum(present, {}, ruleset)).toMatchObject({ presentCounting: 140, met: false });
  });

  it('does not count remote attendees when the ruleset says so', () => {
    const hallOnly = { ...ruleset, quorum: { ...ruleset.quorum, remoteCounts: false } };
    const present = [...people(100, 'full'), ...people(60, 'full', 'remote')];
    expect(computeQuorum(present, {}, hallOnly)).toMatchObject({ presentCounting: 100, met: false });
  });

  it('takes the larger of the minimum count and the share of the counting membership', () => {
    // 7% of (2000 full + 300 professional associate) = 161, above the minimum of 150; retired not counted.
    const share = { ...ruleset, quorum: { ...ruleset.quorum, minimumShareOfMembership: 0.07 } };
    const status = computeQuorum(
      people(160, 'full'),
      { full: 2000, professional_associate: 300, retired: 900 },
      share,
    );
    expect(status).toMatchObject({
      countingMembership: 2300,
      requiredByCount: 150,
      requiredByShare: 161,
      required: 161,
      met: false,
    });
  });

  it('rounds a share up without floating-point noise: 7% of 100 is 7, not 8', () => {
    const share = {
      ...ruleset,
      quorum: { minimumCount: null, minimumShareOfMembership: 0.07, remoteCounts: true },
    };
    expect(computeQuorum(people(7, 'full'), { full: 100 }, share)).toMatchObject({ required: 7, met: true });
  });
});

describe('teller counts', () => {
  it('accepts a count that a second teller confirms', () => {
    const count = { for: 80, against: 20, abstain: 3 };
    expect(validateTellerCount(count, 120, { ...count })).toEqual(count);
  });

  it("asks for a recount when the two tellers' counts differ, naming what differs", () => {
    try {
      validateTellerCount({ for: 80, against: 20, abstain: 3 }, 120, { for: 81, against: 20, abstain: 3 });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).errors).toEqual({ for: 'first teller 80, second teller 81' });
    }
  });

  it('refuses counts that are not whole numbers of cards', () => {
    expect(() => validateTellerCount({ for: 2.5, against: 0, abstain: 0 }, 10)).toThrow(InvalidInput);
    expect(() => validateTellerCount({ for: 1, against: -1, abstain: 0 }, 10)).toThrow(InvalidInput);
  });

  it('accepts a count equal to the hall headcount', () => {
    expect(() => validateTellerCount({ for: 5, against: 4, abstain: 1 }, 10)).not.toThrow();
  });
});

describe('an announced close time', () => {
  it('is taken when still ahead, and none is none', () => {
    expect(announcedCloseTime('2025-10-02T14:30:00Z', at('14:29'))).toEqual(at('14:30'));
    expect(announcedCloseTime(undefined, at('14:29'))).toBeNull();
  });

  it('is refused once it has come, at the field that gave it', () => {
    for (const now of [at('14:30'), at('14:31')]) {
      expect(() => announcedCloseTime('2025-10-02T14:30:00Z', now, 'vote.closesAt')).toThrow(InvalidInput);
      try {
        announcedCloseTime('2025-10-02T14:30:00Z', now, 'vote.closesAt');
      } catch (error) {
        expect((error as InvalidInput).errors).toEqual({ 'vote.closesAt': 'must be in the future' });
      }
    }
  });
});

describe('a test vote', () => {
  it('is electronic; other votes are not its business', () => {
    expect(() => assertTestVoteShape({ subject: 'test', method: 'electronic' })).not.toThrow();
    for (const method of ['hybrid', 'show_of_cards', 'card_vote'])
      expect(() => assertTestVoteShape({ subject: 'test', method })).toThrow(InvalidInput);
    expect(() => assertTestVoteShape({ subject: 'custom', method: 'hybrid' })).not.toThrow();
  });
});
