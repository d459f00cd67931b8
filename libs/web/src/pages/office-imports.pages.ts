import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PageAccess, TakesUpload, Actor, CurrentUser, NPA_STAFF, notFound, ParseId } from '@npa/platform';
import { COLUMNS, IMPORT_KINDS, isImportKind, ROW_NUMBERING, problemCount } from '@npa/imports';
import { ImportRuns } from './import-runs';
import { readCsvUpload } from './csv-upload';
import type { FormError } from './render';
import { page, PageReply, redirectWithNotice } from './render';

/** Enough rows of problems to fix a file by; the count says how many more there are. */
const SHOWN = 500;

const kinds = (chosen?: string) =>
  IMPORT_KINDS.map((kind, i) => ({
    kind,
    id: i === 0 ? 'kind' : `kind-${i + 1}`,
    checked: kind === chosen,
    required: COLUMNS[kind].required.join(', '),
    optional: COLUMNS[kind].optional.join(', '),
  }));

/**
 * CSV imports through the page, for NPA staff as in the API: check a file (a dry run), then import it,
 * all rows or none. It runs in the background and its page shows the progress, then the report.
 */
@ApiExcludeController()
@Controller('office/imports')
export class OfficeImportsPages {
  constructor(private readonly runs: ImportRuns) {}

  @Get()
  @PageAccess(NPA_STAFF)
  form(@PageReply() reply: PageReply, @Query('notice') notice?: string) {
    return page(reply, 'office/imports', { title: 'Import a CSV file', notice, kinds: kinds() });
  }

  @Post()
  @HttpCode(200)
  @PageAccess(NPA_STAFF)
  @TakesUpload()
  async upload(@PageReply() reply: PageReply, @CurrentUser() actor: Actor) {
    const { fields, csv, fileName, tooLarge } = await readCsvUpload(reply.request);
    const kind = fields.kind ?? '';
    const errors: FormError[] = [];
    if (!isImportKind(kind)) errors.push({ field: 'kind', message: 'Choose what the file holds', href: '#kind' });
    if (tooLarge) errors.push({ field: 'file', message: 'The file is too large: split it and import each part', href: '#file' });
    else if (csv === null) errors.push({ field: 'file', message: 'Choose a CSV file', href: '#file' });
    if (errors.length > 0 || !isImportKind(kind) || csv === null)
      return page(reply, 'office/imports', { title: 'Import a CSV file', kinds: kinds(kind), errors }, 400);

    const run = this.runs.start(actor, kind, csv, {
      dryRun: fields.action !== 'import',
      fileName: fileName ?? 'the file',
      requestId: String(reply.request.id),
    });
    return reply.redirect(`/office/imports/runs/${run.id}`, 303);
  }

  /** The run's progress while it goes (the page reloads itself; without script, a link does), then its report. */
  @Get('runs/:runId')
  @PageAccess(NPA_STAFF)
  progress(@PageReply() reply: PageReply, @Param('runId', ParseId) runId: string, @CurrentUser() actor: Actor) {
    const run = this.runs.find(runId, actor);
    if (!run) throw notFound('The import');
    const { report, fileName, kind } = run;
    if (!report && !run.failed) {
      const percent = run.total ? Math.floor((run.done / run.total) * 100) : 0;
      return page(reply, 'office/import-progress', { title: 'Importing', run, percent });
    }
    if (run.failed) {
      return page(
        reply,
        'office/imports',
        {
          title: 'Import a CSV file',
          kinds: kinds(kind),
          errors: [{ field: 'file', message: `The import of ${fileName} stopped and nothing was imported: ${run.failed}`, href: '#file' }],
        },
        500,
      );
    }
    if (!run.dryRun && report!.problems.length === 0) {
      return redirectWithNotice(reply, '/office/imports', `Imported ${fileName}: ${report!.rows} rows, ${report!.created} records created.`);
    }
    const refused = !run.dryRun
      ? [{ field: 'report', message: `The file has ${problemCount(report!.problems.length)}; nothing was imported`, href: '#report' }]
      : undefined;
    return page(
      reply,
      'office/imports',
      {
        title: 'Import a CSV file',
        kinds: kinds(kind),
        report,
        shown: report!.problems.slice(0, SHOWN),
        more: Math.max(0, report!.problems.length - SHOWN),
        fileName,
        rowNumbering: ROW_NUMBERING,
        errors: refused,
      },
      refused ? 400 : 200,
    );
  }
}
