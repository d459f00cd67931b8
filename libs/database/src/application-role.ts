import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { APP_DATABASE_ROLE } from '@npa/platform';

/**
 * What the app's database user could do that it must not: the owner or a superuser could rewrite the
 * audit log and change the schema, which the application role (migration AddApplicationRole) cannot.
 * Empty when the connection is the application role, or another with no more than its rights.
 */
export async function excessDatabaseRights(db: Pick<DataSource, 'query'>): Promise<string[]> {
  const [row] = await db.query<{ user: string; migrated: boolean; rewrite: boolean; create: boolean; owner: boolean }[]>(
    `SELECT current_user AS user,
            to_regclass('public.audit_log') IS NOT NULL AS migrated,
            to_regclass('public.audit_log') IS NOT NULL AND (has_table_privilege('public.audit_log', 'UPDATE') OR has_table_privilege('public.audit_log', 'DELETE')
              OR has_table_privilege('public.audit_log', 'TRUNCATE')) AS rewrite,
            has_schema_privilege('public', 'CREATE') AS create,
            EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND pg_has_role(c.relowner, 'USAGE')) AS owner`,
  );
  if (!row.migrated) return [`the database is not migrated (no audit_log table): run "npm run migrate" first`];
  const excess: string[] = [];
  if (row.rewrite) excess.push('may update or delete rows of audit_log');
  if (row.owner) excess.push('owns tables of the schema');
  if (row.create) excess.push('may create tables in the public schema');
  return excess.map((what) => `database user "${row.user}" ${what}`);
}

/**
 * The API, the worker and the CLI's commands refuse to start as the schema's owner: the audit log's
 * protection and "the app never runs DDL" hold only while they connect as the application role.
 */
@Injectable()
export class ApplicationRoleCheck implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const excess = await excessDatabaseRights(this.dataSource);
    if (excess.length > 0) {
      throw new Error(`Refusing to start: ${excess.join('; ')}. The app connects as the application role (DATABASE_APP_URL, default npa_app); see README.`);
    }
  }
}

/**
 * Gives npa_app the password its connection URL carries (docker-compose.yml sets one), run by `migrate`
 * as the owner after the migrations. Migrations make the role without one, since roles are the whole
 * cluster's and a password belongs to the deployment, not the schema. Does nothing when the app's URL
 * names another login or no password.
 */
export async function setApplicationRolePassword(ownerUrl: string, appUrl: string | undefined): Promise<boolean> {
  if (!appUrl) return false;
  const url = new URL(appUrl);
  const password = decodeURIComponent(url.password);
  if (decodeURIComponent(url.username) !== APP_DATABASE_ROLE || password === '') return false;
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // ALTER ROLE takes no parameters; escapeLiteral quotes the password as PostgreSQL's quote_literal does.
    await client.query(`ALTER ROLE ${APP_DATABASE_ROLE} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
    return true;
  } finally {
    await client.end();
  }
}
