import { randomBytes } from 'node:crypto';
import { formatReceiptCode } from '@agm/domain';
import { hashSecret } from '../auth/passwords';
import { normaliseAccessCode } from '../auth/use-cases/sign-in.use-case';

/**
 * A new access code: 10 random bytes (80 bits) in the same unambiguous grouped alphabet as vote
 * receipts, e.g. "K7QF-3MZD-8XWP-…". Only its argon2id hash is stored.
 */
export async function newAccessCode(): Promise<{ code: string; hash: string }> {
  const code = formatReceiptCode(randomBytes(10));
  return { code, hash: await hashSecret(normaliseAccessCode(code)) };
}
