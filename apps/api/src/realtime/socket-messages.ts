import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { InvalidInput } from '@agm/domain';
import type { Ack } from '@agm/contracts';
import { toErrorResponse } from '../common/error-response';
import { findHostileInput } from '../common/hostile-input';
import { flattenValidationErrors } from '../common/validation';

type Class<T> = new () => T;

/** Validates a socket message with the same DTO rules as HTTP: unknown fields refused, every problem named. */
export async function parseMessage<T extends object>(dto: Class<T>, body: unknown): Promise<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInput('The message must be an object; see docs/REALTIME.md for its fields.');
  }
  // Depth, NUL, broken UTF-16, prototype keys and numbers out of range, before any validator walks the message.
  const hostile = findHostileInput(body);
  if (Object.keys(hostile).length > 0) {
    throw new InvalidInput(`The message is invalid: ${Object.keys(hostile).length} field(s) need fixing.`, hostile);
  }
  const instance = plainToInstance(dto, body);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const fields = flattenValidationErrors(errors);
    throw new InvalidInput(`The message is invalid: ${Object.keys(fields).length} field(s) need fixing.`, fields);
  }
  return instance;
}

/** Runs a handler and answers in the one shape: `{ ok: true, data }` or `{ ok: false, error }`. Never throws. */
export async function answer<T>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    const { retryAfterSeconds: _ignored, requestId: _none, ...shape } = toErrorResponse(error);
    return { ok: false, error: shape };
  }
}
