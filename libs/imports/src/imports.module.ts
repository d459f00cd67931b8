import { Module } from '@nestjs/common';
import { CsvBodyParser } from './csv-body.parser';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** CSV imports (dry run, then all-or-nothing) and streamed CSV exports of the register. */
@Module({
  controllers: [ImportsController, ExportsController],
  providers: [ImportsService, ExportsService, CsvBodyParser],
  exports: [ImportsService, ExportsService],
})
export class ImportsModule {}
