import { Inject, Injectable } from '@nestjs/common';
import { createHmac, hash } from 'node:crypto';
import type { AppConfig } from '@agm/config';
import { formatReceiptCode, MIN_RECEIPT_CODE_BYTES, receiptHash, VoteChoice } from '@agm/domain';
import { APP_CONFIG } from '../common/app-config.token';

/** One-shot hashing: a third of the cost of createHash().update().digest() (measured on this machine). */
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/**
 * Receipts and ballot keys. The device's idempotency key is the ballot's secret: the database keeps
 * only its hash (to recognise a retry or a change), and the receipt code is derived from it under the
 * server's secret, so a retry gets the same receipt without the code ever being stored.
 */
@Injectable()
export class ReceiptCodes {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  ballotKeyHash(voteId: string, idempotencyKey: string): string {
    return sha256Hex(`ballot-key:${voteId}:${idempotencyKey}`);
  }

  receiptCode(voteId: string, idempotencyKey: string): string {
    const bytes = createHmac('sha256', this.config.tokenSecret).update(`receipt:${voteId}:${idempotencyKey}`).digest().subarray(0, MIN_RECEIPT_CODE_BYTES);
    return formatReceiptCode(bytes);
  }

  receiptHash(voteId: string, receiptCode: string, choice: VoteChoice, weight: number): string {
    return receiptHash({ voteId, receiptCode, choice, weight }, sha256Hex);
  }
}
