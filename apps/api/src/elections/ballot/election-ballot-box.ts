import { Injectable } from '@nestjs/common';
import { electionReceiptHash } from '@agm/domain';
import { BallotSeal } from '../../voting/ballot-seal';
import { ReceiptCodes, sha256Hex } from '../../voting/receipt-codes';

/**
 * Every sealed election ballot has this many bytes of plaintext, whatever its length of ranking (a long
 * ranking must not show as a longer ciphertext). 100 candidates of three digits fit.
 */
const SEALED_BYTES = 600;

/** What a sealed election ballot holds until the close: everything its counted ballot will carry. */
export interface SealedElectionBallot {
  preferences: number[];
  receiptHash: string;
}

/**
 * The motion votes' seal and receipts (BallotSeal, ReceiptCodes) applied to an election's ballot box:
 * the same AES-256-GCM seal under a key derived from TOKEN_SECRET (scope "election-ballot:<id>"), the
 * same receipt codes, and the same counted key, so a reader of the database cannot pair a counted
 * ballot with the member's sealed row, while a device's retry after the close still finds its ballot.
 */
@Injectable()
export class ElectionBallotBox {
  constructor(
    private readonly seal: BallotSeal,
    private readonly receipts: ReceiptCodes,
  ) {}

  keyHash(ballotId: string, idempotencyKey: string): string {
    return this.receipts.ballotKeyHash(`election-ballot:${ballotId}`, idempotencyKey);
  }

  receiptCode(ballotId: string, idempotencyKey: string): string {
    return this.receipts.receiptCode(`election-ballot:${ballotId}`, idempotencyKey);
  }

  receiptHash(ballotId: string, receiptCode: string, preferences: readonly number[]): string {
    return electionReceiptHash(ballotId, receiptCode, preferences, sha256Hex);
  }

  countedKeyHash(ballotId: string, keyHash: string): string {
    return this.seal.countedKeyHash(`election-ballot:${ballotId}`, keyHash);
  }

  sealBallot(ballotId: string, keyHash: string, ballot: SealedElectionBallot): Buffer {
    return this.seal.sealText(`election-ballot:${ballotId}`, `election-ballot:${ballotId}:${keyHash}`, JSON.stringify({ p: ballot.preferences, r: ballot.receiptHash }), SEALED_BYTES);
  }

  openBallot(ballotId: string, keyHash: string, sealed: Buffer): SealedElectionBallot {
    const text = this.seal.openText(`election-ballot:${ballotId}`, `election-ballot:${ballotId}:${keyHash}`, sealed, `election ballot ${ballotId}`, 'close the ballot again');
    const parsed = JSON.parse(text) as { p: number[]; r: string };
    return { preferences: parsed.p, receiptHash: parsed.r };
  }
}
