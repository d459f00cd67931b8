// Fails when a migration cannot be undone: on a scratch database, migrates up, reverts every migration one
// by one down to an empty schema, and migrates up again; then the same on a database holding the demo data,
// so every down() works on rows too. Run in CI after migration:check.
require('ts-node').register({ transpileOnly: true });
require('tsconfig-paths/register');
const { execFileSync } = require('node:child_process');
const { Client } = require('pg');
const { DataSource } = require('typeorm');
const { dataSourceOptions, migrate } = require('@npa/database');

const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/npa';
const admin = new URL(base);
admin.pathname = '/postgres';

function databaseUrl(name) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query(connectionString, sql, params = []) {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Reverts the last applied migration until none is left; returns how many it reverted. */
async function revertAll(url) {
  const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 2 }, logging: false }));
  await dataSource.initialize();
  let reverted = 0;
  try {
    for (;;) {
      const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM schema_migrations');
      if (count === 0) return reverted;
      const [{ name }] = await dataSource.query('SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1');
      try {
        await dataSource.undoLastMigration({ transaction: 'each' });
      } catch (error) {
        throw new Error(`${name}: down() failed: ${error.message}`);
      }
      reverted++;
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Everything of ours left in the public schema after reverting: tables, views, sequences, types, functions. */
async function leftovers(url) {
  const rows = await query(
    url,
    `SELECT 'table ' || table_name AS what FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name <> 'schema_migrations'
     UNION ALL SELECT 'sequence ' || sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public' AND sequence_name <> 'schema_migrations_id_seq'
     UNION ALL SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)
     UNION ALL SELECT 'function ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
  );
  return rows.map((r) => r.what);
}

async function roundTrip(label, url, fill) {
  const started = Date.now();
  const up = await migrate(url);
  if (up.length === 0) throw new Error(`${label}: no migration ran up`);
  if (fill) {
    fill(url);
    const [{ people }] = await query(url, 'SELECT count(*)::int AS people FROM people');
    if (people === 0) throw new Error(`${label}: the database holds no people after filling it`);
  }
  const reverted = await revertAll(url);
  if (reverted !== up.length) throw new Error(`${label}: reverted ${reverted} of ${up.length} migrations`);
  const left = await leftovers(url);
  if (left.length > 0) throw new Error(`${label}: after reverting every migration the schema still holds ${left.join(', ')}`);
  const again = await migrate(url);
  if (again.length !== up.length) throw new Error(`${label}: ${again.length} of ${up.length} migrations ran up again`);
  console.log(`migration:roundtrip: ${label}: ${up.length} up, ${reverted} down, ${again.length} up again (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function seedDemo(url) {
  execFileSync('node', ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'seed-demo'], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function main() {
  const names = [`npa_test_roundtrip_empty_${process.pid}`, `npa_test_roundtrip_demo_${process.pid}`];
  try {
    await roundTrip('empty database', databaseUrl(names[0]));
    await roundTrip('demo data', databaseUrl(names[1]), seedDemo);
  } finally {
    for (const name of names) await query(admin.toString(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((error) => {
  console.error(`migration:roundtrip failed: ${error.message}`);
  process.exit(1);
});
