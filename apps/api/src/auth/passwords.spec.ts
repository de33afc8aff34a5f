import { hashAccessCode, hashSecret, verifyAccessCode, verifySecret } from './passwords';

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

  it('checks an access code against its SHA-256, and still against an argon2id one stored before', async () => {
    expect(await verifyAccessCode(hashAccessCode('K7QF3MZD8XWP'), 'K7QF3MZD8XWP')).toBe(true);
    expect(await verifyAccessCode(hashAccessCode('K7QF3MZD8XWP'), 'K7QF3MZD8XWQ')).toBe(false);
    expect(await verifyAccessCode(await hashSecret('K7QF3MZD8XWP'), 'K7QF3MZD8XWP')).toBe(true);
    expect(await verifyAccessCode('sha256$short', 'K7QF3MZD8XWP')).toBe(false);
  });
});
