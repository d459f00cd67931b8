// Rename to openapi-document.e2e-spec.ts once every lib's controllers are typed (the openapi-rest half).
// It reads docs/openapi.json, which test/openapi.e2e-spec.ts holds equal to what the API serves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; type?: string; properties?: object } }> }>;
}

const document = JSON.parse(readFileSync(join(__dirname, '../docs/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, path, operation })),
);

/** A schema that says something: a reference, a typed value, or an object with its properties. */
const typed = (schema?: { $ref?: string; type?: string; properties?: object }) =>
  !!schema && (!!schema.$ref || (schema.type !== undefined && (schema.type !== 'object' || schema.properties !== undefined)));

/** What is missing from one operation, as words; empty when it is fully typed. */
function missing({ path, operation }: (typeof operations)[number]): string[] {
  const problems: string[] = [];
  if (!operation.summary) problems.push('a summary');
  if (!operation.operationId) problems.push('an operationId');
  const success = Object.entries(operation.responses).filter(([status]) => status < '300');
  const bodyless = success.some(([status]) => status === '204');
  if (!bodyless && !success.some(([, response]) => Object.values(response.content ?? {}).some((content) => typed(content.schema))))
    problems.push('a typed 2xx body');
  const errors = Object.entries(operation.responses).filter(([status]) => status >= '400' && status < '500');
  for (const [status, response] of errors)
    if (response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBody') problems.push(`ErrorBody on ${status}`);
  const signedIn = (operation.security ?? []).length > 0;
  if (signedIn && !('401' in operation.responses && '403' in operation.responses)) problems.push('401 and 403');
  if (path.includes('{') && !('404' in operation.responses)) problems.push('404');
  return problems;
}

describe('the OpenAPI document, every operation', () => {
  it('has a unique operationId', () => {
    const seen = new Map<string, string[]>();
    for (const { route, operation } of operations) seen.set(operation.operationId ?? '', [...(seen.get(operation.operationId ?? '') ?? []), route]);
    expect([...seen].filter(([, routes]) => routes.length > 1)).toEqual([]);
  });

  it('has a summary, a typed 2xx body and ErrorBody for each error it can answer', () => {
    const incomplete = operations.map((entry) => ({ route: entry.route, missing: missing(entry) })).filter((entry) => entry.missing.length > 0);
    expect(incomplete).toEqual([]);
  });
});
