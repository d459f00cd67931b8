// What a slice declares about the columns of its own tables that hold something about a person. Each
// slice exports its declaration (e.g. libs/registry/src/personal-data.ts) and the privacy lib collects
// them into PERSONAL_DATA; it lives here, at the bottom layer, so that every slice can declare its own.

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

/** A column the schema test would take for personal data, and why it is not. */
export interface NotPersonalColumn {
  table: string;
  column: string;
  why: string;
}

/** One slice's contribution: its personal columns (a `via` after the table it follows) and the look-alikes. */
export interface PersonalDataDeclaration {
  personal: readonly PersonalColumn[];
  notPersonal?: readonly NotPersonalColumn[];
}

export const ID_KEPT = { keep: 'an id: the row stays and now leads to "Former member N"' };

/** The platform's own tables: accounts, their sessions, the audit log and the machinery. */
export const PLATFORM_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: [
    { table: 'users', column: 'email', find: 'email', retention: 'anonymise' },
    { table: 'users', column: 'name', retention: 'anonymise' },
    { table: 'web_sessions', column: 'user_id', find: 'user', retention: 'delete' },
  ],
  notPersonal: [
    {
      table: 'job_outbox',
      column: 'payload',
      why: 'ids of letters and reminders and dates, never a person; relayed rows are deleted after OUTBOX_RETENTION_DAYS',
    },
    { table: 'job_outbox', column: 'options', why: 'queue options' },
    { table: 'job_outbox', column: 'name', why: "a job's name" },
    { table: 'system_heartbeats', column: 'processed_by', why: 'a worker process (host and pid)' },
    { table: 'schema_migrations', column: 'name', why: "a migration's name" },
    { table: 'kept_versions', column: 'name', why: "a kept read's name (review_queue), beside its version number" },
  ],
};

/** The accountability record: who did what, when. The application role may only add to it. Searched last. */
export const AUDIT_PERSONAL_DATA: PersonalDataDeclaration = {
  personal: (['actor_id', 'actor_email', 'entity_id', 'before', 'after'] as const).map((column) => ({
    table: 'audit_log',
    column,
    find: ({ actor_id: 'user', actor_email: 'email', entity_id: 'any-id', before: 'mentions', after: 'mentions' } as const)[column],
    retention: { keep: 'append-only: the application cannot rewrite the audit log (SECURITY.md, Records)' },
  })),
};
