import { Body, Controller, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, Actor, ApiTooLarge, CurrentUser, NPA_STAFF, DomainError, errorExample, invalid } from '@npa/platform';
import { IMPORT_KINDS, isImportKind, ROW_NUMBERING } from './import-kinds';
import { problemCount, toDetails } from './import-problems';
import { ImportQuery } from './imports.dto';
import { ImportCheckResponse, ImportResultResponse } from './imports.responses';
import { ImportsService } from './imports.service';

const NOT_CSV = 'Send the CSV file itself as the body, with Content-Type: text/csv.';

export const unknownKind = (kind: string) =>
  new DomainError('NOT_FOUND', HttpStatus.NOT_FOUND, `There is no "${kind}" register to import or export; the kinds are ${IMPORT_KINDS.join(', ')}.`);

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post(':kind')
  @Access(NPA_STAFF)
  @ApiOperation({
    summary: 'Import a CSV file into the register, all rows or none',
    description:
      `The body is the CSV text (Content-Type: text/csv), a header row first; header names ignore case. Rows are numbered ${ROW_NUMBERING}. ` +
      '?dryRun=true checks every row and answers 200 {kind, dryRun, rowNumbering, rows, valid, problems: [{row, column, problem}], wouldCreate}, changing nothing. ' +
      'A real run answers 201 {kind, rows, created} when every row is fine, else 400 with details [{field: "row 7: email", problem}] (the first 200) and changes nothing. ' +
      'People and settings are new records only: an email or Ofsted URN already on the register (or twice in the file) is a problem, so re-importing an export reports every row.',
  })
  @ApiConsumes('text/csv')
  @ApiTooLarge()
  @ApiOkResponse({ description: 'a dry run (?dryRun=true): every row checked, nothing changed', type: ImportCheckResponse })
  @ApiResponse({
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    description: 'The body is not CSV text.',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' }, example: errorExample(415, NOT_CSV) } },
  })
  @ApiCreatedResponse({ description: 'every row was fine and all were imported', type: ImportResultResponse })
  @ApiBody({ schema: { type: 'string', example: 'name,email\nAnn Example,ann@example.org\n' } })
  async importRegisterCsv(
    @Param('kind') kind: string,
    @Query() query: ImportQuery,
    @Body() body: unknown,
    @CurrentUser() actor: Actor,
    @Req() request: { id?: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportCheckResponse | ImportResultResponse> {
    if (!isImportKind(kind)) throw unknownKind(kind);
    if (typeof body !== 'string') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', HttpStatus.UNSUPPORTED_MEDIA_TYPE, NOT_CSV);
    const dryRun = query.dryRun === 'true';
    const report = await this.imports.import(kind, body, { dryRun, actor, source: 'api', requestId: request.id });
    if (dryRun) {
      reply.status(HttpStatus.OK);
      const { rowNumbering, rows, valid, problems, wouldCreate } = report;
      return { kind, dryRun: true, rowNumbering, rows, valid, problems, wouldCreate };
    }
    if (report.problems.length > 0) {
      throw invalid(
        `The file has ${problemCount(report.problems.length)}; nothing was imported. Rows are numbered ${ROW_NUMBERING}.`,
        toDetails(report.problems),
      );
    }
    return { kind, rows: report.rows, created: report.created, ...(report.peopleCreated === undefined ? {} : { peopleCreated: report.peopleCreated }) };
  }
}
