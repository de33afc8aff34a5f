import 'reflect-metadata';
import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BallotCastMessageDto, isWellFormedBallotMessage } from './voting.dto';

const dtoAccepts = (body: object) => validateSync(plainToInstance(BallotCastMessageDto, body), { whitelist: true, forbidNonWhitelisted: true }).length === 0;

describe('the fast check of a ballot message', () => {
  const good = { conferenceId: '3f1c5a2e-8b4d-4c6e-9a1b-2d3e4f5a6b7c', voteId: '0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d', choice: 'for', idempotencyKey: 'a-random-key-0123456789' };

  it('accepts a well-formed ballot, as the DTO does', () => {
    expect(isWellFormedBallotMessage(good)).toBe(true);
    expect(dtoAccepts(good)).toBe(true);
  });

  it.each([
    ['an unknown choice', { ...good, choice: 'maybe' }],
    ['a short key', { ...good, idempotencyKey: 'short' }],
    ['a key with spaces', { ...good, idempotencyKey: 'not a valid key at all' }],
    ['a vote id that is not a uuid', { ...good, voteId: 'abc' }],
    ['an extra field', { ...good, colour: 'red' }],
    ['a missing field', { conferenceId: good.conferenceId, voteId: good.voteId, choice: 'for' }],
    ['a choice that is not a string', { ...good, choice: ['for'] }],
  ])('leaves %s to the DTO, which refuses it', (_, body) => {
    expect(isWellFormedBallotMessage(body)).toBe(false);
    expect(dtoAccepts(body)).toBe(false);
  });

  it('never accepts what the DTO refuses (property)', () => {
    const field = fc.oneof(fc.string(), fc.uuid(), fc.constantFrom('for', 'against', 'abstain', 'FOR', ''), fc.integer(), fc.constant(null), fc.stringMatching(/^[A-Za-z0-9_-]{10,110}$/));
    fc.assert(
      fc.property(fc.record({ conferenceId: field, voteId: field, choice: field, idempotencyKey: field }, { requiredKeys: [] }), (body) => {
        if (isWellFormedBallotMessage(body)) expect(dtoAccepts(body)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
