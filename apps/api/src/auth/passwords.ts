import { argon2id, argon2Verify } from 'hash-wasm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * argon2id for passwords and access codes, from WebAssembly (hash-wasm). The native `argon2`
 * package's prebuilt binary crashes on this machine's glibc and building it needs install scripts,
 * so the WebAssembly build is the one that works from a fresh clone everywhere. Parameters follow
 * OWASP's argon2id minimum (19 MiB, 2 iterations, 1 lane).
 */
export async function hashSecret(secret: string): Promise<string> {
  return argon2id({
    password: secret,
    salt: randomBytes(16),
    parallelism: 1,
    iterations: 2,
    memorySize: 19456,
    hashLength: 32,
    outputType: 'encoded',
  });
}

/** False for a wrong secret or a malformed hash; never throws. */
export async function verifySecret(encodedHash: string, secret: string): Promise<boolean> {
  try {
    return await argon2Verify({ password: secret, hash: encodedHash });
  } catch {
    return false;
  }
}

const CODE_HASH_PREFIX = 'sha256$';

/**
 * An access code's stored form. Codes are 80 random bits chosen by the system, not people's passwords:
 * no dictionary to try, and 2^80 guesses even at a GPU's rate of SHA-256 take longer than anyone waits. So a
 * plain SHA-256 is enough, where argon2id (about 0.1 s each on this machine) made registering 7,000 members
 * take a quarter of an hour (docs/DECISIONS.md, "Access codes hashed with SHA-256"). Codes stored as
 * argon2id before are still accepted.
 */
export function hashAccessCode(normalisedCode: string): string {
  return CODE_HASH_PREFIX + createHash('sha256').update(normalisedCode, 'utf8').digest('hex');
}

/** What sign-in checks a code against when there is no registration, so both take the same time. */
export const NO_SUCH_CODE_HASH = hashAccessCode('no-such-registration');

/** False for a wrong code or a malformed hash; never throws. */
export async function verifyAccessCode(storedHash: string, normalisedCode: string): Promise<boolean> {
  if (!storedHash.startsWith(CODE_HASH_PREFIX)) return verifySecret(storedHash, normalisedCode);
  const given = Buffer.from(hashAccessCode(normalisedCode));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
