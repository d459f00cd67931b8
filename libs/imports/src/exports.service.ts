import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pipeline, Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { csvStream } from '@npa/platform';
import { allColumns, type ImportKind } from './import-kinds';
import { EXPORT_QUERIES } from './read-model/exports.read-model';

/** Rows fetched per query: the export never holds more than this many records in memory. */
export const EXPORT_BATCH = 1000;

/** The register as CSV, streamed: batches by keyset (id > last id), never the whole table at once. */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  csv(kind: ImportKind): Readable {
    const out = csvStream(allColumns(kind));
    pipeline(Readable.from(this.records(kind)), out, (error) => {
      if (error) this.logger.error({ err: error, kind }, 'export failed part-way');
    });
    return out;
  }

  /**
   * Each batch is its own short query rather than one long transaction, so a slow download holds no
   * connection; a record added meanwhile may or may not appear, as with any list read in pages.
   */
  async *records(kind: ImportKind): AsyncGenerator<Record<string, unknown>> {
    let after: string | null = null;
    for (;;) {
      const batch: Record<string, unknown>[] = await this.dataSource.query(EXPORT_QUERIES[kind], [after, EXPORT_BATCH]);
      yield* batch;
      if (batch.length < EXPORT_BATCH) return;
      after = String(batch[batch.length - 1].id);
    }
  }
}
