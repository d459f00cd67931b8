import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIsoDate } from '../dates';

/** A real calendar date written YYYY-MM-DD (no times, no 2025-02-30). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'must be a date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) },
    });
}
