import { Conflict, InvalidInput } from '../errors';
import { VoteChannel, VoteChoice } from '../enums';

/**
 * Ballot receipts (DOMAIN "Voting", DESIGN "Voting at volume"). A voter receives a secret receipt code;
 * the ballot row keeps only hash(receipt text). At the close the list of (receipt hash, choice, weight,
 * channel) is published in hash order, so it reveals nothing about who voted or in which order, and the
 * voter can recompute their hash and find their ballot with their choice in it.
 * The hash function is an input, so this stays pure (the api passes SHA-256 hex).
 */
export type HashFunction = (text: string) => string;

export interface ReceiptContent {
  voteId: string;
  /** The secret code the voter keeps (see formatReceiptCode). */
  receiptCode: string;
  choice: VoteChoice;
  weight: number;
}

export const RECEIPT_FORMAT_VERSION = 'v1';

/** The canonical text that is hashed: one field a line, fixed order, so any client can recompute it. */
export function receiptText(content: ReceiptContent): string {
  for (const [field, value] of [
    ['voteId', content.voteId],
    ['receiptCode', content.receiptCode],
  ] as const) {
    if (value.length === 0 || /[\r\n]/.test(value))
      throw new InvalidInput(`A receipt's ${field} must be one non-empty line.`, {
        [field]: 'must be one non-empty line',
      });
  }
  return [
    `AGM ballot receipt ${RECEIPT_FORMAT_VERSION}`,
    `vote: ${content.voteId}`,
    `code: ${content.receiptCode}`,
    `choice: ${content.choice}`,
    `weight: ${content.weight}`,
  ].join('\n');
}

export function receiptHash(content: ReceiptContent, hash: HashFunction): string {
  return hash(receiptText(content));
}

// Crockford base32: no I, L, O or U, so a code read aloud or copied by hand is not misread.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 80 bits: a code cannot be guessed to find or change someone else's ballot. */
export const MIN_RECEIPT_CODE_BYTES = 10;

/** Turns random bytes (supplied by the caller) into a code like 'K7QF-3MZD-8W1C-T5AR'. */
export function formatReceiptCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < MIN_RECEIPT_CODE_BYTES) {
    throw new InvalidInput(`A receipt code needs at least ${MIN_RECEIPT_CODE_BYTES} random bytes.`, {
      randomBytes: `at least ${MIN_RECEIPT_CODE_BYTES} bytes`,
    });
  }
  let bits = 0;
  let buffer = 0;
  let symbols = '';
  for (const byte of randomBytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      symbols += CROCKFORD[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) symbols += CROCKFORD[(buffer << (5 - bits)) & 31];
  return symbols.match(/.{1,4}/g)!.join('-');
}

export interface StoredBallot {
  receiptHash: string;
  choice: VoteChoice;
  weight: number;
  channel: VoteChannel;
}

export interface PublishedReceipt {
  receiptHash: string;
  choice: VoteChoice;
  weight: number;
  channel: VoteChannel;
}

/**
 * The list published at the close: only hash, choice, weight and channel (whatever else a row carries
 * is dropped), sorted by hash so the order of casting cannot be read from it.
 */
export function buildPublishedReceipts(ballots: readonly StoredBallot[]): PublishedReceipt[] {
  const list = ballots
    .map(({ receiptHash, choice, weight, channel }) => ({ receiptHash, choice, weight, channel }))
    .sort((a, b) => (a.receiptHash < b.receiptHash ? -1 : a.receiptHash > b.receiptHash ? 1 : 0));
  for (let i = 1; i < list.length; i++) {
    if (list[i].receiptHash === list[i - 1].receiptHash) {
      throw new Conflict(
        'Two ballots carry the same receipt hash; the receipt list cannot be published until this is investigated.',
        {
          receiptHash: list[i].receiptHash,
        },
      );
    }
  }
  return list;
}

/** Lets a voter check their ballot: the published entry for their receipt, or undefined when it is missing. */
export function findMyReceipt(
  published: readonly PublishedReceipt[],
  content: ReceiptContent,
  hash: HashFunction,
): PublishedReceipt | undefined {
  const mine = receiptHash(content, hash);
  return published.find(
    (entry) =>
      entry.receiptHash === mine && entry.choice === content.choice && entry.weight === content.weight,
  );
}
