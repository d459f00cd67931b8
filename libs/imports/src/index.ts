// The public door of @npa/imports: other libs, apps and tests import only what is here.
export { allColumns, COLUMNS, IMPORT_KINDS, type ImportKind, isImportKind, ROW_NUMBERING } from './import-kinds';
export { CSV_BODY_LIMIT } from './csv-body.parser';
export { type ImportReport, ImportsService } from './imports.service';
export { ImportsModule } from './imports.module';
export { problemCount } from './import-problems';
