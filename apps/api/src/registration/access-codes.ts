import { randomBytes } from 'node:crypto';
import { formatReceiptCode } from '@agm/domain';
import { hashAccessCode } from '../auth/passwords';
import { normaliseAccessCode } from '../auth/use-cases/sign-in.use-case';

/**
 * A new access code: 10 random bytes (80 bits) in the same unambiguous grouped alphabet as vote
 * receipts, e.g. "K7QF-3MZD-8XWP-…". Only its hash is stored (`hashAccessCode`: SHA-256, enough for
 * 80 random bits, and fast enough to register thousands in one action).
 */
export async function newAccessCode(): Promise<{ code: string; hash: string }> {
  const code = formatReceiptCode(randomBytes(10));
  return { code, hash: hashAccessCode(normaliseAccessCode(code)) };
}
