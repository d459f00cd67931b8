import { RequestMethod } from '@nestjs/common';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import type { DeclaredRoute } from '../auth/access-declarations';
import { withStandardErrors } from './openapi';

const route = (method: RequestMethod, path: string, extra: Partial<DeclaredRoute> = {}): DeclaredRoute => ({
  controller: 'C',
  handler: 'h',
  method,
  path,
  rule: { roles: ['npa_admin'] },
  ...extra,
});

const documentOf = (path: string, method: 'get' | 'post', operation: Partial<OperationObject> = {}): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: { [path]: { [method]: { responses: { 200: { description: 'ok' } }, ...operation } } },
});

describe('withStandardErrors', () => {
  it.each([
    ['a signed-in list', documentOf('/services', 'get'), route(RequestMethod.GET, '/services'), ['200', '401', '403']],
    [
      'a signed-in read by id',
      documentOf('/services/{id}', 'get', { parameters: [{ name: 'id', in: 'path', required: true }] }),
      route(RequestMethod.GET, '/services/:id'),
      ['200', '401', '403', '404'],
    ],
    [
      'a read with a query',
      documentOf('/services/{id}/compliance', 'get', { parameters: [{ name: 'asOf', in: 'query' }] }),
      route(RequestMethod.GET, '/services/:id/compliance'),
      ['200', '400', '401', '403', '404'],
    ],
    ['a write without a body', documentOf('/services', 'post'), route(RequestMethod.POST, '/services'), ['200', '400', '401', '403']],
    [
      'a public, rate-limited read',
      documentOf('/certificates/{code}', 'get'),
      route(RequestMethod.GET, '/certificates/:code', { rule: { public: true }, rateLimit: 'public' }),
      ['200', '404', '429'],
    ],
  ])('%s', (_name, document, declared, statuses) => {
    const item = Object.values(withStandardErrors(document, [declared]).paths)[0];
    const operation = item.get ?? item.post;
    expect(Object.keys(operation!.responses).sort()).toEqual(statuses);
    for (const status of statuses.filter((s) => s >= '400')) {
      expect(operation!.responses[status]).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });
    }
  });

  it('marks public operations as needing no token and the rest as bearer', () => {
    const open = withStandardErrors(documentOf('/health', 'get'), [route(RequestMethod.GET, '/health', { rule: { public: true } })]);
    const closed = withStandardErrors(documentOf('/users', 'get'), [route(RequestMethod.GET, '/users')]);
    expect(open.paths['/health'].get!.security).toEqual([]);
    expect(closed.paths['/users'].get!.security).toEqual([{ bearer: [] }]);
    expect(closed.components!.schemas).toHaveProperty('ErrorBody');
  });

  it('keeps a response the handler declares itself', () => {
    const own = { description: 'No such certificate.' };
    const document = withStandardErrors(documentOf('/c/{code}', 'get', { responses: { 200: { description: 'ok' }, 404: own } }), [
      route(RequestMethod.GET, '/c/:code'),
    ]);
    expect(document.paths['/c/{code}'].get!.responses[404]).toBe(own);
  });

  it('turns a declared conflict and a declared 413 into responses with their messages as examples, beside the 2xx', () => {
    const document = withStandardErrors(
      documentOf('/people', 'post', {
        'x-npa-errors-409': { description: 'Conflict.', messages: ['Email taken.'] },
        'x-npa-errors-413': { description: 'Too large.', messages: ['The file is larger than 10 MB.'] },
      } as object),
      [route(RequestMethod.POST, '/people')],
    );
    const operation = document.paths['/people'].post!;
    expect(operation.responses[200]).toBeDefined();
    expect(operation.responses[409]).toMatchObject({
      content: { 'application/json': { examples: { example1: { value: { statusCode: 409, error: 'Conflict', message: 'Email taken.' } } } } },
    });
    expect(operation.responses[413]).toMatchObject({
      content: { 'application/json': { examples: { example1: { value: { statusCode: 413, message: 'The file is larger than 10 MB.' } } } } },
    });
    expect(Object.keys(operation).filter((k) => k.startsWith('x-'))).toEqual([]);
  });

  it('refuses an operation no route declares', () => {
    expect(() => withStandardErrors(documentOf('/nowhere', 'get'), [])).toThrow('GET /nowhere has no declared route');
  });
});
