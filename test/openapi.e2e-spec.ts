import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootApi } from './support/boot';
import { http } from './support/people';

describe('the OpenAPI document', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await bootApi();
  });

  afterAll(async () => {
    await app.close();
  });

  it('is served at /api/docs-json exactly as docs/openapi.json holds it', async () => {
    const served = await http(app).get('/api/docs-json').expect(200);
    expect(served.body).toEqual(JSON.parse(readFileSync(join(__dirname, '../docs/openapi.json'), 'utf8')));
  });

  it("refers every 4xx response to ErrorBody, API.md's error body", async () => {
    const { body } = await http(app).get('/api/docs-json').expect(200);
    const errors = Object.values(body.paths as Record<string, Record<string, { responses: Record<string, { content?: object }> }>>).flatMap((item) =>
      Object.values(item).flatMap((operation) => Object.entries(operation.responses).filter(([status]) => status >= '400' && status < '500')),
    );
    expect(errors.length).toBeGreaterThan(0);
    for (const [, response] of errors) expect(response.content).toMatchObject({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } });
  });
});
