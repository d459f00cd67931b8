import { HttpStatus } from '@nestjs/common';

export interface ProblemDetail {
  field: string;
  problem: string;
}

/**
 * An error the domain expects (a second decision, an unaccredited trainer): a stable code for logs and
 * clients that want it, the HTTP status it maps to, and a message written for a person.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    readonly details?: ProblemDetail[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', HttpStatus.NOT_FOUND, `${what} was not found.`);
export const conflict = (code: string, message: string, details?: ProblemDetail[]) => new DomainError(code, HttpStatus.CONFLICT, message, details);
export const invalid = (message: string, details?: ProblemDetail[]) => new DomainError('INVALID_INPUT', HttpStatus.BAD_REQUEST, message, details);
export const forbidden = (message = 'You are not allowed to do this.') => new DomainError('FORBIDDEN', HttpStatus.FORBIDDEN, message);
