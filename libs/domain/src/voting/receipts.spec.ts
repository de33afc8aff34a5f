import { Conflict, InvalidInput } from '../errors';
import {
  buildPublishedReceipts,
  findMyReceipt,
  formatReceiptCode,
  receiptHash,
  receiptText,
  StoredBallot,
} from './receipts';
import { testHash } from './voting.test-context';

describe('ballot receipts', () => {
  const mine = { voteId: 'vote-7', receiptCode: 'K7QF-3MZD-8W1C-T5AR', choice: 'for', weight: 1 } as const;

  it('writes the receipt as fixed lines any client can recompute', () => {
    expect(receiptText(mine)).toBe(
      'AGM ballot receipt v1\nvote: vote-7\ncode: K7QF-3MZD-8W1C-T5AR\nchoice: for\nweight: 1',
    );
  });

  it('refuses a receipt code that would break the line format', () => {
    expect(() => receiptText({ ...mine, receiptCode: 'abc\nchoice: against' })).toThrow(InvalidInput);
  });

  it('turns 10 random bytes into a 16-symbol code in groups of four, with no I, L, O or U', () => {
    const code = formatReceiptCode(Uint8Array.from([0, 0, 0, 0, 0, 255, 255, 255, 255, 255]));
    expect(code).toBe('0000-0000-ZZZZ-ZZZZ');
    const random = formatReceiptCode(Uint8Array.from([7, 19, 200, 3, 88, 140, 41, 250, 66, 1]));
    expect(random).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('refuses too few random bytes to make a code nobody can guess', () => {
    expect(() => formatReceiptCode(new Uint8Array(8))).toThrow(InvalidInput);
  });

  it('publishes hash, choice, weight and channel only, in hash order rather than casting order', () => {
    const cast: (StoredBallot & { castAt?: Date; memberId?: string })[] = [
      {
        receiptHash: 'cc',
        choice: 'for',
        weight: 1,
        channel: 'electronic',
        castAt: new Date(),
        memberId: 'm1',
      },
      { receiptHash: 'aa', choice: 'against', weight: 1, channel: 'electronic' },
      { receiptHash: 'bb', choice: 'abstain', weight: 1, channel: 'electronic' },
    ];
    const published = buildPublishedReceipts(cast);
    expect(published.map((entry) => entry.receiptHash)).toEqual(['aa', 'bb', 'cc']);
    expect(Object.keys(published[2]).sort()).toEqual(['channel', 'choice', 'receiptHash', 'weight']);
  });

  it('lets a voter find their ballot with their choice in the published list', () => {
    const published = buildPublishedReceipts([
      { receiptHash: receiptHash(mine, testHash), choice: 'for', weight: 1, channel: 'electronic' },
      { receiptHash: 'ffffffff', choice: 'against', weight: 1, channel: 'electronic' },
    ]);
    expect(findMyReceipt(published, mine, testHash)).toMatchObject({ choice: 'for' });
  });

  it('does not find the ballot when its published choice was altered', () => {
    const published = buildPublishedReceipts([
      { receiptHash: receiptHash(mine, testHash), choice: 'against', weight: 1, channel: 'electronic' },
    ]);
    expect(findMyReceipt(published, mine, testHash)).toBeUndefined();
  });

  it('refuses to publish two ballots with the same receipt hash', () => {
    const twice: StoredBallot = { receiptHash: 'aa', choice: 'for', weight: 1, channel: 'electronic' };
    expect(() => buildPublishedReceipts([twice, { ...twice }])).toThrow(Conflict);
  });
});
