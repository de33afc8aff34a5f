import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { messageInWords } from '@agm/contracts';
import { findHostileInput } from './hostile-input';

/**
 * Flattens class-validator errors into `{ 'field.sub': 'reason; reason' }`, each reason naming its field in
 * words ("Email address must be …", not "email must be …"): the web shows these reasons to people.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints)
      out[path] = Object.values(error.constraints)
        .map((message) => messageInWords(error.property, message))
        .join('; ');
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

/**
 * Refuses hostile input (NUL, broken UTF-16, prototype keys, numbers out of range; see hostile-input.ts)
 * at the field before the DTO rules run, so no validator ever sees it, and checks numbers again once query
 * strings and path parameters have been turned into numbers.
 */
class HygienicValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    const field = metadata.data ?? '';
    assertNotHostile(value, field);
    const transformed = await super.transform(value, metadata);
    assertNotHostile(transformed, field);
    return transformed;
  }
}

export function assertNotHostile(value: unknown, field = ''): void {
  const problems = findHostileInput(value, field);
  if (Object.keys(problems).length > 0) throw new InvalidRequest(problems);
}

/** Global pipe: hostile input refused, unknown fields refused, types transformed, every problem named. */
export function createValidationPipe(): ValidationPipe {
  return new HygienicValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InvalidRequest(flattenValidationErrors(errors)),
  });
}
