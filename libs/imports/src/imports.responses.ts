// What the import routes answer with, as classes so the OpenAPI document is generated from them.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_KINDS, type ImportKind } from './import-kinds';

/** A problem with one cell (column set), a whole row, or the file (row 1 is the header). */
export class ImportProblemResponse {
  row: number;
  /** null for a problem with the whole row or file. */
  column: string | null;
  problem: string;
}

/** A dry run: every row checked, nothing changed. */
export class ImportCheckResponse {
  @ApiProperty({ enum: IMPORT_KINDS })
  kind: ImportKind;
  /** Always true. */
  dryRun: boolean;
  /** How rows are numbered in problems. */
  rowNumbering: string;
  /** Data rows in the file. */
  rows: number;
  /** Rows without a problem. */
  valid: number;
  /** Every problem, in row order; empty when the file can be imported as it is. */
  problems: ImportProblemResponse[];
  /** Records the valid rows describe: what a real run creates once problems is empty. */
  wouldCreate: number;
}

/** A real run where every row was fine: all were imported. */
export class ImportResultResponse {
  @ApiProperty({ enum: IMPORT_KINDS })
  kind: ImportKind;
  rows: number;
  created: number;
  /** Workshop completions only: attendees not yet on the register, added as people. */
  @ApiPropertyOptional()
  peopleCreated?: number;
}
