import { Application } from '../../approval/src/application.entity';
import { ApplicationCriterion } from '../../approval/src/application-criterion.entity';
import { ApplicationEvent } from '../../approval/src/application-event.entity';
import { Award } from '../../approval/src/award.entity';
import { Evidence } from '../../approval/src/evidence.entity';
import { Letter } from '../../letters/src/letter.entity';
import { LetterTemplate } from '../../letters/src/letter-template.entity';
import { MailDelivery } from '../../letters/src/mail-delivery.entity';
import { Reminder } from '../../reminders/src/reminder.entity';
import { AnnualReturn } from '../../returns/src/annual-return.entity';
import { AnnualReturnRevision } from '../../returns/src/annual-return-revision.entity';
import { LocalAuthority } from '../../returns/src/local-authority.entity';
import { ReturnYear } from '../../returns/src/return-year.entity';
import { SnapshotReport } from '../../returns/src/snapshot-report.entity';
import { ComplianceSnapshot } from '../../compliance/src/compliance-snapshot.entity';
import { RuleParameterVersion } from '../../compliance/src/rule-parameters.entity';
import { AuditEntry } from '../../platform/src/audit/audit-entry.entity';
import { User } from '../../platform/src/auth/user.entity';
import { WebSession } from '../../platform/src/auth/web-session.entity';
import { OutboxEntry } from '../../platform/src/outbox/outbox-entry.entity';
import { Heartbeat } from '../../platform/src/system/heartbeat.entity';
import { Induction } from '../../registry/src/people/induction.entity';
import { Membership } from '../../registry/src/people/membership.entity';
import { Person } from '../../registry/src/people/person.entity';
import { Qualification } from '../../registry/src/people/qualification.entity';
import { NetworkingAttendance } from '../../registry/src/services/networking-attendance.entity';
import { Service } from '../../registry/src/services/service.entity';
import { TeamMember } from '../../registry/src/services/team-member.entity';
import { Inspection } from '../../registry/src/settings/inspection.entity';
import { Setting } from '../../registry/src/settings/setting.entity';
import { SettingStaff } from '../../registry/src/settings/setting-staff.entity';
import { SupervisionParticipant } from '../../supervision/src/supervision-participant.entity';
import { SupervisionSession } from '../../supervision/src/supervision-session.entity';
import { Accreditation } from '../../training/src/accreditation.entity';
import { Attendee } from '../../training/src/attendee.entity';
import { Outcome } from '../../training/src/outcome.entity';
import { Trainer } from '../../training/src/trainer.entity';
import { Workshop } from '../../training/src/workshop.entity';

/** Every entity of the schema; migrations are generated against this list. */
export const ENTITIES = [
  User,
  AuditEntry,
  Heartbeat,
  OutboxEntry,
  Person,
  Membership,
  Qualification,
  Induction,
  Service,
  TeamMember,
  NetworkingAttendance,
  Setting,
  Inspection,
  SettingStaff,
  Trainer,
  Accreditation,
  Workshop,
  Attendee,
  Outcome,
  SupervisionSession,
  SupervisionParticipant,
  RuleParameterVersion,
  ComplianceSnapshot,
  Application,
  ApplicationCriterion,
  ApplicationEvent,
  Evidence,
  Award,
  Letter,
  LetterTemplate,
  MailDelivery,
  Reminder,
  WebSession,
  LocalAuthority,
  ReturnYear,
  AnnualReturn,
  AnnualReturnRevision,
  SnapshotReport,
];
