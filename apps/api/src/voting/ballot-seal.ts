import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import type { AppConfig } from '@agm/config';
import type { VoteChannel, VoteChoice } from '@agm/domain';
import { APP_CONFIG } from '../common/app-config.token';

/** What a sealed ballot holds until the close: everything its counted ballot will carry. */
export interface SealedContent {
  choice: VoteChoice;
  weight: number;
  channel: VoteChannel;
  receiptHash: string;
}

/**
 * Every sealed plaintext is padded to this many bytes, so the ciphertext's length says nothing
 * ('for' is shorter than 'against'; a card's weight has more digits than a member's 1).
 */
const PLAINTEXT_BYTES = 160;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Keys of the votes seen lately; one derivation per vote, not per ballot. */
const MAX_CACHED_KEYS = 1000;
/** Ballots sealed here and kept open in memory for the close (about 300 bytes each); beyond it they are opened by decryption. */
const MAX_REMEMBERED_BALLOTS = 100_000;

interface Remembered {
  /** SHA-256 of the ciphertext, hex: the close reads the rows' digests, not their 188 bytes each. */
  digest: string;
  content: SealedContent;
}

/** The digest by which a remembered ballot is matched to its row (PostgreSQL's `sha256(sealed)`). */
export const sealedDigest = (sealed: Buffer): string => createHash('sha256').update(sealed).digest('hex');

/**
 * Seals a secret vote's ballots while it is open, and opens them at the close (DESIGN "Voting at
 * volume, and secrecy"). AES-256-GCM under a per-vote key derived (HKDF-SHA-256) from TOKEN_SECRET,
 * which the database never holds; the vote id and the ballot key hash are bound in as associated data,
 * so a sealed value moved to another row or vote does not open. A reader of the database sees only
 * same-length ciphertexts while the vote is open.
 */
@Injectable()
export class BallotSeal {
  private readonly keys = new Map<string, Buffer>();
  /**
   * What this instance sealed, per vote and ballot key: the close of a 10,000-ballot vote finds each
   * row here (the same key and the very same ciphertext) instead of decrypting it, which would take
   * a few hundred milliseconds between the close and the result. A row another instance sealed, or one
   * whose ciphertext differs (a change that rolled back), is decrypted as before. The process holding
   * the plaintext for the vote's duration gives nothing away: it holds TOKEN_SECRET, which opens them all.
   */
  private readonly sealedHere = new Map<string, Map<string, Remembered>>();
  private remembered = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  seal(voteId: string, ballotKeyHash: string, content: SealedContent): Buffer {
    const text = JSON.stringify({ c: content.choice, w: content.weight, ch: content.channel, r: content.receiptHash });
    const sealed = this.sealText(`vote:${voteId}`, `${voteId}:${ballotKeyHash}`, text, PLAINTEXT_BYTES);
    this.remember(voteId, ballotKeyHash, { digest: sealedDigest(sealed), content });
    return sealed;
  }

  /**
   * Opens a sealed ballot. `retry` words what the operator does once the right TOKEN_SECRET is back: at
   * the close, close the vote again; after it, nothing (the instance finishes the write by itself).
   */
  open(voteId: string, ballotKeyHash: string, sealed: Buffer, retry = 'close the vote again'): SealedContent {
    const known = this.openKnown(voteId, ballotKeyHash, sealedDigest(sealed));
    if (known) return known;
    const text = this.openText(`vote:${voteId}`, `${voteId}:${ballotKeyHash}`, sealed, `vote ${voteId}`, retry);
    const parsed = JSON.parse(text) as { c: VoteChoice; w: number; ch: VoteChannel; r: string };
    return { choice: parsed.c, weight: parsed.w, channel: parsed.ch, receiptHash: parsed.r };
  }

  /**
   * A ballot this instance sealed, if the row under that key holds the very ciphertext it sealed
   * (its SHA-256 digest); undefined otherwise, and the row must be opened by decryption.
   */
  openKnown(voteId: string, ballotKeyHash: string, digest: string): SealedContent | undefined {
    const known = this.sealedHere.get(voteId)?.get(ballotKeyHash);
    return known?.digest === digest ? known.content : undefined;
  }

  /** The vote's ballots are written as counted ballots (or it was voided): what was kept for it goes. */
  forget(voteId: string): void {
    const ballots = this.sealedHere.get(voteId);
    if (!ballots) return;
    this.remembered -= ballots.size;
    this.sealedHere.delete(voteId);
  }

  private remember(voteId: string, ballotKeyHash: string, ballot: Remembered): void {
    let ballots = this.sealedHere.get(voteId);
    if (!ballots) this.sealedHere.set(voteId, (ballots = new Map()));
    if (!ballots.has(ballotKeyHash)) {
      // Votes closed elsewhere are never forgotten here: past the bound, start again rather than grow.
      if (this.remembered >= MAX_REMEMBERED_BALLOTS) {
        this.sealedHere.clear();
        this.remembered = 0;
        this.sealedHere.set(voteId, (ballots = new Map()));
      }
      this.remembered++;
    }
    ballots.set(ballotKeyHash, ballot);
  }

  /**
   * The same seal for any secret ballot (a motion vote's choice, an election ballot's preferences):
   * `scope` names the ballot box (its key is derived from it), `boundTo` is bound in as associated data,
   * and the plaintext is padded to `bytes`, so every sealed value of one ballot box has the same length.
   */
  sealText(scope: string, boundTo: string, text: string, bytes: number): Buffer {
    const plain = Buffer.alloc(bytes, 0x20);
    if (Buffer.byteLength(text) > bytes) throw new Error(`A sealed ballot is longer than ${bytes} bytes.`);
    plain.write(text);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keyOf(scope), iv);
    cipher.setAAD(Buffer.from(boundTo));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** Opens what sealText sealed; `what` and `retry` only word the error. */
  openText(scope: string, boundTo: string, sealed: Buffer, what: string, retry: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.keyOf(scope), sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new Error(
        `A sealed ballot of ${what} does not open: the server's TOKEN_SECRET is not the one it was sealed under (or the row was altered). Start every instance with the TOKEN_SECRET in use when the ballot opened, then ${retry}.`,
      );
    }
    return plain.toString().trimEnd();
  }

  /**
   * The ballot key a counted ballot carries: keyed under the server's secret, so a reader who noted a
   * sealed row's key hash (and its voter) while the vote was open cannot find that ballot after the close.
   * The server, given the device's key again, can: a retry after the close still gets its answer.
   */
  countedKeyHash(voteId: string, ballotKeyHash: string): string {
    return createHmac('sha256', this.config.tokenSecret).update(`counted-ballot:${voteId}:${ballotKeyHash}`).digest('hex');
  }

  private keyOf(scope: string): Buffer {
    let key = this.keys.get(scope);
    if (!key) {
      if (this.keys.size >= MAX_CACHED_KEYS) this.keys.clear();
      key = Buffer.from(hkdfSync('sha256', this.config.tokenSecret, 'agm-ballot-seal', scope, 32));
      this.keys.set(scope, key);
    }
    return key;
  }
}

/**
 * Fisher–Yates with the system's random source: what the close writes as counted ballots loses the
 * order it was read in (the sealed rows' physical order). Used by every close of a secret ballot box.
 */
export function shuffleInPlace<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
