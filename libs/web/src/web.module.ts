import { Module } from '@nestjs/common';
import { AuthModule } from '../../platform/src/auth/auth.module';
import { ApprovalModule } from '../../approval/src/approval.module';
import { ComplianceModule } from '../../compliance/src/compliance.module';
import { LettersModule } from '../../letters/src/letters.module';
import { ImportsModule } from '../../registry/src/imports/imports.module';
import { RemindersModule } from '../../reminders/src/reminders.module';
import { AuthPages } from './pages/auth.pages';
import { LetterDetails } from './pages/letter-details';
import { OfficeAuditPages } from './pages/office-audit.pages';
import { OfficeCharts } from './pages/office-charts';
import { OfficeDashboard } from './pages/office-dashboard';
import { OfficeImportsPages } from './pages/office-imports.pages';
import { OfficeLettersPages } from './pages/office-letters.pages';
import { OfficeTemplatesPages } from './pages/office-templates.pages';
import { OfficeUsersPages } from './pages/office-users.pages';
import { OrganisationOptions } from './pages/organisation-options';
import { OfficePages } from './pages/office.pages';

/** The web back-office: server-rendered pages for every role, on the same services as the API. */
@Module({
  imports: [AuthModule, ApprovalModule, ComplianceModule, LettersModule, RemindersModule, ImportsModule],
  controllers: [AuthPages, OfficePages, OfficeLettersPages, OfficeTemplatesPages, OfficeUsersPages, OfficeAuditPages, OfficeImportsPages],
  providers: [OfficeDashboard, OfficeCharts, LetterDetails, OrganisationOptions],
})
export class WebModule {}
