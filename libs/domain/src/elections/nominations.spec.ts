import fc from 'fast-check';
import { Conflict, DeadlinePassed, InvalidInput, StandingOrderViolation } from '../errors';
import {
  assertMayNominate,
  assertMayStand,
  assertMayWithdraw,
  assertNominationsOpen,
  assertNotAlreadyNominated,
  assertValidAcceptance,
  assertValidPost,
  countStatementWords,
  decideAtClose,
  postState,
  PostForRules,
  publicDeclaration,
} from './nominations';

// Nominations open at 09:00 on 2 March 2026 and close at noon on 30 March 2026, London time
// (GMT until 29 March, BST after: noon on 30 March is 11:00 UTC).
const post = (overrides: Partial<PostForRules> = {}): PostForRules => ({
  title: 'National Executive Committee',
  seats: 3,
  method: 'scottish-stv',
  eligibleCategories: [],
  eligibleBodyIds: [],
  nominatingBodyIds: [],
  nominationsOpenAt: new Date('2026-03-02T09:00:00Z'),
  nominationsCloseAt: new Date('2026-03-30T11:00:00Z'),
  statementWordLimit: 250,
  reservedSeats: [],
  closedAt: null,
  outcome: null,
  ...overrides,
});

function refusal(action: () => void): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}

describe('setting up a post', () => {
  it('accepts a three-seat STV post with one seat reserved for women', () => {
    expect(() => assertValidPost(post({ reservedSeats: [{ group: 'women', atLeast: 1 }] }))).not.toThrow();
  });

  it('refuses instant runoff for more than one seat, and a post with no seats, each at its field', () => {
    const error = refusal(() => assertValidPost(post({ method: 'instant-runoff', seats: 2 })));
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).errors?.method).toContain('instant runoff fills one seat');
    expect((refusal(() => assertValidPost(post({ seats: 0 }))) as InvalidInput).errors).toHaveProperty(
      'seats',
    );
  });

  it('refuses more reserved seats than seats, and a window that closes before it opens', () => {
    const error = refusal(() =>
      assertValidPost(
        post({
          seats: 2,
          reservedSeats: [
            { group: 'women', atLeast: 2 },
            { group: 'black members', atLeast: 1 },
          ],
          nominationsCloseAt: new Date('2026-03-01T00:00:00Z'),
        }),
      ),
    ) as InvalidInput;
    expect(error.errors).toEqual({
      reservedSeats: '3 seats are reserved but the post has only 2',
      nominationsCloseAt: 'nominations must close after they open',
    });
  });

  it('refuses a year nobody means, at its field', () => {
    const error = refusal(() =>
      assertValidPost(post({ nominationsOpenAt: new Date('0000-03-02T09:00:00Z') })),
    ) as InvalidInput;
    expect(error.errors?.nominationsOpenAt).toContain('give a date between 1900 and 2999');
  });
});

describe('the nomination window', () => {
  it('takes nominations between the opening and the close', () => {
    expect(() =>
      assertNominationsOpen(post(), new Date('2026-03-30T10:59:59Z'), 'Europe/London'),
    ).not.toThrow();
  });

  it('refuses a nomination at the closing instant, giving the window in the conference zone', () => {
    const error = refusal(() =>
      assertNominationsOpen(post(), new Date('2026-03-30T11:00:00Z'), 'Europe/London'),
    );
    expect(error).toBeInstanceOf(DeadlinePassed);
    expect(error.message).toBe(
      'Nominations for National Executive Committee open at 09:00 on 2 March 2026 (Europe/London) and close at 12:00 on 30 March 2026 (Europe/London): they have closed.',
    );
  });

  it('refuses a nomination before the opening', () => {
    expect(
      refusal(() => assertNominationsOpen(post(), new Date('2026-03-02T08:59:00Z'), 'Europe/London')).message,
    ).toContain('they are not open yet');
  });

  it('refuses a nomination after head office closed nominations early', () => {
    const closed = post({ closedAt: new Date('2026-03-20T12:00:00Z'), outcome: 'ballot' });
    expect(
      refusal(() => assertNominationsOpen(closed, new Date('2026-03-21T09:00:00Z'), 'Europe/London')).message,
    ).toContain('were closed at 12:00 on 20 March 2026');
  });
});

describe('who may stand and who may nominate', () => {
  const bodies = new Map([
    ['b-london', 'London Branch'],
    ['b-retired', 'Retired Members Network'],
  ]);

  it('lets anyone on the register stand when the post names no category or body', () => {
    expect(() =>
      assertMayStand(post(), { name: 'Ann Lee', category: 'student', bodyIds: [] }, bodies),
    ).not.toThrow();
  });

  it('refuses a member outside the categories, saying which categories may stand', () => {
    const error = refusal(() =>
      assertMayStand(
        post({ eligibleCategories: ['full', 'professional_associate'] }),
        { name: 'Ann Lee', category: 'retired', bodyIds: [] },
        bodies,
      ),
    );
    expect(error).toBeInstanceOf(StandingOrderViolation);
    expect(error.message).toBe(
      'Ann Lee may not stand for National Executive Committee: only members in the full and professional associate categories may stand, and they are a retired member.',
    );
  });

  it('refuses a member of no listed body, naming the bodies', () => {
    const error = refusal(() =>
      assertMayStand(
        post({ eligibleBodyIds: ['b-retired'] }),
        { name: 'Ann Lee', category: 'full', bodyIds: ['b-london'] },
        bodies,
      ),
    );
    expect(error.message).toContain('only members of Retired Members Network may stand');
  });

  it('lets only the listed bodies nominate', () => {
    const restricted = post({ nominatingBodyIds: ['b-london'] });
    expect(() => assertMayNominate(restricted, 'b-london', 'London Branch', bodies)).not.toThrow();
    expect(
      refusal(() => assertMayNominate(restricted, 'b-retired', 'Retired Members Network', bodies)).message,
    ).toBe(
      'Retired Members Network may not nominate for National Executive Committee: nominations come from London Branch.',
    );
  });

  it('refuses a second live nomination of the same candidate, and allows one after a withdrawal', () => {
    expect(
      refusal(() =>
        assertNotAlreadyNominated(post(), [{ candidateMemberId: 'm1', status: 'accepted' }], 'm1', 'Ann Lee'),
      ),
    ).toBeInstanceOf(Conflict);
    expect(() =>
      assertNotAlreadyNominated(post(), [{ candidateMemberId: 'm1', status: 'withdrawn' }], 'm1', 'Ann Lee'),
    ).not.toThrow();
  });
});

describe('the candidate statement', () => {
  it('counts words between spaces, not dashes standing alone', () => {
    expect(countStatementWords('  A co-operative union — for   every member.\n\nVote 4 change ')).toBe(9);
  });

  it('refuses a statement over the limit, saying by how many words', () => {
    const error = refusal(() =>
      assertValidAcceptance(post({ statementWordLimit: 5 }), 'one two three four five six seven', undefined),
    ) as InvalidInput;
    expect(error.errors).toEqual({ statement: '7 words: 2 words over the limit of 5; shorten it by 2' });
  });

  it('accepts a statement of exactly the limit', () => {
    expect(() =>
      assertValidAcceptance(post({ statementWordLimit: 5 }), 'one two three four five', undefined),
    ).not.toThrow();
  });
});

describe('the declaration for reserved seats', () => {
  const reserved = post({ reservedSeats: [{ group: 'women', atLeast: 1 }] });

  it('asks for a declaration where seats are reserved', () => {
    const error = refusal(() => assertValidAcceptance(reserved, 'Vote for me', undefined)) as InvalidInput;
    expect(error.errors?.declaration).toContain('reserves seats for women');
  });

  it('refuses a group the post does not reserve seats for, and a declaration where none are reserved', () => {
    expect(
      (
        refusal(() =>
          assertValidAcceptance(reserved, 'Vote for me', { groups: ['young members'], showPublicly: true }),
        ) as InvalidInput
      ).errors,
    ).toHaveProperty(['declaration.groups']);
    expect(
      (
        refusal(() =>
          assertValidAcceptance(post(), 'Vote for me', { groups: [], showPublicly: false }),
        ) as InvalidInput
      ).errors,
    ).toHaveProperty('declaration');
  });

  it('shows the declared groups publicly only when the candidate chose to', () => {
    expect(publicDeclaration({ groups: ['women'], showPublicly: true })).toEqual(['women']);
    expect(publicDeclaration({ groups: ['women'], showPublicly: false })).toBeNull();
    expect(publicDeclaration(null)).toBeNull();
  });
});

describe('withdrawal', () => {
  it('lets an accepted candidate withdraw while the ballot is awaited, but not once declared unopposed', () => {
    expect(() =>
      assertMayWithdraw(
        post({ outcome: 'ballot' }),
        { candidateMemberId: 'm1', status: 'accepted' },
        'Ann Lee',
      ),
    ).not.toThrow();
    expect(
      refusal(() =>
        assertMayWithdraw(
          post({ outcome: 'uncontested' }),
          { candidateMemberId: 'm1', status: 'accepted' },
          'Ann Lee',
        ),
      ),
    ).toBeInstanceOf(StandingOrderViolation);
    expect(
      refusal(() => assertMayWithdraw(post(), { candidateMemberId: 'm1', status: 'withdrawn' }, 'Ann Lee')),
    ).toBeInstanceOf(Conflict);
  });
});

describe('the close of nominations', () => {
  it('declares two candidates for three seats elected unopposed, leaving one seat vacant, in words', () => {
    expect(decideAtClose(post(), ['Ann Lee', 'Bo Diaz'])).toEqual({
      outcome: 'uncontested',
      elected: ['Ann Lee', 'Bo Diaz'],
      vacantSeats: 1,
      summary:
        'Ann Lee and Bo Diaz are elected unopposed to National Executive Committee; 1 seat of 3 stays vacant.',
    });
  });

  it('says every seat stays vacant when nobody stood', () => {
    expect(decideAtClose(post({ seats: 1 }), []).summary).toBe(
      'Nobody stood for National Executive Committee: 1 seat stays vacant.',
    );
  });

  it('sends four candidates for three seats to a ballot', () => {
    expect(decideAtClose(post(), ['A', 'B', 'C', 'D'])).toMatchObject({
      outcome: 'ballot',
      ballot: ['A', 'B', 'C', 'D'],
    });
  });

  it('is uncontested exactly when the accepted candidates are no more than the seats, and never elects more than the seats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 15 }),
        (seats, accepted) => {
          const decision = decideAtClose({ title: 'Post', seats }, accepted);
          expect(decision.outcome === 'uncontested').toBe(accepted.length <= seats);
          if (decision.outcome === 'uncontested') {
            expect(decision.elected).toEqual(accepted);
            expect(decision.elected.length + decision.vacantSeats).toBe(seats);
          } else {
            expect(decision.ballot).toEqual(accepted);
          }
        },
      ),
    );
  });

  it('reads the state of a post from its window and its recorded outcome', () => {
    const p = post();
    expect(postState(p, new Date('2026-03-01T00:00:00Z'))).toBe('not_yet_open');
    expect(postState(p, new Date('2026-03-10T00:00:00Z'))).toBe('open');
    expect(postState(p, new Date('2026-04-01T00:00:00Z'))).toBe('closed');
    expect(postState(post({ outcome: 'uncontested' }), new Date('2026-04-01T00:00:00Z'))).toBe('uncontested');
    expect(postState(post({ outcome: 'ballot' }), new Date('2026-04-01T00:00:00Z'))).toBe('awaiting_ballot');
  });
});
