import { Module } from '@nestjs/common';
import { AuthModule } from '../../platform/src/auth/auth.module';
import { ApprovalModule } from '../../approval/src/approval.module';
import { ComplianceModule } from '../../compliance/src/compliance.module';
import { RegistryModule } from '../../registry/src/registry.module';
import { AuthPages } from './pages/auth.pages';
import { OfficeApplicationPages } from './pages/office-application.pages';
import { OfficeCompliancePages } from './pages/office-compliance.pages';
import { OfficeDashboard } from './pages/office-dashboard';
import { OfficePages } from './pages/office.pages';

/** The web back-office: server-rendered pages for every role, on the same services as the API. */
@Module({
  imports: [AuthModule, ApprovalModule, ComplianceModule, RegistryModule],
  controllers: [AuthPages, OfficePages, OfficeApplicationPages, OfficeCompliancePages],
  providers: [OfficeDashboard],
})
export class WebModule {}
