export * from './audit/audit.service';
export * from './auth/access.decorator';
export * from './auth/current-user';
export * from './auth/roles';
export * from './auth/scope.registry';
export * from './config/app-config';
export * from './dates';
export * from './http/domain-error';
export * from './http/pagination';
export * from './mail/mail-error';
export * from './mail/mailer';
export * from './outbox/outbox';
export * from './queue/job-queue';
export * from './queue/jobs';
export * from './queue/on-job.decorator';
export * from './time/clock';
export { PlatformModule } from './platform.module';
export { AbsentWith, IsIsoDate } from './http/validators';
export { AccessDeclarations, controllersOf, type DeclaredRoute, declaredRoutes, methodName } from './auth/access-declarations';
export { AuditController } from './audit/audit.controller';
export { AuditEntry } from './audit/audit-entry.entity';
export { AuthModule } from './auth/auth.module';
export { AuthService } from './auth/auth.service';
export { bullmqConnection } from './redis/redis';
export { ChangePasswordDto } from './auth/auth.dto';
export { CreateUserDto, UpdateUserDto } from './users/user.dto';
export { createValidationPipe, NoBody, ParseId, validateInput } from './http/validation';
export { ErrorFilter } from './http/error.filter';
export { fixedHeaders } from './http/fixed-headers';
export { AppHttpAdapter } from './http/http-adapter';
export { closeConnectionsAfterGrace } from './http/shutdown-grace';
export { keepJson, replyJson } from './http/kept-json';
export { deepFreeze, KeptUnderVersion, keptRead } from './kept/kept-under-version';
export { keptVersion, type KeptRead } from './kept/kept-versions';
export { generateDemoUsers } from './users/demo-users';
export { HealthController } from './health/health.controller';
export { Heartbeat } from './system/heartbeat.entity';
export { HeartbeatService } from './system/heartbeat.service';
export { isUnavailable } from './http/unavailable';
export { JobWorkerHost } from './queue/job-worker.host';
export { MIN_PASSWORD_LENGTH } from './auth/password';
export { mountQueueDashboard } from './queue/queue-dashboard';
export { newVerificationCode, normaliseVerificationCode } from './verification-code';
export { inLanes } from './work/in-lanes';
export { OutboxEntry } from './outbox/outbox-entry.entity';
export { OutboxRelay } from './outbox/outbox-relay';
export { RateLimit } from './auth/rate-limit';
export { RedisPolicyCheck, REFUSED_EXIT_CODE } from './redis/redis-policy.check';
export { RedisResets } from './redis/redis-resets';
export { renderAccessMatrix } from './auth/access-matrix';
export { resolveJwtSecret } from './auth/jwt-secret';
export { SESSION_COOKIE, WebSessions } from './auth/web-sessions.service';
export { Storage } from './storage/storage';
export { SystemController } from './system/system.controller';
export { totpCodeAt } from './auth/totp';
export { TotpService } from './auth/totp.service';
export { User } from './auth/user.entity';
export { UsersService } from './users/users.service';
export { anonymiseUsers, liveUsersOf, userById, userNames, userNamesInUse, usersByEmail, type UserLine } from './users/users.queries';
export { WebSession } from './auth/web-session.entity';
export { prepared, preparedRead } from './database/prepared';
export { AccountLinks } from './users/account-links';
export { type OrganisationExists, Organisations } from './users/organisations';
export { AppLogger } from './logging/app-logger';
export { logRequests } from './logging/request-log';
export { csrfTokenOf } from './auth/csrf';
export { csvText, csvStream } from './http/csv';
export { deriveKey } from './auth/keys';
export { SignInLocks } from './auth/sign-in-locks';
export { Authenticator } from './auth/authenticator';
export {
  AUDIT_PERSONAL_DATA,
  type Find,
  ID_KEPT,
  type NotPersonalColumn,
  type PersonalColumn,
  type PersonalDataDeclaration,
  PLATFORM_PERSONAL_DATA,
  type Retention,
} from './privacy/personal-columns';
export { collectViewStates, type TagColour, type ViewState, type ViewStates } from './http/view-states';
export * from './letters/letter-kind';
export { ApiConflict, ApiTooLarge, ApiUnauthorized, ERROR_BODY_SCHEMAS, errorExample, operationIdOf, withStandardErrors } from './http/openapi';
export { PageResponse } from './http/page.responses';
