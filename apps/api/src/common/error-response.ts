import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, RateLimited, TryAgain } from '@agm/domain';
import type { ErrorResponseDto } from '@agm/contracts';

const STATUS_BY_KIND: Record<DomainError['kind'], number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  standing_order: HttpStatus.UNPROCESSABLE_ENTITY,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  busy: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * Turns anything thrown into the one error shape. Used by the HTTP filter and the socket gateway
 * alike, so a refusal reads the same on both. Unknown errors become a 500 that shows no detail.
 */
export function toErrorResponse(
  error: unknown,
  requestId?: string,
): ErrorResponseDto & { retryAfterSeconds?: number } {
  if (error instanceof DomainError) {
    return {
      statusCode: STATUS_BY_KIND[error.kind],
      message: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...('rule' in error && typeof error.rule === 'string' ? { rule: error.rule } : {}),
      ...(error instanceof RateLimited || error instanceof TryAgain
        ? { retryAfterSeconds: error.retryAfterSeconds }
        : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const fromBody = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    let message =
      typeof body === 'string'
        ? body
        : ((fromBody.message as string | string[] | undefined) ?? error.message);
    if (Array.isArray(message)) message = message.join('; ');
    if (status === HttpStatus.NOT_FOUND && message.startsWith('Cannot '))
      message = `${message}: no such endpoint; see /api/docs`;
    return {
      statusCode: status,
      message,
      ...(fromBody.errors ? { errors: fromBody.errors as Record<string, string> } : {}),
      ...(status >= 500 && requestId ? { requestId } : {}),
    };
  }
  if (isBodyParserError(error)) {
    return { statusCode: error.status, message: bodyParserMessage(error) };
  }
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    message:
      'Something went wrong on the server. Nothing was changed; try again, and quote the request id if it persists.',
    ...(requestId ? { requestId } : {}),
  };
}

interface BodyParserError {
  status: number;
  type: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).type === 'string' &&
    typeof (error as BodyParserError).status === 'number' &&
    (error as BodyParserError).status < 500
  );
}

function bodyParserMessage(error: BodyParserError): string {
  if (error.type === 'entity.parse.failed')
    return 'The request body is not valid JSON; check quotes, commas and brackets.';
  if (error.type === 'entity.too.large') return 'The request body is too large (2 MB at most).';
  if (error.type === 'entity.too.deep' || error.type === 'charset.unsupported')
    return (error as BodyParserError & { message: string }).message;
  return 'The request body could not be read.';
}
