import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** Flattens class-validator errors into `{ 'field.sub': 'reason; reason' }`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) out[path] = Object.values(error.constraints).join('; ');
    if (error.children?.length) Object.assign(out, flattenValidationErrors(error.children, path));
  }
  return out;
}

export class InvalidRequest extends BadRequestException {
  constructor(readonly errors: Record<string, string>) {
    const count = Object.keys(errors).length;
    super({ message: `The request is invalid: ${count} field${count === 1 ? '' : 's'} need${count === 1 ? 's' : ''} fixing.`, errors });
  }
}

/** Global pipe: unknown fields refused, types transformed, every problem named. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InvalidRequest(flattenValidationErrors(errors)),
  });
}
