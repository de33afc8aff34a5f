import { applyDecorators } from '@nestjs/common';
import { Matches } from 'class-validator';
import { IsValidCalendarDate } from './is-valid-calendar-date';

/** A 'YYYY-MM-DD' calendar date that exists (no 31 February). */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date written YYYY-MM-DD` }),
    IsValidCalendarDate(),
  );
}
