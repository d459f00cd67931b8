import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@npa/platform';
import type { ImportKind } from '@npa/imports';
import { ImportsService, type ImportReport } from '@npa/imports';

export interface ImportRun {
  id: string;
  userId: string;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  phase: string;
  done: number;
  total: number;
  report?: ImportReport;
  failed?: string;
  startedAt: number;
}

/** A finished run is kept this long for its page to show. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * Imports started from the page run here in the background, so a large file shows its progress instead
 * of a page that seems to hang. Runs live in this API process's memory: the page that follows a run is
 * served by the process that started it (one API process; behind several, route by session).
 */
@Injectable()
export class ImportRuns {
  private readonly logger = new Logger('Imports');
  private readonly runs = new Map<string, ImportRun>();

  constructor(private readonly imports: ImportsService) {}

  start(actor: Actor, kind: ImportKind, csv: string, options: { dryRun: boolean; fileName: string; requestId: string }): ImportRun {
    this.forgetOld();
    const run: ImportRun = {
      id: randomUUID(),
      userId: actor.id,
      kind,
      fileName: options.fileName,
      dryRun: options.dryRun,
      phase: 'reading',
      done: 0,
      total: 0,
      startedAt: Date.now(),
    };
    this.runs.set(run.id, run);
    this.imports
      .import(kind, csv, {
        dryRun: options.dryRun,
        actor,
        source: 'web',
        requestId: options.requestId,
        progress: (phase, done, total) => Object.assign(run, { phase, done, total }),
      })
      .then((report) => (run.report = report))
      .catch((error: unknown) => {
        // Nothing was imported (the import is one transaction); the page says so.
        run.failed = error instanceof Error ? error.message : String(error);
        this.logger.error({ err: error, run: run.id }, 'import failed');
      });
    return run;
  }

  /** Only the person who started a run sees it. */
  find(id: string, actor: Actor): ImportRun | undefined {
    const run = this.runs.get(id);
    return run && run.userId === actor.id ? run : undefined;
  }

  private forgetOld(): void {
    for (const [id, run] of this.runs) if (Date.now() - run.startedAt > KEEP_MS && (run.report || run.failed)) this.runs.delete(id);
  }
}
