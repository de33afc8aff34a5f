import { hashSecret, verifySecret } from './passwords';

describe('password hashing', () => {
  it('stores argon2id and verifies only the right secret', async () => {
    const hash = await hashSecret('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifySecret(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifySecret(hash, 'correct horse battery stapler')).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashSecret('same')).not.toBe(await hashSecret('same'));
  });

  it('answers false for a malformed hash instead of throwing', async () => {
    expect(await verifySecret('not-a-hash', 'x')).toBe(false);
  });
});
