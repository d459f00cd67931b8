import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { Authenticator, isNpaStaff } from '@npa/platform';
/** A 100,000-row register file is a few megabytes; this leaves room without inviting abuse. */
export const CSV_BODY_LIMIT = 50 * 1024 * 1024;
const IMPORT_ROUTES = '/imports/';

const refusal = (statusCode: number, code: string, message: string) => Object.assign(new Error(message), { statusCode, code });
const tooLarge = () => refusal(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large');

/**
 * Reads a body as UTF-8 text, chunk by chunk, and refuses it (413) once it passes `limit` bytes, or at
 * once when its declared length does: no more than `limit` is ever held. Past the limit the rest is left
 * to Node to discard, as Fastify's own parsers do, so the 413 still reaches the client.
 */
export function readText(payload: Readable, limit: number, declaredLength?: string): Promise<string> {
  if (Number(declaredLength) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const stop = () => {
      payload.off('data', onData);
      payload.off('end', onEnd);
      payload.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) return void chunks.push(chunk);
      stop();
      reject(tooLarge());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(Object.assign(error, { statusCode: 400 }));
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.resume();
  });
}

/**
 * Fastify reads only JSON (and short plain text) by default. This reads text/csv, and text/plain as some
 * tools send a .csv. The limit is decided per request before a byte is read: CSV_BODY_LIMIT only on the
 * import routes and only for a caller whose token is NPA staff's; every other request keeps the server's
 * ordinary limit (413 past it, without reading on when the length is declared), and text/csv anywhere
 * but an import is refused (415) unread. The access guard still decides the import itself afterwards.
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // The command line builds an application context with no HTTP server: nothing to register.
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | undefined;
    if (!adapter) return;
    const fastify = adapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('text/csv')) return;
    const ordinaryLimit = fastify.initialConfig.bodyLimit ?? 1024 * 1024;
    const authenticator = this.moduleRef.get(Authenticator, { strict: false });
    const staff = async (request: FastifyRequest) => {
      const caller = await authenticator.caller(request.headers).catch(() => null);
      return caller !== null && isNpaStaff(caller.actor.role);
    };
    fastify.addContentTypeParser(['text/csv', 'text/plain'], async (request: FastifyRequest, payload: Readable) => {
      const declared = request.headers['content-length'];
      const importing = request.routeOptions.url?.startsWith(IMPORT_ROUTES) === true;
      const limit = importing && (await staff(request)) ? CSV_BODY_LIMIT : ordinaryLimit;
      if (Number(declared) > limit) throw tooLarge();
      if (!importing && /^text\/csv\b/i.test(request.headers['content-type'] ?? ''))
        throw refusal(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type: text/csv');
      return readText(payload, limit, declared);
    });
  }
}
