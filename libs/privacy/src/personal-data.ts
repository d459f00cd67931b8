/**
 * The one list of where the register holds something about a person, column by column: how a subject
 * access request finds the person's rows by it, and what retention does to it once the person is
 * anonymised. test/personal-data.e2e-spec.ts reads the schema and fails when a column that refers to
 * people or users (a foreign key to them, an email, a person-like id, a name, any jsonb) is neither
 * here nor in NOT_PERSONAL with a reason, so a new table cannot be forgotten.
 */

/**
 * How subject access finds the person's rows by a column:
 * - `person`, `user`, `trainer`: it holds the id of the person, one of their user accounts, their trainer record;
 * - `any-id`: it holds an id of any kind (a letter's subject, an audit row's entity) and may be one of those;
 * - `email`: it holds an address, compared whatever its case;
 * - `mentions`: jsonb that names one of those ids, or holds the address as a value;
 * - `{ via: table }`: it holds the id of a row already found in that table (earlier in the list).
 */
export type Find = 'person' | 'user' | 'trainer' | 'any-id' | 'email' | 'mentions' | { via: string };

/**
 * What retention does to the column in the rows found for an anonymised person:
 * - `anonymise`: the person's or account's own name and address, replaced by AnonymiseService;
 * - `scrub`: a copy of the name or address inside text or jsonb, replaced where it appears;
 * - `delete`: the rows go (signed-in sessions);
 * - `keep`: left as it is, with the reason.
 */
export type Retention = 'anonymise' | 'scrub' | 'delete' | { keep: string };

export interface PersonalColumn {
  table: string;
  column: string;
  find?: Find;
  retention: Retention;
  /** For a copied name: the column naming whose it is; when that is the person, retention replaces it whole. */
  nameOf?: string;
}

const ID_KEPT = { keep: 'an id: the row stays and now leads to "Former member N"' };

export const PERSONAL_DATA: readonly PersonalColumn[] = [
  { table: 'people', column: 'email', find: 'email', retention: 'anonymise' },
  { table: 'people', column: 'name', retention: 'anonymise' },
  { table: 'users', column: 'email', find: 'email', retention: 'anonymise' },
  { table: 'users', column: 'name', retention: 'anonymise' },
  { table: 'web_sessions', column: 'user_id', find: 'user', retention: 'delete' },

  { table: 'team_members', column: 'person_id', find: 'person', retention: ID_KEPT },
  { table: 'memberships', column: 'person_id', find: 'person', retention: ID_KEPT },
  { table: 'qualifications', column: 'person_id', find: 'person', retention: ID_KEPT },
  { table: 'inductions', column: 'person_id', find: 'person', retention: ID_KEPT },
  { table: 'setting_staff', column: 'person_id', find: 'person', retention: ID_KEPT },
  { table: 'supervision_sessions', column: 'supervisor_id', find: 'person', retention: ID_KEPT },
  { table: 'supervision_sessions', column: 'recorded_by', find: 'user', retention: ID_KEPT },
  { table: 'supervision_participants', column: 'practitioner_id', find: 'person', retention: ID_KEPT },
  { table: 'trainers', column: 'person_id', find: 'person', retention: ID_KEPT },
  { table: 'trainers', column: 'user_id', find: 'user', retention: ID_KEPT },
  { table: 'trainer_accreditations', column: 'trainer_id', find: 'trainer', retention: ID_KEPT },
  { table: 'workshops', column: 'trainer_id', find: 'trainer', retention: ID_KEPT },
  { table: 'workshop_attendees', column: 'person_id', find: 'person', retention: ID_KEPT },
  { table: 'workshop_outcomes', column: 'person_id', find: 'person', retention: ID_KEPT },
  { table: 'workshop_outcomes', column: 'recorded_by', find: 'user', retention: ID_KEPT },
  { table: 'workshops', column: 'confirmed_by', find: 'user', retention: ID_KEPT },

  { table: 'applications', column: 'created_by', find: 'user', retention: ID_KEPT },
  { table: 'applications', column: 'reviewer_id', find: 'user', retention: ID_KEPT },
  { table: 'applications', column: 'decided_by', find: 'user', retention: ID_KEPT },
  { table: 'application_events', column: 'actor_id', find: 'user', retention: ID_KEPT },
  { table: 'application_events', column: 'actor_name', retention: 'scrub', nameOf: 'actor_id' },
  { table: 'application_criteria', column: 'evaluation', find: 'mentions', retention: 'scrub' },
  { table: 'evidence', column: 'uploaded_by', find: 'user', retention: ID_KEPT },
  // The name the uploader gave the file may name someone ("Jane Smith certificate.pdf"); its content is not read.
  { table: 'evidence', column: 'file_name', retention: 'scrub' },
  { table: 'compliance_snapshots', column: 'results', find: 'mentions', retention: 'scrub' },

  { table: 'reminders', column: 'subject_id', find: 'any-id', retention: ID_KEPT },
  { table: 'reminders', column: 'recipients', find: 'mentions', retention: 'scrub' },
  { table: 'reminders', column: 'facts', find: 'mentions', retention: 'scrub' },
  { table: 'letters', column: 'subject_id', find: 'any-id', retention: ID_KEPT },
  { table: 'letters', column: 'reminder_id', find: { via: 'reminders' }, retention: ID_KEPT },
  { table: 'letters', column: 'recipients', find: 'mentions', retention: 'scrub' },
  { table: 'letters', column: 'data', find: 'mentions', retention: 'scrub' },
  { table: 'letters', column: 'subject_name', retention: 'scrub', nameOf: 'subject_id' },
  { table: 'letters', column: 'created_by', find: 'user', retention: ID_KEPT },
  { table: 'mail_deliveries', column: 'letter_id', find: { via: 'letters' }, retention: ID_KEPT },
  { table: 'mail_deliveries', column: 'recipients', find: 'mentions', retention: 'scrub' },
  { table: 'mail_deliveries', column: 'subject', retention: 'scrub' },
  { table: 'letter_templates', column: 'published_by', find: 'user', retention: ID_KEPT },
  { table: 'rule_parameter_versions', column: 'created_by', find: 'user', retention: ID_KEPT },

  // Annual returns are a service's counts; only who filed, corrected or closed them is about a person.
  { table: 'annual_returns', column: 'filed_by', find: 'user', retention: ID_KEPT },
  { table: 'annual_returns', column: 'updated_by', find: 'user', retention: ID_KEPT },
  { table: 'annual_return_revisions', column: 'filed_by', find: 'user', retention: ID_KEPT },
  { table: 'annual_return_revisions', column: 'filed_by_name', retention: 'scrub', nameOf: 'filed_by' },
  { table: 'return_years', column: 'closed_by', find: 'user', retention: ID_KEPT },
  { table: 'snapshot_reports', column: 'created_by', find: 'user', retention: ID_KEPT },

  // The accountability record: who did what, when. The application role may only add to it.
  ...(['actor_id', 'actor_email', 'entity_id', 'before', 'after'] as const).map((column) => ({
    table: 'audit_log',
    column,
    find: ({ actor_id: 'user', actor_email: 'email', entity_id: 'any-id', before: 'mentions', after: 'mentions' } as const)[column],
    retention: { keep: 'append-only: the application cannot rewrite the audit log (SECURITY.md, Records)' },
  })),
];

/** Columns the schema test would take for personal data, and why they are not. */
export const NOT_PERSONAL: readonly { table: string; column: string; why: string }[] = [
  { table: 'services', column: 'name', why: "an organisation's name" },
  { table: 'settings', column: 'name', why: "an organisation's name" },
  { table: 'compliance_snapshots', column: 'subject_id', why: 'a service or a setting, never a person' },
  { table: 'rule_parameter_versions', column: 'params', why: 'thresholds' },
  {
    table: 'job_outbox',
    column: 'payload',
    why: 'ids of letters and reminders and dates, never a person; relayed rows are deleted after OUTBOX_RETENTION_DAYS',
  },
  { table: 'job_outbox', column: 'options', why: 'queue options' },
  { table: 'job_outbox', column: 'name', why: "a job's name" },
  { table: 'system_heartbeats', column: 'processed_by', why: 'a worker process (host and pid)' },
  { table: 'schema_migrations', column: 'name', why: "a migration's name" },
  { table: 'local_authorities', column: 'name', why: "a local authority's name" },
  { table: 'annual_return_revisions', column: 'figures', why: "a service's counts and costs for a year, never a person or a child" },
  { table: 'snapshot_reports', column: 'figures', why: 'national aggregate figures; the service names in it are organisations' },
];

/** Secrets are never exported: subject access says they are held, not what they are. */
export const WITHHELD = /password|secret|hash|token/;
