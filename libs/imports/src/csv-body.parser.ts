import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** A 100,000-row register file is a few megabytes; this leaves room without inviting abuse. */
export const CSV_BODY_LIMIT = 50 * 1024 * 1024;
const IMPORT_ROUTES = '/imports/';

const refusal = (statusCode: number, code: string, message: string) => Object.assign(new Error(message), { statusCode, code });

/**
 * Fastify reads only JSON (and short plain text) by default. This reads text/csv, and text/plain as
 * some tools send a .csv, as a string of up to CSV_BODY_LIMIT for the import routes. Fastify sets the
 * limit per parser, not per route, so every other route keeps what it had: text/csv is refused (415)
 * and text/plain keeps the server's ordinary limit.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // The command line builds an application context with no HTTP server: nothing to register.
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (!adapter) return;
    const fastify = adapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('text/csv')) return;
    const ordinaryLimit = fastify.initialConfig.bodyLimit ?? 1024 * 1024;
    fastify.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (request, body, done) => {
      const route = request.routeOptions.url;
      if (route === undefined || route.startsWith(IMPORT_ROUTES)) return done(null, body);
      if (/^text\/csv\b/i.test(request.headers['content-type'] ?? ''))
        return done(refusal(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type: text/csv'), undefined);
      if (Buffer.byteLength(body) > ordinaryLimit) return done(refusal(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'), undefined);
      done(null, body);
    });
  }
}
