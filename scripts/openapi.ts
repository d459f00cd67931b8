// `npm run docs:openapi [-- --check]`: regenerates the @nestjs/swagger plugin's metadata
// (apps/api/src/openapi/metadata.ts) from the DTO, response and controller files, then writes the
// document the API serves at /api/docs to docs/openapi.json. With --check (CI) it fails when either
// file was out of date, naming it; the files are rewritten either way, ready to commit.
// The build is plain tsc, so the plugin runs here, with the options nest-cli.json gives it.
import 'reflect-metadata';
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';

const ROOT = join(__dirname, '..');
const METADATA_DIR = join(ROOT, 'apps/api/src/openapi');
const METADATA = join(METADATA_DIR, 'metadata.ts');
const DOCUMENT = join(ROOT, 'docs/openapi.json');

interface NestCli {
  compilerOptions: { plugins: { name: string; options: Record<string, unknown> }[] };
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

async function writeFormatted(file: string, text: string): Promise<boolean> {
  const options = await prettier.resolveConfig(file);
  const formatted = await prettier.format(text, { ...options, filepath: file });
  const changed = read(file) !== formatted;
  if (changed) writeFileSync(file, formatted);
  return changed;
}

function swaggerPluginOptions(): Record<string, unknown> {
  const cli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as NestCli;
  const plugin = cli.compilerOptions.plugins.find((entry) => entry.name === '@nestjs/swagger');
  if (!plugin) throw new Error('nest-cli.json names no @nestjs/swagger plugin');
  return plugin.options;
}

async function regenerateMetadata(): Promise<boolean> {
  const before = read(METADATA);
  new PluginMetadataGenerator().generate({
    visitors: [new ReadonlyVisitor({ ...swaggerPluginOptions(), pathToSource: METADATA_DIR })],
    outputDir: METADATA_DIR,
    filename: 'metadata.ts',
    tsconfigPath: 'tsconfig.build.json',
    printDiagnostics: false,
  });
  const generated = readFileSync(METADATA, 'utf8');
  // Written back as it was when only the formatting differs, so --check compares contents.
  if (before !== undefined) writeFileSync(METADATA, before);
  return writeFormatted(METADATA, generated);
}

async function writeDocument(): Promise<boolean> {
  // Loaded only now, so the metadata just written is the one the document is made from.
  const { AppModule } = await import('../apps/api/src/app.module');
  const { loadOpenApiMetadata, openApiDocument } = await import('../apps/api/src/openapi/document');
  // preview: the module graph without running it, so no database, Redis or secret is needed.
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  await loadOpenApiMetadata();
  const document = openApiDocument(app);
  await app.close();
  return writeFormatted(DOCUMENT, JSON.stringify(document, null, 2));
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale = [(await regenerateMetadata()) && 'apps/api/src/openapi/metadata.ts', (await writeDocument()) && 'docs/openapi.json'].filter(Boolean);
  if (stale.length === 0) return void console.log('OpenAPI: metadata and docs/openapi.json are current.');
  console.log(`OpenAPI: rewrote ${stale.join(' and ')}.`);
  if (check) {
    console.error('They differed from what the code generates: run `npm run docs:openapi` and commit them.');
    process.exit(1);
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
