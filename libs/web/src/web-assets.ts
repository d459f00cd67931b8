import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'sass';

const STYLES = join(__dirname, '..', 'styles', 'app.scss');
const GOVUK_JS = require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.js');
// The components' own behaviour (error summary focus, header menu); pages work without it.
const INIT = "import { initAll } from '/assets/govuk-frontend.min.js';\ninitAll();\n";

/**
 * The pages' stylesheet and scripts. The stylesheet is compiled from GOV.UK Frontend's Sass once, when
 * first asked for, and kept in memory: no build step, and the same in tests as in production.
 */
export async function mountWebAssets(app: NestFastifyApplication): Promise<void> {
  let css: string | undefined;
  const js = readFileSync(GOVUK_JS, 'utf8');
  await app.register(async (scope: FastifyInstance) => {
    const cache = { 'cache-control': 'public, max-age=3600' };
    scope.get('/assets/app.css', async (_request, reply) => {
      css ??= compile(STYLES, { loadPaths: [join(require.resolve('govuk-frontend/package.json'), '..', '..')], quietDeps: true, style: 'compressed' }).css;
      return reply.headers({ ...cache, 'content-type': 'text/css; charset=utf-8' }).send(css);
    });
    scope.get('/assets/govuk-frontend.min.js', async (_request, reply) =>
      reply.headers({ ...cache, 'content-type': 'text/javascript; charset=utf-8' }).send(js),
    );
    scope.get('/assets/init.js', async (_request, reply) => reply.headers({ ...cache, 'content-type': 'text/javascript; charset=utf-8' }).send(INIT));
  });
}
