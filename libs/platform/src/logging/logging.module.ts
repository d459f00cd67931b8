import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';

/** JSON logs (pino) carrying the request id; secrets are redacted before they are written. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [
          {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
            customProps: () => ({ app: 'npa' }),
            autoLogging: { ignore: (req) => req.url === '/health' },
            // One short line per request: every response header (the CSP alone is 400 bytes) made each
            // line a kilobyte to build and write, and told an operator nothing.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
          // Written asynchronously: a synchronous write to stdout per request showed in the
          // profile of a signed-in request (README, Benchmarks). pino flushes what is buffered when the process exits.
          pino.destination({ dest: 1, sync: false }),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
