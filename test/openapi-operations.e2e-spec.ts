import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootApi } from './support/boot';
import { http } from './support/people';

interface Operation {
  operationId?: string;
  summary?: string;
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

// The routes of the approval, letters, reminders, returns and imports libs, as the document names them.
const THESE_LIBS =
  /^\/(applications|settings\/\{id\}\/(applications|award|letters|reminders)|review-queue|public\/approved-settings|services\/\{id\}\/(letters|reminders|returns)|people\/\{id\}\/letters|letters|mail-deliveries|letter-templates|reminders|sweeps|local-authorities|return-years|snapshots|imports|exports)/;
// POST /services/{id}/letters is compliance's route, under a path that looks like the letters'.
const isTheirs = (path: string, method: string) => THESE_LIBS.test(path) && !(path === '/services/{id}/letters' && method === 'post');

describe('the OpenAPI document, for the approval, letters, reminders, returns and imports routes', () => {
  let app: NestFastifyApplication;
  let operations: { key: string; operation: Operation }[];

  beforeAll(async () => {
    app = await bootApi();
    const { body } = await http(app).get('/api/docs-json').expect(200);
    operations = Object.entries(body.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => isTheirs(path, method))
        .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds every route of these libs', () => {
    expect(operations.length).toBe(52);
  });

  it('gives each a summary and an operationId named for what it does', () => {
    const missing = operations.filter(
      ({ operation }) => !operation.summary || !operation.operationId || /^(get|list|create|update)$/.test(operation.operationId),
    );
    expect(missing.map(({ key }) => key)).toEqual([]);
  });

  it('types every 2xx body (a 204 has none; files are binary or text)', () => {
    const untyped = operations.filter(({ operation }) => {
      const ok = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      if (ok.length === 0) return true;
      return ok.some(([status, response]) => status !== '204' && !Object.values(response.content ?? {}).some((c) => c.schema?.$ref || c.schema?.type));
    });
    expect(untyped.map(({ key }) => key)).toEqual([]);
  });

  it.each([
    ['POST /applications/{id}/decision', '409'],
    ['POST /applications/{id}/submit', '409'],
    ['POST /settings/{id}/applications', '409'],
    ['POST /applications/{id}/evidence', '413'],
    ['POST /applications/{id}/evidence', '409'],
    ['PUT /services/{id}/returns/{year}', '409'],
    ['POST /imports/{kind}', '415'],
    ['GET /snapshots/{year}', '400'],
  ])('documents the errors %s can answer beyond the standard ones (%s)', (key, status) => {
    const found = operations.find((o) => o.key === key);
    expect(found?.operation.responses[status]?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
  });

  it('says the letter files are PDF and HTML and the exports CSV', () => {
    const contentOf = (key: string) => Object.keys(operations.find((o) => o.key === key)?.operation.responses['200']?.content ?? {});
    expect(contentOf('GET /letters/{id}.pdf')).toEqual(['application/pdf']);
    expect(contentOf('GET /letters/{id}.html')).toEqual(['text/html']);
    expect(contentOf('GET /exports/{file}')).toEqual(['text/csv']);
    expect(contentOf('GET /snapshots/{year}/figures.csv')).toEqual(['text/csv']);
  });
});
