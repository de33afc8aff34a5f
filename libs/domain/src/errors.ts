/**
 * Domain errors are plain classes. One exception filter in the api maps them to HTTP statuses and
 * socket error events, so a rule never needs to know how it is transported.
 * Every message says which rule was broken and what the person can do about it.
 */
export type FieldErrors = Record<string, string>;

export abstract class DomainError extends Error {
  abstract readonly kind:
    | 'invalid'
    | 'not_found'
    | 'forbidden'
    | 'conflict'
    | 'standing_order'
    | 'unauthenticated'
    | 'rate_limited'
    | 'busy';
  constructor(
    message: string,
    readonly errors?: FieldErrors,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input breaks a rule of shape or sense (400). */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid' as const;
}

/** Nothing there, or nothing this person may see: the two are never told apart (404). */
export class NotFound extends DomainError {
  readonly kind = 'not_found' as const;
}

/** Known person, action not theirs to take (403). */
export class Forbidden extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** The action collides with the current state: a duplicate, a stale version, a second chair (409). */
export class Conflict extends DomainError {
  readonly kind = 'conflict' as const;
}

/** A deadline has passed (the api answers 422 with the deadline in the conference's time zone). */
export class DeadlinePassed extends DomainError {
  readonly kind = 'standing_order' as const;
  readonly rule = 'deadline';
}

/** The vote is not open for ballots (closed, voided or not yet opened). */
export class VoteClosed extends DomainError {
  readonly kind = 'standing_order' as const;
  readonly rule = 'vote_closed';
}

/**
 * A command the standing orders do not allow now. `rule` names the standing order, e.g. 'SO 14'
 * or 'one-speech-per-motion', so clients and the proceedings log can cite it.
 */
export class StandingOrderViolation extends DomainError {
  readonly kind = 'standing_order' as const;
  constructor(
    readonly rule: string,
    message: string,
    errors?: FieldErrors,
  ) {
    super(message, errors);
  }
}

/** Wrong credentials, or a revoked or expired token (401). */
export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated' as const;
}

/** Too many attempts (429); the message says when to try again. */
export class RateLimited extends DomainError {
  readonly kind = 'rate_limited' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * The database kept refusing the change for contention (a deadlock or serialization failure, retried
 * already): nothing was changed and the same request will succeed in a moment (503, Retry-After).
 */
export class TryAgain extends DomainError {
  readonly kind = 'busy' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
