import createClient, { Client, Middleware } from 'openapi-fetch';
import type { paths } from './api';
import { SchemaCheck } from './schema-check';

export type Api = Client<paths>;

/** What a caller reads from `data`: the documented type, or anything where the document types nothing yet. */
export type Documented<T> = [T] extends [never] ? any : [T] extends [undefined] ? any : T;

/** Every answer goes through the document's schema before the test sees it. */
function checkedBy(check: SchemaCheck): Middleware {
  return {
    async onResponse({ request, response, schemaPath }) {
      const contentType = response.headers.get('content-type');
      const raw = await response.clone().text();
      let body: unknown = raw.length ? raw : undefined;
      if (raw.length && contentType?.startsWith('application/json')) body = JSON.parse(raw);
      check.check(request.method, schemaPath, response.status, contentType, body);
      return undefined;
    },
  };
}

/** The generated client as an outside integrator uses it: a base URL and, once signed in, a bearer token. */
export function contractClient(baseUrl: string, check: SchemaCheck, accessToken?: string): Api {
  const client = createClient<paths>({ baseUrl, headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {} });
  client.use(checkedBy(check));
  return client;
}

interface Answer<D, E> {
  data?: D;
  error?: E;
  response: Response;
}

/** The body of a 2xx answer (with the status checked when given); anything else fails with the error body. */
export async function ok<D, E>(call: Promise<Answer<D, E>>, status?: number): Promise<Documented<NonNullable<D>>> {
  const { data, error, response } = await call;
  if (!response.ok || (status !== undefined && response.status !== status)) {
    throw new Error(`expected ${status ?? '2xx'}, got ${response.status} from ${response.url}: ${JSON.stringify(error ?? data)}`);
  }
  return data as Documented<NonNullable<D>>;
}

/** API.md's error body of a refused call, after checking its status. */
export async function refused<D, E>(call: Promise<Answer<D, E>>, status: number): Promise<ErrorBody> {
  const { data, error, response } = await call;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status} from ${response.url}: ${JSON.stringify(error ?? data)}`);
  return error as ErrorBody;
}

/** API.md, Errors. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; problem: string }[];
}
