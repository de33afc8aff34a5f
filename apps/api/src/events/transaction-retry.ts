import { TryAgain } from '@agm/domain';

/**
 * SQLSTATEs with which PostgreSQL aborts a transaction for contention alone: deadlock_detected and
 * serialization_failure. The transaction changed nothing, and running it again is expected to succeed.
 */
const CONTENTION = new Set(['40P01', '40001']);

/** Attempts in all, the first included: a few, so a request that cannot get through answers in under a second. */
export const TRANSACTION_ATTEMPTS = 4;

/** Whether PostgreSQL aborted the transaction for contention (TypeORM copies the driver's `code` onto its error). */
export function isContentionAbort(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const sqlState = typeof code === 'string' ? code : driverError?.code;
  return typeof sqlState === 'string' && CONTENTION.has(sqlState);
}

export interface RetryOptions {
  /** Called before each new attempt, with the abort that caused it (to log it). */
  onRetry(error: unknown, attempt: number): void;
  attempts?: number;
  /** Waits before the next attempt; by default a few random milliseconds, so two that collided do not collide again in step. */
  pause?(attempt: number): Promise<void>;
}

/**
 * Runs `attempt` (one whole transaction) again when PostgreSQL aborted it for contention, a bounded
 * number of times. When the attempts are used up the request is refused with `TryAgain` (503, "try
 * again"), never the 500 of an unexpected error: nothing was changed and the same request will do.
 * The lock order (docs/DECISIONS.md, "Lock order") is what keeps deadlocks away; this is the safety net.
 */
export async function retryOnContention<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = options.attempts ?? TRANSACTION_ATTEMPTS;
  const pause =
    options.pause ??
    ((n: number) =>
      new Promise<void>((resolve) => setTimeout(resolve, 5 + Math.floor(Math.random() * 20 * n))));
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isContentionAbort(error)) throw error;
      if (n >= attempts) {
        throw new TryAgain(
          'Many changes were being saved to this conference at the same moment and yours could not be saved. Nothing was changed: try again.',
          1,
        );
      }
      options.onRetry(error, n);
      await pause(n);
    }
  }
}
