// The public door of @npa/returns: other libs, apps and tests import only what is here.
export { AGE_RANGES, FIGURE_LABELS, FUNDING_LABELS, FUNDING_SOURCES, type ReturnFigures } from './rules/figures';
export { AnnualReturn } from './annual-return.entity';
export { AnnualReturnRevision } from './annual-return-revision.entity';
export { AUTHORITY_KINDS, loadLocalAuthorityCsv, REGIONS } from './local-authorities';
export {
  CreateLocalAuthorityDto,
  FileReturnDto,
  LocalAuthorityQuery,
  RETURN_STATES,
  UpdateLocalAuthorityDto,
  UpdateReturnYearDto,
  YearStatusQuery,
} from './returns.dto';
export { defaultDueOn, latestFilingYear, reportingYear, type ReportingYear } from './rules/reporting-year';
export { FilingStatusService } from './filing-status.service';
export { generateReturns } from './demo/returns-generator';
export { LocalAuthoritiesService } from './local-authorities.service';
export { LocalAuthority } from './local-authority.entity';
export { ParseReportingYear } from './year.pipe';
export { ReturnsModule } from './returns.module';
export { ReturnsService } from './returns.service';
export { type ReturnView } from './returns.views';
export { ReturnYear } from './return-year.entity';
export { ReturnYears } from './return-years.service';
export { share, type Snapshot } from './rules/snapshot';
export { type SnapshotLine, snapshotLines } from './rules/snapshot-lines';
export { SnapshotReport } from './snapshot-report.entity';
export { SnapshotService } from './snapshot.service';
export { RETURNS_PERSONAL_DATA } from './personal-data';
export { RETURNS_VIEW_STATES } from './view-states';
export * from './returns-letter-kinds';
