import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { controllersOf, declaredRoutes, operationIdOf, withStandardErrors } from '@npa/platform';
import { AppModule } from '../app.module';
import metadata from './metadata';

/**
 * The types the @nestjs/swagger plugin read from the DTO, response and controller files
 * (metadata.ts, written by `npm run docs:openapi`: the build is plain tsc, so the plugin cannot run in it).
 * Loaded once, before any document is made.
 */
export const loadOpenApiMetadata = () => SwaggerModule.loadPluginMetadata(metadata);

/**
 * The OpenAPI document of the app's routes: served at /api/docs and written to docs/openapi.json. `root` is
 * the module the app was made from, whose controllers' declarations give each route's security and errors.
 */
export function openApiDocument(app: INestApplication, root: Type = AppModule): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('NPA back-office')
    .setDescription(
      'Service registration checks, Stamp of Approval, training records, reminders and letters. The routes of API.md are fixed; the rest are documented here. Every error answers with the ErrorBody schema.',
    )
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://www.portage.org.uk')
    .addServer('/', 'The API that serves this document')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationIdOf });
  return withStandardErrors(document, declaredRoutes(controllersOf(root)));
}
