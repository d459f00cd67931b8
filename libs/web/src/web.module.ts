import { Module } from '@nestjs/common';
import { AuthModule } from '@npa/platform';
import { ApprovalModule } from '@npa/approval';
import { ComplianceModule } from '@npa/compliance';
import { LettersModule } from '@npa/letters';
import { RegistryModule } from '@npa/registry';
import { ImportsModule } from '@npa/imports';
import { RemindersModule } from '@npa/reminders';
import { ReturnsModule } from '@npa/returns';
import { SupervisionModule } from '@npa/supervision';
import { TrainingModule } from '@npa/training';
import { AccountPages } from './pages/account.pages';
import { AuthPages } from './pages/auth.pages';
import { ImportRuns } from './pages/import-runs';
import { OfficeApplicationPages } from './pages/office-application.pages';
import { OfficeAuditPages } from './pages/office-audit.pages';
import { OfficeCharts } from './pages/office-charts';
import { OfficeCompliancePages } from './pages/office-compliance.pages';
import { OfficeDashboard } from './pages/office-dashboard';
import { OfficeImportsPages } from './pages/office-imports.pages';
import { OfficeLettersPages } from './pages/office-letters.pages';
import { OfficeLocalAuthoritiesPages } from './pages/office-local-authorities.pages';
import { OfficeParametersPages } from './pages/office-parameters.pages';
import { OfficeReturnsPages } from './pages/office-returns.pages';
import { OfficeSnapshotPages } from './pages/office-snapshot.pages';
import { OfficeTemplatesPages } from './pages/office-templates.pages';
import { OfficeUsersPages } from './pages/office-users.pages';
import { OrganisationOptions } from './pages/organisation-options';
import { OfficePages } from './pages/office.pages';
import { ServiceOverview } from './pages/service-overview';
import { ServiceTeamPages } from './pages/service-team.pages';
import { ServicePages } from './pages/service.pages';
import { ServiceReturnsPages } from './pages/service-returns.pages';
import { SettingApplication } from './pages/setting-application';
import { SettingApplicationPages } from './pages/setting-application.pages';
import { SettingHome } from './pages/setting-home';
import { SettingPages } from './pages/setting.pages';
import { TrainerPages } from './pages/trainer.pages';
import { VerifyPages } from './pages/verify.pages';

/** The web back-office: server-rendered pages for every role, on the same services as the API. */
@Module({
  imports: [
    AuthModule,
    ApprovalModule,
    ComplianceModule,
    ImportsModule,
    LettersModule,
    RegistryModule,
    RemindersModule,
    ReturnsModule,
    SupervisionModule,
    TrainingModule,
  ],
  controllers: [
    AuthPages,
    AccountPages,
    OfficePages,
    OfficeApplicationPages,
    OfficeCompliancePages,
    OfficeLettersPages,
    OfficeTemplatesPages,
    OfficeUsersPages,
    OfficeAuditPages,
    OfficeImportsPages,
    OfficeReturnsPages,
    OfficeSnapshotPages,
    OfficeLocalAuthoritiesPages,
    OfficeParametersPages,
    ServicePages,
    ServiceTeamPages,
    ServiceReturnsPages,
    TrainerPages,
    SettingPages,
    SettingApplicationPages,
    VerifyPages,
  ],
  providers: [ImportRuns, OfficeDashboard, OfficeCharts, OrganisationOptions, ServiceOverview, SettingHome, SettingApplication],
})
export class WebModule {}
