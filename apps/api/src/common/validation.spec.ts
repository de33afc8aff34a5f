import { IsEmail, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { BadRequestException } from '@nestjs/common';
import { fieldInWords, pathInWords } from '@agm/contracts';
import { createValidationPipe } from './validation';

class Seat {
  @IsInt() @Min(1) rowNumber: number;
}
class Application {
  @IsEmail({}, { message: 'email must be an email address, e.g. ada@example.org' }) email: string;
  @IsString() membershipNumber: string;
  @IsOptional() @ValidateNested() @Type(() => Seat) seat?: Seat;
}

async function errorsFor(body: unknown): Promise<Record<string, string>> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: Application });
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors;
  }
  throw new Error('expected a refusal');
}

describe('form errors name the field in words', () => {
  it('says "Email address must be …", not "email must be …", for our messages and class-validator’s own', async () => {
    const errors = await errorsFor({ email: 'nope', membershipNumber: 7, seat: { rowNumber: 0 }, colour: 'red' });
    expect(errors).toEqual({
      email: 'Email address must be an email address, e.g. ada@example.org',
      membershipNumber: 'Membership number must be a string',
      'seat.rowNumber': 'Row number must not be less than 1',
      colour: 'Colour is not a field of this form; leave it out.',
    });
  });

  it('words a field by what it is, not how it travels', () => {
    expect(fieldInWords('conferenceId')).toBe('Conference');
    expect(fieldInWords('sectionIds')).toBe('Sections');
    expect(fieldInWords('attendanceMode')).toBe('Hall or remote');
    expect(pathInWords('vote.cardHolders.76d7bf3c-1111-4222-8333-444455556666')).toBe('Card holders');
    expect(pathInWords('ruleset.categories.full.name')).toBe('Name');
  });
});
