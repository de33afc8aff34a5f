import { argon2id, argon2Verify } from 'hash-wasm';
import { randomBytes } from 'node:crypto';

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
