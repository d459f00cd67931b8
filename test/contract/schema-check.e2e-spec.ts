import { SchemaCheck } from './client/schema-check';

const ERROR = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: { statusCode: { type: 'integer' }, error: { type: 'string' }, message: { type: 'string' } },
};
const DOCUMENT = {
  openapi: '3.0.0',
  paths: {
    '/people': {
      post: {
        operationId: 'createPerson',
        responses: {
          '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Person' } } } },
          '409': { content: { 'application/json': { schema: ERROR } } },
        },
      },
    },
    '/people/{id}': { get: { operationId: 'getPerson', responses: { '200': { description: 'no schema' } } } },
    '/letters/{id}.pdf': { get: { operationId: 'letterPdf', responses: { '200': { content: { 'application/pdf': {} } } } } },
  },
  components: {
    schemas: {
      Person: {
        type: 'object',
        required: ['id', 'name', 'email'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          email: { type: 'string', format: 'email' },
          leftOn: { type: 'string', format: 'date', nullable: true },
        },
      },
    },
  },
};
const PERSON = { id: '0b9f8a52-2d3c-4a55-8d2e-5a3b1f0c9e11', name: 'Ann', email: 'ann@example.org' };

describe(SchemaCheck.name, () => {
  const strict = new SchemaCheck(DOCUMENT, true);
  const check =
    (status: number, body: unknown, path = '/people', method = 'POST', type = 'application/json') =>
    () =>
      strict.check(method, path, status, type, body);

  it.each([
    ['a documented body', 201, PERSON],
    ['a documented null', 201, { ...PERSON, leftOn: null }],
    ['a documented error', 409, { statusCode: 409, error: 'Conflict', message: 'The email is taken.' }],
  ])('passes %s', (_name, status, body) => expect(check(status, body)).not.toThrow());

  it.each([
    [
      'an undocumented field',
      201,
      { ...PERSON, internalRef: 7 },
      /POST \/people \(createPerson\) answered 201 with a body that does not match[\s\S]*must NOT have additional properties[\s\S]*internalRef/,
    ],
    ['a missing field', 201, { id: PERSON.id, name: 'Ann' }, /must have required property 'email'/],
    ['a wrong type', 201, { ...PERSON, name: 42 }, /\/name must be string/],
    ['a wrong format', 201, { ...PERSON, id: 'not-a-uuid' }, /\/id must match format "uuid"/],
    [
      'an undocumented status',
      400,
      { statusCode: 400 },
      /POST \/people \(createPerson\) answered 400, a status its operation does not document \(documents: 201, 409\)/,
    ],
  ])('fails %s, naming the operation', (_name, status, body, problem) => expect(check(status, body)).toThrow(problem));

  it('names an operation that documents no schema for its body', () => {
    expect(check(200, PERSON, '/people/{id}', 'GET')).toThrow(/GET \/people\/\{id\} \(getPerson\) documents no body for 200/);
  });

  it('takes a PDF where the document says PDF, and refuses another media type', () => {
    expect(check(200, '%PDF-', '/letters/{id}.pdf', 'GET', 'application/pdf')).not.toThrow();
    expect(check(200, '<html>', '/letters/{id}.pdf', 'GET', 'text/html')).toThrow(/answered 200 as text\/html; the document says application\/pdf/);
  });

  it('only collects what the document lacks when asked to report rather than fail', () => {
    const report = new SchemaCheck(DOCUMENT, false);
    report.check('GET', '/people/{id}', 200, 'application/json', PERSON);
    expect([...report.gaps]).toEqual(['GET /people/{id} (getPerson) documents no body for 200, but answered application/json']);
    expect(() => report.check('POST', '/people', 201, 'application/json', { ...PERSON, extra: 1 })).toThrow(/additional properties/);
  });
});
