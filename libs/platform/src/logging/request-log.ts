import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { LogFn } from 'pino';
import { redactSecretParams } from '../http/secret-params';

/** The logger a request was given when it arrived: the root logger with the request bound to it. */
const REQUEST_LOG = Symbol('request log');
type Logged = FastifyRequest & { [REQUEST_LOG]?: { info: LogFn } };

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
  const logger = await app.resolve(PinoLogger);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request: Logged, _reply, done) => {
    const req = { id: request.id, method: request.method, url: redactSecretParams(request.url) };
    logger.runInContext(
      () => {
        request[REQUEST_LOG] = logger.logger;
        done();
      },
      { bindings: { req } },
    );
  });
  const logged = (request: Logged) => (UNLOGGED.has(request.url) ? undefined : request[REQUEST_LOG]);
  fastify.addHook('onResponse', (request: Logged, reply, done) => {
    const ms = Math.round(reply.elapsedTime);
    logged(request)?.info({ res: reply.raw, responseTime: ms }, requestLine(request.method, request.url, `${reply.statusCode} ${ms} ms`));
    done();
  });
  fastify.addHook('onRequestAbort', (request: Logged, done) => {
    logged(request)?.info(requestLine(request.method, request.url, 'abandoned by the client'));
    done();
  });
}
