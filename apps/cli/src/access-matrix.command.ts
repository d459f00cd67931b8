import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { controllersOf, declaredRoutes, renderAccessMatrix } from '@npa/platform';

/**
 * `access-matrix [--out FILE]`: who may call each route, as Markdown, read from the routes' own
 * declarations without starting the app (no database needed). `npm run docs:access` keeps
 * docs/access-matrix.md current with it.
 */
export function registerAccessMatrixCommand(program: Command): void {
  program
    .command('access-matrix')
    .description("write the access matrix (who may call each route) from the routes' declarations")
    .option('--out <file>', 'write it to this file instead of printing it')
    .action(async (options: { out?: string }) => {
      // Loaded here, not at the top: the other commands need none of the API's modules.
      const { AppModule } = await import('../../api/src/app.module');
      const markdown = renderAccessMatrix(declaredRoutes(controllersOf(AppModule)));
      if (!options.out) return void process.stdout.write(markdown);
      writeFileSync(options.out, markdown);
      console.log(`Wrote ${options.out}.`);
    });
}
