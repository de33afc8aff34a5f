import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DeadlinePassed, NotFound, RateLimited, StandingOrderViolation } from '@agm/domain';
import { toErrorResponse } from './error-response';

describe('the one error shape', () => {
  it('maps a standing-order violation to 422 and names the rule', () => {
    expect(toErrorResponse(new StandingOrderViolation('SO 14', 'A point of order cannot interrupt a speech.'))).toEqual({
      statusCode: 422,
      message: 'A point of order cannot interrupt a speech.',
      rule: 'SO 14',
    });
  });

  it('maps a passed deadline to 422 with its rule', () => {
    expect(toErrorResponse(new DeadlinePassed('Motions closed at 12:00 on 12 August 2025 (Europe/London).'))).toMatchObject({ statusCode: 422, rule: 'deadline' });
  });

  it('keeps field errors', () => {
    expect(toErrorResponse(new NotFound('No conference x.', { id: 'unknown' }))).toEqual({ statusCode: 404, message: 'No conference x.', errors: { id: 'unknown' } });
  });

  it('tells a rate-limited caller when to come back', () => {
    expect(toErrorResponse(new RateLimited('Too many sign-in attempts; try again in 30 seconds.', 30))).toMatchObject({ statusCode: 429, retryAfterSeconds: 30 });
  });

  it('passes Nest HTTP exceptions through in the same shape', () => {
    expect(toErrorResponse(new BadRequestException({ message: 'bad', errors: { a: 'b' } }))).toEqual({ statusCode: 400, message: 'bad', errors: { a: 'b' } });
    expect(toErrorResponse(new NotFoundException('Cannot GET /x'))).toEqual({ statusCode: 404, message: 'Cannot GET /x: no such endpoint; see /api/docs' });
  });

  it('hides everything about an unexpected error but the request id', () => {
    const response = toErrorResponse(new TypeError("Cannot read properties of undefined (reading 'secret')"), 'req-1');
    expect(response).toEqual({ statusCode: 500, message: expect.stringContaining('request id'), requestId: 'req-1' });
    expect(JSON.stringify(response)).not.toContain('secret');
  });

  it('explains malformed JSON from the body parser', () => {
    expect(toErrorResponse(Object.assign(new SyntaxError('Unexpected end'), { status: 400, type: 'entity.parse.failed' }))).toEqual({
      statusCode: 400,
      message: expect.stringContaining('not valid JSON'),
    });
  });
});
