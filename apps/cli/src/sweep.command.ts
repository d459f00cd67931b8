import { NestFactory } from '@nestjs/core';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { AppConfig, isIsoDate, Clock } from '@npa/platform';
import { SweepService, SweepSummary } from '@npa/reminders';
import { WorkerModule } from '@npa/worker';

interface Progress {
  waiting: number;
  sent: number;
  suppressed: number;
  failed: number;
  unknown: number;
}

/**
 * `sweep [--as-of DATE]`: the daily sweep on demand. It runs inside a worker of its own, so what it
 * finds is also composed and sent before it returns (unless --no-wait leaves that to the running worker).
 */
export function registerSweepCommand(program: Command): void {
  program
    .command('sweep')
    .description('run the daily sweep now: evaluate the register, find every reminder due, and send them')
    .option('--as-of <date>', 'the day to sweep as of (YYYY-MM-DD), default today')
    .option('--no-wait', 'only record and queue; the running worker sends them')
    .option('--timeout <seconds>', 'how long to wait for the emails to go', '300')
    .action(async (options: { asOf?: string; wait: boolean; timeout: string }) => {
      const asOfGiven: string | undefined = options.asOf;
      if (asOfGiven !== undefined && !isIsoDate(asOfGiven)) throw new Error(`--as-of must be a date written YYYY-MM-DD, not "${String(asOfGiven)}".`);
      const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
      try {
        await app.init();
        const started = new Date();
        const asOf = options.asOf ?? app.get(Clock).today();
        const summary = await app.get(SweepService).run(asOf, (line) => console.log(line));
        console.log(describe(summary).join('\n'));
        if (!options.wait) return;
        const dataSource = app.get(DataSource);
        const deadline = Date.now() + Number(options.timeout) * 1000;
        let last = '';
        for (;;) {
          const now = await progress(dataSource, started);
          const line = `Sending: ${now.waiting} waiting, ${now.sent} sent, ${now.suppressed} suppressed, ${now.failed} failed, ${now.unknown} unknown`;
          if (line !== last) console.log(line);
          last = line;
          if (now.waiting === 0) break;
          if (Date.now() > deadline) {
            console.log(`Stopped waiting after ${options.timeout} s; the worker (npm start) sends the rest.`);
            break;
          }
          await new Promise((r) => setTimeout(r, 500));
        }
        const config = app.get(AppConfig);
        console.log(
          config.SMTP_URL
            ? `Emails went to the SMTP server at ${new URL(config.SMTP_URL).host}.`
            : `No SMTP server is configured: the emails are .eml files in ${config.OUTBOX_DIR}.`,
        );
      } finally {
        await app.close();
      }
    });
}

function describe(summary: SweepSummary): string[] {
  const kinds = Object.entries(summary.newByKind).sort(([a], [b]) => a.localeCompare(b));
  return [
    `Swept as of ${summary.asOf}: ${summary.services} services (${summary.nonCompliant} not compliant, ${summary.statusChanges} changed status), ${summary.settings} settings.`,
    `Reminders due: ${summary.remindersDue}; new: ${summary.remindersNew}${summary.unreachable ? ` (${summary.unreachable} with nobody to send to)` : ''}.`,
    ...kinds.map(([kind, n]) => `  ${kind}: ${n}`),
  ];
}

/** Where the letters and reminders this run made have got to. */
async function progress(dataSource: DataSource, since: Date): Promise<Progress> {
  const [row] = await dataSource.query<Progress[]>(
    `SELECT
       (SELECT count(*) FROM reminders r WHERE r.created_at >= $1 AND r.state = 'pending' AND r.letter_id IS NULL)::int
         + (SELECT count(*) FROM letters l LEFT JOIN mail_deliveries d ON d.letter_id = l.id
             WHERE l.created_at >= $1 AND jsonb_array_length(l.recipients) > 0 AND (d.state IS NULL OR d.state IN ('pending', 'sending')))::int AS waiting,
       count(*) FILTER (WHERE d.state = 'sent')::int AS sent,
       (count(*) FILTER (WHERE d.state = 'suppressed') + (SELECT count(*) FROM reminders r WHERE r.created_at >= $1 AND r.state = 'suppressed'))::int AS suppressed,
       (count(*) FILTER (WHERE d.state = 'failed') + (SELECT count(*) FROM reminders r WHERE r.created_at >= $1 AND r.state = 'failed'))::int AS failed,
       count(*) FILTER (WHERE d.state = 'unknown')::int AS unknown
     FROM mail_deliveries d JOIN letters l ON l.id = d.letter_id WHERE l.created_at >= $1`,
    [since],
  );
  return row;
}
