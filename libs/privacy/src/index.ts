// The public door of @npa/privacy: other libs, apps and tests import only what is here.
export { NOT_PERSONAL, PERSONAL_DATA } from './personal-data';
export { PrivacyModule } from './privacy.module';
export { PrivacyWorkerModule } from './privacy-worker.module';
export { retentionCutoff } from './retention.rules';
export { RetentionService } from './retention.service';
export { type SubjectAccessReport, SubjectAccessService } from './subject-access.service';
