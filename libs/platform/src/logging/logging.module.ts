import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { hostname } from 'node:os';
import pino from 'pino';
import type { Options } from 'pino-http';
import { AppConfig } from '../config/app-config';
import { redactSecretParams } from '../http/secret-params';
import { AppLogger } from './app-logger';
import { requestMixin } from './request-log';

/**
 * pino logs carrying the request id; secrets are redacted before they are written. Production (and the
 * tests) write JSON; development writes one readable line per event through pino-pretty. The line for
 * each request and the request's context come from `logRequests` (request-log.ts), not from nestjs-pino's
 * middleware, which is mounted on no route.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const options: Options = {
          level: config.LOG_LEVEL,
          // No `redact` paths: the `req` serializer below is what keeps secrets off a line, keeping only the
          // id, the method and the URL with its secrets redacted, so no header (authorization, cookie) or body
          // (a password) can reach one. Paths for those found nothing, and running them over every line with
          // a `req` was a third of the request line's cost (README, Benchmarks, session 39).
          // On the base logger, as pid and hostname are: as customProps it made a child logger for each
          // request, and was stringified and searched for again as each answer was logged (README, Benchmarks).
          base: { pid: process.pid, hostname: hostname(), app: 'npa' },
          // The request being served, on every line logged while it is (request-log.ts).
          mixin: requestMixin,
          // A request is logged as its id, method and URL, an answer as its status: every header (the CSP alone is 400 bytes) made
          // each line a kilobyte to build and write, and told an operator nothing.
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactSecretParams(req.url) }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        };
        // No route: Nest ran this middleware through middie for every request (README, Benchmarks).
        const forRoutes: never[] = [];
        if (config.NODE_ENV === 'development') {
          const pretty = { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,app,req,res,responseTime,context' };
          return { pinoHttp: { ...options, transport: { target: 'pino-pretty', options: pretty } }, forRoutes };
        }
        // Written in batches of 4 kB, and at least once a second, each handed to libuv's threads: with a write
        // per line the line cost an unknown path ~17 µs of CPU, batched ~13 (README, Benchmarks, session 40).
        // Not synchronous: pino writes what is still held when the process exits only for an asynchronous
        // destination. A process killed outright (SIGKILL) loses at most its last second's lines.
        return { pinoHttp: [options, pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 })], forRoutes };
      },
    }),
  ],
  providers: [AppLogger],
  exports: [AppLogger],
})
export class LoggingModule {}
