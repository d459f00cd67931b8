import { Presets, SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { IMPORT_KINDS, isImportKind, problemCount, ImportsService, type ImportReport } from '@npa/imports';
import { withApp } from './with-app';

/** `import KIND FILE [--dry-run]`: the API's import, from a file on disk, listing every problem. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(`import a CSV file into the register, all rows or none (kinds: ${IMPORT_KINDS.join(', ')})`)
    .argument('<kind>', 'what the file holds')
    .argument('<file>', 'the CSV file, header row first')
    .option('--dry-run', 'check every row and report, changing nothing')
    .action(async (kind: string, file: string, options: { dryRun?: boolean }) => {
      if (!isImportKind(kind)) throw new Error(`There is no "${kind}" import; the kinds are ${IMPORT_KINDS.join(', ')}.`);
      const csv = await readFile(file, 'utf8');
      // Drawn on stderr, and only on a terminal: piped output stays just the report.
      const bar = new SingleBar({ format: '{phase} [{bar}] {value}/{total} rows', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
      let phase = '';
      const report = await withApp((app) =>
        app.get(ImportsService).import(kind, csv, {
          dryRun: options.dryRun === true,
          actor: null,
          source: 'cli',
          progress: (next, done, total) => {
            if (next !== phase) {
              if (phase) bar.stop();
              bar.start(total, done, { phase: next.padEnd(8) });
              phase = next;
            } else bar.update(done);
          },
        }),
      ).finally(() => bar.stop());
      console.log(describe(report).join('\n'));
      if (report.problems.length > 0) process.exitCode = 1;
    });
}

function describe(report: ImportReport): string[] {
  const lines = [`${report.kind}: ${report.rows} rows, ${report.valid} valid, ${problemCount(report.problems.length)}.`];
  if (report.problems.length > 0) {
    lines.push(`Rows are numbered ${report.rowNumbering}.`);
    lines.push(...report.problems.map((p) => (p.column === null ? `row ${p.row}: ${p.problem}` : `row ${p.row}, ${p.column}: ${p.problem}`)));
    lines.push(report.dryRun ? 'Dry run: nothing was changed.' : 'Nothing was imported: fix the rows above and run it again.');
  } else if (report.dryRun) {
    lines.push(`Dry run: nothing was changed; a real run would create ${report.wouldCreate}.`);
  } else {
    lines.push(`Imported: created ${report.created}${report.peopleCreated ? ` (and ${report.peopleCreated} new people)` : ''}.`);
  }
  return lines;
}
