import { Matches } from 'class-validator';

/**
 * Words, not only spaces: `IsNotEmpty` takes '   ', which a trimmed title then stores as nothing (the
 * database refuses it, a 500) and a text as a motion of no words.
 */
export function IsNotBlank(): PropertyDecorator {
  return Matches(/\S/u, { message: ({ property }) => `${property} must not be blank: write the words` });
}
