import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { excessDatabaseRights } from '@npa/database';
import { AuditService, APP_DATABASE_ROLE, appDatabaseUrl, loadConfig } from '@npa/platform';
import { bootApi } from './support/boot';
import { runToExit } from './support/run-to-exit';

/** A connection of the test's own, as the owner (migrations) or as the app would connect. */
async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('The application database role', () => {
  let app: NestFastifyApplication;
  let owner: Client;

  beforeAll(async () => {
    app = await bootApi();
    owner = await connect(process.env.DATABASE_URL!);
  });

  afterAll(async () => {
    await owner?.end();
    await app?.close();
  });

  const db = () => app.get(DataSource);

  it('is what the API connects as, not the owner migrations run as', async () => {
    const [{ user }] = await db().query<{ user: string }[]>('SELECT current_user AS user');
    expect(user).toBe(APP_DATABASE_ROLE);
    const [{ owner: tableOwner }] = (await owner.query<{ owner: string }>(`SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_log'`)).rows;
    expect(tableOwner).not.toBe(APP_DATABASE_ROLE);
    expect(await excessDatabaseRights(db())).toEqual([]);
  });

  it("runs its sessions without PostgreSQL's JIT (SESSION_OPTIONS)", async () => {
    const [{ jit }] = await db().query<{ jit: string }[]>('SHOW jit');
    expect(jit).toBe('off');
  });

  it('may add to the audit log and read it', async () => {
    await app.get(AuditService).record({ actor: null, action: 'test.role_check', entity: 'test', entityId: 'role-1' });
    await db().query(`INSERT INTO audit_log (action, entity, entity_id) VALUES ('test.role_check', 'test', 'role-2')`);
    const rows = await db().query<{ entity_id: string }[]>(`SELECT entity_id FROM audit_log WHERE action = 'test.role_check' ORDER BY id`);
    expect(rows.map((r) => r.entity_id)).toEqual(['role-1', 'role-2']);
  });

  it.each([
    ['update a row', `UPDATE audit_log SET action = 'rewritten' WHERE action = 'test.role_check'`, /permission denied for table audit_log/],
    ['delete a row', `DELETE FROM audit_log WHERE action = 'test.role_check'`, /permission denied for table audit_log/],
    ['truncate it', 'TRUNCATE audit_log', /permission denied for table audit_log/],
    ['disable the trigger', 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only', /must be owner of table audit_log/],
    ['drop the trigger', 'DROP TRIGGER audit_log_append_only ON audit_log', /must be owner of (relation|table) audit_log/],
    [
      'replace the trigger function',
      `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      /permission denied for schema public|must be owner of function/,
    ],
    ['move the id sequence', `SELECT setval(pg_get_serial_sequence('audit_log', 'id'), 1)`, /permission denied for sequence/],
    ['create a table', 'CREATE TABLE app_made (id int)', /permission denied for schema public/],
    ['create a temporary table', 'CREATE TEMP TABLE app_made (id int)', /permission denied to create temporary tables/],
    ['add a column', 'ALTER TABLE people ADD COLUMN nickname text', /must be owner of table people/],
    ['rewrite the migration history', 'DELETE FROM schema_migrations', /permission denied for table schema_migrations/],
  ])('may not %s', async (_what, sql, refusal) => {
    await expect(db().query(sql)).rejects.toThrow(refusal);
  });

  it('leaves the audit rows as they were, and the trigger still stops even the owner', async () => {
    const rows = await db().query<{ action: string }[]>(`SELECT action FROM audit_log WHERE entity = 'test' AND entity_id LIKE 'role-%'`);
    expect(rows).toEqual([{ action: 'test.role_check' }, { action: 'test.role_check' }]);
    await expect(owner.query(`UPDATE audit_log SET action = 'rewritten' WHERE entity = 'test'`)).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM audit_log WHERE entity = 'test'`)).rejects.toThrow(/append-only/);
  });

  it('reads and writes every other table of the schema, including those later migrations add', async () => {
    const { rows } = await owner.query<{ table: string; privileges: string[] }>(
      `SELECT c.relname AS table,
              ARRAY(SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p WHERE has_table_privilege($1, c.oid, p)) AS privileges
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
      [APP_DATABASE_ROLE],
    );
    // register_versions and kept_versions hold numbers the triggers move (AddRegisterVersion, AddKeptVersions): read and moved, never added to or emptied.
    const moved = ['SELECT', 'UPDATE'];
    const special: Record<string, string[]> = { audit_log: ['SELECT', 'INSERT'], schema_migrations: [], register_versions: moved, kept_versions: moved };
    const expected = (table: string) => special[table] ?? ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect({ table: row.table, privileges: row.privileges }).toEqual({ table: row.table, privileges: expected(row.table) });

    // A table a later migration creates as the owner gets the grants with no boilerplate.
    await owner.query('CREATE TABLE role_check_later (id int)');
    try {
      await db().query('INSERT INTO role_check_later VALUES (1)');
      await db().query('UPDATE role_check_later SET id = 2');
      await db().query('DELETE FROM role_check_later');
    } finally {
      await owner.query('DROP TABLE role_check_later');
    }
  });

  it('makes the API, the worker and the CLI refuse to start as the owner', async () => {
    const asOwner = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL });
    await asOwner.initialize();
    try {
      const excess = await excessDatabaseRights(asOwner);
      expect(excess).toEqual(
        expect.arrayContaining([expect.stringMatching(/may update or delete rows of audit_log/), expect.stringMatching(/owns tables of the schema/)]),
      );
    } finally {
      await asOwner.destroy();
    }
    // In processes of their own: an app that fails half-way through its start keeps the connections it had
    // opened, which in this process would hold Jest open after the run.
    for (const main of ['apps/api/src/main.ts', 'apps/worker/src/main.ts']) {
      const { code, output } = await runToExit(main, { DATABASE_APP_URL: process.env.DATABASE_URL!, PORT: '0' });
      expect({ main, refused: code !== 0 }).toEqual({ main, refused: true });
      expect(output).toMatch(/Refusing to start: database user "postgres" may update or delete rows of audit_log/);
    }
  }, 120_000);

  it("derives the app's connection from DATABASE_URL alone, as API.md's single variable promises", () => {
    const url = new URL(appDatabaseUrl(loadConfig({ DATABASE_URL: process.env.DATABASE_URL })));
    expect(url.username).toBe(APP_DATABASE_ROLE);
    expect(url.pathname).toBe(new URL(process.env.DATABASE_URL!).pathname);
  });
});
