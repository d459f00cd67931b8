import { ArgumentMetadata, BadRequestException, ParseUUIDPipe, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, ProblemDetail } from './domain-error';

/** Flattens class-validator's tree into API.md's `details: [{ field, problem }]`. */
export function toProblemDetails(errors: ValidationError[], parent = ''): ProblemDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, text]) => ({
      field,
      problem: rule === 'whitelistValidation' ? 'is not a field this request accepts' : text.replace(new RegExp(`^${error.property} `), ''),
    }));
    return own.concat(toProblemDetails(error.children ?? [], field));
  });
}

export class InvalidInputException extends BadRequestException {
  constructor(readonly details: ProblemDetail[]) {
    super('The request has invalid fields.');
  }
}

/**
 * Compiled as ES2022 class fields, every DTO field the client left out is an own `undefined`; dropped
 * here, so a PATCH applied with Object.assign or a spread never blanks what the client did not name.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const dto: unknown = await super.transform(value, metadata);
    if (dto && typeof dto === 'object' && !Array.isArray(dto))
      for (const [key, field] of Object.entries(dto)) if (field === undefined) delete (dto as Record<string, unknown>)[key];
    return dto;
  }
}

/** Unknown fields are refused, not silently dropped: a typo must not pass as a change that was made. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidInputException(toProblemDetails(errors)),
  });
}

/**
 * `@Body(NoBody)` on a route that takes no body: an empty one (or none) passes, any field is refused
 * like any unknown field, so `{"state": "approved"}` can never look as if it had been taken.
 */
export const NoBody: PipeTransform = {
  transform(value: unknown) {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value))
      throw new InvalidInputException([{ field: 'body', problem: 'must be empty: this request takes no fields' }]);
    const fields = Object.keys(value);
    if (fields.length > 0) throw new InvalidInputException(fields.map((field) => ({ field, problem: 'is not a field this request accepts' })));
    return undefined;
  },
};

/** A route id that is not a UUID names nothing that exists: 404, like any other unknown id. */
export const ParseId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('NOT_FOUND', 404, 'Not found.') });

/** The same checks as the HTTP pipe, for input that arrives another way (the command line, imports). */
export function validateInput<T extends object>(type: new () => T, plain: object): T {
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new DomainError('INVALID_INPUT', 400, 'The input has invalid fields.', toProblemDetails(errors));
  return instance;
}
