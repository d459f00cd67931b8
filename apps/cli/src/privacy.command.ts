import { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { isIsoDate, Clock } from '@npa/platform';
import { RetentionService, SubjectAccessService } from '@npa/privacy';
import { withApp } from './with-app';

/** `subject-access EMAIL [--out FILE]` and `retention [--as-of D] [--dry-run]`: data protection on demand. */
export function registerPrivacyCommands(program: Command): void {
  program
    .command('subject-access')
    .description('write everything held about a person (every table) as JSON, for a subject access request')
    .argument('<email>', "the person's email address")
    .option('--out <file>', 'write the JSON to this file instead of the standard output')
    .action(async (email: string, options: { out?: string }) => {
      const report = await withApp((app) => app.get(SubjectAccessService).export(email));
      const json = JSON.stringify(report, null, 2) + '\n';
      const found = Object.entries(report.counts).filter(([, n]) => n > 0);
      const line = found.length
        ? `Found ${email} in ${found.length} tables: ${found.map(([table, n]) => `${table} (${n})`).join(', ')}.`
        : `Nothing is held about ${email}.`;
      if (options.out) {
        await writeFile(options.out, json, { mode: 0o600 });
        console.log(`${line}\nWritten to ${options.out}.`);
      } else {
        process.stdout.write(json);
        console.error(line);
      }
    });

  program
    .command('retention')
    .description('anonymise people past the retention period after their last link ended (the daily job does the same)')
    .option('--as-of <date>', 'the day to judge as of (YYYY-MM-DD), default today')
    .option('--dry-run', 'list who would be anonymised, changing nothing')
    .action(async (options: { asOf?: string; dryRun?: boolean }) => {
      const asOfGiven: string | undefined = options.asOf;
      if (asOfGiven !== undefined && !isIsoDate(asOfGiven)) throw new Error(`--as-of must be a date written YYYY-MM-DD, not "${String(asOfGiven)}".`);
      const summary = await withApp((app) => app.get(RetentionService).run(options.asOf ?? app.get(Clock).today(), { dryRun: options.dryRun === true }));
      console.log(
        `Retention as of ${summary.asOf}: ${summary.retentionYears} years after the last link ends, so links that ended before ${summary.cutoff}. ` +
          `${summary.due.length} ${summary.due.length === 1 ? 'person is' : 'people are'} past it.`,
      );
      for (const p of summary.due) console.log(`  ${p.personId}  ${p.name}  (last link ended ${p.lastLinkEnded})`);
      console.log(summary.dryRun ? 'Dry run: nothing was changed.' : `Anonymised ${summary.anonymised}, each with an audit row.`);
    });
}
