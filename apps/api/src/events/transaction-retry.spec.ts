import { QueryFailedError } from 'typeorm';
import { TryAgain } from '@agm/domain';
import { toErrorResponse } from '../common/error-response';
import { retryOnContention, TRANSACTION_ATTEMPTS } from './transaction-retry';

/** What TypeORM throws when PostgreSQL aborts a statement: the driver's error, its SQLSTATE copied on. */
const aborted = (code: string, message: string) =>
  new QueryFailedError(
    'UPDATE conference_event_counter SET last_seq = last_seq + 1',
    [],
    Object.assign(new Error(message), { code }),
  );

describe('running a transaction again when PostgreSQL aborts it for contention', () => {
  const noPause = () => Promise.resolve();

  it('runs a transaction aborted as a deadlock (40P01) once more, logs the retry, and returns its result', async () => {
    let attempts = 0;
    const retries: Array<{ code: unknown; attempt: number }> = [];
    const result = await retryOnContention(
      async () => {
        attempts++;
        if (attempts === 1) throw aborted('40P01', 'deadlock detected');
        return 'committed';
      },
      {
        pause: noPause,
        onRetry: (error, attempt) => retries.push({ code: (error as { code?: unknown }).code, attempt }),
      },
    );
    expect(result).toBe('committed');
    expect(attempts).toBe(2);
    expect(retries).toEqual([{ code: '40P01', attempt: 1 }]);
  });

  it('runs a serialization failure (40001) again too', async () => {
    let attempts = 0;
    const result = await retryOnContention(
      async () => {
        if (++attempts < 3) throw aborted('40001', 'could not serialize access due to concurrent update');
        return attempts;
      },
      { pause: noPause, onRetry: () => undefined },
    );
    expect(result).toBe(3);
  });

  it('answers 503 "try again", not 500, when every attempt deadlocks', async () => {
    let attempts = 0;
    const failure = await retryOnContention(
      async () => {
        attempts++;
        throw aborted('40P01', 'deadlock detected');
      },
      { pause: noPause, onRetry: () => undefined },
    ).catch((error: unknown) => error);
    expect(attempts).toBe(TRANSACTION_ATTEMPTS);
    expect(failure).toBeInstanceOf(TryAgain);
    const response = toErrorResponse(failure, 'request-1');
    expect(response).toMatchObject({ statusCode: 503, retryAfterSeconds: 1 });
    expect(response.message).toMatch(/Nothing was changed: try again/);
  });

  it('does not run again a transaction that failed for any other reason', async () => {
    let attempts = 0;
    const failure = await retryOnContention(
      async () => {
        attempts++;
        throw aborted('23505', 'duplicate key value violates unique constraint');
      },
      { pause: noPause, onRetry: () => undefined },
    ).catch((error: unknown) => error);
    expect(attempts).toBe(1);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(toErrorResponse(failure).statusCode).toBe(500);
  });
});
