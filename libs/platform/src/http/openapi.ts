import { RequestMethod } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import type { DeclaredRoute } from '../auth/access-declarations';

/** API.md's error body, one component every error response of the document refers to. */
export const ERROR_BODY_SCHEMAS: Record<'ProblemDetail' | 'ErrorBody', SchemaObject> = {
  ProblemDetail: {
    type: 'object',
    required: ['field', 'problem'],
    properties: {
      field: { type: 'string', description: 'The field at fault, dotted for a nested one.', example: 'email' },
      problem: { type: 'string', description: 'What is wrong with it, for a person.', example: 'must be an email' },
    },
  },
  ErrorBody: {
    type: 'object',
    required: ['statusCode', 'error', 'message'],
    properties: {
      statusCode: { type: 'integer', description: 'The HTTP status again.', example: 400 },
      error: { type: 'string', description: "The status's short name.", example: 'Bad Request' },
      message: { type: 'string', description: 'What is wrong, for a person.', example: 'The request has invalid fields.' },
      details: { type: 'array', description: 'For invalid input: one line per field at fault.', items: { $ref: '#/components/schemas/ProblemDetail' } },
      correlationId: { type: 'string', description: 'Only on a 500: the reference under which the failure was logged.' },
    },
  },
};

const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

/** An example error body, exactly as ErrorFilter writes it. */
export const errorExample = (statusCode: number, message: string, details?: { field: string; problem: string }[]) => ({
  statusCode,
  error: STATUS_CODES[statusCode] ?? 'Error',
  message,
  ...(details ? { details } : {}),
});

const errorResponse = (statusCode: number, description: string, messages: string[]): ResponseObject => ({
  description,
  content: {
    'application/json': {
      schema: ERROR_REF,
      examples: Object.fromEntries(messages.map((message, i) => [`example${i + 1}`, { summary: message, value: errorExample(statusCode, message) }])),
    },
  },
});

/**
 * Error responses a route declares beyond the standard ones, carried as an extension until
 * withStandardErrors turns them into responses: an @ApiResponse here would stop the swagger plugin
 * adding the 2xx response it read from the handler's return type (it adds one only where none exists).
 */
// One extension key per status: two decorators writing the same key would replace each other's entry.
const DECLARED_ERRORS = 'x-npa-errors-';
type DeclaredError = { description: string; messages: string[] };

/**
 * 409: the request conflicts with the current state. Each message is one the route really answers with
 * (shown as an example), so a client sees which situations to expect.
 */
export const ApiConflict = (...messages: [string, ...string[]]) =>
  ApiExtension(`${DECLARED_ERRORS}409`, { description: 'Conflict with the current state.', messages } satisfies DeclaredError);

/** 413: the body or the uploaded file is larger than the route takes. */
export const ApiTooLarge = (message = 'The request is too large.') =>
  ApiExtension(`${DECLARED_ERRORS}413`, { description: 'Too large.', messages: [message] } satisfies DeclaredError);

/** 401 on a route that needs no sign-in: its own refusal (a wrong email or password at sign-in). */
export const ApiUnauthorized = (...messages: [string, ...string[]]) =>
  ApiExtension(`${DECLARED_ERRORS}401`, { description: 'Not signed in: the credentials are not right.', messages } satisfies DeclaredError);

/** The errors every route of a kind can answer, with the messages ErrorFilter and the guards write. */
const STANDARD_ERRORS: Record<number, ResponseObject> = {
  400: {
    description: 'Invalid input (unknown fields included); `details` names each field at fault.',
    content: {
      'application/json': {
        schema: ERROR_REF,
        example: errorExample(400, 'The request has invalid fields.', [{ field: 'name', problem: 'is not a field this request accepts' }]),
      },
    },
  },
  401: errorResponse(401, 'Not signed in: no bearer token, or one that has expired or been revoked.', ['Sign in to do this.']),
  403: errorResponse(403, 'Signed in but not allowed.', ['Your role may not do this.']),
  404: errorResponse(404, 'Not found, or not yours to see.', ['Not found.']),
  429: errorResponse(429, 'Too many requests from this address; the limit resets after its window.', ['Too many requests; wait a minute and try again.']),
};

/** An operation's key in the document, for a declared route: `post /services/{id}/team`. */
const operationKey = (route: DeclaredRoute) => `${RequestMethod[route.method].toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`;

/**
 * Adds to every operation what follows from its route's declarations rather than from its handler: its
 * security (public or bearer), and the standard error responses (400 where it takes a body or a query, 401 and 403
 * when signed in, 404 when its path names a record, 429 when rate-limited), each referring to ErrorBody.
 * A response the handler declares itself (a 404 with its own message) is kept. An operation with no
 * declared route stops the document: its errors would otherwise go undocumented.
 */
export function withStandardErrors(document: OpenAPIObject, routes: readonly DeclaredRoute[]): OpenAPIObject {
  const byKey = new Map(routes.map((route) => [operationKey(route), route]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation: OperationObject | undefined = item[method];
      if (!operation) continue;
      const route = byKey.get(`${method} ${path}`);
      if (!route) throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} has no declared route`);
      const signedIn = !route.rule?.public;
      operation.security = signedIn ? [{ bearer: [] }] : [];
      // A write refuses fields it does not take (its DTO or NoBody), so it answers 400 even without a body.
      // A path id alone does not: one that is not a UUID names nothing, so it answers 404 (ParseId).
      const takesInput =
        operation.parameters?.some((parameter) => 'in' in parameter && parameter.in === 'query') || operation.requestBody !== undefined || method !== 'get';
      const statuses = [...(takesInput ? [400] : []), ...(signedIn ? [401, 403] : []), ...(path.includes('{') ? [404] : []), ...(route.rateLimit ? [429] : [])];
      for (const status of statuses) operation.responses[status] ??= STANDARD_ERRORS[status];
      const extended = operation as OperationObject & Record<string, unknown>;
      for (const key of Object.keys(extended).filter((k) => k.startsWith(DECLARED_ERRORS))) {
        const { description, messages } = extended[key] as DeclaredError;
        operation.responses[key.slice(DECLARED_ERRORS.length)] = errorResponse(Number(key.slice(DECLARED_ERRORS.length)), description, messages);
        delete extended[key];
      }
    }
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...ERROR_BODY_SCHEMAS } };
  return document;
}

/** Operation ids are the handlers' names, which say what each does (`createService`); the lint keeps them unique. */
export const operationIdOf = (_controller: string, handler: string) => handler;
