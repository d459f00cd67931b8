import { AsyncLocalStorage } from 'node:async_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { redactSecretParams } from '../http/secret-params';

/** What every line logged while a request is served says of it (pino's `req` serializer redacts the URL's secrets). */
interface RequestFields {
  id: string;
  method: string;
  url: string;
}

const REQUEST = Symbol('request fields');
type Logged = FastifyRequest & { [REQUEST]?: RequestFields };

/** The request being served, wherever in its handling a log is made. */
const serving = new AsyncLocalStorage<RequestFields>();

/**
 * pino's `mixin` (LoggingModule): a line logged while a request is served carries it as `req`. A fresh
 * object each time, since pino merges the line's own fields into it. Made only when a line is written:
 * a child logger for each request, its bindings serialized, redacted and stringified as it arrived, was a
 * tenth of an unknown path's CPU whether or not anything was logged (README, Benchmarks).
 */
export function requestMixin(): { req?: RequestFields } {
  const req = serving.getStore();
  return req ? { req } : {};
}

/** Container health checks call /health every few seconds: served in a context like any request, never logged. */
const UNLOGGED = new Set(['/health']);

/** One line per request, read the same in JSON and on a terminal. */
function requestLine(method: string, url: string, outcome: string): string {
  return `${method} ${redactSecretParams(url)} ${outcome}`;
}

/**
 * One line per request when it is answered (or abandoned by its client), and every log made while it is
 * served carrying it (`req`: id, method and the URL with secrets redacted), from two Fastify hooks. This
 * replaces nestjs-pino's middleware, which Nest runs through middie for every request and which made the
 * same line through pino-http: the line and the context are as before, at a fraction of the cost
 * (README, Benchmarks). Register it before any other hook, so that theirs log in the request's context.
 */
export async function logRequests(app: NestFastifyApplication): Promise<void> {
  // No request runs in a nestjs-pino context of its own, so this is always the root logger.
  const { logger } = await app.resolve(PinoLogger);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: Logged, _reply, done) => {
    const req: RequestFields = { id: request.id, method: request.method, url: request.url };
    request[REQUEST] = req;
    serving.run(req, done);
  });
  // The request is named on the line itself: the end of an answer is not always in its context.
  const logged = (request: Logged) => (UNLOGGED.has(request.url) || !logger.isLevelEnabled('info') ? undefined : request[REQUEST]);
  fastify.addHook('onResponse', (request: Logged, reply, done) => {
    const req = logged(request);
    const ms = Math.round(reply.elapsedTime);
    if (req) logger.info({ req, res: reply.raw, responseTime: ms }, requestLine(request.method, request.url, `${reply.statusCode} ${ms} ms`));
    done();
  });
  fastify.addHook('onRequestAbort', (request: Logged, done) => {
    const req = logged(request);
    if (req) logger.info({ req }, requestLine(request.method, request.url, 'abandoned by the client'));
    done();
  });
}
