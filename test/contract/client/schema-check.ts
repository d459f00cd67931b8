import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every answer the contract suite receives, checked against the operation the OpenAPI document gives
 * for its method and path template: the status must be documented, and a JSON body must match that
 * status's schema with no field the schema does not name. A document that types nothing cannot pass:
 * the failure names the operation and what it lacks.
 */
type Json = Record<string, any>;

const DOCUMENT_FILE = join(__dirname, '../../../docs/openapi.json');
const DOC_ID = 'openapi';

/** JSON pointer escaping for one segment. */
const pointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Objects that list their properties allow no others, so an undocumented field fails. Members of an
 * allOf stay open: each sees only part of the object, and closing one would refuse the others' fields.
 */
function closeObjects(node: unknown, insideAllOf = false): void {
  if (Array.isArray(node)) return node.forEach((item) => closeObjects(item, insideAllOf));
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (schema.properties && schema.additionalProperties === undefined && !insideAllOf) schema.additionalProperties = false;
  for (const [key, value] of Object.entries(schema)) closeObjects(value, key === 'allOf');
}

/**
 * OpenAPI 3.0's `nullable: true` (which the swagger plugin writes for `T | null`) read as JSON Schema:
 * null, or the schema without it. Ajv's own `nullable` does not reach an `enum` that omits null or an
 * `allOf` that points at an object, which is how a nullable enum or a nullable nested class comes out.
 */
function allowNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowNulls);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Json;
  const walked = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, allowNulls(value)]));
  return nullable === true ? { anyOf: [walked, { type: 'null' }] } : walked;
}

export interface Operation {
  method: string;
  path: string;
  operationId: string;
  responses: Record<string, Json>;
}

export class SchemaCheck {
  private readonly doc: Json;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  /** What the document does not type, when the suite runs with CONTRACT_SCHEMAS=report. */
  readonly gaps = new Set<string>();

  constructor(
    document: string | Json = DOCUMENT_FILE,
    private readonly strict = process.env.CONTRACT_SCHEMAS !== 'report',
  ) {
    this.doc = typeof document === 'string' ? (JSON.parse(readFileSync(document, 'utf8')) as Json) : document;
    const closed = JSON.parse(JSON.stringify({ paths: this.doc.paths, components: this.doc.components ?? {} })) as Json;
    closeObjects(closed);
    const checked = allowNulls(closed) as Json;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, ...checked });
  }

  operation(method: string, path: string): Operation {
    const operation = (this.doc.paths?.[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    if (!operation) throw new Error(`The OpenAPI document has no operation ${method.toUpperCase()} ${path}`);
    return { method: method.toUpperCase(), path, operationId: String(operation.operationId), responses: (operation.responses ?? {}) as Record<string, Json> };
  }

  /** Throws, naming the operation, when the answer is not what the document says it can be. */
  check(method: string, path: string, status: number, contentType: string | null, body: unknown): void {
    const op = this.operation(method, path);
    const name = `${op.method} ${op.path} (${op.operationId})`;
    const documented = op.responses[String(status)] ? String(status) : op.responses[`${String(status)[0]}XX`] ? `${String(status)[0]}XX` : undefined;
    if (!documented) {
      return this.gap(`${name} answered ${status}, a status its operation does not document (documents: ${Object.keys(op.responses).join(', ') || 'none'})`);
    }
    const content = op.responses[documented].content as Record<string, Json> | undefined;
    const mediaType = (contentType ?? '').split(';')[0].trim();
    if (status === 204 || body === undefined || mediaType === '') return;
    if (!content) return this.gap(`${name} documents no body for ${status}, but answered ${mediaType}`);
    if (!content[mediaType]) {
      throw new Error(`${name} answered ${status} as ${mediaType}; the document says ${Object.keys(content).join(' or ')}`);
    }
    if (mediaType !== 'application/json') return;
    if (!content[mediaType].schema) return this.gap(`${name} documents no schema for its ${status} body`);
    const ref = `${DOC_ID}#/paths/${pointer(path)}/${method.toLowerCase()}/responses/${documented}/content/${pointer(mediaType)}/schema`;
    const validate = this.compiled.get(ref) ?? this.ajv.compile({ $ref: ref });
    this.compiled.set(ref, validate);
    if (!validate(body)) {
      const problems = (validate.errors ?? []).map((e) => `  ${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
      throw new Error(
        `${name} answered ${status} with a body that does not match its schema:\n${problems.join('\n')}\nbody: ${JSON.stringify(body).slice(0, 800)}`,
      );
    }
  }

  private gap(problem: string): void {
    if (this.strict) throw new Error(`${problem}. (The contract suite checks every answer against docs/openapi.json.)`);
    this.gaps.add(problem);
  }
}
