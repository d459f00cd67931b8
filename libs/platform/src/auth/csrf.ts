import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

/** The form field that carries a page's CSRF token; scripts may send it in the header instead. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Where the CSRF plugin reads a request's token: the form's own field, else the header. Never the URL:
 * a URL is written to request logs, audit rows, browser history and the Referer header.
 */
export function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  if (typeof field === 'string') return field;
  const header = request.headers[CSRF_HEADER];
  return typeof header === 'string' ? header : undefined;
}

type Parts = FastifyRequest['parts'];

/**
 * A multipart form's fields are read by its handler, after the guard, so the guard cannot see its token.
 * Instead, the request's readers (`parts()`, `file()`) are wrapped: the form's first part must be the
 * token, checked by `verify` before any other part (the file) is read; its field is then removed, so
 * handlers see only the fields they take. A form puts its hidden `_csrf` input first for this.
 */
export function requireTokenFirst(request: FastifyRequest, verify: (token: string | undefined) => Promise<void>): void {
  const open = request.parts.bind(request);
  const parts = async function* (options?: Parameters<Parts>[0]): AsyncGenerator<Multipart> {
    const iterator = open(options);
    const first = await iterator.next();
    const part: Multipart | undefined = first.done ? undefined : first.value;
    const token = part?.type === 'field' && part.fieldname === CSRF_FIELD ? String(part.value) : undefined;
    // No token first: the file, if that is what came, is drained unread before the refusal.
    if (part?.type === 'file') part.file.resume();
    await verify(token); // refuses a missing or wrong token
    if (part) delete (part.fields as Record<string, unknown>)[CSRF_FIELD];
    yield* iterator;
  };
  const file = async (options?: Parameters<Parts>[0]) => {
    for await (const part of parts(options)) if (part.type === 'file') return part;
    return undefined;
  };
  Object.assign(request, { parts, file });
}
