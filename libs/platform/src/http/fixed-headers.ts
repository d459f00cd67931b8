import type { IncomingMessage, ServerResponse } from 'node:http';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The headers a middleware sets when what it sets depends on nothing in the request (helmet with fixed
 * directives), worked out once: each answer then gets them as one object through Fastify's reply,
 * rather than a dozen middleware steps and validated `setHeader` calls per request (README, Benchmarks).
 * Refuses a middleware that fails, answers, or does not finish at once, as it would need the request.
 */
export function fixedHeaders(middleware: Middleware): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  let finished = false;
  const refuse = (what: string) => {
    throw new Error(`These headers cannot be worked out once: the middleware ${what}`);
  };
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      if (Array.isArray(value)) refuse(`sets ${name} more than once`);
      headers[name.toLowerCase()] = String(value);
      return res;
    },
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
    end: () => refuse('answered the request itself'),
    writeHead: () => refuse('answered the request itself'),
  };
  middleware({ headers: {} } as IncomingMessage, res as unknown as ServerResponse, (error) => {
    if (error) refuse(`failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
    finished = true;
  });
  if (!finished) refuse('did not finish at once');
  return Object.freeze(headers);
}
