import type { AppConfig } from '@agm/config';
import { BallotSeal, SealedContent, sealedDigest } from './ballot-seal';

const config = { tokenSecret: 'a-token-secret-of-the-tests-only-0123456789' } as AppConfig;
const voteId = '6f1c1d3e-8d0e-4c5a-9b1f-0d6c2b7a9e10';
const content: SealedContent = { choice: 'against', weight: 1, channel: 'electronic', receiptHash: 'r'.repeat(64) };

describe('BallotSeal: what an instance sealed is opened at the close without decrypting, and only that', () => {
  it('opens a ballot it sealed, and another instance (no memory of it) opens the same row to the same content', () => {
    const here = new BallotSeal(config);
    const sealed = here.seal(voteId, 'key-1', content);
    const decrypted = jest.spyOn(here, 'openText');
    expect(here.open(voteId, 'key-1', sealed)).toEqual(content);
    expect(decrypted).not.toHaveBeenCalled();
    const elsewhere = new BallotSeal(config);
    const decryptedElsewhere = jest.spyOn(elsewhere, 'openText');
    expect(elsewhere.open(voteId, 'key-1', sealed)).toEqual(content);
    expect(decryptedElsewhere).toHaveBeenCalledTimes(1);
  });

  it('does not take a remembered ballot for a row whose ciphertext was altered, nor for another row or vote', () => {
    const here = new BallotSeal(config);
    const sealed = here.seal(voteId, 'key-1', content);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(() => here.open(voteId, 'key-1', altered)).toThrow(/does not open/);
    expect(() => here.open(voteId, 'key-2', sealed)).toThrow(/does not open/);
    expect(() => here.open('0d7b0b0e-0000-4000-8000-000000000001', 'key-1', sealed)).toThrow(/does not open/);
  });

  it('says what to do once the right secret is back: close again at the close, nothing after it', () => {
    const sealed = new BallotSeal(config).seal(voteId, 'key-1', content);
    const otherSecret = new BallotSeal({ tokenSecret: 'another-token-secret-0123456789-abcdefgh' } as AppConfig);
    expect(() => otherSecret.open(voteId, 'key-1', sealed)).toThrow(/TOKEN_SECRET.*then close the vote again\.$/);
    expect(() => otherSecret.open(voteId, 'key-1', sealed, 'nothing more')).toThrow(/then nothing more\.$/);
  });

  it('after a change the new ciphertext is the one remembered; the old one still opens to the old choice by decryption', () => {
    const here = new BallotSeal(config);
    const first = here.seal(voteId, 'key-1', content);
    const second = here.seal(voteId, 'key-1', { ...content, choice: 'for' });
    expect(here.open(voteId, 'key-1', second).choice).toBe('for');
    expect(here.open(voteId, 'key-1', first).choice).toBe('against');
  });

  it('knows a ballot it sealed by the digest of its ciphertext, as the close reads it from the database', () => {
    const here = new BallotSeal(config);
    const sealed = here.seal(voteId, 'key-1', content);
    expect(here.openKnown(voteId, 'key-1', sealedDigest(sealed))).toEqual(content);
    expect(here.openKnown(voteId, 'key-1', sealedDigest(Buffer.concat([sealed, Buffer.from([0])])))).toBeUndefined();
    expect(new BallotSeal(config).openKnown(voteId, 'key-1', sealedDigest(sealed))).toBeUndefined();
  });

  it('forgets a vote once its ballots are counted: they open by decryption still', () => {
    const here = new BallotSeal(config);
    const sealed = here.seal(voteId, 'key-1', content);
    here.forget(voteId);
    expect(here.open(voteId, 'key-1', sealed)).toEqual(content);
  });
});
