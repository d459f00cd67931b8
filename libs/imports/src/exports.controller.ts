import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, NPA_STAFF } from '@npa/platform';
import { IMPORT_KINDS, isImportKind } from './import-kinds';
import { unknownKind } from './imports.controller';
import { ExportsService } from './exports.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get(':file')
  @Access(NPA_STAFF)
  @ApiOperation({
    summary: 'Download a part of the register as CSV: /exports/{kind}.csv',
    description:
      'The columns are the import columns of the same kind, header first, so the file can be imported again (into this register every row would then be reported as already there).',
  })
  @ApiParam({ name: 'file', description: 'the kind of register, as a CSV file name', enum: IMPORT_KINDS.map((kind) => `${kind}.csv`) })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the CSV file, header first', schema: { type: 'string' } })
  downloadRegisterCsv(@Param('file') file: string): StreamableFile {
    const kind = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : file;
    if (!file.endsWith('.csv') || !isImportKind(kind)) throw unknownKind(kind);
    return new StreamableFile(this.exports.csv(kind), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${kind}.csv"` });
  }
}
