import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate } from '../dates';

/** A real calendar date written YYYY-MM-DD (class-validator's IsDateString also takes times and 2025-02-30). */
export const IsIsoDate = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isIsoDate', validator: { validate: (value) => isIsoDate(value), defaultMessage: () => 'must be a date written YYYY-MM-DD' } }, options);

/** For "one form or the other" bodies: this field may not come with `other`. */
export const AbsentWith = (other: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'absentWith',
      validator: {
        validate: (_value, args) => (args?.object as Record<string, unknown> | undefined)?.[other] === undefined,
        defaultMessage: () => `must be absent when ${other} is given`,
      },
    },
    options,
  );
