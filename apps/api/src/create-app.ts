import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import {
  AppConfig,
  AppHttpAdapter,
  replyJson,
  loadConfig,
  trustProxyOption,
  resolveJwtSecret,
  deriveKey,
  csrfTokenOf,
  AppLogger,
  logRequests,
  createValidationPipe,
  ErrorFilter,
  fixedHeaders,
  mountQueueDashboard,
} from '@npa/platform';
import { mountWebAssets, inlineScriptSources, pageEngine, partials, VIEWS_DIR } from '@npa/web';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module';
import { loadOpenApiMetadata, openApiDocument } from './openapi/document';

/**
 * Builds the HTTP app exactly as production runs it; main.ts and the end-to-end tests both use it.
 * `modules` adds modules beside AppModule (the bench's floor route); production passes none.
 */
export async function createApp(options: { logger?: boolean; modules?: Type[] } = {}): Promise<NestFastifyApplication> {
  const adapter = new AppHttpAdapter({
    // Behind a proxy set TRUST_PROXY so req.ip is the client's; otherwise X-Forwarded-For is ignored.
    // Read before the app exists (the adapter is made first), through the same validation as the rest.
    trustProxy: trustProxyOption(loadConfig().TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  });
  const root = options.modules?.length ? withModules(options.modules) : AppModule;
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: options.logger !== false,
    logger: options.logger === false ? false : undefined,
    abortOnError: false,
  });
  if (options.logger !== false) app.useLogger(app.get(AppLogger));
  // Security headers on every answer, from one helmet made here (@fastify/helmet made a new one, parsing
  // the CSP, for every request), whose headers are worked out once and set as one object (README, Benchmarks).
  const securityHeaders = fixedHeaders(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...inlineScriptSources()],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  // First, so that every hook after it logs in the request's context.
  await logRequests(app);
  const fastify = app.getHttpAdapter().getInstance();
  // Replies as Fastify's default does (JSON.stringify), except kept answers, whose JSON is made once.
  fastify.setReplySerializer(replyJson);
  fastify.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  // Uploads are read as streams by the route that takes them, with that route's own limits.
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 1000, parts: 12 } });
  // The web pages (forms are parsed by Nest's own urlencoded parser): a signed cookie for the session and the CSRF secret, Handlebars views.
  const config = app.get(AppConfig);
  await app.register(cookie, { secret: deriveKey(resolveJwtSecret(config), 'cookie') });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.NODE_ENV === 'production' },
    getToken: csrfTokenOf,
  });
  // preventIndent: a partial on a line of its own is not re-indented, so a <textarea> or <pre> inside the
  // layout shows what it holds, not that text with the layout's indentation added to every line.
  app.setViewEngine({ engine: { handlebars: pageEngine() }, root: VIEWS_DIR, options: { partials: partials(), compileOptions: { preventIndent: true } } });
  await mountWebAssets(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  // Ends with process.exit(0) rather than the signal re-raised: 'exit' is when pino writes the lines it
  // still holds (LoggingModule), such as those the shutdown itself logged.
  app.enableShutdownHooks([], { useProcessExit: true });
  await mountQueueDashboard(app);

  await loadOpenApiMetadata();
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app, root));
  return app;
}

function withModules(modules: Type[]): Type {
  @Module({ imports: [AppModule, ...modules] })
  class AppWithModules {}
  return AppWithModules;
}
